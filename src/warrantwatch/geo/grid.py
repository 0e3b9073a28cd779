"""Vectorised point-in-area look-up: a lon/lat grid, with exact tests only where a cell straddles a border.

Every cell of a regular grid (`CELL_DEG`) is either *pure* — wholly inside one area, or wholly
outside every area — or *mixed*: some area's boundary meets it. A pure cell answers by an array
look-up; a mixed cell is cut into SUB × SUB sub-cells labelled the same way, and only a point in a
mixed sub-cell is tested exactly against the few areas whose boundary meets its cell (shapely's
`contains_xy` on prepared polygons). The answer is therefore the
same as an exact point-in-polygon test of every point against every area (on the boundary itself a
point counts as outside, as in shapely).

Which cells are mixed: every ring is densified to points at most a quarter of a cell apart, and
each such point marks its cell and the eight around it (any cell a boundary meets lies within a
quarter cell of one of those points); of those, shapely keeps the cells that an area's boundary
really meets. Pure cells are labelled by connected component (no border passes between two
edge-adjacent pure cells), one exact test per component. The grid is built by
`scripts/build_airspace.py` and shipped (`airspace_grid.npz`); tests check it against shapely.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CELL_DEG = 0.1
SHIFT = 3
SUB = 1 << SHIFT  # sub-cells per side of a mixed cell
NONE = -1  # outside every area (in the returned indices)
MIXED = -2
# In the stored grids (uint8, so that the world grid fits in a processor's cache): area index, or
U_NONE, U_MIXED = 255, 254


@dataclass(frozen=True, eq=False)
class Grid:
    cell_deg: float
    label: np.ndarray  # (ny, nx) uint8: area index, U_NONE or U_MIXED
    cell_of_mixed: np.ndarray  # (ny, nx) int32: row of a mixed cell in `sub` and `cand_start`, else -1
    sub: np.ndarray  # (mixed, SUB, SUB) uint8: each mixed cell's sub-cells, labelled like `label`
    cand_start: np.ndarray  # (mixed + 1,) offsets into `cand`
    cand: np.ndarray  # candidate area indices of each mixed cell, concatenated
    geoms: np.ndarray  # prepared shapely geometries, one per area

    ARRAYS = ("label", "cell_of_mixed", "sub", "cand_start", "cand")

    def arrays(self) -> dict[str, np.ndarray]:
        return {"cell_deg": np.array(self.cell_deg), **{k: getattr(self, k) for k in self.ARRAYS}}

    @classmethod
    def from_arrays(cls, arrays, geoms) -> Grid:
        geoms = np.asarray(geoms, dtype=object)  # prepared by shapely on first use
        return cls(float(arrays["cell_deg"]), *(np.asarray(arrays[k]) for k in cls.ARRAYS), geoms)

    def lookup(self, lons, lats) -> np.ndarray:
        """Area index of each point (NONE where no area holds it)."""
        import shapely

        lons = np.asarray(lons, dtype=np.float64)
        lats = np.asarray(lats, dtype=np.float64)
        shape = np.broadcast_shapes(lons.shape, lats.shape)
        lons = np.broadcast_to(lons, shape).ravel()
        lats = np.broadcast_to(lats, shape).ravel()
        if len(lons) and not (lons.min() >= -180.0 and lons.max() <= 180.0
                              and lats.min() >= -90.0 and lats.max() <= 90.0):  # NaN fails too
            bad = ~((lons >= -180.0) & (lons <= 180.0) & (lats >= -90.0) & (lats <= 90.0))
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(f"not a lon/lat position: ({lons[i]}, {lats[i]})")
        ny, nx = self.label.shape
        inv = SUB / self.cell_deg  # in sub-cells
        tmp = np.add(lons, 180.0)
        tmp *= inv
        fx = tmp.astype(np.int32)
        np.add(lats, 90.0, out=tmp)
        tmp *= inv
        fy = tmp.astype(np.int32)
        np.minimum(fx, nx * SUB - 1, out=fx)  # lon 180 and lat 90 fall in the last cell
        np.minimum(fy, ny * SUB - 1, out=fy)
        flat = (fy >> SHIFT) * nx + (fx >> SHIFT)
        code = self.label.ravel()[flat]
        todo = np.flatnonzero(code == U_MIXED)
        if len(todo):
            rows = self.cell_of_mixed.ravel()[flat[todo]]
            within = (fy[todo] & (SUB - 1)) * SUB + (fx[todo] & (SUB - 1))
            sub = self.sub.reshape(len(self.sub), SUB * SUB)[rows, within]
            code[todo] = sub
            exact = sub == U_MIXED
            todo, rows = todo[exact], rows[exact]
        out = _TO_INDEX[code]
        if not len(todo):
            return out.reshape(shape)
        out[todo] = NONE
        start = self.cand_start[rows]
        count = self.cand_start[rows + 1] - start
        for rank in range(int(count.max())):
            live = count > rank
            idx, cand = todo[live], self.cand[start[live] + rank]
            unresolved = out[idx] == NONE
            idx, cand = idx[unresolved], cand[unresolved]
            order = np.argsort(cand, kind="stable")
            idx, cand = idx[order], cand[order]
            cuts = np.flatnonzero(np.diff(cand)) + 1
            for group_idx, group_cand in zip(np.split(idx, cuts), np.split(cand, cuts), strict=True):
                if len(group_idx):
                    inside = shapely.contains_xy(self.geoms[int(group_cand[0])], lons[group_idx], lats[group_idx])
                    out[group_idx[inside]] = int(group_cand[0])
        return out.reshape(shape)


_TO_INDEX = np.arange(256, dtype=np.int16)
_TO_INDEX[U_NONE] = NONE
_TO_INDEX[U_MIXED] = MIXED


def densify_rings(rings: list[np.ndarray], step: float) -> np.ndarray:
    """Points along closed rings, no two consecutive ones more than `step` apart; (n, 2)."""
    out = []
    for ring in rings:
        a = ring
        z = np.roll(ring, -1, axis=0)
        seg = np.hypot(*(z - a).T)
        n = np.maximum(1, np.ceil(seg / step).astype(np.int64))
        k = np.repeat(np.arange(len(a)), n)
        t = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n, n)
        out.append(a[k] + (z[k] - a[k]) * t[:, None])
    return np.concatenate(out) if out else np.empty((0, 2))


def build(geoms, cell_deg: float = CELL_DEG) -> Grid:
    """The grid for shapely (multi)polygons in lon/lat within [-180, 180] × [-90, 90] (tens of seconds).

    Cells: marked by densified rings (conservative), then kept mixed only where an area's boundary
    really meets the closed cell (shapely). Sub-cells of mixed cells: the same exact test; a sub-cell
    that no boundary meets takes the area holding its centre."""
    import shapely
    from scipy import ndimage

    geoms = np.asarray(geoms, dtype=object)
    nx, ny = round(360 / cell_deg), round(180 / cell_deg)
    keys = []
    for area, geom in enumerate(geoms):
        rings = [np.asarray(r.coords)[:-1] for p in _polygons(geom) for r in (p.exterior, *p.interiors)]
        pts = densify_rings(rings, cell_deg / 4)
        if not len(pts):
            continue
        ix = np.clip(((pts[:, 0] + 180.0) / cell_deg).astype(np.int64), 0, nx - 1)
        iy = np.clip(((pts[:, 1] + 90.0) / cell_deg).astype(np.int64), 0, ny - 1)
        base = np.unique(iy * nx + ix)
        by, bx = np.divmod(base, nx)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                yy, xx = by + dy, bx + dx
                ok = (yy >= 0) & (yy < ny) & (xx >= 0) & (xx < nx)
                keys.append((yy[ok] * nx + xx[ok]) * 65536 + area)
    keys = np.unique(np.concatenate(keys))
    cell, area = np.divmod(keys, 65536)
    bounds = shapely.boundary(geoms)
    shapely.prepare(bounds)
    iy, ix = np.divmod(cell, nx)
    x0, y0 = -180.0 + ix * cell_deg, -90.0 + iy * cell_deg
    meets = shapely.intersects(bounds[area], shapely.box(x0, y0, x0 + cell_deg, y0 + cell_deg))
    cell, area = cell[meets], area[meets]
    mixed_cells, first = np.unique(cell, return_index=True)
    label = np.full(ny * nx, NONE, dtype=np.int16)
    label[mixed_cells] = MIXED
    cell_of_mixed = np.full(ny * nx, -1, dtype=np.int32)
    cell_of_mixed[mixed_cells] = np.arange(len(mixed_cells), dtype=np.int32)
    cand_start = np.append(first, len(cell)).astype(np.int64)
    cand = area.astype(np.int32)

    pure = (label == NONE).reshape(ny, nx)
    comp, n = ndimage.label(pure)
    tree = shapely.STRtree(geoms)
    if n:
        flat = comp.ravel()
        order = np.argsort(flat, kind="stable")
        starts = np.searchsorted(flat[order], np.arange(1, n + 1))
        rep = order[starts]  # one cell of each component
        ry, rx = np.divmod(rep, nx)
        pi, gi = tree.query(shapely.points(-180.0 + (rx + 0.5) * cell_deg, -90.0 + (ry + 0.5) * cell_deg),
                            predicate="intersects")
        comp_area = np.full(n + 1, NONE, dtype=np.int16)
        comp_area[pi + 1] = gi
        hit = flat > 0
        label[hit] = comp_area[flat[hit]]

    # Sub-cells of the mixed cells.
    step = cell_deg / SUB
    k = np.arange(SUB * SUB)
    sy, sx = np.divmod(k, SUB)
    my, mx = np.divmod(mixed_cells, nx)
    sub = np.full((len(mixed_cells), SUB * SUB), NONE, dtype=np.int16)
    pair_row = np.repeat(np.arange(len(mixed_cells)), np.diff(cand_start))  # (pairs,)
    for j in range(SUB * SUB):
        x0 = -180.0 + mx * cell_deg + sx[j] * step
        y0 = -90.0 + my * cell_deg + sy[j] * step
        boxes = shapely.box(x0[pair_row], y0[pair_row], x0[pair_row] + step, y0[pair_row] + step)
        touched = shapely.intersects(bounds[cand], boxes)
        is_mixed = np.zeros(len(mixed_cells), dtype=bool)
        is_mixed[pair_row[touched]] = True
        inside = shapely.contains_xy(geoms[cand], x0[pair_row] + step / 2, y0[pair_row] + step / 2)
        sub[pair_row[inside], j] = cand[inside]
        sub[is_mixed, j] = MIXED
    if len(geoms) >= U_MIXED:
        raise ValueError(f"{len(geoms)} areas: the uint8 grid holds at most {U_MIXED}")
    return Grid(cell_deg, _to_u8(label).reshape(ny, nx), cell_of_mixed.reshape(ny, nx),
                _to_u8(sub).reshape(-1, SUB, SUB), cand_start, cand, geoms)


def _to_u8(a: np.ndarray) -> np.ndarray:
    return np.where(a == NONE, U_NONE, np.where(a == MIXED, U_MIXED, a)).astype(np.uint8)


def _polygons(geom):
    if geom.geom_type == "Polygon":
        return [geom] if not geom.is_empty else []
    return [p for g in getattr(geom, "geoms", []) for p in _polygons(g)]
