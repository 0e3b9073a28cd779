"""The watchlist: state aircraft from `data/aircraft.yaml`, valid on a day."""

from __future__ import annotations

import datetime as dt

from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import Aircraft

CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2}


def watched(kb: KnowledgeBase, icao24: str, on: dt.date) -> Aircraft | None:
    """The watchlist record for the address on that day (addresses are reused: dates matter)."""
    for a in kb.aircraft_by_icao24.get(icao24.lower(), ()):
        if a.valid_from is not None and on < a.valid_from.first_day:
            continue
        if a.valid_to is not None and on > a.valid_to.last_day:
            continue
        return a
    return None


def lower(*levels: str) -> str:
    """The weakest of several confidence levels: a chain is as strong as its weakest link."""
    return min(levels, key=lambda c: CONFIDENCE_ORDER[c])


def callsign_matches(aircraft: Aircraft, callsign: str | None) -> bool | None:
    """Does the callsign start with a prefix reported for this aircraft? None when nothing to compare."""
    if not callsign or not aircraft.callsigns:
        return None
    return any(callsign.upper().startswith(p.upper()) for p in aircraft.callsigns)
