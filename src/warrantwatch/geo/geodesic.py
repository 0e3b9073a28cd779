"""Geodesics on the WGS84 ellipsoid (pyproj.Geod, i.e. GeographicLib's algorithms), densified."""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np

STEP_KM = 10.0


@cache
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance between two (lon, lat) points."""
    return float(_geod().inv(a[0], a[1], b[0], b[1])[2]) / 1000.0


def distances_km(lons1, lats1, lons2, lats2) -> np.ndarray:
    """Element-wise geodesic distances (arrays)."""
    n = np.broadcast_shapes(np.shape(lons1), np.shape(lons2))
    args = [np.broadcast_to(np.asarray(v, dtype=float), n).ravel().copy() for v in (lons1, lats1, lons2, lats2)]
    return (_geod().inv(*args)[2] / 1000.0).reshape(n)


def densify(a: tuple[float, float], b: tuple[float, float], step_km: float = STEP_KM) -> tuple[np.ndarray, np.ndarray]:
    """Points along the geodesic from a to b, at most `step_km` apart, ends included.

    Returns ((n, 2) lon/lat with lon in [-180, 180], (n,) distance from a in km)."""
    g = _geod()
    total_km = distance_km(a, b)
    n = max(1, int(np.ceil(total_km / step_km)))
    if n == 1:
        return np.array([a, b], dtype=float), np.array([0.0, total_km])
    line = g.inv_intermediate(a[0], a[1], b[0], b[1], npts=n - 1, initial_idx=0, terminus_idx=0,
                                return_back_azimuth=True)
    lons = np.concatenate([[a[0]], np.asarray(line.lons), [b[0]]])
    lats = np.concatenate([[a[1]], np.asarray(line.lats), [b[1]]])
    lons = (lons + 180.0) % 360.0 - 180.0
    return np.column_stack([lons, lats]), np.linspace(0.0, total_km, n + 1)


def densify_path(points: list[tuple[float, float]], step_km: float = STEP_KM) -> tuple[np.ndarray, np.ndarray]:
    """A polyline of geodesic legs, densified; (n, 2) points and (n,) cumulative km."""
    xy, km, offset = [], [], 0.0
    for i, (a, b) in enumerate(itertools.pairwise(points)):
        pts, d = densify(a, b, step_km)
        if i:
            pts, d = pts[1:], d[1:]
        xy.append(pts)
        km.append(d + offset)
        offset += float(d[-1]) if len(d) else 0.0
    return np.concatenate(xy), np.concatenate(km)


def length_km(points: list[tuple[float, float]]) -> float:
    return sum(distance_km(a, b) for a, b in itertools.pairwise(points))
