"""Take-offs and landings from a table of positions: one SQL pass, then airports and states.

The rules (each a named threshold below):

* A point is on the ground when the source says so; where it does not, when its ground speed is
  under `GROUND_KT`. Points with neither are not used.
* Consecutive points of one aircraft more than `GAP_S` apart are a coverage gap: nothing is
  inferred across it. A long gap is "coverage lost", never a landing, and readsb's "new leg" flag
  (set after such gaps) is kept as evidence only.
* The points split into runs: ground or airborne, without a gap. A ground run right after an
  airborne run (approach speed at least `APPROACH_KT`) is a **landing** — unless it lasts under
  `TOUCH_S` and the aircraft is airborne again at once: a **touch-and-go**. A ground run followed
  by an airborne run is a **take-off**. An approach that never reaches the ground (a go-around) is
  no landing. A ground run first seen after a gap, within `AFTER_GAP_KM` of the last airborne
  position and that position under `AFTER_GAP_FT`, is a landing "after a coverage gap" (lower
  confidence); seen on the ground elsewhere after a gap, the arrival is not observed and it is
  reported as "seen on the ground", not as a landing.
* Each event is confirmed by the nearest airport (`airportsdata`) within `AIRPORT_KM` and placed in
  a state by `geo.locate`; ground contact more than `PLAUSIBLE_FT` above the airport is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

GROUND_KT = 40.0
GAP_S = 600.0
APPROACH_KT = 50.0
TOUCH_S = 60.0
AFTER_GAP_KM = 30.0
AFTER_GAP_FT = 8000.0
AIRPORT_KM = 10.0
NEAR_KM = 5.0
PLAUSIBLE_FT = 5000.0

EVENT_COLUMNS = ("icao24", "kind", "time", "lat", "lon", "prev_time", "prev_lat", "prev_lon", "prev_alt_ft",
                 "prev_gs_kt", "gap_s", "callsign")


def _km(lat1: str, lon1: str, lat2: str, lon2: str) -> str:
    return (f"(2 * 6371.0088 * asin(sqrt(pow(sin(radians({lat2} - {lat1}) / 2), 2) + cos(radians({lat1})) * "
            f"cos(radians({lat2})) * pow(sin(radians({lon2} - {lon1}) / 2), 2))))")


# CANDIDATES. Only the first and last points of a run matter: a point is one when its neighbour in
# time (same aircraft, ground known) is more than GAP_S away or on the other side of the ground
# flag. Cut each aircraft's time into buckets of BUCKET_S (< GAP_S): a point that is neither the
# first nor the last of its bucket has both neighbours in the same bucket, so less than GAP_S away,
# and if the whole bucket is on one side of the ground flag, it is never a run's first or last
# point. So the window functions need only each bucket's first and last points, and every point of
# the few buckets where the ground flag changes: the same events from a small fraction of the rows,
# found with one hash aggregate and one hash join instead of sorting every position.
BUCKET_S = GAP_S / 2


def events_sql(source: str, *, candidates: bool = True) -> str:
    """SQL giving the raw events (before airports) over any relation with the positions columns.
    `candidates=False` runs the window functions over every position (the reference the tests
    compare the candidate shortcut with)."""
    if not candidates:
        return events_sql(source).replace("FROM k JOIN c q", f"FROM k JOIN {source} q").replace(
            "    FROM c\n),", f"    FROM {source}\n),")
    return f"""
WITH bk AS (  -- per aircraft and {BUCKET_S:g} s bucket: first and last time, and whether ground changes in it
    SELECT icao24, floor(time / {BUCKET_S}) AS bucket, min(time) AS t_lo, max(time) AS t_hi,
           bool_and(ground) = bool_or(ground) AS uniform
    FROM (SELECT icao24, time, coalesce(on_ground, gs_kt < {GROUND_KT}) AS ground FROM {source})
    WHERE ground IS NOT NULL
    GROUP BY ALL
),
c AS MATERIALIZED (  -- the only positions that can start or end a run (see CANDIDATES), only the columns used
    SELECT q.icao24, q.time, q.lat, q.lon, q.alt_ft, q.gs_kt, q.on_ground, q.callsign
    FROM {source} q JOIN bk ON q.icao24 = bk.icao24 AND floor(q.time / {BUCKET_S}) = bk.bucket
    WHERE NOT bk.uniform OR q.time = bk.t_lo OR q.time = bk.t_hi
),
p AS (  -- only what ordering needs goes through the sort; the rest is joined back at boundaries
    SELECT icao24, time, coalesce(on_ground, gs_kt < {GROUND_KT}) AS ground
    FROM c
),
w AS (
    SELECT *, lag(time) OVER s AS t_prev, lag(ground) OVER s AS g_prev,
              lead(time) OVER s AS t_next, lead(ground) OVER s AS g_next
    FROM p WHERE ground IS NOT NULL
    WINDOW s AS (PARTITION BY icao24 ORDER BY time)
),
k AS (  -- first and last points of each run (ground or airborne, no gap inside)
    SELECT *, (t_prev IS NULL OR time - t_prev > {GAP_S} OR g_prev <> ground) AS starts,
              (t_next IS NULL OR t_next - time > {GAP_S} OR g_next <> ground) AS ends
    FROM w
    WHERE t_prev IS NULL OR time - t_prev > {GAP_S} OR g_prev <> ground
       OR t_next IS NULL OR t_next - time > {GAP_S} OR g_next <> ground
),
b AS (
    SELECT DISTINCT ON (k.icao24, k.time) k.*, q.lat, q.lon, q.alt_ft, q.gs_kt, q.callsign
    FROM k JOIN c q ON q.icao24 = k.icao24 AND q.time = k.time
        AND coalesce(q.on_ground, q.gs_kt < {GROUND_KT}) = k.ground
    ORDER BY k.icao24, k.time, q.lat, q.lon
),
r AS (  -- one row per run: where and how it starts and ends
    SELECT icao24, ground, time AS t0, lat AS lat0, lon AS lon0, gs_kt AS gs0, alt_ft AS alt0,
           time - t_prev AS gap_before, callsign AS cs0,
           CASE WHEN ends THEN time ELSE lead(time) OVER o END AS t1,
           CASE WHEN ends THEN lat ELSE lead(lat) OVER o END AS lat1,
           CASE WHEN ends THEN lon ELSE lead(lon) OVER o END AS lon1,
           CASE WHEN ends THEN gs_kt ELSE lead(gs_kt) OVER o END AS gs1,
           CASE WHEN ends THEN alt_ft ELSE lead(alt_ft) OVER o END AS alt1,
           starts
    FROM b
    WINDOW o AS (PARTITION BY icao24 ORDER BY time)
    QUALIFY starts
),
n AS (
    SELECT *, lag(ground) OVER o AS pg, lag(t1) OVER o AS pt1, lag(lat1) OVER o AS plat, lag(lon1) OVER o AS plon,
              lag(alt1) OVER o AS palt, lag(gs1) OVER o AS pgs,
              lead(ground) OVER o AS ng, lead(t0) OVER o AS nt0, lead(lat0) OVER o AS nlat,
              lead(lon0) OVER o AS nlon, lead(cs0) OVER o AS ncs
    FROM r
    WINDOW o AS (PARTITION BY icao24 ORDER BY t0)
),
e AS (
    SELECT *,
        ground AND pg = false AND t0 - pt1 <= {GAP_S} AS contact,
        ground AND ng = false AND nt0 - t1 <= {GAP_S} AS liftoff
    FROM n WHERE ground
)
SELECT * FROM (
    SELECT icao24,
           CASE WHEN contact AND liftoff AND t1 - t0 < {TOUCH_S} AND coalesce(gs1, 999) >= {APPROACH_KT}
                     THEN 'touch-and-go'
                WHEN contact AND coalesce(pgs, 999) >= {APPROACH_KT} THEN 'landing'
                WHEN contact THEN NULL  -- a slow "airborne" flicker while taxiing
                WHEN pg = false AND t0 - pt1 > {GAP_S} AND coalesce(palt, 0) <= {AFTER_GAP_FT}
                     AND {_km('plat', 'plon', 'lat0', 'lon0')} <= {AFTER_GAP_KM} THEN 'landing-after-gap'
                WHEN pg AND {_km('plat', 'plon', 'lat0', 'lon0')} <= {AFTER_GAP_KM} THEN NULL  -- still there
                ELSE 'seen-on-ground'
           END AS kind,
           t0 AS time, lat0 AS lat, lon0 AS lon, pt1 AS prev_time, plat AS prev_lat, plon AS prev_lon,
           palt AS prev_alt_ft, pgs AS prev_gs_kt, t0 - pt1 AS gap_s, cs0 AS callsign
    FROM e)
WHERE kind IS NOT NULL
UNION ALL
SELECT icao24, 'takeoff', nt0, nlat, nlon, t1, lat1, lon1, NULL, gs1, nt0 - t1, ncs
FROM e WHERE liftoff AND NOT (contact AND t1 - t0 < {TOUCH_S} AND coalesce(gs1, 999) >= {APPROACH_KT})
"""


def raw_events(connection, source: str):
    """Run the rules over `source` (a table name or a parenthesised query); a pandas DataFrame, the
    address as text (the DuckDB store keeps it as a number: `formats.ADDRESS_NUMBER`)."""
    frame = connection.execute(events_sql(source)).df()
    if len(frame) and frame["icao24"].dtype.kind in "iu":
        frame["icao24"] = [f"{v:06x}" for v in frame["icao24"].tolist()]
    return frame


# --- airports ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Airports:
    icao: np.ndarray
    name: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    elev_ft: np.ndarray
    country: np.ndarray


@cache
def airports() -> Airports:
    """Every airport with an ICAO code in `airportsdata`, sorted by latitude for band searches."""
    import airportsdata

    data = sorted(airportsdata.load("ICAO").values(), key=lambda a: a["lat"])
    return Airports(np.array([a["icao"] for a in data]), np.array([a["name"] for a in data]),
                    np.array([a["lat"] for a in data], dtype=float), np.array([a["lon"] for a in data], dtype=float),
                    np.array([a.get("elevation") or 0.0 for a in data], dtype=float),
                    np.array([a["country"] for a in data]))


def nearest_airport(lat: float, lon: float, within_km: float = AIRPORT_KM) -> tuple[int, float] | None:
    """Index into `airports()` and distance in km of the nearest airport, or None beyond `within_km`."""
    a = airports()
    band = within_km / 111.0
    lo, hi = np.searchsorted(a.lat, [lat - band, lat + band])
    if hi <= lo:
        return None
    la, lo_ = np.radians(a.lat[lo:hi]), np.radians(a.lon[lo:hi])
    p, q = np.radians(lat), np.radians(lon)
    h = np.sin((la - p) / 2) ** 2 + np.cos(p) * np.cos(la) * np.sin((lo_ - q) / 2) ** 2
    d = 2 * 6371.0088 * np.arcsin(np.sqrt(h))
    i = int(np.argmin(d))
    return (lo + i, float(d[i])) if d[i] <= within_km else None


def _haversine_km(lat, lon, alat, alon):
    la, lo_ = np.radians(alat), np.radians(alon)
    p, q = np.radians(lat), np.radians(lon)
    h = np.sin((la - p) / 2) ** 2 + np.cos(p) * np.cos(la) * np.sin((lo_ - q) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(h))


@cache
def _airport_tree():
    """A k-d tree of the airports as points on the unit sphere (straight-line distance between them
    grows with the great-circle distance, so the nearest by one is the nearest by the other)."""
    from scipy.spatial import cKDTree

    a = airports()
    return cKDTree(_unit(a.lat, a.lon))


def _unit(lat, lon):
    la, lo = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def nearest_airports(lats, lons, within_km: float = AIRPORT_KM, *, k: int = 4) -> dict[int, tuple[int, float]]:
    """`nearest_airport` for many points at once: the `k` nearest airports of each point by a k-d
    tree query, then the same haversine distance and the same tie rule (the first in latitude order)
    among them: {position in the input: (airport index, km)}. 20,000 points in milliseconds, where
    comparing each with every airport in its latitude band took about a second."""
    a = airports()
    lats, lons = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    if len(lats) == 0:
        return {}
    chord = 2 * np.sin(within_km / (2 * 6371.0088)) * (1 + 1e-6)  # a little more: rounding never drops one
    _, found = _airport_tree().query(_unit(lats, lons), k=k, distance_upper_bound=chord)
    found = found.reshape(len(lats), k)
    has = found < len(a.lat)  # misses are reported as index len(a.lat)
    point, column = np.nonzero(has)
    airport = found[point, column]
    d = _haversine_km(lats[point], lons[point], a.lat[airport], a.lon[airport])
    # nearest per point; on a tie the lowest airport index (latitude order), as `nearest_airport`
    order = np.lexsort((airport, d, point))
    point, airport, d = point[order], airport[order], d[order]
    first = np.r_[True, point[1:] != point[:-1]]
    keep = first & (d <= within_km)
    return dict(zip(point[keep].tolist(), zip(airport[keep].tolist(), d[keep].tolist(), strict=True), strict=True))


@cache
def _state_of_airport(index: int) -> str | None:
    from warrantwatch.geo.locate import locate

    a = airports()
    return locate(float(a.lon[index]), float(a.lat[index]))


def _state_at(lon: float, lat: float) -> str | None:
    from warrantwatch.geo.locate import locate

    return locate(lon, lat)


# --- events -----------------------------------------------------------------------------------

OBSERVED = {
    "landing": "descent and ground contact observed",
    "landing-after-gap": "last seen descending nearby, then on the ground after a gap in coverage",
    "touch-and-go": "ground contact observed, airborne again within a minute",
    "takeoff": "ground roll and climb observed",
    "seen-on-ground": "seen on the ground; its arrival was not observed (no data, or coverage lost, before)",
}


@dataclass(frozen=True)
class Event:
    icao24: str
    kind: str
    time: dt.datetime
    lat: float
    lon: float
    airport: str | None
    airport_name: str | None
    airport_km: float | None
    state: str | None
    confidence: str
    registration: str | None = None
    callsign: str | None = None
    gap_s: float | None = None
    prev_alt_ft: float | None = None

    @property
    def is_landing(self) -> bool:
        return self.kind in ("landing", "landing-after-gap")

    def to_dict(self) -> dict[str, Any]:
        """The output contract (`icao24`, `registration`, `airport`, `state`, `time`, `confidence`) and more."""
        return {"icao24": self.icao24, "registration": self.registration, "airport": self.airport,
                "state": self.state, "time": self.time.isoformat().replace("+00:00", "Z"),
                "confidence": self.confidence, "kind": self.kind, "observed": OBSERVED[self.kind],
                "lat": round(self.lat, 5), "lon": round(self.lon, 5), "airport_name": self.airport_name,
                "airport_km": None if self.airport_km is None else round(self.airport_km, 2),
                "callsign": self.callsign}


def _f(value) -> float | None:
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)


def confirm(frame, registrations: dict[str, str] | None = None) -> list[Event]:
    """Airport, state and confidence for each raw event; implausible ground contacts dropped."""
    a = airports()
    registrations = registrations or {}
    events = []
    reach = nearest_airports(frame["lat"].to_numpy(), frame["lon"].to_numpy()) if len(frame) else {}
    # plain Python values column by column (much faster than `itertuples` on Arrow-backed columns)
    Row = namedtuple("Row", list(frame.columns))
    for n, row in enumerate(map(Row._make, zip(*(frame[c].tolist() for c in frame.columns), strict=True))):
        if row.kind is None:
            continue
        lat, lon = float(row.lat), float(row.lon)
        near = reach.get(n)
        prev_alt = _f(row.prev_alt_ft)
        if near is None:
            airport = name = None
            km = None
            state = _state_at(lon, lat)
        else:
            i, km = near
            airport, name = str(a.icao[i]), str(a.name[i])
            state = _state_of_airport(i) or _state_at(lon, lat)
            if row.kind in ("landing", "touch-and-go") and prev_alt is not None \
                    and prev_alt - a.elev_ft[i] > PLAUSIBLE_FT:
                continue  # "ground" at cruise altitude: a bad flag, not a landing
        if row.kind in ("landing", "touch-and-go", "takeoff"):
            confidence = "high" if km is not None and km <= NEAR_KM else "medium" if km is not None else "low"
        elif row.kind == "landing-after-gap":
            confidence = "medium" if km is not None and km <= NEAR_KM else "low"
        else:
            confidence = "low"
        if near is None and row.kind == "touch-and-go":
            continue  # a flicker of the ground flag away from any airport
        callsign = row.callsign if isinstance(row.callsign, str) else None
        events.append(Event(row.icao24, row.kind, dt.datetime.fromtimestamp(float(row.time), dt.UTC), lat, lon,
                            airport, name, km, state, confidence, registrations.get(row.icao24), callsign,
                            _f(row.gap_s), prev_alt))
    events.sort(key=lambda e: (e.time, e.icao24, e.kind))
    return events


def detect(connection, source: str = "positions", registrations: dict[str, str] | None = None) -> list[Event]:
    """Every take-off, landing, touch-and-go and ground sighting in `source`, confirmed."""
    return confirm(raw_events(connection, source), registrations)
