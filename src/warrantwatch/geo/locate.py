"""Which area, and which state, a point lies in (1:10m boundaries, border policy applied)."""

from __future__ import annotations

from functools import cache

from warrantwatch.geo.boundaries import Area, load


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
