"""Airports: look-up by IATA or ICAO code or city (`airportsdata`), and those suitable for a diversion.

Suitable for a diversion: open, with a paved runway of at least 2,500 m (OurAirports, public
domain, via `scripts/build_airports.py` → `data/diversion_airports.csv`). The state an airport lies
in is found with `locate_many` against the airspace, so the border policy applies.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from warrantwatch.errors import UnknownAirport

MIN_RUNWAY_M = 2500


@dataclass(frozen=True, slots=True)
class Airport:
    icao: str
    iata: str
    name: str
    city: str
    lon: float
    lat: float
    state: str  # ISO3 of the state holding it under the border policy ("" for none)
    area: str  # the area's own code (a territory's, e.g. "GRL")
    runway_m: int | None = None  # longest paved runway, when it is ≥ 2,500 m

    @property
    def code(self) -> str:
        return self.iata or self.icao

    def to_dict(self) -> dict:
        return {"icao": self.icao, "iata": self.iata, "name": self.name, "city": self.city,
                "lon": self.lon, "lat": self.lat, "state": self.state, "area": self.area,
                "runway_m": self.runway_m}


@cache
def _all() -> dict:
    import airportsdata

    return airportsdata.load("ICAO")


@cache
def _by_iata() -> dict:
    return {a["iata"]: a for a in _all().values() if a["iata"]}


@cache
def _runways() -> dict[str, int]:
    return {row["ident"]: int(row["runway_m"]) for row in _suitable_rows()}


@cache
def _suitable_rows() -> list[dict]:
    text = resources.files("warrantwatch.geo").joinpath("data/diversion_airports.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _airport(rec: dict) -> Airport:
    from warrantwatch.geo.locate import locate_many

    lon, lat = float(rec["lon"]), float(rec["lat"])
    state = str(locate_many(lon, lat).item())
    area = str(locate_many(lon, lat, areas=True).item())
    return Airport(rec["icao"], rec["iata"], rec["name"], rec["city"], lon, lat, state, area,
                   _runways().get(rec["icao"]))


def find(text: str) -> Airport:
    """An airport by IATA code ("VKO"), ICAO code ("UUWW") or city ("Ulaanbaatar").

    A city with several airports gives the one with the longest suitable runway. Unknown input
    raises UnknownAirport with the closest matches."""
    q = text.strip()
    up = q.upper()
    if len(up) == 3 and up in _by_iata():
        return _airport(_by_iata()[up])
    if len(up) == 4 and up in _all():
        return _airport(_all()[up])
    folded = q.casefold()
    in_city = [a for a in _by_iata().values() if a["city"].casefold() == folded]
    if in_city:
        best = max(in_city, key=lambda a: (_runways().get(a["icao"], 0), a["iata"]))
        return _airport(best)
    raise UnknownAirport(text, _suggest(q))


def _suggest(q: str) -> list[str]:
    from rapidfuzz import fuzz, process

    choices = {}
    for a in _by_iata().values():
        label = f"{a['iata']} ({a['city']}, {a['name']})"
        choices[label] = f"{a['iata']} {a['city']} {a['name']}"
    hits = process.extract(q, choices, scorer=fuzz.WRatio, limit=5, score_cutoff=60)
    return [label for _, _, label in hits]


@dataclass(frozen=True, eq=False)
class Suitable:
    """Airports suitable for a diversion, as arrays (for nearest-neighbour queries)."""

    icao: np.ndarray
    iata: np.ndarray
    name: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    runway_m: np.ndarray
    state: np.ndarray  # ISO3 or ""
    area: np.ndarray

    def nearest(self, lons: np.ndarray, lats: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """For each point, the k nearest airports: (indices (n, k), geodesic km (n, k))."""
        from warrantwatch.geo.geodesic import distances_km

        # candidates by chord distance on the unit sphere (all pairs: a few hundred points × 2,200
        # airports), then exact geodesic distances for the k kept
        chord = _unit(lons, lats) @ _unit(self.lon, self.lat).T  # cosines: larger is nearer
        idx = np.argpartition(-chord, k - 1, axis=1)[:, :k]
        km = distances_km(np.repeat(lons, k), np.repeat(lats, k), self.lon[idx].ravel(),
                          self.lat[idx].ravel()).reshape(len(lons), k)
        order = np.argsort(km, axis=1)
        return np.take_along_axis(idx, order, 1), np.take_along_axis(km, order, 1)

    def airport(self, i: int) -> Airport:
        return Airport(str(self.icao[i]), str(self.iata[i]), str(self.name[i]), "", float(self.lon[i]),
                       float(self.lat[i]), str(self.state[i]), str(self.area[i]), int(self.runway_m[i]))



def _unit(lons, lats) -> np.ndarray:
    lo, la = np.radians(lons), np.radians(lats)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


@cache
def suitable() -> Suitable:
    from warrantwatch.geo.locate import locate_many

    rows = _suitable_rows()
    lon = np.array([float(r["lon"]) for r in rows])
    lat = np.array([float(r["lat"]) for r in rows])
    return Suitable(np.array([r["ident"] for r in rows]), np.array([r["iata"] for r in rows]),
                    np.array([r["name"] for r in rows]), lon, lat,
                    np.array([int(r["runway_m"]) for r in rows]), locate_many(lon, lat),
                    locate_many(lon, lat, areas=True))
