"""Boundaries to pixels: cull, cut at the seam, project, fit to the frame, clip, thin.

The result is a list of rings in pixel coordinates (y down), each tagged with its area, ready for
the SVG writer. All heavy work is done on whole numpy arrays; shapely is used only for the few
polygons cut at a seam or clipped to the frame.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

import msgspec

from warrantwatch.geo.boundaries import Boundaries
from warrantwatch.maps.projection import Azimuthal, Projection

if TYPE_CHECKING:
    import numpy as np  # imported where used: drawing from the frame cache needs no numpy

FAR_DEG = 100.0  # azimuthal: rings wholly farther than this from the centre are never in frame
NEAR_ANTIPODE_DEG = 150.0


class Frame(msgspec.Struct, frozen=True):  # (a Struct: no dataclass code to generate per process)
    """A projection and the rectangle of it that the map shows, at a pixel size."""

    projection: Projection
    x0: float
    y0: float
    x1: float
    y1: float
    width: int
    height: int

    @property
    def scale(self) -> float:
        return self.width / (self.x1 - self.x0)

    def to_px(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        s = self.scale
        return (x - self.x0) * s, (self.y1 - y) * s

    def lonlat_to_px(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        """Single points or arrays of points (longitudes wrapped to the frame's side of the seam)."""
        import numpy as np

        lon = np.atleast_1d(np.asarray(lon, dtype=float))
        lat = np.atleast_1d(np.asarray(lat, dtype=float))
        seam = self.projection.seam
        if seam is not None:
            lon = self.projection.lon0 + ((lon - self.projection.lon0 + 180.0) % 360.0 - 180.0)
        return self.to_px(*self.projection.forward(lon, lat))


class PixelRings(msgspec.Struct):
    """Rings in pixels: `rings[i]` is an (n, 2) float array belonging to area `area[i]`."""

    rings: list[np.ndarray] = msgspec.field(default_factory=list)
    area: list[int] = msgspec.field(default_factory=list)
    exterior: list[bool] = msgspec.field(default_factory=list)
    area_px: list[float] = msgspec.field(default_factory=list)  # each ring's enclosed area, in px²
    dots: dict[int, tuple[float, float]] = msgspec.field(default_factory=dict)  # areas too small to draw

    def of(self, index: int) -> list[tuple[np.ndarray, bool]]:
        return [(r, e) for r, a, e in zip(self.rings, self.area, self.exterior, strict=True) if a == index]



def _ring_reduce(values: np.ndarray, starts: np.ndarray, op) -> np.ndarray:
    return op.reduceat(values, starts)


def _visible_rings_azimuthal(b: Boundaries, proj: Azimuthal, cos_c: np.ndarray) -> np.ndarray:
    """Rings on the frame's side of the globe, from each point's `cos_distance` from the centre."""
    import numpy as np

    starts = b.ring_start[:-1]
    nearest = _ring_reduce(cos_c, starts, np.maximum)
    farthest = _ring_reduce(cos_c, starts, np.minimum)
    keep = nearest > math.cos(math.radians(FAR_DEG))
    near_antipode = np.flatnonzero(keep & (farthest < math.cos(math.radians(NEAR_ANTIPODE_DEG))))
    if not len(near_antipode):
        return keep
    import shapely  # only now: most regional frames have nothing near the antipode

    antipode = shapely.Point(proj.lon0 + 180.0 if proj.lon0 <= 0 else proj.lon0 - 180.0, -proj.lat0)
    for r in near_antipode:
        ring = b.xy[b.ring_start[r]:b.ring_start[r + 1]]
        if len(ring) >= 3 and shapely.Polygon(ring).contains(antipode):
            keep[r] = False  # would turn inside out; it is on the far side of the globe anyway
    return keep


def _shift_for(lon: np.ndarray, lon0: float) -> float:
    """The multiple of 360° that brings a piece (not crossing the seam) next to lon0."""
    mid = 0.5 * (float(lon.min()) + float(lon.max()))
    return 360.0 * round((lon0 - mid) / 360.0)


def project(b: Boundaries, frame: Frame, *, margin_px: float = 4.0, thin_px: float = 0.35,
            clip: bool = True) -> PixelRings:
    """Every ring of `b` that shows in `frame`, in pixels."""
    import numpy as np

    proj = frame.projection
    starts, ends = b.ring_start[:-1], b.ring_start[1:]
    n_rings = len(starts)
    keep = np.ones(n_rings, dtype=bool)
    lon = b.xy[:, 0].copy()
    cut: list[tuple[int, np.ndarray, bool]] = []  # (area, lonlat ring, exterior) made by seam cuts
    if isinstance(proj, Azimuthal):  # projected here with the distances that decide what is kept
        x, y, cos_c = proj.forward_with_cos(lon, b.xy[:, 1])
        keep = _visible_rings_azimuthal(b, proj, cos_c)
    elif proj.seam is not None:
        import shapely

        # Longitudes run from -180° to ~190° (parts joined across the antimeridian). Cut the
        # polygons that cross the seam (at seam ± 360° too), then put every piece on lon0's side.
        seam, lon0 = proj.seam, proj.lon0
        bounds = b.ring_bounds
        seams = (seam - 360.0, seam, seam + 360.0)
        crossing = np.zeros(n_rings, dtype=bool)
        for s_ in seams:
            crossing |= (bounds[:, 0] < s_ - 1e-9) & (bounds[:, 2] > s_ + 1e-9)
        ring_area = b.ring_area
        poly_of_ring = np.repeat(np.arange(len(b.poly_start) - 1), np.diff(b.poly_start))
        sides = [shapely.box(lo_, -90.0, hi_, 90.0) for lo_, hi_ in itertools.pairwise(seams)]
        for p in np.unique(poly_of_ring[crossing]):
            r0, r1 = b.poly_start[p], b.poly_start[p + 1]
            keep[r0:r1] = False
            rings = [b.xy[b.ring_start[r]:b.ring_start[r + 1]] for r in range(r0, r1)]
            poly = shapely.make_valid(shapely.Polygon(rings[0], rings[1:]))
            for side in sides:
                piece = shapely.intersection(poly, side)
                for part in getattr(piece, "geoms", [piece]):
                    if part.geom_type != "Polygon" or part.is_empty:
                        continue
                    shift = _shift_for(np.asarray(part.exterior.coords)[:, 0], lon0)
                    for k, ring in enumerate([part.exterior, *part.interiors]):
                        xy = np.asarray(ring.coords)[:-1].copy()
                        xy[:, 0] += shift
                        cut.append((int(ring_area[r0]), xy, k == 0))
        mids = 0.5 * (bounds[:, 0] + bounds[:, 2])
        shifts = 360.0 * np.round((lon0 - mids) / 360.0)
        lon += np.repeat(shifts, ends - starts)

    if not isinstance(proj, Azimuthal):
        x, y = proj.forward(lon, b.xy[:, 1])
    px, py = frame.to_px(x, y)
    pts = np.column_stack([px, py])
    w, h = frame.width, frame.height
    lo, hi_x, hi_y = -margin_px, w + margin_px, h + margin_px
    mn = np.minimum.reduceat(pts, starts, axis=0)
    mx = np.maximum.reduceat(pts, starts, axis=0)
    inside = keep & (mx[:, 0] >= lo) & (mx[:, 1] >= lo) & (mn[:, 0] <= hi_x) & (mn[:, 1] <= hi_y)
    huge = inside & ((mn[:, 0] < -w) | (mn[:, 1] < -h) | (mx[:, 0] > 2 * w) | (mx[:, 1] > 2 * h))
    if not clip:
        huge[:] = False
    simple = inside & ~huge

    out = PixelRings()
    # The common case, all at once: thin every simple ring, split the result into rings.
    sizes = ends - starts
    point_ring_ok = np.repeat(simple, sizes)
    cells = np.floor(pts / thin_px)
    moved = np.ones(len(pts), dtype=bool)
    moved[1:] = np.any(cells[1:] != cells[:-1], axis=1)
    moved[starts] = True
    mask = moved & point_ring_ok
    counts = np.add.reduceat(mask.astype(np.int64), starts)
    kept_pts = pts[mask]
    ring_area, ring_ext = b.ring_area, b.ring_is_exterior
    # Shoelace areas of all kept rings at once.
    kept_starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    nxt = np.arange(1, len(kept_pts) + 1)
    ring_of_kept = np.repeat(np.arange(len(counts)), counts)
    last = kept_starts + counts - 1
    nxt[last[counts > 0]] = kept_starts[counts > 0]
    cross = kept_pts[:, 0] * kept_pts[nxt, 1] - kept_pts[nxt, 0] * kept_pts[:, 1] if len(kept_pts) else \
        np.zeros(0)
    areas = np.abs(np.bincount(ring_of_kept, weights=cross, minlength=len(counts))) / 2
    for r in np.flatnonzero(simple & (counts < 3)):  # smaller than a pixel: remember where
        area = int(ring_area[r])
        if ring_ext[r] and area not in out.dots:
            centre = pts[starts[r]:ends[r]].mean(axis=0)
            out.dots[area] = (float(centre[0]), float(centre[1]))
    for r in np.flatnonzero(simple & (counts >= 3)):  # (slices of the rings drawn, not np.split of all)
        out.rings.append(kept_pts[kept_starts[r]:kept_starts[r] + counts[r]])
        out.area.append(int(ring_area[r]))
        out.exterior.append(bool(ring_ext[r]))
        out.area_px.append(float(areas[r]))

    extra = [(int(ring_area[r]), bool(ring_ext[r]), pts[starts[r]:ends[r]]) for r in np.flatnonzero(huge)]
    for area, ring_xy, exterior in cut:
        cx, cy = frame.to_px(*proj.forward(ring_xy[:, 0], ring_xy[:, 1]))
        extra.append((area, exterior, np.column_stack([cx, cy])))
    for area, exterior, ring in extra:
        rmn, rmx = ring.min(axis=0), ring.max(axis=0)
        if rmx[0] < lo or rmx[1] < lo or rmn[0] > hi_x or rmn[1] > hi_y:
            continue
        parts = [ring]
        if clip and (rmn[0] < -w or rmn[1] < -h or rmx[0] > 2 * w or rmx[1] > 2 * h):
            import shapely

            clipped = shapely.clip_by_rect(shapely.Polygon(ring), lo, lo, hi_x, hi_y)
            parts = [np.asarray(g.exterior.coords)[:-1] for g in getattr(clipped, "geoms", [clipped])
                     if g.geom_type == "Polygon" and not g.is_empty]
        for part in parts:
            thin = _thin(part, thin_px)
            if len(thin) >= 3:
                out.rings.append(thin)
                out.area.append(area)
                out.exterior.append(exterior)
                out.area_px.append(ring_area_px(thin))
    return out


def level_for(frame: Frame) -> str:
    """The coarsest level of detail whose simplification stays near a pixel at this scale."""
    px_per_deg = frame.scale * math.pi / 180.0
    if 0.1 * px_per_deg <= 1.8:
        return "110m"
    if 0.025 * px_per_deg <= 1.3:
        return "50m"
    return "10m"


def _thin(ring: np.ndarray, step: float) -> np.ndarray:
    """Drop points that fall in the same `step`-sized cell as the point before them."""
    import numpy as np

    if len(ring) < 4:
        return ring
    cells = np.floor(ring / step)
    moved = np.any(cells[1:] != cells[:-1], axis=1)
    return ring[np.concatenate([[True], moved])]


def ring_area_px(ring: np.ndarray) -> float:
    import numpy as np

    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
