"""Map benchmark: the world obligation map and the seed locator map, against geopandas + matplotlib.

Both sides draw the same maps from the same shipped boundaries (world: the 110m level in Equal
Earth; seed map: the level warrantwatch picks, in the same azimuthal projection and frame) and
write SVG and PNG at the same size. warrantwatch is timed warm (boundaries and knowledge base
loaded, the frame drawn before, so its outlines are parsed and its layers measured: `maps.layers`)
and for a new frame (every cache emptied), from the person's or states' names to the finished
document; the baseline is timed from a ready GeoDataFrame (reprojection, plotting, saving).
Medians of repeated runs, in the same process.

    python benchmarks/bench_maps.py [--json] [--quick]
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import time

WIDTH = 1600


def median_ms(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return 1000 * statistics.median(samples)


def ours(repeat: int) -> dict:
    from warrantwatch.maps import locator_map, obligation_map

    world = lambda: obligation_map("putin", "2024-09-03", width=WIDTH)  # noqa: E731
    seed = lambda: locator_map("RUS", "MNG", width=WIDTH, height=1000)  # noqa: E731
    world(), seed()  # warm: load the boundaries, the knowledge base, the fonts
    world().png(), seed().png()
    return {
        "world_svg_ms": median_ms(world, repeat),
        "world_png_ms": median_ms(lambda: world().png(), repeat),
        "seed_svg_ms": median_ms(seed, repeat),
        "seed_png_ms": median_ms(lambda: seed().png(), repeat),
    }


def ours_new_frame(repeat: int) -> dict:
    """The same, with the per-frame caches emptied before each run (a frame never drawn before)."""
    from warrantwatch.maps import layers, locator_map, obligation_map, raster, render

    def fresh(fn):
        def run():
            render._projected.cache_clear()
            render._label_place.cache_clear()
            raster.forget_paths()
            layers.forget_layers()
            return fn()
        return run

    world = lambda: obligation_map("putin", "2024-09-03", width=WIDTH)  # noqa: E731
    seed = lambda: locator_map("RUS", "MNG", width=WIDTH, height=1000)  # noqa: E731
    return {
        "world_svg_ms": median_ms(fresh(world), repeat),
        "world_png_ms": median_ms(fresh(lambda: world().png()), repeat),
        "seed_svg_ms": median_ms(fresh(seed), repeat),
        "seed_png_ms": median_ms(fresh(lambda: seed().png()), repeat),
    }


def _frame_of_seed():
    from warrantwatch.maps import locator_map

    return locator_map("RUS", "MNG", width=WIDTH, height=1000).frame


def _geodataframe(level: str):
    """The shipped boundaries as a GeoDataFrame, cut back into -180..180 for pyproj."""
    import geopandas as gpd
    import shapely

    from warrantwatch.geo.boundaries import load

    b = load(level)
    shapes = []
    west, east = shapely.box(-180, -90, 180, 90), shapely.box(180, -90, 540, 90)
    for g in b.shapes():
        if g.bounds[2] > 180:
            g = shapely.union(shapely.intersection(g, west),
                              shapely.affinity.translate(shapely.intersection(g, east), xoff=-360))
        shapes.append(g)
    return gpd.GeoDataFrame({"code": [a.code for a in b.areas]}, geometry=shapes, crs="EPSG:4326")


def baseline(repeat: int) -> dict:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import shapely.affinity  # noqa: F401

    from warrantwatch.law import world as engine_world
    from warrantwatch.maps.geometry import level_for
    from warrantwatch.maps.palette import STORY
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    world_gdf = _geodataframe("110m")
    world_gdf = world_gdf[world_gdf.code != "ATA"]
    frame = _frame_of_seed()
    seed_gdf = _geodataframe(level_for(frame))
    dpi = 100

    def world_map(fmt: str) -> bytes:
        import datetime as dt

        result = engine_world(kb, "vladimir-putin", dt.date(2024, 9, 3))
        colours = {a.state: STORY.outcomes[a.outcome.name] for a in result.assessments}
        colours["RUS"] = STORY.home
        gdf = world_gdf.to_crs("EPSG:8857")
        fig, ax = plt.subplots(figsize=(WIDTH / dpi, 880 / dpi), dpi=dpi)
        gdf.plot(ax=ax, color=[colours.get(c, STORY.land) for c in gdf.code], edgecolor="white",
                 linewidth=0.5)
        ax.set_axis_off()
        ax.set_title("States bound to arrest Vladimir Putin, 3 September 2024")
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt)
        plt.close(fig)
        return buffer.getvalue()

    def seed_map(fmt: str) -> bytes:
        p = frame.projection
        radius = 6371008.8
        gdf = seed_gdf.to_crs(f"+proj=laea +lat_0={p.lat0} +lon_0={p.lon0} +R={radius}")
        fills = {"RUS": STORY.home, "MNG": STORY.host}
        fig, ax = plt.subplots(figsize=(WIDTH / dpi, 1000 / dpi), dpi=dpi)
        ax.set_facecolor(STORY.sea)
        gdf.plot(ax=ax, color=[fills.get(c, STORY.land) for c in gdf.code], edgecolor="white",
                 linewidth=0.5)
        gdf[gdf.code.isin(["RUS", "MNG"])].plot(ax=ax, facecolor="none", edgecolor="black", linewidth=1)
        ax.set_xlim(frame.x0 * radius, frame.x1 * radius)
        ax.set_ylim(frame.y0 * radius, frame.y1 * radius)
        ax.set_xticks([]), ax.set_yticks([])
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt)
        plt.close(fig)
        return buffer.getvalue()

    world_map("svg"), seed_map("png")  # warm
    return {
        "world_svg_ms": median_ms(lambda: world_map("svg"), repeat),
        "world_png_ms": median_ms(lambda: world_map("png"), repeat),
        "seed_svg_ms": median_ms(lambda: seed_map("svg"), repeat),
        "seed_png_ms": median_ms(lambda: seed_map("png"), repeat),
    }


def main() -> dict:
    quick = "--quick" in sys.argv
    mine = ours(5 if quick else 20)
    new_frame = ours_new_frame(3 if quick else 10)
    theirs = baseline(2 if quick else 5)
    ratios = {k.replace("_ms", "_speedup"): theirs[k] / mine[k] for k in mine}
    new_ratios = {k.replace("_ms", "_speedup"): theirs[k] / new_frame[k] for k in new_frame}
    return {"warrantwatch": mine, "warrantwatch_new_frame": new_frame, "geopandas_matplotlib": theirs,
            "speedup": ratios, "speedup_new_frame": new_ratios,
            "targets": {"svg_warm_ms": 50, "png_ms": 300, "speedup": 10}}


if __name__ == "__main__":
    results = main()
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
    else:
        mine, fresh = results["warrantwatch"], results["warrantwatch_new_frame"]
        theirs = results["geopandas_matplotlib"]
        print(f"{'measure':<12}{'warm':>10}{'new frame':>12}{'geopandas+mpl':>15}{'speedup':>16}")
        for key in mine:
            name = key.replace("_ms", "")
            print(f"{name:<12}{mine[key]:>7.1f} ms{fresh[key]:>9.1f} ms{theirs[key]:>12.1f} ms"
                  f"{theirs[key] / mine[key]:>8.1f}× /{theirs[key] / fresh[key]:>5.1f}×")
