"""Build the sovereign airspace file: each area's land (the shipped boundaries) plus its territorial sea.

    python scripts/build_airspace.py [--source borders.geo.json|package.tgz] [--out DIR]

Sovereign airspace is the airspace above a state's land and territorial sea (Chicago Convention,
art. 2; UNCLOS, art. 2): not flight information regions. Sources:

- land: the shipped boundaries (`geo/data/boundaries.npz`, Natural Earth 5.1.1 1:10m with the border
  policy of `geo.policy` already applied), so the airspace follows the same policy as the maps;
- territorial sea: the npm package `@osm_borders/maritime_1000m` 1.1.0 (OpenStreetMap admin-level-2
  maritime boundaries, simplified to 1 km; ODbL; fetched with `npm pack`, checked against its SHA-1).

Rules (also in `geo/data/airspace.json` and the README):
1. The sea of an OSM feature is its polygon minus all land of the boundaries; land always comes
   from the boundaries (so the Golan is Syria's, Crimea Ukraine's, East Jerusalem Palestine's).
2. OSM codes that are not areas here go to the area that holds their land (`OSM_CODE`).
3. Where two OSM features overlap at sea (OSM draws Crimea in both Russia and Ukraine), the overlap
   goes to the area whose land is nearest (Crimea's waters → Ukraine, as its land).
4. Sea around land that belongs to no state here (Spratly Islands, Scarborough Reef) belongs to no
   state either: a sea part touching such land and not the land of its own area is reassigned.
5. Antimeridian: parts east of 180° are cut and moved to -180…, so longitudes stay in [-180, 180].
The result is simplified as a coverage at 0.01° (about 1 km, the source's resolution), quantised to
1e-4° and written to `geo/data/airspace.npz` (same encoding as boundaries.npz) and `airspace.json`;
then the look-up grid of `locate_many` is built from that file into `airspace_grid.npz`.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import MultiPolygon, Polygon, box, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warrantwatch.geo.boundaries import load  # noqa: E402

PACKAGE = "@osm_borders/maritime_1000m@1.1.0"
PACKAGE_SHA1 = "f0cb2d51cbfcd85be8c260bcd46e75e1d4cba0d0"
QUANTUM = 1e-4
TOLERANCE = 0.01
# OSM codes that are not areas of the boundaries → the area holding their land there.
OSM_CODE = {"ALA": "FIN", "HKG": "CHN", "MAC": "CHN", "BES": "NLD", "BVT": "NOR", "CCK": "IOA",
            "CXR": "IOA", "GLP": "FRA", "GUF": "FRA", "MTQ": "FRA", "MYT": "FRA", "REU": "FRA",
            "SJM": "NOR", "TKL": "NZL"}


def fetch_package(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob("osm_borders-maritime_1000m-1.1.0.tgz"))
    if not found:
        subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=cache, check=True)
        found = sorted(cache.glob("osm_borders-maritime_1000m-1.1.0.tgz"))
    return found[0]


def read_source(path: Path) -> tuple[dict[str, object], str]:
    raw = path.read_bytes()
    digest = hashlib.sha1(raw).hexdigest()
    if path.suffix == ".tgz":
        if digest != PACKAGE_SHA1:
            raise SystemExit(f"{path.name}: SHA-1 {digest} is not the expected {PACKAGE_SHA1}")
        with tarfile.open(fileobj=io.BytesIO(raw)) as tar:
            raw = tar.extractfile("package/borders.geo.json").read()
    features = json.loads(raw)["features"]
    return {f["properties"]["isoA3"]: shapely.make_valid(shape(f["geometry"])) for f in features}, digest


def polygons(geom) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom] if not geom.is_empty else []
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in polygons(g)]
    return []


def split_antimeridian(geom):
    """Parts past 180° moved back by -360°."""
    west = shapely.intersection(geom, box(-180, -90, 180, 90))
    east = shapely.intersection(geom, box(180, -90, 540, 90))
    if east.is_empty:
        return west
    return shapely.union(west, shapely.affinity.translate(east, xoff=-360.0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="the npm tarball or borders.geo.json (default: npm pack)")
    parser.add_argument("--out", type=Path, default=ROOT / "src/warrantwatch/geo/data")
    parser.add_argument("--cache", type=Path, default=ROOT / "build/osm-borders")
    args = parser.parse_args()
    source = args.source or fetch_package(args.cache)
    osm, digest = read_source(source)

    b = load("10m")
    land = {a.code: split_antimeridian(shapely.make_valid(g)) for a, g in zip(b.areas, b.shapes(), strict=True)}
    codes = sorted(land)
    land_parts = [p for c in codes for p in polygons(land[c])]
    land_tree = shapely.STRtree(land_parts)

    def minus_land(geom):
        near = land_tree.query(geom, predicate="intersects")
        return shapely.difference(geom, shapely.union_all([land_parts[i] for i in near])) if len(near) else geom
    no_state = [c for c in codes if b.area(c).state is None]

    # 1-2: each OSM feature's sea, under our codes.
    sea: dict[str, list] = {}
    for osm_code, geom in sorted(osm.items()):
        code = OSM_CODE.get(osm_code, osm_code)
        if code not in land:
            raise SystemExit(f"OSM feature {osm_code}: no area {code}")
        part = shapely.union_all([minus_land(p) for p in polygons(geom)])
        sea.setdefault(code, []).append(part)
    sea_of = {c: shapely.union_all(parts) for c, parts in sea.items()}

    # 3: overlaps go to the area whose land is nearest.
    order = sorted(sea_of)
    tree = shapely.STRtree([sea_of[c] for c in order])
    moved = 0
    for i, j in zip(*tree.query([sea_of[c] for c in order], predicate="intersects"), strict=True):
        if i >= j:
            continue
        a, z = order[i], order[j]
        overlap = shapely.intersection(sea_of[a], sea_of[z])
        if overlap.area < 1e-8:
            continue
        at = overlap.representative_point()
        keep, lose = (a, z) if land[a].distance(at) <= land[z].distance(at) else (z, a)
        sea_of[lose] = shapely.difference(sea_of[lose], overlap)
        moved += 1
        print(f"overlap {a}/{z} ({overlap.area:.3f} deg²) → {keep}", file=sys.stderr)

    # 4: sea around land of no state.
    for code in list(sea_of):
        if code in no_state:
            continue
        keep = []
        for p in polygons(sea_of[code]):
            near = p.buffer(1e-3)
            owner = [n for n in no_state if near.intersects(land[n])]
            if owner and not near.intersects(land[code]):
                sea_of[owner[0]] = shapely.union(sea_of.get(owner[0], Polygon()), p)
                print(f"sea of {code} around {owner[0]} → no state", file=sys.stderr)
            else:
                keep.append(p)
        sea_of[code] = MultiPolygon(keep)

    areas = [MultiPolygon(polygons(shapely.make_valid(shapely.union(land[c], sea_of.get(c, Polygon())))))
             for c in codes]
    simplified = shapely.coverage_simplify(np.array(areas, dtype=object), TOLERANCE)
    out = []
    for g in simplified:
        snapped = shapely.set_precision(shapely.make_valid(g), QUANTUM)
        out.append(MultiPolygon([p for p in polygons(snapped) if p.area > 0]))
    arrays = encode(out)
    args.out.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, quantum=np.array(QUANTUM), **{f"airspace_{k}": v for k, v in arrays.items()})
    (args.out / "airspace.npz").write_bytes(buffer.getvalue())
    meta = {
        "source": {
            "sea": "OpenStreetMap admin-level-2 maritime boundaries, as simplified to 1 km by the npm "
                   "package @osm_borders/maritime_1000m 1.1.0 (Emily Nagy)",
            "sea_sha1": digest, "sea_file": source.name,
            "land": "the shipped boundaries (Natural Earth 5.1.1, 1:10m, border policy of geo.policy)",
            "licence": "ODbL 1.0 (Open Database License); this file is a Derivative Database of "
                       "OpenStreetMap data and is offered under the ODbL",
            "attribution": "Map data © OpenStreetMap contributors (openstreetmap.org/copyright), ODbL; "
                           "boundaries: Natural Earth (public domain)",
        },
        "quantum_deg": QUANTUM, "tolerance_deg": TOLERANCE, "overlaps_resolved": moved,
        "approximations": [
            "Territorial sea as mapped in OpenStreetMap, simplified to about 1 km: 12 nautical miles "
            "from baselines, median lines between neighbours; not checked against each state's "
            "legislation.",
            "Greece: 6 nm territorial sea but a 10 nm airspace claim; the 6 nm sea is used here.",
            "Straits used for international navigation (Gibraltar, Hormuz, Bab-el-Mandeb, the Danish "
            "straits...): in the coastal states' airspace here, though aircraft enjoy transit passage "
            "there (UNCLOS arts. 37-38).",
            "Land is Natural Earth 1:10m and the coast of the sea belt is OpenStreetMap's: where the "
            "two coastlines differ, land wins.",
            "Antarctica and the sea around it belong to no state (Antarctic Treaty, art. IV).",
        ],
        "areas": [{"code": c, "name": b.area(c).name, "kind": b.area(c).kind, "state": b.area(c).state}
                  for c in codes],
    }
    (args.out / "airspace.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    write_grid(args.out)
    size = (args.out / "airspace.npz").stat().st_size
    print(f"wrote {len(codes)} areas, {len(arrays['dx']):,} points, airspace.npz {size / 1e6:.2f} MB",
          file=sys.stderr)


def write_grid(out: Path) -> None:
    """The look-up grid of `geo.locate.locate_many`, from the airspace file just written."""
    from warrantwatch.geo import airspace, grid

    airspace.load.cache_clear()
    airspace.metadata.cache_clear()
    if out.resolve() != (ROOT / "src/warrantwatch/geo/data").resolve():
        raise SystemExit("the grid is built from the package's own airspace file: use the default --out")
    g = grid.build(airspace.load().shapes())
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **g.arrays())
    (out / "airspace_grid.npz").write_bytes(buffer.getvalue())
    mixed = float((g.label == grid.U_MIXED).mean())
    print(f"grid: {g.label.shape}, mixed cells {mixed:.2%}, "
          f"airspace_grid.npz {(out / 'airspace_grid.npz').stat().st_size / 1e6:.2f} MB", file=sys.stderr)


def encode(geoms: list[MultiPolygon]) -> dict[str, np.ndarray]:
    """As in build_boundaries.py: flat quantised coordinates, delta-encoded, and the ring counts."""
    coords, ring_sizes, poly_sizes, area_sizes = [], [], [], []
    for g in geoms:
        area_sizes.append(len(g.geoms))
        for p in g.geoms:
            p = shapely.geometry.polygon.orient(p, 1.0)
            rings = [p.exterior, *p.interiors]
            poly_sizes.append(len(rings))
            for r in rings:
                xy = np.asarray(r.coords)[:-1]
                ring_sizes.append(len(xy))
                coords.append(xy)
    q = np.rint(np.concatenate(coords) / QUANTUM).astype(np.int64)
    delta = np.diff(q, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).astype(np.int32)
    return {"dx": delta[:, 0], "dy": delta[:, 1], "rings": np.array(ring_sizes, np.int32),
            "polys": np.array(poly_sizes, np.int32), "areas": np.array(area_sizes, np.int32)}


if __name__ == "__main__":
    main()
