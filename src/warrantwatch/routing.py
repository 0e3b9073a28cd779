"""Route answers: the airspaces a flight crosses with the engine's outcome in each, the diversion
airports along the way, and the detour that keeps out of chosen airspaces.

`route("VKO", "ULN", person="putin", on="2024-09-03")` → `RoutePlan`. Geometry comes from
`geo.routes`; every legal outcome from `law.world` (never re-derived here).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from warrantwatch.clock import today
from warrantwatch.errors import NoRoute, WarrantWatchError
from warrantwatch.law.assessment import Outcome, World
from warrantwatch.law.obligation import assess as _assess
from warrantwatch.law.obligation import world as _world
from warrantwatch.queries import resolve_day
from warrantwatch.records.knowledge import KnowledgeBase, bundled
from warrantwatch.records.resolve import resolver_for

DEFAULT_SPEED_KMH = 850.0
DIVERSION_STEP_KM = 50.0
PATH_STEP_KM = 10.0
ENTRY_NOTE = ("Overflight is not entry, but a diversion or emergency landing is: an aircraft forced down "
              "in a state bound to arrest puts the person on that state's territory.")


@dataclass(frozen=True)
class AirspaceCrossing:
    state: str  # ISO3 of the state ("" for an area of no state)
    area: str  # the area's own code (a territory's, e.g. "GRL")
    name: str
    entry_km: float
    exit_km: float
    outcome: str  # the engine's outcome name for the state; NOT_ASSESSED for areas of no state
    territory_of: str | None = None
    positions: tuple[dict, ...] = ()

    def to_dict(self, speed_kmh: float) -> dict[str, Any]:
        d = {"state": self.state, "area": self.area, "name": self.name,
             "entry_km": round(self.entry_km, 1), "exit_km": round(self.exit_km, 1),
             "entry_h": round(self.entry_km / speed_kmh, 2), "exit_h": round(self.exit_km / speed_kmh, 2),
             "km": round(self.exit_km - self.entry_km, 1), "outcome": self.outcome,
             "positions": list(self.positions)}
        if self.territory_of:
            d["territory_of"] = self.territory_of
        return d


@dataclass(frozen=True)
class RoutePlan:
    origin: Any  # geo.airports.Airport
    destination: Any
    person: str
    person_name: str
    on: dt.date
    speed_kmh: float
    waypoints: tuple[tuple[float, float], ...]
    stops: tuple[Any, ...]  # Airports where the flight lands between origin and destination
    km: float
    direct_km: float
    path: np.ndarray
    airspaces: tuple[AirspaceCrossing, ...]
    diversion: tuple[dict, ...]
    avoided: tuple[str, ...]  # area codes kept out of
    caveats: tuple[str, ...] = field(default=())
    reviewed: dt.date | None = None  # the record's review stamp, as the engine gives it

    @property
    def avoided_states(self) -> tuple[str, ...]:
        """The states whose airspace (with their territories') was kept out of."""
        from warrantwatch.geo.airspace import load

        space = load()
        return tuple(sorted({space.area(c).state for c in self.avoided if space.area(c).state}))

    @property
    def extra_km(self) -> float:
        return self.km - self.direct_km

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.origin.to_dict(), "to": self.destination.to_dict(),
            "person": self.person, "person_name": self.person_name, "on": self.on.isoformat(),
            "km": round(self.km, 1), "direct_km": round(self.direct_km, 1),
            "extra_km": round(self.extra_km, 1), "hours": round(self.km / self.speed_kmh, 2),
            "speed_kmh": self.speed_kmh,
            "stops": [s.to_dict() for s in self.stops],
            "waypoints": [[round(x, 4), round(y, 4)] for x, y in self.waypoints],
            "path": [[round(float(x), 4), round(float(y), 4)] for x, y in self.path],
            "avoid": list(self.avoided), "avoid_states": list(self.avoided_states),
            "airspaces": [c.to_dict(self.speed_kmh) for c in self.airspaces],
            "diversion": list(self.diversion),
            "caveats": list(self.caveats),
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
        }


def _outcomes(result: World) -> dict[str, Outcome]:
    return {a.area: a.outcome for a in result.assessments}


def _area_outcomes(kb: KnowledgeBase, result: World, person_id: str, day: dt.date) -> dict[str, Outcome]:
    """The engine's outcome for every area with a state: a state's own, and for a dependent territory
    the engine's answer for that place (whether the state's ratification reaches it on the day)."""
    from warrantwatch.geo.airspace import load

    states = _outcomes(result)
    out: dict[str, Outcome] = {}
    for area in load().areas:
        if area.state is None or area.state not in states:
            continue
        if area.kind == "territory" and area.code in kb.territory_by_code:
            out[area.code] = _assess(kb, person_id, area.state, day, as_of=today(), place=area.code).outcome
        else:
            out[area.code] = states[area.state]
    return out


def stated_positions(kb: KnowledgeBase, state: str, person: str, on: dt.date) -> tuple[dict, ...]:
    """What the state's government said about executing this person's warrant (data/positions.yaml),
    each marked `later` when said after the day of the flight."""
    out = []
    for p in kb.positions_of.get(state, ()):
        if p.person != person:
            continue
        out.append({"date": str(p.date), "stance": p.stance.value, "speaker": p.speaker, "summary": p.summary,
                    "later": p.date.first_day > on, "sources": list(p.sources)})
    return tuple(out)


def _avoid_codes(spec: str | list[str] | None, outcomes: dict[str, Outcome], kb: KnowledgeBase) -> list[str]:
    """Area codes to keep out of: 'obliged' (every area whose state is bound to arrest the person
    there, by the engine, territories included) or a list of states (ISO3 or names; each with its
    territories)."""
    from warrantwatch.geo.airspace import load

    if not spec:
        return []
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    states: set[str] = set()
    codes: set[str] = set()
    resolver = resolver_for(kb)
    for item in (i.strip() for i in items if i.strip()):
        if item.casefold() == "obliged":
            codes |= {c for c, o in outcomes.items() if o.duty}
        else:
            states.add(resolver.state(item))
    return sorted(codes | {a.code for a in load().areas if a.state in states})


def route(origin: str, destination: str, *, person: str, on: str | dt.date | None = None,
          avoid: str | list[str] | None = None, via: list[str] | tuple[str, ...] = (),
          speed_kmh: float = DEFAULT_SPEED_KMH, max_leg_km: float | None = None,
          kb: KnowledgeBase | None = None) -> RoutePlan:
    """The route from origin to destination (airports by IATA/ICAO code or city), for a person on a day."""
    from warrantwatch.geo import airports, geodesic
    from warrantwatch.geo.airspace import load
    from warrantwatch.geo.routes import crossings, detour

    if not (50.0 <= speed_kmh <= 3000.0):
        raise WarrantWatchError(f"speed {speed_kmh:g} km/h: give a cruise speed between 50 and 3000 km/h")
    if max_leg_km is not None and max_leg_km <= 0:
        raise WarrantWatchError(f"--max-leg {max_leg_km:g}: give a positive distance in km")
    kb = kb or bundled()
    day = resolve_day(on)
    person_id = resolver_for(kb).person(person)
    result = _world(kb, person_id, day, as_of=today())
    outcomes = _area_outcomes(kb, result, person_id, day)
    space = load()
    avoided = _avoid_codes(avoid, outcomes, kb)
    blocked = np.zeros(len(space.areas), dtype=bool)
    blocked[[space.index[c] for c in avoided]] = True

    ends = [airports.find(origin), *(airports.find(v) for v in via), airports.find(destination)]
    if ends[0].icao == ends[-1].icao and not via:
        raise WarrantWatchError(f"{origin!r} and {destination!r} are the same airport")
    for where, ap in zip(["origin", *["stop"] * len(via), "destination"], ends, strict=True):
        if ap.area and blocked[space.index[ap.area]]:
            raise NoRoute(f"no route: the {where} {ap.code} ({ap.name}) lies in "
                          f"{space.area(ap.area).name}, an avoided airspace")
    waypoints: list[tuple[float, float]] = [(ends[0].lon, ends[0].lat)]
    for a, z in itertools.pairwise(ends):
        leg = detour((a.lon, a.lat), (z.lon, z.lat), blocked) if avoided else [(a.lon, a.lat), (z.lon, z.lat)]
        waypoints += leg[1:]
    stops = list(ends[1:-1])
    if max_leg_km and via:
        raise WarrantWatchError("give either --via stops or --max-leg, not both")
    if max_leg_km:
        waypoints, stops = _refuel(waypoints, ends, stops, max_leg_km, blocked, avoided)
    km = geodesic.length_km(waypoints)
    direct_km = geodesic.distance_km((ends[0].lon, ends[0].lat), (ends[-1].lon, ends[-1].lat))
    path, _ = geodesic.densify_path(waypoints, PATH_STEP_KM)

    caveats = [ENTRY_NOTE, *(c.text for c in result.caveats)]  # the engine's own (future, review_age)
    areas_out = []
    for c in crossings(waypoints):
        area = space.areas[c.area]
        outcome = outcomes[area.code].name if area.code in outcomes else "NOT_ASSESSED"
        areas_out.append(AirspaceCrossing(area.state or "", area.code, area.name, c.entry_km, c.exit_km, outcome,
                                          area.state if area.kind == "territory" else None,
                                          stated_positions(kb, area.state or "", person_id, day)))
    entered = [c for c in areas_out if blocked[space.index[c.area]]]
    if entered:
        raise NoRoute("no route found that stays out of the avoided airspace: it still crosses "
                      + ", ".join(c.name for c in entered))
    if any(c.territory_of for c in areas_out):
        caveats.append("A dependent territory's outcome is the engine's for that place: whether its state's "
                       "ratification reached it on the day (data/territories.yaml); where that is not "
                       "recorded, the state's own outcome.")
    if any(c.outcome == "NOT_ASSESSED" for c in areas_out):
        caveats.append("Areas held by no state (e.g. Western Sahara, Antarctica) are not assessed.")
    caveats += [
        "Great-circle (geodesic) legs on WGS84; real flights follow airways and air-traffic control, so real "
        "tracks are longer and cross airspace differently.",
        "Airspace = land + territorial sea (Chicago Convention art. 2; UNCLOS art. 2), from OpenStreetMap "
        "maritime boundaries (ODbL) and Natural Earth land under the UN border policy; straits used for "
        "international navigation are counted as the coastal states' airspace, though transit passage "
        "applies there (UNCLOS arts. 37-38); Greece's 10 nm airspace claim is not modelled (its 6 nm sea is).",
    ]
    said = [c for c in areas_out if c.positions]
    if said:
        caveats.append("Stated positions (data/positions.yaml) are shown with the airspace of the state that "
                       "made them: " + "; ".join(dict.fromkeys(f"{c.name}: {p['stance']} ({p['date']}"
                                                             + (", later" if p["later"] else "") + ")"
                                                             for c in said for p in c.positions)) + ".")
    else:
        caveats.append("No stated position (data/positions.yaml) on this person's warrant is recorded for the "
                       "states crossed; statements on overflight permission are not recorded.")
    if avoided:
        caveats.append(f"Avoiding {len(avoided)} airspace(s) (states and territories: a named state's territories "
                       "with it; with 'obliged', each area where the engine finds a duty to arrest). The detour "
                       "is the shortest found on a grid and pulled tight with geodesic checks every 1 km: close "
                       "to, not proven, the shortest.")
    return RoutePlan(ends[0], ends[-1], person_id, result.person_name, day, float(speed_kmh),
                     tuple(waypoints), tuple(stops), km, direct_km, path, tuple(areas_out),
                     tuple(_diversion(path, outcomes)), tuple(avoided), tuple(caveats),
                     result.reviewed)


def _diversion(path: np.ndarray, outcomes: dict[str, Outcome]) -> list[dict]:
    """Stretches of the route with the same nearest suitable airport; for each, that airport, whether
    its state is bound to arrest, and the nearest one in a state with no such duty."""
    from warrantwatch.geo import geodesic
    from warrantwatch.geo.airports import suitable
    from warrantwatch.geo.routes import nearest_airports

    # the path itself, sampled every DIVERSION_STEP_KM
    seg = geodesic.distances_km(path[:-1, 0], path[:-1, 1], path[1:, 0], path[1:, 1])
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    keep = np.unique(np.searchsorted(cum, np.arange(0.0, cum[-1], DIVERSION_STEP_KM)))
    keep = np.append(keep[keep < len(path) - 1], len(path) - 1)
    pts, km = path[keep], cum[keep]
    s = suitable()
    idx, dist = nearest_airports(pts, k=12)
    duty = np.array([code in outcomes and outcomes[code].duty for code in s.area])

    def airport(i: int, d: float) -> dict:
        code = str(s.area[i])
        return {"icao": str(s.icao[i]), "iata": str(s.iata[i]), "name": str(s.name[i]), "state": str(s.state[i]),
                "area": code, "runway_m": int(s.runway_m[i]), "distance_km": round(float(d), 1),
                "outcome": outcomes[code].name if code in outcomes else "NOT_ASSESSED",
                "bound_to_arrest": bool(duty[i])}

    out: list[dict] = []
    for j in range(len(pts)):
        first = int(idx[j, 0])
        safe = np.flatnonzero(~duty[idx[j]])
        alt = airport(int(idx[j, safe[0]]), dist[j, safe[0]]) if len(safe) else None
        if out and out[-1]["nearest"]["icao"] == str(s.icao[first]):
            out[-1]["to_km"] = round(float(km[j]), 1)
            out[-1]["nearest"]["distance_km"] = max(out[-1]["nearest"]["distance_km"], round(float(dist[j, 0]), 1))
            if alt and (out[-1]["nearest_without_duty"] is None
                        or alt["distance_km"] > out[-1]["nearest_without_duty"]["distance_km"]):
                out[-1]["nearest_without_duty"] = alt
            continue
        out.append({"from_km": round(float(km[j]), 1), "to_km": round(float(km[j]), 1),
                    "nearest": airport(first, dist[j, 0]), "nearest_without_duty": alt})
    return out


def _refuel(waypoints, ends, stops, max_leg_km, blocked, avoided):
    """Refuelling stops so that no leg exceeds `max_leg_km`: greedily, the suitable airport outside
    the avoided airspace that gets farthest along the route within reach."""
    from warrantwatch.geo import geodesic
    from warrantwatch.geo.airports import suitable
    from warrantwatch.geo.routes import detour

    s = suitable()
    ok = np.array([not (a and blocked[_area_index(a)]) and bool(a) for a in s.area])
    cand = np.flatnonzero(ok)
    goal = (ends[-1].lon, ends[-1].lat)
    here = (ends[0].lon, ends[0].lat)
    legs, new_stops = [here], []
    for _ in range(20):
        d_goal = geodesic.distance_km(here, goal)
        if d_goal <= max_leg_km:
            leg = detour(here, goal, blocked) if avoided else [here, goal]
            if geodesic.length_km(leg) <= max_leg_km:
                legs += leg[1:]
                return legs, new_stops
        reach = geodesic.distances_km(here[0], here[1], s.lon[cand], s.lat[cand])
        to_goal = geodesic.distances_km(goal[0], goal[1], s.lon[cand], s.lat[cand])
        usable = cand[(reach <= max_leg_km * 0.95) & (to_goal < d_goal - 100)]
        if not len(usable):
            raise NoRoute(f"no route with legs of at most {max_leg_km:g} km: from {here[1]:.2f}, {here[0]:.2f} "
                          "(lat, lon) no suitable airport outside the avoided airspace is within reach and "
                          "nearer the destination")
        best = usable[np.argmin(geodesic.distances_km(goal[0], goal[1], s.lon[usable], s.lat[usable]))]
        stop = (float(s.lon[best]), float(s.lat[best]))
        leg = detour(here, stop, blocked) if avoided else [here, stop]
        legs += leg[1:]
        new_stops.append(s.airport(int(best)))
        here = stop
    raise NoRoute(f"no route with legs of at most {max_leg_km:g} km within 20 stops")


def _area_index(code: str) -> int:
    from warrantwatch.geo.airspace import load

    return load().index[code]
