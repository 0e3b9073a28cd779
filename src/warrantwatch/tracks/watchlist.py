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


CREDIT = ("Aircraft addresses, registrations, types and operators checked against plane-alert-db "
          "(https://github.com/sdr-enthusiasts/plane-alert-db, © SDR-Enthusiasts, Ramon F. Kolb (kx1t) and "
          "contributors; contents under the DbCL), Open Database License "
          "(ODbL) v1.0; the watchlist is a derived database under the ODbL.")
NOT_ABOARD = ("An association is a press report (or a plane-alert-db tag) tying the aircraft to the person: "
              "it never shows that the person is aboard. State aircraft fly in groups and transponders go dark.")


def listing(kb: KnowledgeBase, *, person: str | None = None, on: dt.date | None = None) -> list[dict]:
    """The watchlist as plain data, optionally only aircraft associated with one person (an id) and only
    records whose address is valid on a day. Each association keeps its confidence, note and sources."""
    rows = []
    for a in kb.aircraft:
        if person is not None and all(s.person != person for s in a.persons):
            continue
        if on is not None and watched(kb, a.icao24, on) is not a:
            continue
        rows.append({
            "icao24": a.icao24, "registration": a.registration, "type": a.type, "operator": a.operator,
            "state": a.state,
            "valid_from": str(a.valid_from) if a.valid_from else None,
            "valid_to": str(a.valid_to) if a.valid_to else None,
            "callsigns": list(a.callsigns),
            "persons": [{"person": s.person, "name": kb.person_by_id[s.person].name,
                         "confidence": s.confidence.value, "note": s.note, "sources": list(s.sources)}
                        for s in a.persons],
            "note": a.note, "sources": list(a.sources),
        })
    return rows
