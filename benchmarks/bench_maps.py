"""Maps: the seed locator map (Russia and Mongolia, PNG, 1600 × 1000) as a user makes it, and the
world obligation map, against geopandas + matplotlib.

Whole process (what a user feels; each run a fresh process, file cache warm):
- `warrantwatch map --home RUS --host MNG -o x.png`, the same command each run ("warm": the file
  cache, the knowledge-base cache and the frame cache on disk help: the frame chosen for the two
  states, its caption words, each outline's path data and serialised Skia path, the label places;
  never the PNG itself);
- a frame never drawn before: the same map with a different --extent each run;
- baseline: `benchmarks/baseline_map.py`, geopandas + matplotlib drawing the same map (same
  boundaries, projection, frame and colours; labels, legend, credit) in its own process.
In-process (a server's view): warm is the third draw of a frame in one process (projected
outlines, parsed Skia paths and measured layers in memory, `maps.layers`); "new frame" empties
those caches (the frame chosen and its caption words too), and the frame cache on disk, first; the
baseline draws from a ready GeoDataFrame.

    python benchmarks/bench_maps.py [--rows] [--quick]
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

from common import WARRANTWATCH, Row, time_call, time_process
from common import emit as emit_rows

WIDTH = 1600
HERE = Path(__file__).resolve().parent
IN_MEMORY = "in memory: projected outlines, parsed Skia paths, measured layers of the frame"
ON_DISK = ("the knowledge-base cache; on disk for the frame (maps.framecache): the frame chosen for RUS and MNG, "
           "its caption words, each outline's path data and Skia path, label places")


def _frame_of_seed():
    from warrantwatch.maps import locator_map

    return locator_map("RUS", "MNG", width=WIDTH, height=1000).frame


def _geodataframe(level: str):
    """The shipped boundaries as a GeoDataFrame, cut back into -180..180 for pyproj."""
    import geopandas as gpd
    import shapely
    import shapely.affinity

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


def process_rows(quick: bool, work: Path) -> list[Row]:
    from warrantwatch.maps.geometry import level_for

    runs = 5 if quick else 9
    frame = _frame_of_seed()
    gpkg = work / "boundaries.gpkg"
    _geodataframe(level_for(frame)).to_file(gpkg, driver="GPKG")  # once, outside the timing
    p = frame.projection
    baseline_argv = [sys.executable, str(HERE / "baseline_map.py"), str(gpkg), str(p.lat0), str(p.lon0),
                     str(frame.x0), str(frame.y0), str(frame.x1), str(frame.y1), str(work / "baseline.png")]
    env = {"WARRANTWATCH_CACHE": str(work / "cache")}
    ours_argv = [WARRANTWATCH, "map", "--home", "RUS", "--host", "MNG", "-o", str(work / "x.png")]
    warm = time_process(ours_argv, runs=runs, env=env)
    theirs = time_process(baseline_argv, runs=max(3, runs // 2))

    def new_frame(i: int) -> list[str]:  # shifted by a degree each run: never drawn before
        west, south = 60.0 + i, 30.0 + 0.5 * i
        return [*ours_argv, "--extent", f"{west},{south},{west + 80},{south + 45}"]

    fresh = time_process(new_frame, runs=runs, env=env)
    return [
        Row("maps", "`warrantwatch map --home RUS --host MNG -o x.png`", "process, warm", "≤ 0.20 s and ≥ 5×",
            warm, "geopandas + matplotlib script, same map, as a process", theirs,
            ON_DISK),
        Row("maps", "the same map, a frame never drawn before (--extent shifted each run)",
            "process, first run of a frame", "≤ 2× warm", fresh, "warm run", warm,
            "the knowledge-base cache on disk; nothing yet for the frame", ratio_kind="cost"),
    ]


def in_process_rows(quick: bool) -> list[Row]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from warrantwatch.maps import layers, locator, locator_map, obligation_map, raster, render
    from warrantwatch.maps.geometry import level_for
    from warrantwatch.maps.palette import STORY

    runs = 5 if quick else 15
    frames = Path(os.environ["WARRANTWATCH_CACHE"]) / "warrantwatch" / "frames"
    world = lambda: obligation_map("putin", "2024-09-03", width=WIDTH).png()  # noqa: E731
    seed = lambda: locator_map("RUS", "MNG", width=WIDTH, height=1000).png()  # noqa: E731
    for _ in range(2):
        world(), seed()  # the third draw is the first one timed: layers are measured on the second

    def forget() -> None:  # a frame new to the process and to the disk
        shutil.rmtree(frames, ignore_errors=True)
        render._projected.cache_clear()
        render._label_place.cache_clear()
        locator._chosen.cache_clear()
        locator._frame_words.cache_clear()
        raster.forget_paths()
        layers.forget_layers()

    frame = _frame_of_seed()
    seed_gdf = _geodataframe(level_for(frame))
    dpi, radius = 100, 6371008.8

    def seed_baseline() -> bytes:
        p = frame.projection
        gdf = seed_gdf.to_crs(f"+proj=laea +lat_0={p.lat0} +lon_0={p.lon0} +R={radius}")
        fills = {"RUS": STORY.home, "MNG": STORY.host}
        fig, ax = plt.subplots(figsize=(WIDTH / dpi, 1000 / dpi), dpi=dpi)
        ax.set_facecolor(STORY.sea)
        gdf.plot(ax=ax, color=[fills.get(c, STORY.land) for c in gdf.code], edgecolor="white", linewidth=0.5)
        gdf[gdf.code.isin(["RUS", "MNG"])].plot(ax=ax, facecolor="none", edgecolor="black", linewidth=1)
        ax.set_xlim(frame.x0 * radius, frame.x1 * radius)
        ax.set_ylim(frame.y0 * radius, frame.y1 * radius)
        ax.set_xticks([]), ax.set_yticks([])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        return buffer.getvalue()

    theirs = time_call(seed_baseline, runs=max(2, runs // 3))
    rows = [
        Row("maps", "seed map PNG, locator_map(...).png()", "in-process, warm (third draw)", "",
            time_call(seed, runs=runs), "geopandas + matplotlib from a ready GeoDataFrame", theirs, IN_MEMORY),
        Row("maps", "seed map PNG, a frame new to the process", "in-process, caches emptied", "",
            time_call(seed, runs=runs, before=forget), "geopandas + matplotlib from a ready GeoDataFrame",
            theirs, "none for the frame (boundaries and knowledge base loaded)"),
        Row("maps", "world obligation map PNG (Putin, 2024-09-03)", "in-process, warm (third draw)", "",
            time_call(world, runs=runs), cache=IN_MEMORY),
        Row("maps", "world obligation map PNG, a frame new to the process", "in-process, caches emptied", "",
            time_call(world, runs=runs, before=forget),
            cache="none for the frame (boundaries and knowledge base loaded)"),
    ]
    return rows


def rows(quick: bool) -> list[Row]:
    work = Path(tempfile.mkdtemp(prefix="ww-bench-maps-"))
    os.environ["WARRANTWATCH_CACHE"] = str(work / "cache")  # our caches, emptied when we say
    try:
        return process_rows(quick, work) + in_process_rows(quick)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    emit_rows(rows("--quick" in sys.argv))
