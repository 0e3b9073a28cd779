"""Routes: the airspaces a flight crosses, where it could be forced down, and detours around states.

Geometry only: which states, in what order, how far; the law (who is bound to arrest whom) comes
from `law` through `warrantwatch.routing`, which turns these into answers. All distances are
geodesic on WGS84; the airspace is `geo.airspace` (land + territorial sea).

- `crossings(points)`: the ordered airspace crossings of a polyline of geodesic legs, sampled every
  `SAMPLE_KM` (1 km), with entry and exit distances from the first point.
- `detour(a, z, avoid)`: the shortest route found from a to z that stays out of the areas `avoid`:
  Dijkstra over a lon/lat grid of free cells (a cell is blocked when any of five points in it lies
  in an avoided area), then the path is pulled tight with geodesic visibility checks (a leg is kept
  only if none of its points, every `SAMPLE_KM`, lies in an avoided area).
- `diversion(path)`: along the route, the nearest airports suitable for a diversion.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from warrantwatch.errors import NoRoute
from warrantwatch.geo import geodesic
from warrantwatch.geo.locate import area_index_many

SAMPLE_KM = 1.0
EARTH_KM = 6371.0088
MAX_NODES = 60_000


@dataclass(frozen=True, slots=True)
class Crossing:
    area: int  # index into geo.airspace.load().areas
    entry_km: float
    exit_km: float


def crossings(points: list[tuple[float, float]], step_km: float = SAMPLE_KM) -> list[Crossing]:
    """Airspaces along the legs, in order; consecutive samples in one area form one crossing."""
    xy, km = geodesic.densify_path(points, step_km)
    idx = area_index_many(xy[:, 0], xy[:, 1])
    cuts = np.flatnonzero(np.diff(idx)) + 1
    out = []
    for run in np.split(np.arange(len(idx)), cuts):
        area = int(idx[run[0]])
        if area < 0:
            continue
        lo, hi = run[0], run[-1]
        entry = 0.0 if lo == 0 else (km[lo - 1] + km[lo]) / 2  # the border lies between two samples
        exit_ = km[-1] if hi == len(km) - 1 else (km[hi] + km[hi + 1]) / 2
        out.append(Crossing(area, float(entry), float(exit_)))
    return out


def touches(a: tuple[float, float], z: tuple[float, float], blocked: np.ndarray,
            step_km: float = SAMPLE_KM) -> bool:
    """Does the geodesic a→z pass through any area flagged in `blocked` (bool per area index)?"""
    xy, _ = geodesic.densify(a, z, step_km)
    idx = area_index_many(xy[:, 0], xy[:, 1])
    return bool(blocked[idx[idx >= 0]].any())


def _haversine_km(lon1, lat1, lon2, lat2):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(lon2 - lon1)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.minimum(1.0, h)))


def _wrap(lon):
    return (np.asarray(lon) + 180.0) % 360.0 - 180.0


def detour(a: tuple[float, float], z: tuple[float, float], blocked: np.ndarray) -> list[tuple[float, float]]:
    """Waypoints (a, …, z) of the shortest route found that avoids every area flagged in `blocked`.

    Raises NoRoute when the grid has no way through (the message says so)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    if not touches(a, z, blocked):
        return [a, z]
    direct, _ = geodesic.densify(a, z, 50.0)
    lon0 = float(direct[len(direct) // 2, 0])
    ulon = lon0 + _wrap(direct[:, 0] - lon0)  # unwrapped around the middle of the route
    span_lon, span_lat = np.ptp(ulon), np.ptp(direct[:, 1])
    margin = max(12.0, 0.35 * max(span_lon, span_lat))
    lon_lo, lon_hi = ulon.min() - margin, ulon.max() + margin
    if lon_hi - lon_lo > 360:
        lon_lo, lon_hi = lon0 - 180.0, lon0 + 180.0
    lat_lo = max(-89.0, direct[:, 1].min() - margin)
    lat_hi = min(89.0, direct[:, 1].max() + margin)
    res = max(0.25, float(np.sqrt((lon_hi - lon_lo) * (lat_hi - lat_lo) / MAX_NODES)))
    nx = int(np.ceil((lon_hi - lon_lo) / res))
    ny = int(np.ceil((lat_hi - lat_lo) / res))
    cx = lon_lo + (np.arange(nx) + 0.5) * res
    cy = lat_lo + (np.arange(ny) + 0.5) * res
    gx, gy = np.meshgrid(cx, cy)
    # Five points per cell: a cell is free only if none of them is in an avoided area.
    offsets = np.array([-0.45, 0.0, 0.45])
    ox, oy = np.meshgrid(offsets, offsets)
    idx = area_index_many(_wrap(gx[..., None] + ox.ravel() * res), np.clip(gy[..., None] + oy.ravel() * res, -90, 90))
    free = ~((idx >= 0) & blocked[np.maximum(idx, 0)]).any(axis=-1)
    node = np.full(gx.shape, -1, dtype=np.int64)
    node[free] = np.arange(int(free.sum()))
    n_free = int(free.sum())
    rows, cols, weights = [], [], []
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        y0, y1 = max(0, -dy), ny - max(0, dy)
        x0, x1 = max(0, -dx), nx - max(0, dx)
        src = node[y0:y1, x0:x1]
        dst = node[y0 + dy:y1 + dy, x0 + dx:x1 + dx]
        ok = (src >= 0) & (dst >= 0)
        # the straight step between two free cells must also stay out (points every 1/8 of it)
        t = np.linspace(0.125, 0.875, 7)
        sx = _wrap(gx[y0:y1, x0:x1][ok][:, None] + dx * res * t)
        sy = gy[y0:y1, x0:x1][ok][:, None] + dy * res * t
        hit = area_index_many(sx, sy)
        clear = ~((hit >= 0) & blocked[np.maximum(hit, 0)]).any(axis=1)
        ok[ok] = clear
        d = _haversine_km(gx[y0:y1, x0:x1][ok], gy[y0:y1, x0:x1][ok],
                          gx[y0 + dy:y1 + dy, x0 + dx:x1 + dx][ok], gy[y0 + dy:y1 + dy, x0 + dx:x1 + dx][ok])
        rows.append(src[ok])
        cols.append(dst[ok])
        weights.append(d)
    # The two ends: joined to the free cells around them that they see directly.
    ends = []
    for lon, lat in (a, z):
        ulon_end = lon0 + float(_wrap(lon - lon0))
        near = np.argwhere(free & (np.abs(gx - ulon_end) <= 3 * res) & (np.abs(gy - lat) <= 3 * res))
        ends.append(near)
    start, goal = n_free, n_free + 1
    for k, (near, end) in enumerate(zip(ends, (a, z), strict=True)):
        for iy, ix in near:
            cell = (float(_wrap(gx[iy, ix])), float(gy[iy, ix]))
            if touches(end, cell, blocked):
                continue
            d = geodesic.distance_km(end, cell)
            rows.append(np.array([start + k]))
            cols.append(np.array([node[iy, ix]]))
            weights.append(np.array([d]))
    graph = coo_matrix((np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))),
                       shape=(n_free + 2, n_free + 2)).tocsr()
    dist, pred = dijkstra(graph, directed=False, indices=start, return_predecessors=True)
    if not np.isfinite(dist[goal]):
        raise NoRoute("no way around the avoided airspace was found "
                      f"(searched {lat_lo:.0f}° to {lat_hi:.0f}° latitude, {res:.2f}° cells)")
    chain = []
    at = goal
    while at != start:
        chain.append(at)
        at = pred[at]
    chain = chain[::-1][:-1]  # free cells, in order
    flat_x, flat_y = gx[free], gy[free]
    points = [a] + [(float(_wrap(flat_x[c])), float(flat_y[c])) for c in chain] + [z]
    return _pull_tight(points, blocked)


def _pull_tight(points: list[tuple[float, float]], blocked: np.ndarray) -> list[tuple[float, float]]:
    """Drop every waypoint that a direct geodesic between its neighbours makes unnecessary."""
    out = [points[0]]
    i, last = 0, len(points) - 1
    while i < last:
        # the farthest j that i sees: grow the step while visible, then bisect
        lo, step = i + 1, 1
        while lo + step <= last and not touches(points[i], points[lo + step], blocked):
            lo, step = lo + step, step * 2
        hi = min(last, lo + step)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if touches(points[i], points[mid], blocked):
                hi = mid
            else:
                lo = mid
        if hi == last and not touches(points[i], points[last], blocked):
            lo = last
        out.append(points[lo])
        i = lo
    return out


def nearest_airports(path: np.ndarray, k: int = 8):
    """For points of a path, the k nearest suitable airports: (indices, km), nearest first."""
    from warrantwatch.geo.airports import suitable

    return suitable().nearest(path[:, 0], path[:, 1], k)
