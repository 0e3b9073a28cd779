"""Benchmark: `locate_many` (grid + exact tests at borders) against per-point STRtree queries and
geopandas `sjoin`, on the same airspace polygons, in the same run; then route + detour for the real cases.

    python benchmarks/bench_locate.py [--points 1000000] [--json]

Points: uniform on the sphere (seeded). Baselines, each as a competent engineer would write it:
- shapely STRtree over the prepared polygons, one query per point (timed on a sample, rate reported);
- geopandas `sjoin(points, polygons, predicate="within")` on all the points (one call, vectorised).
Agreement: every point's area from `locate_many` against shapely's exact test (bulk STRtree query)
on all the points, and on those away from borders (the answer unchanged 0.01° around).
The grid's numpy step runs on one core (no threads); the figures are medians of 5 runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np


def median(fn, repeat=5):
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def main() -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import shapely

    from warrantwatch.geo import airspace
    from warrantwatch.geo.locate import airspace_grid, area_index_many

    t0 = time.perf_counter()
    airspace_grid()
    load_s = time.perf_counter() - t0
    rng = np.random.default_rng(2026)
    n = args.points
    lons = rng.uniform(-180, 180, n)
    lats = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    first_s = median(lambda: area_index_many(lons, lats), 1)
    ours_s = median(lambda: area_index_many(lons, lats))
    ours = area_index_many(lons, lats)

    shapes = airspace.load().shapes()
    shapely.prepare(shapes)
    tree = shapely.STRtree(shapes)
    sample = 20_000
    pts = shapely.points(lons[:sample], lats[:sample])

    def per_point():
        for p in pts:
            tree.query(p, predicate="intersects")
    strtree_s = median(per_point, 3) * n / sample

    import geopandas as gpd

    polys = gpd.GeoDataFrame({"area": np.arange(len(shapes))}, geometry=shapes, crs="EPSG:4326")
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lons, lats), crs="EPSG:4326")
    sjoin_s = median(lambda: gpd.sjoin(points, polys, predicate="within", how="left"), 2)

    pi, gi = tree.query(shapely.points(lons, lats), predicate="intersects")
    exact = np.full(n, -1)
    exact[pi] = gi
    away = np.ones(n, dtype=bool)
    for dx, dy in ((0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01)):
        qi, hi = tree.query(shapely.points(np.clip(lons + dx, -180, 180), np.clip(lats + dy, -90, 90)),
                            predicate="intersects")
        near = np.full(n, -1)
        near[qi] = hi
        away &= near == exact

    result = {
        "points": n,
        "grid_load_s": round(load_s, 3),
        "locate_many_first_mpts_s": round(n / first_s / 1e6, 1),
        "locate_many_mpts_s": round(n / ours_s / 1e6, 1),
        "strtree_per_point_kpts_s": round(n / strtree_s / 1e3, 1),
        "sjoin_mpts_s": round(n / sjoin_s / 1e6, 2),
        "x_strtree": round(strtree_s / ours_s),
        "x_sjoin": round(sjoin_s / ours_s, 1),
        "agree_all": float((ours == exact).mean()),
        "away_from_borders": int(away.sum()),
        "agree_away": float((ours[away] == exact[away]).mean()),
    }
    result["routes"] = bench_routes()
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for k, v in result.items():
            if k != "routes":
                print(f"{k:28} {v}")
        for r in result["routes"]:
            extra = "no detour: destination bound" if r["extra_km"] is None else f"+{r['extra_km']:,} km"
            print(f"  {r['case']:46} {r['warm_s']:.3f} s  ({r['km']:,} km; {extra})")
    return result


CASES = [("VKO", "ULN", "putin", "2024-09-03"), ("VKO", "DYU", "putin", "2024-10-08"),
         ("VKO", "JNB", "putin", "2023-08-22"), ("VKO", "GIG", "putin", "2024-11-18"),
         ("VKO", "ANC", "putin", "2025-08-15"), ("TLV", "IAD", "netanyahu", "2025-04-06"),
         ("TLV", "BUD", "netanyahu", "2025-04-03"), ("VKO", "DEL", "putin", "2025-12-04")]


def bench_routes() -> list[dict]:
    """Route + detour (avoid every state bound to arrest) for each real case: warm, in-process; and
    one whole `warrantwatch route` process, cold."""
    from warrantwatch.errors import NoRoute
    from warrantwatch.routing import route

    out = []
    for o, d, person, on in CASES:
        route(o, d, person=person, on=on)  # warm caches
        t = time.perf_counter()
        plan = route(o, d, person=person, on=on)
        try:
            detour = route(o, d, person=person, on=on, avoid="obliged")
            extra = round(detour.extra_km)
        except NoRoute:
            extra = None  # the destination is in a state bound to arrest: no detour exists
        out.append({"case": f"{o}-{d} {person} {on} (+detour)", "warm_s": round(time.perf_counter() - t, 3),
                    "km": round(plan.km), "extra_km": extra})
    t = time.perf_counter()
    cli = str(Path(sys.executable).parent / "warrantwatch")
    subprocess.run([cli, "route", "TLV", "IAD", "--person", "netanyahu",
                    "--on", "2025-04-06", "--avoid", "obliged", "--json"], check=True, capture_output=True)
    out.append({"case": "whole process: route TLV IAD --avoid obliged", "warm_s": round(time.perf_counter() - t, 3),
                "km": 0, "extra_km": 0})
    return out


if __name__ == "__main__":
    main()
