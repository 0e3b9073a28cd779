"""The shipped boundaries: areas (states, territories, areas of no state) and their polygons.

Built by `scripts/build_boundaries.py` from Natural Earth 5.1.1 (public domain) under the border
policy in `geo.policy`. Three levels of detail: "10m" (full, for `locate` and close zooms), "50m"
(regional maps), "110m" (world maps). Coordinates are lon/lat degrees, rings open (the closing point
is implied), exteriors counter-clockwise. Parts that Natural Earth cuts at the antimeridian are
joined again, so longitudes run from -180° to about 190° (Chukotka, Fiji east of 180°).
"""

from __future__ import annotations

import json
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    import numpy as np

# numpy is imported where the arrays are used: a map drawn from the frame cache needs only the
# areas' names and codes (`areas`, `area_index`), not the outlines, nor numpy.

LEVELS = ("10m", "50m", "110m")
DATA = Path(__file__).parent / "data"  # (not importlib.resources: 5 ms to import, for a plain folder)


class Area(msgspec.Struct, frozen=True):  # (Structs, not dataclasses: no code generated per process)
    """One drawn area. `state` is the knowledge base's state it belongs to (None: no state)."""

    code: str  # ISO 3166 alpha-3 (XKX for Kosovo), or Natural Earth's code for areas without one
    name: str
    kind: str  # "state", "territory" (of `state`), "disputed", "no_state"
    state: str | None
    note: str | None = None
    region: str = ""  # a word for captions: "Europe", "the Middle East", "northern Eurasia"


class Boundaries(msgspec.Struct, frozen=True, eq=False, dict=True):
    """All areas at one level of detail, as flat arrays (fast to project as a whole)."""

    level: str
    areas: tuple[Area, ...]
    xy: np.ndarray  # (points, 2) lon, lat
    ring_start: np.ndarray  # (rings + 1,) offsets into xy
    poly_start: np.ndarray  # (polygons + 1,) offsets into rings
    area_start: np.ndarray  # (areas + 1,) offsets into polygons

    @cached_property
    def index(self) -> MappingProxyType:
        return MappingProxyType({a.code: i for i, a in enumerate(self.areas)})

    @cached_property
    def ring_area(self) -> np.ndarray:
        """The area index of each ring."""
        import numpy as np

        polys_per_area = np.diff(self.area_start)
        poly_area = np.repeat(np.arange(len(self.areas)), polys_per_area)
        return np.repeat(poly_area, np.diff(self.poly_start))

    @cached_property
    def ring_is_exterior(self) -> np.ndarray:
        import numpy as np

        flags = np.zeros(len(self.ring_start) - 1, dtype=bool)
        flags[self.poly_start[:-1]] = True
        return flags

    @cached_property
    def ring_bounds(self) -> np.ndarray:
        """(rings, 4): min lon, min lat, max lon, max lat."""
        import numpy as np

        starts = self.ring_start[:-1]
        lo = np.minimum.reduceat(self.xy, starts, axis=0)
        hi = np.maximum.reduceat(self.xy, starts, axis=0)
        return np.hstack([lo, hi])

    def area(self, code: str) -> Area:
        return self.areas[self.index[code]]

    def rings_of(self, code: str) -> range:
        i = self.index[code]
        return range(self.poly_start[self.area_start[i]], self.poly_start[self.area_start[i + 1]])

    def polygons_of(self, code: str) -> list[list[np.ndarray]]:
        """Each polygon of the area as a list of rings (exterior first), each an (n, 2) array."""
        i = self.index[code]
        out = []
        for p in range(self.area_start[i], self.area_start[i + 1]):
            out.append([self.xy[self.ring_start[r]:self.ring_start[r + 1]]
                        for r in range(self.poly_start[p], self.poly_start[p + 1])])
        return out

    def shapes(self):
        """One shapely MultiPolygon per area (closed rings), in area order."""
        import numpy as np
        import shapely

        ring_sizes = np.diff(self.ring_start)
        closed_ends = np.cumsum(ring_sizes + 1)
        closed = np.empty((closed_ends[-1], 2))
        body = np.ones(len(closed), dtype=bool)
        body[closed_ends - 1] = False
        closed[body] = self.xy
        closed[closed_ends - 1] = self.xy[self.ring_start[:-1]]
        ring_offsets = np.concatenate([[0], closed_ends])
        return shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, closed,
                                         (ring_offsets, self.poly_start, self.area_start))


def _offsets(sizes: np.ndarray) -> np.ndarray:
    import numpy as np

    return np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])


@cache
def metadata() -> dict:
    text = (DATA / "areas.json").read_text(encoding="utf-8")
    return json.loads(text)


def _arrays(level: str) -> dict[str, np.ndarray]:
    """Only this level's arrays (the file holds all three)."""
    import numpy as np

    with (DATA / "boundaries.npz").open("rb") as fh, \
            np.load(fh) as npz:
        return {k: npz[k] for k in npz.files if k == "quantum" or k.startswith(f"{level}_")}


@cache
def load(level: str = "10m") -> Boundaries:
    """The boundaries at a level of detail: "10m", "50m" or "110m"."""
    import numpy as np

    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; one of {', '.join(LEVELS)}")
    arrays = _arrays(level)
    quantum = float(arrays["quantum"])
    xy = np.column_stack([np.cumsum(arrays[f"{level}_dx"], dtype=np.int64),
                          np.cumsum(arrays[f"{level}_dy"], dtype=np.int64)]) * quantum
    return Boundaries(level, areas(), xy, _offsets(arrays[f"{level}_rings"]),
                      _offsets(arrays[f"{level}_polys"]), _offsets(arrays[f"{level}_areas"]))


@cache
def areas() -> tuple[Area, ...]:
    """Every area, in the order of every level's arrays (`Boundaries.areas`), without the outlines."""
    return tuple(Area(a["code"], a["name"], a["kind"], a.get("state"), a.get("note"), a.get("region", ""))
                 for a in metadata()["areas"])


@cache
def area_index() -> MappingProxyType:
    """Area code → its position in `areas()` (as `Boundaries.index`)."""
    return MappingProxyType({a.code: i for i, a in enumerate(areas())})


def source() -> dict:
    """Natural Earth version, layer, point of view, licence and checksum of the source."""
    return dict(metadata()["source"])
