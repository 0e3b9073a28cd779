"""Which area, and which state, a point lies in.

- `locate(lon, lat)` / `area_at(lon, lat)`: one point against the land boundaries (1:10m, border
  policy applied), through a shapely STRtree. Simple and exact; the baseline of the benchmarks.
- `locate_many(lons, lats)`: arrays of points against the sovereign airspace (land + territorial
  sea, `geo.airspace`), through `geo.grid` — exact as well, and vectorised (tens of millions of
  points a second). `area_index_many` gives the area indices instead of state codes.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from warrantwatch.geo.boundaries import Area, load

if TYPE_CHECKING:
    import numpy as np  # imported where used: importing `warrantwatch.geo` (maps do) needs no numpy


@cache
def _tree():
    import shapely

    shapes = load("10m").shapes()
    shapely.prepare(shapes)
    return shapely.STRtree(shapes), shapes


def area_at(lon: float, lat: float) -> Area | None:
    """The area (state, territory, disputed area, area of no state) at a point; None at sea."""
    import shapely

    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise ValueError(f"not a lon/lat position: ({lon}, {lat})")
    tree, _ = _tree()
    hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
    if len(hits) == 0 and lon < -170.0:  # parts joined across the antimeridian lie past 180°
        hits = tree.query(shapely.Point(lon + 360.0, lat), predicate="intersects")
    if len(hits) == 0:
        return None
    return load("10m").areas[int(min(hits))]


def locate(lon: float, lat: float) -> str | None:
    """The ISO3 code of the state whose territory the point is in, per the border policy.

    A dependent territory gives its state (Greenland → DNK, Puerto Rico → USA); the sea, Antarctica
    and areas that no state holds (Western Sahara, Bir Tawil, …) give None: see `area_at`.
    """
    area = area_at(lon, lat)
    return area.state if area else None


@cache
def airspace_grid():
    """The look-up grid over the airspace polygons (shipped; built by scripts/build_airspace.py)."""
    from importlib import resources

    import numpy as np

    from warrantwatch.geo import airspace, grid

    with resources.files("warrantwatch.geo").joinpath("data/airspace_grid.npz").open("rb") as fh, \
            np.load(fh) as npz:
        arrays = {k: npz[k] for k in npz.files}
    return grid.Grid.from_arrays(arrays, airspace.load().shapes())


@cache
def _codes() -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    from warrantwatch.geo import airspace

    areas = airspace.load().areas
    state = np.array([a.state or "" for a in areas] + [""], dtype="<U3")
    code = np.array([a.code for a in areas] + [""], dtype="<U3")
    return state, code


def area_index_many(lons, lats) -> np.ndarray:
    """Index into `geo.airspace.load().areas` of the airspace holding each point; -1 outside all."""
    return airspace_grid().lookup(lons, lats)


def locate_many(lons, lats, *, areas: bool = False) -> np.ndarray:
    """The state (ISO3) whose sovereign airspace (land + territorial sea) holds each point; "" for none.

    Exact against the airspace polygons; vectorised over numpy arrays (any shape, broadcast).
    A dependent territory gives its state (`areas=True`: the area's own code instead, e.g. "GRL").
    Raises ValueError for a position outside [-180, 180] × [-90, 90].
    """
    state, code = _codes()
    return (code if areas else state)[area_index_many(lons, lats)]
