"""Alerts: a watched aircraft landed in (or is heading for) a state bound to arrest an associated
person on that day. The engine (`law`, through `queries.check`) decides the duty; nothing here
re-derives law. Every alert says what the data cannot show: who was aboard.

Channels: the terminal (CLI), JSON Lines, a webhook (POST, retried), an Atom feed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from warrantwatch.errors import WarrantWatchError
from warrantwatch.law.assessment import Assessment
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import Aircraft, Association
from warrantwatch.tracks.formats import address_sql
from warrantwatch.tracks.landings import Event
from warrantwatch.tracks.watchlist import callsign_matches, lower, watched

ALERT_KINDS = ("landing", "landing-after-gap", "seen-on-ground")
FORMATION_S = 2 * 3600  # other watched aircraft at the same airport within this time

CANNOT_SHOW = ("Position data shows an aircraft, not its passengers: it cannot show whether {name} was "
               "aboard. State aircraft often fly in groups (a decoy or back-up aircraft, a delegation, "
               "cargo), and transponders can be switched off or go unreceived.")


@dataclass(frozen=True)
class Alert:
    kind: str  # "landed", "on-ground" (arrival not observed), "heading"
    event: Event
    aircraft: Aircraft
    association: Association
    person_name: str
    state_name: str
    assessment: Assessment
    confidence: str
    evidence: tuple[dict, ...] = ()
    notes: tuple[str, ...] = ()
    companions: tuple[str, ...] = field(default=())  # other watched aircraft at the same place and time
    # where the positions came from (tracks.trackmap.provenance): a synthetic track must say so
    # wherever the alert is shown, not only on its map
    track: str = ""

    @property
    def id(self) -> str:
        key = f"{self.kind}|{self.event.icao24}|{self.event.time.isoformat()}|{self.association.person}"
        return hashlib.sha256(key.encode()).hexdigest()[:20]

    @property
    def day(self) -> dt.date:
        return self.event.time.date()

    @property
    def headline(self) -> str:
        a, e = self.aircraft, self.event
        verb = {"landed": "landed at", "on-ground": "was seen on the ground at",
                "heading": "is heading for"}[self.kind]
        place = f"{e.airport} ({e.airport_name})" if e.airport and self.kind != "heading" else (e.airport or "")
        state = self.state_name
        return (f"{a.registration} ({a.type}), an aircraft associated with {self.person_name}, {verb} "
                f"{place + ', ' if place else ''}{state}, {e.time:%Y-%m-%d %H:%M} UTC")

    def to_dict(self) -> dict[str, Any]:
        a = self.assessment
        return {
            "id": self.id, "kind": self.kind, "headline": self.headline,
            "person": self.association.person, "person_name": self.person_name,
            "aircraft": {"icao24": self.aircraft.icao24, "registration": self.aircraft.registration,
                         "type": self.aircraft.type, "operator": self.aircraft.operator,
                         "association_confidence": self.association.confidence.value,
                         "association_sources": list(self.association.sources)},
            "event": self.event.to_dict(),
            "state": self.event.state, "state_name": self.state_name, "date": self.day.isoformat(),
            "assessment": {"outcome": a.outcome.name, "summary": a.summary,
                           "basis": [b.ref for b in a.basis], "caveats": [c.text for c in a.caveats],
                           "sources": list(a.sources)},
            "confidence": self.confidence,
            "evidence": list(self.evidence),
            "cannot_show": CANNOT_SHOW.format(name=self.person_name),
            "notes": list(self.notes),
            "companions": list(self.companions),
            "track": self.track,
        }


def _evidence(connection, icao24: str, at: float, source: str, before_s: float = 1800, after_s: float = 600):
    """Positions around the event: the approach and the first ground points, as plain rows."""
    if connection is None:
        return ()
    key, _ = address_sql(connection, source)
    rows = connection.execute(
        f"SELECT time, lat, lon, alt_ft, gs_kt, on_ground FROM {source} WHERE icao24 = {key} AND time BETWEEN ? AND ? "
        "ORDER BY time", [icao24, at - before_s, at + after_s]).fetchall()
    step = max(1, len(rows) // 12)
    picked = rows[::step][:12]
    if rows and rows[-1] not in picked:
        picked.append(rows[-1])
    return tuple({"time": dt.datetime.fromtimestamp(t, dt.UTC).isoformat().replace("+00:00", "Z"),
                  "lat": round(la, 5), "lon": round(lo, 5), "alt_ft": None if alt is None else round(alt),
                  "gs_kt": None if gs is None else round(gs), "on_ground": g} for t, la, lo, alt, gs, g in picked)


def build(kb: KnowledgeBase, events: Iterable[Event], *, connection=None, source: str = "positions"
          ) -> list[Alert]:
    """An alert for each landing (or ground sighting) of a watched aircraft in a state with a duty
    to arrest an associated person on that day."""
    from warrantwatch.queries import check

    events = list(events)
    alerts = []
    for e in events:
        if e.kind not in ALERT_KINDS or e.state is None:
            continue
        day = e.time.date()
        aircraft = watched(kb, e.icao24, day)
        if aircraft is None:
            continue
        for association in aircraft.persons:
            assessment = check(association.person, e.state, day, kb=kb)
            if not assessment.outcome.duty:
                continue
            kind = "on-ground" if e.kind == "seen-on-ground" else "landed"
            notes = []
            if e.kind == "landing-after-gap":
                notes.append(f"Coverage was lost for {e.gap_s / 60:.0f} min before the aircraft was seen on "
                             "the ground; the landing itself was not observed.")
            if e.kind == "seen-on-ground":
                notes.append("The aircraft was seen on the ground; when it arrived was not observed.")
            match = callsign_matches(aircraft, e.callsign)
            if match is not None:
                notes.append(f"Callsign {e.callsign} {'matches' if match else 'does not match'} the pattern "
                             f"reported for this aircraft ({', '.join(aircraft.callsigns)}).")
            companions = tuple(sorted({
                f"{watched(kb, o.icao24, day).registration} at {o.time:%H:%M} UTC" for o in events
                if o is not e and o.icao24 != e.icao24 and o.kind in ALERT_KINDS and o.airport == e.airport
                and o.airport is not None and abs((o.time - e.time).total_seconds()) <= FORMATION_S
                and watched(kb, o.icao24, day) is not None}))
            if companions:
                notes.append("Other watched aircraft landed at the same airport within two hours: "
                             + "; ".join(companions) + ". Any one of them, or none, may have carried "
                             f"{kb.person_by_id[association.person].name}.")
            confidence = lower(e.confidence, association.confidence.value)
            alerts.append(Alert(kind, e, aircraft, association, kb.person_by_id[association.person].name,
                                kb.state_by_code[e.state].name, assessment, confidence,
                                _evidence(connection, e.icao24, e.time.timestamp(), source),
                                tuple(notes), companions))
    return alerts


# --- "heading for": the current track projected ahead ------------------------------------------

def _ahead(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    r = km / 6371.0088
    p, q, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    lat2 = math.asin(math.sin(p) * math.cos(r) + math.cos(p) * math.sin(r) * math.cos(b))
    lon2 = q + math.atan2(math.sin(b) * math.sin(r) * math.cos(p), math.cos(r) - math.sin(p) * math.sin(lat2))
    return math.degrees(lat2), (math.degrees(lon2) + 540) % 360 - 180


def _bearing(lat1, lon1, lat2, lon2) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360


def heading(kb: KnowledgeBase, connection, *, source: str = "positions", horizon_min: float = 60.0,
            destination: str | None = None) -> list[Alert]:
    """For each watched aircraft last seen airborne: the states its current track crosses within
    `horizon_min` at its speed (or the announced `destination` state), and an alert for the first
    one bound to arrest an associated person. Low confidence: a straight line is not a flight plan."""
    from warrantwatch.geo.locate import locate
    from warrantwatch.queries import check
    from warrantwatch.records.resolve import resolver_for
    from warrantwatch.tracks.landings import Event

    wanted = sorted(kb.aircraft_by_icao24)
    if not wanted:
        return []
    key, text = address_sql(connection, source)
    rows = connection.execute(f"""
        SELECT {text}, arg_max(time, time), arg_max(lat, time), arg_max(lon, time), arg_max(gs_kt, time),
               arg_max(coalesce(on_ground, gs_kt < 40), time), arg_max(callsign, time),
               list(struct_pack(t := time, la := lat, lo := lon) ORDER BY time DESC)[1:5]
        FROM {source} WHERE icao24 IN ({', '.join([key] * len(wanted))}) GROUP BY icao24""", wanted).fetchall()
    dest_code = resolver_for(kb).state(destination) if destination else None
    alerts = []
    for icao24, t, lat, lon, gs, ground, callsign, recent in rows:
        if ground or not gs or len(recent) < 2:
            continue
        when = dt.datetime.fromtimestamp(t, dt.UTC)
        aircraft = watched(kb, icao24, when.date())
        if aircraft is None:
            continue
        older = recent[-1]
        bearing = _bearing(older["la"], older["lo"], lat, lon)
        here = locate(lon, lat)
        reach_km = gs * 1.852 * horizon_min / 60
        crossed = []
        for k in range(1, 41):
            pla, plo = _ahead(lat, lon, bearing, reach_km * k / 40)
            s = locate(plo, pla)
            if s and s != here and s not in crossed:
                crossed.append(s)
        targets = [dest_code] if dest_code else crossed
        for association in aircraft.persons:
            for state in targets:
                assessment = check(association.person, state, when.date(), kb=kb)
                if not assessment.outcome.duty:
                    continue
                event = Event(icao24, "heading", when, lat, lon, None, None, None, state, "low",
                              aircraft.registration, callsign)
                note = (f"Announced destination {state}." if dest_code else
                        f"Its current track ({bearing:.0f}°, {gs:.0f} kt) reaches {state} within "
                        f"{horizon_min:.0f} min if held; a straight line is not a flight plan.")
                alerts.append(Alert("heading", event, aircraft, association,
                                    kb.person_by_id[association.person].name, kb.state_by_code[state].name,
                                    assessment, "low",
                                    _evidence(connection, icao24, t, source, before_s=900, after_s=0),
                                    (note,)))
                break
    return alerts


# --- channels -----------------------------------------------------------------------------------

def to_jsonl(alerts: Iterable[Alert]) -> str:
    return "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in alerts)


class DeliveryFailed(WarrantWatchError):
    """The webhook did not take the alert: not the user's input, so exit status 1."""

    exit_code = 1


def post(url: str, alert: Alert, *, retries: int = 4, backoff_s: float = 0.5, timeout_s: float = 10.0) -> int:
    """POST the alert as JSON; retried with exponential backoff on errors and 5xx/429. Returns the status."""
    body = json.dumps(alert.to_dict(), ensure_ascii=False).encode()
    last = ""
    for attempt in range(retries + 1):
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json",
                                                  "User-Agent": "warrantwatch-tracks",
                                                  "Idempotency-Key": alert.id})
        try:
            with urllib.request.urlopen(request, timeout=timeout_s) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
            if exc.code < 500 and exc.code != 429:
                raise DeliveryFailed(f"webhook {url} refused the alert: {last}") from exc
        except (urllib.error.URLError, OSError) as exc:
            last = str(getattr(exc, "reason", exc))
        if attempt < retries:
            time.sleep(backoff_s * 2 ** attempt)
    raise DeliveryFailed(f"webhook {url} failed after {retries + 1} attempts: {last}")


def atom(alerts: Iterable[Alert | dict], *, feed_url: str = "urn:warrantwatch:alerts",
         updated: dt.datetime | None = None) -> str:
    """An Atom 1.0 feed of alerts (dicts as stored, or Alert objects); every text escaped."""
    items = [a.to_dict() if isinstance(a, Alert) else a for a in alerts]
    items.sort(key=lambda d: d["event"]["time"], reverse=True)
    stamp = (updated or dt.datetime.now(dt.UTC)).isoformat().replace("+00:00", "Z")
    if items:
        stamp = max(d["event"]["time"] for d in items)
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           "<title>warrantwatch: watched aircraft alerts</title>", f"<id>{escape(feed_url)}</id>",
           f"<updated>{escape(stamp)}</updated>", "<author><name>warrantwatch</name></author>"]
    for d in items:
        body = (f"{d['headline']}. {d['assessment']['summary']} Confidence: {d['confidence']}. "
                f"{d['cannot_show']} " + " ".join(d.get("notes", []))
                + (f" {d['track']}." if d.get("track") else ""))
        out += ["<entry>", f"<id>urn:warrantwatch:alert:{escape(d['id'])}</id>",
                f"<title>{escape(d['headline'])}</title>", f"<updated>{escape(d['event']['time'])}</updated>",
                f"<summary>{escape(body)}</summary>"]
        out += [f'<link rel="related" href="{escape(s, {chr(34): "&quot;"})}"/>'
                for s in d["aircraft"]["association_sources"]]
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"
