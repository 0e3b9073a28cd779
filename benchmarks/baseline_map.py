"""The baseline map: Russia and Mongolia drawn with geopandas + matplotlib, as a competent engineer
would script it, run as its own process like `warrantwatch map`.

The same boundaries (a GeoPackage written once from the shipped data, at the level warrantwatch
picks), the same azimuthal projection and frame, the same colours, both states outlined and
labelled (white halo), a legend and a credit line, written as a 1600 × 1000 PNG.

    python benchmarks/baseline_map.py BOUNDARIES.gpkg LAT0 LON0 X0 Y0 X1 Y1 OUT.png
"""

from __future__ import annotations

import sys

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.patheffects as pe
import matplotlib.pyplot as plt
from matplotlib.patches import Patch

# The story palette (warrantwatch.maps.palette.STORY).
LAND, SEA, HOME, HOST, BORDER, INK = "#e2ded6", "#dce8f0", "#f08a24", "#2f9e44", "#ffffff", "#222222"
RADIUS = 6371008.8


def main(argv: list[str]) -> None:
    path, lat0, lon0, x0, y0, x1, y1, out = argv
    lat0, lon0, x0, y0, x1, y1 = map(float, (lat0, lon0, x0, y0, x1, y1))
    world = gpd.read_file(path).to_crs(f"+proj=laea +lat_0={lat0} +lon_0={lon0} +R={RADIUS}")
    fills = {"RUS": HOME, "MNG": HOST}
    fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
    fig.subplots_adjust(0, 0, 1, 1)
    ax.set_facecolor(SEA)
    world.plot(ax=ax, color=[fills.get(c, LAND) for c in world.code], edgecolor=BORDER, linewidth=0.5)
    both = world[world.code.isin(["RUS", "MNG"])]
    both.plot(ax=ax, facecolor="none", edgecolor=INK, linewidth=1.1)
    for code, name in (("RUS", "Russia"), ("MNG", "Mongolia")):
        shape = both[both.code == code].geometry.iloc[0]
        biggest = max(getattr(shape, "geoms", [shape]), key=lambda g: g.area)
        at = biggest.representative_point()
        ax.annotate(name, (at.x, at.y), ha="center", va="center", fontsize=13, fontweight="bold",
                    color=INK, path_effects=[pe.withStroke(linewidth=4, foreground="white")])
    ax.set_xlim(x0 * RADIUS, x1 * RADIUS)
    ax.set_ylim(y0 * RADIUS, y1 * RADIUS)
    ax.set_xticks([]), ax.set_yticks([])
    ax.legend(handles=[Patch(facecolor=HOME, edgecolor="#555555", label="Russia (home state)"),
                       Patch(facecolor=HOST, edgecolor="#555555", label="Mongolia (host state)"),
                       Patch(facecolor=LAND, edgecolor="#555555", label="other states and territories")],
              loc="lower left", fontsize=10, framealpha=0.88)
    ax.text(0.99, 0.01, "Boundaries: Natural Earth (public domain), UN border policy", transform=ax.transAxes,
            ha="right", va="bottom", fontsize=8, color="#666666")
    fig.savefig(out, dpi=100)


if __name__ == "__main__":
    main(sys.argv[1:])
