"""Choosing the frame: the projection and the rectangle that show the highlighted states well.

A state's "main parts" are the polygons that matter for framing: its largest part, parts with at
least 5% of its area, and parts within ~1,500 km of the largest (France frames as mainland France
and Corsica, not French Guiana; Russia as Russia with Chukotka across the antimeridian). The frame is
centred on the mean direction of those parts; an azimuthal equal-area projection is used unless the
parts are spread wider than 80° from that centre, in which case the world is shown.
"""

from __future__ import annotations

import math

import numpy as np

from warrantwatch.errors import WarrantWatchError
from warrantwatch.geo.boundaries import load
from warrantwatch.maps.geometry import Frame
from warrantwatch.maps.projection import Azimuthal, Projection, make

WORLD_LAT = (-58.0, 84.0)  # world maps leave out Antarctica
MIN_SPAN = 0.55  # regional frames: at least this many earth radii across (~3,500 km)
PAD = 0.18
WORLD_LIMIT_DEG = 80.0


def _unit(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    lo, la = np.radians(lon), np.radians(lat)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def main_parts(code: str) -> np.ndarray:
    """Sample points (lon, lat) of a state's main parts."""
    b = load("110m")
    if code not in b.index:
        raise WarrantWatchError(f"no boundary for {code!r}")
    polys = b.polygons_of(code)
    exteriors = [p[0] for p in polys]
    units = [_unit(r[:, 0], r[:, 1]) for r in exteriors]
    areas = [_spherical_area(r) for r in exteriors]
    big = int(np.argmax(areas))
    centre = units[big].mean(axis=0)
    centre /= np.linalg.norm(centre)
    keep = []
    for ring, u, area in zip(exteriors, units, areas, strict=True):
        near = float(np.max(u @ centre)) > math.cos(math.radians(13.5)) if area else False
        if area >= 0.05 * areas[big] or near or ring is exteriors[big]:
            keep.append(ring)
    return np.concatenate(keep)


def _spherical_area(ring: np.ndarray) -> float:
    lon, lat = np.radians(ring[:, 0]), np.radians(ring[:, 1])
    x = lon * np.cos(lat)
    return 0.5 * abs(float(np.dot(x, np.roll(lat, -1)) - np.dot(lat, np.roll(x, -1))))


def extent_points(extent: tuple[float, float, float, float]) -> np.ndarray:
    """The edges of a lon/lat box (west, south, east, north); east < west crosses the antimeridian."""
    west, south, east, north = extent
    if not (-90 <= south < north <= 90):
        raise WarrantWatchError(f"bad extent {extent}: need south < north, within ±90°")
    if east <= west:
        east += 360.0
    lons = np.linspace(west, east, 60)
    lats = np.linspace(south, north, 30)
    pts = [np.column_stack([lons, np.full_like(lons, south)]),
           np.column_stack([lons, np.full_like(lons, north)]),
           np.column_stack([np.full_like(lats, west), lats]),
           np.column_stack([np.full_like(lats, east), lats])]
    out = np.concatenate(pts)
    out[:, 0] = (out[:, 0] + 180.0) % 360.0 - 180.0
    return out


def centre_of(points: np.ndarray) -> tuple[float, float, float]:
    """Mean direction (lon, lat) and the largest angular distance from it, in degrees."""
    u = _unit(points[:, 0], points[:, 1])
    m = u.mean(axis=0)
    norm = np.linalg.norm(m)
    if norm < 1e-6:
        return 0.0, 0.0, 180.0
    m /= norm
    lon = math.degrees(math.atan2(m[1], m[0]))
    lat = math.degrees(math.asin(max(-1.0, min(1.0, m[2]))))
    radius = math.degrees(math.acos(max(-1.0, min(1.0, float(np.min(u @ m))))))
    return lon, lat, radius


def world_frame(width: int, lon0: float = 0.0, projection: str = "equal-earth",
                height: int | None = None) -> Frame:
    proj = make(projection, lon0=lon0)
    x_edge, _ = proj.forward(np.array([lon0 + 180.0]), np.array([0.0]))
    _, ys = proj.forward(np.array([lon0, lon0]), np.array(WORLD_LAT))
    x0, x1 = -float(x_edge[0]) * 1.01, float(x_edge[0]) * 1.01
    y0, y1 = float(ys[0]), float(ys[1])
    natural = round(width * (y1 - y0) / (x1 - x0))
    height = height or natural
    # Extra room above for the title, below for the legend and credit.
    extra = (height - natural) / width * (x1 - x0) if height > natural else 0.0
    return Frame(proj, x0, y0 - 0.62 * extra, x1, y1 + 0.38 * extra, width, height)


def frame_for(points: np.ndarray, width: int, height: int, projection: str | None = None,
              pad: float = PAD, min_span: float = MIN_SPAN) -> Frame:
    """A frame showing every point, padded, at the given pixel size."""
    lon_c, lat_c, radius = centre_of(points)
    if projection is None:
        projection = "azimuthal" if radius <= WORLD_LIMIT_DEG else "equal-earth"
    if projection != "azimuthal" and radius > WORLD_LIMIT_DEG:
        return world_frame(width, lon0=round(lon_c / 10) * 10, projection=projection, height=height)
    proj: Projection = make(projection, lon0=lon_c, lat0=lat_c)
    lon = points[:, 0]
    if not isinstance(proj, Azimuthal):  # keep the points on the centre's side of the seam
        lon = lon_c + ((lon - lon_c + 180.0) % 360.0 - 180.0)
    x, y = proj.forward(lon, points[:, 1])
    if isinstance(proj, Azimuthal):  # re-centre on the middle of what is shown: north stays up there
        lon_c, lat_c = proj.inverse((float(x.min()) + float(x.max())) / 2,
                                    (float(y.min()) + float(y.max())) / 2)
        proj = Azimuthal(lon0=lon_c, lat0=lat_c)
        x, y = proj.forward(lon, points[:, 1])
    x0, x1, y0, y1 = float(x.min()), float(x.max()), float(y.min()), float(y.max())
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    span_x = max((x1 - x0) * (1 + 2 * pad), min_span)
    span_y = max((y1 - y0) * (1 + 2 * pad), min_span * height / width)
    if span_x / span_y < width / height:
        span_x = span_y * width / height
    else:
        span_y = span_x * height / width
    return Frame(proj, cx - span_x / 2, cy - span_y / 2, cx + span_x / 2, cy + span_y / 2, width, height)
