"""A scene (what to colour, label, mark and explain) → SVG; the `Map` that carries it."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from warrantwatch.geo.boundaries import area_index, areas, load, source
from warrantwatch.maps import framecache
from warrantwatch.maps.geometry import (
    Frame,
    PixelRings,
    level_for,
    project,
    ring_area_px,
)
from warrantwatch.maps.palette import Palette
from warrantwatch.maps.projection import great_circle
from warrantwatch.maps.svg import GEOMETRY_SCALE, Document, element, path_data, path_text, polyline_data, quantised_each

if TYPE_CHECKING:
    import numpy as np  # imported where used: a map drawn from the frame cache needs no numpy

TINY_PX2 = 20.0  # a state whose drawn area is smaller than this gets a marker
SMALL_PX2 = 400.0  # a highlighted state drawn smaller than this (20 × 20 px) is also circled
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"


# msgspec Structs, not dataclasses: a class made in C, no generated code to compile (~0.5 ms each per process)
class Label(msgspec.Struct, frozen=True):
    code: str
    text: str


class Scene(msgspec.Struct, frozen=True):
    frame: Frame
    palette: Palette
    fills: dict[str, str]  # area code → css class; its colour is in `colours`
    colours: dict[str, str]  # css class → fill colour
    doc_title: str
    desc: str
    level: str | None = None  # None: chosen by scale
    tooltips: dict[str, str] = msgspec.field(default_factory=dict)
    outline: tuple[str, ...] = ()
    labels: tuple[Label, ...] = ()
    arcs: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = ()
    legend: tuple[tuple[str, str], ...] = ()  # (css class, text)
    legend_title: str | None = None
    title: str | None = None
    subtitle: str | None = None
    world: bool = False  # draw the outline of the globe, white outside
    omit: tuple[str, ...] = ()  # areas not drawn (Antarctica on world maps)
    reviewed: dt.date | None = None  # the record's review stamp, named in the credit line


class Map(msgspec.Struct, frozen=True):
    """A rendered map: SVG text, caption and alt text; PNG on demand."""

    svg: str
    caption: str
    alt: str
    width: int
    height: int
    frame: Frame | None = None

    def pixel(self, lon: float, lat: float, width: int | None = None) -> tuple[float, float]:
        """Where a place falls on the map (or on a PNG of that width), in pixels from top left."""
        if self.frame is None:
            raise ValueError("this map has no frame")
        x, y = self.frame.lonlat_to_px(lon, lat)
        k = (width or self.width) / self.width
        return float(x[0]) * k, float(y[0]) * k

    def png(self, width: int | None = None) -> bytes:
        from warrantwatch.maps.png import svg_to_png

        return svg_to_png(self.svg, width or self.width)

    def save(self, path: str | Path, width: int | None = None) -> Path:
        """Write SVG or PNG, by the file's suffix."""
        from warrantwatch.errors import WarrantWatchError

        path = Path(path)
        suffix = path.suffix.lower()
        if suffix in (".svg", ".png"):
            path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".svg":
            path.write_text(self.svg, encoding="utf-8")
        elif suffix == ".png":
            path.write_bytes(self.png(width))
        else:
            raise WarrantWatchError(f"cannot write {path.name!r}: use a .svg or .png file name")
        return path


def _style(scene: Scene) -> str:
    rules = [base_style(scene.palette)]
    rules += [f".{cls}{{fill:{colour}}}" for cls, colour in sorted(scene.colours.items())]
    return "".join(rules)


def base_style(p) -> str:
    """The rules every map shares (sea, borders, text), before its own colour classes."""
    k = GEOMETRY_SCALE
    rules = [
        f".sea{{fill:{p.sea}}}",
        f".area{{fill:{p.land};stroke:{p.border};stroke-width:{0.5 * k:g};stroke-linejoin:round}}",
        f".no-state{{fill:{p.no_state}}}",
        f".outline{{fill:none;stroke:{p.ink};stroke-width:{1.1 * k:g};stroke-linejoin:round}}",
        f".globe{{fill:none;stroke:#9fb3c2;stroke-width:{0.8 * k:g}}}",
        f".arc{{fill:none;stroke:{p.arc};stroke-width:{2.2 * k:g};stroke-linecap:round;"
        f"stroke-dasharray:{6 * k:g} {4 * k:g}}}",
        f".marker{{stroke:{p.ink};stroke-width:0.8}}",
        f".ring{{fill:none;stroke:{p.ink};stroke-width:1.5}}",
        f"text{{font-family:{FONT};fill:{p.ink}}}",
        ".label{font-size:18px;font-weight:bold;paint-order:stroke;stroke:#ffffff;stroke-width:4px;"
        "stroke-linejoin:round}",
        ".title{font-size:22px;font-weight:bold}",
        f".subtitle{{font-size:14px;fill:{p.muted}}}",
        ".legend-text{font-size:13px}",
        ".legend-title{font-size:13px;font-weight:bold}",
        f".credit{{font-size:10.5px;fill:{p.muted}}}",
        ".legend-box{fill:#ffffff;fill-opacity:0.88;stroke:#cccccc}",
        ".swatch{stroke:#555555;stroke-width:0.6}",
    ]
    return "".join(rules)


def _globe(frame: Frame) -> np.ndarray:
    import numpy as np

    lon0 = frame.projection.lon0
    lats = np.linspace(-90, 90, 181)
    lon = np.concatenate([np.full_like(lats, lon0 - 180), np.full_like(lats, lon0 + 180)])
    lat = np.concatenate([lats, lats[::-1]])
    x, y = frame.to_px(*frame.projection.forward(lon, lat))
    return np.column_stack([x, y])


def _arc_pieces(frame: Frame, a, b) -> list[np.ndarray]:
    import numpy as np

    line = great_circle(a, b, 160)
    x, y = frame.lonlat_to_px(line[:, 0], line[:, 1])
    pts = np.column_stack([x, y])
    jumps = np.flatnonzero(np.abs(np.diff(x)) > frame.width / 2) + 1  # the arc crosses the seam
    return [p for p in np.split(pts, jumps) if len(p) >= 2]


def _largest_part(rings: list[tuple[np.ndarray, bool]], frame: Frame):
    """The biggest visible exterior ring of an area, clipped to the frame, as a shapely polygon."""
    import shapely

    w, h = frame.width, frame.height

    def room(ring) -> float:  # what the ring's box keeps in the frame: no part of it is larger
        x0, y0 = ring.min(axis=0)
        x1, y1 = ring.max(axis=0)
        return max(0.0, min(x1, w) - max(x0, 0.0)) * max(0.0, min(y1, h) - max(y0, 0.0))

    # The largest part, the first in drawing order among equals; rings tried largest box first,
    # and none whose box is smaller than the best part found (most islands are never clipped).
    candidates = sorted(((room(ring), order, ring) for order, (ring, exterior) in enumerate(rings) if exterior),
                        key=lambda c: (-c[0], c[1]))
    best, best_area, best_order = None, 0.0, -1
    for bound, order, ring in candidates:
        if bound < best_area or bound == 0.0:
            break
        poly = shapely.clip_by_rect(shapely.Polygon(ring).buffer(0), 0, 0, w, h)
        for part in getattr(poly, "geoms", [poly]):
            if part.geom_type != "Polygon":
                continue
            area = part.area
            if area > best_area or (area == best_area and best is not None and order < best_order):
                best, best_area, best_order = part, area, order
    return best, best_area


@lru_cache(maxsize=64)
def _label_place(level: str, frame: Frame, index: int) -> tuple[float, float, float, float] | None:
    """Where to put a label inside the area's largest visible part: x, y, the part's width, area."""
    stored = framecache.labels(level, frame)
    if index in stored:
        return stored[index]
    place = _find_label_place(level, frame, index)
    framecache.add_label(level, frame, index, place)
    return place


def _find_label_place(level: str, frame: Frame, index: int) -> tuple[float, float, float, float] | None:
    from shapely.ops import polylabel

    part, area = _largest_part(_projected(level, frame).by_area.get(index, []), frame)
    if part is None:
        return None
    point = polylabel(part, tolerance=max(0.5, math.sqrt(area) / 50))
    minx, _, maxx, _ = part.bounds
    return float(point.x), float(point.y), float(maxx - minx), float(area)


class Projected(msgspec.Struct, frozen=True, eq=False, dict=True):
    """The boundaries drawn into one frame: reused by every map with that frame (warm renders)."""

    areas: frozenset[int]  # the areas with outlines in the frame
    size_px: dict[int, float]  # the area each area shows in the frame, exteriors only, px²
    dots: dict[int, tuple[float, float]]  # areas smaller than a pixel: where they are
    markers: dict[int, tuple[float, float]]  # where the marker or ring of a small area goes (its biggest
    # exterior's middle), for each area showing less than SMALL_PX2
    d_of: dict[int, str]  # SVG path data of each area
    rings: Callable[[], dict[int, list[tuple[np.ndarray, bool]]]]  # the rings, when asked for

    @cached_property
    def by_area(self) -> dict[int, list[tuple[np.ndarray, bool]]]:
        """Each area's rings in pixels (ring, is exterior): only placing a new label or drawing a
        route needs them, so a map drawn from the frame cache does not load them."""
        return self.rings()


@lru_cache(maxsize=8)
def _projected(level: str, frame: Frame) -> Projected:
    """The frame's outlines: from memory, else from disk (`maps.framecache`), else projected."""
    from warrantwatch.maps.paint import offer_paths

    stored = framecache.read(level, frame)
    if stored is not None:
        d_of = stored["d_of"]
        offer_paths({d_of[i]: data for i, data in stored["paths"].items()})

        def rings() -> dict[int, list[tuple[np.ndarray, bool]]]:
            found = framecache.read_rings(level, frame)
            return found if found is not None and set(found) == stored["areas"] else \
                _project(level, frame)[0].by_area

        return Projected(stored["areas"], stored["size_px"], stored["dots"], stored["markers"], d_of, rings)
    projected, paths = _project(level, frame)
    offer_paths({projected.d_of[i]: data for i, data in paths.items()})  # the rasteriser parses no text
    framecache.write(level, frame, by_area=projected.by_area, size_px=projected.size_px, dots=projected.dots,
                     markers=projected.markers, d_of=projected.d_of, paths=paths)
    return projected


def _project(level: str, frame: Frame) -> tuple[Projected, dict[int, bytes]]:
    """The frame's outlines, and Skia's serialised path of each (`paint.path_bytes`)."""
    import numpy as np

    from warrantwatch.maps.paint import path_bytes

    w, h = frame.width, frame.height
    rings: PixelRings = project(load(level), frame)
    by_area: dict[int, list[tuple[np.ndarray, bool]]] = {}
    size_px: dict[int, float] = {}
    for ring, area, exterior, px2 in zip(rings.rings, rings.area, rings.exterior, rings.area_px,
                                         strict=True):
        by_area.setdefault(area, []).append((ring, exterior))
        if exterior:
            if ring.min() < 0 or ring[:, 0].max() > w or ring[:, 1].max() > h:  # count what shows
                px2 = ring_area_px(np.column_stack([np.clip(ring[:, 0], 0, w), np.clip(ring[:, 1], 0, h)]))
            size_px[area] = size_px.get(area, 0.0) + px2
    each = iter(quantised_each([r for parts in by_area.values() for r, _ in parts]))
    kept = {i: [q for q in (next(each) for _ in parts) if q is not None] for i, parts in by_area.items()}
    d_of = {i: path_text(q) for i, q in kept.items()}
    paths = {i: path_bytes(q) for i, q in kept.items() if q}  # Skia's paths of the same integers
    markers = {i: at for i, parts in by_area.items()  # only areas small enough to get a marker or a ring
               if size_px.get(i, 0.0) < max(TINY_PX2, SMALL_PX2) and (at := _marker_point(parts)) is not None}
    return Projected(frozenset(by_area), size_px, rings.dots, markers, d_of, lambda: by_area), paths


def _marker_point(rings) -> tuple[float, float] | None:
    exteriors = [r for r, e in rings if e]
    if not exteriors:
        return None
    biggest = max(exteriors, key=ring_area_px)
    return float(biggest[:, 0].mean()), float(biggest[:, 1].mean())


def with_desc(svg: str, alt: str) -> str:
    """Put the alt text into the document's empty <desc>, escaped."""
    from warrantwatch.maps.svg import escape_text

    return svg.replace('<desc id="map-desc"></desc>', f'<desc id="map-desc">{escape_text(alt)}</desc>', 1)


class Rendered(msgspec.Struct, frozen=True):
    svg: str
    regions: tuple[str, ...]  # region words by share of the land shown, largest first
    visible: frozenset[str]  # codes of the areas in the frame


def render(scene: Scene) -> Rendered:
    frame = scene.frame
    w, h = frame.width, frame.height
    level = scene.level or level_for(frame)
    table, index_of = areas(), area_index()
    geo = _projected(level, frame)
    shown, size_px, dots, d_of, markers = geo.areas, geo.size_px, geo.dots, geo.d_of, geo.markers

    doc = Document(w, h, scene.doc_title, scene.desc, _style(scene))
    inv = 1 / GEOMETRY_SCALE
    if scene.world:
        doc.add(element("rect", width=w, height=h, fill="#ffffff"))
        doc.open_group(transform=f"scale({inv:g})")
        globe = path_data([_globe(frame)])
        doc.add(element("path", class_="sea", d=globe))
    else:
        doc.add(element("rect", class_="sea", width=w, height=h))
        doc.open_group(transform=f"scale({inv:g})")

    doc.open_group(id="areas")
    for index in sorted(shown, key=lambda i: table[i].code):
        area = table[index]
        if area.code in scene.omit:
            continue
        cls = scene.fills.get(area.code)
        classes = "area" + (f" {cls}" if cls else (" no-state" if area.state is None else ""))
        tooltip = scene.tooltips.get(area.code, area.name)
        d = d_of[index]
        if d:
            doc.add(f'<path id="area-{area.code}" class="{classes}" fill-rule="evenodd" d="{d}">'
                    f"{element('title', tooltip)}</path>")
    doc.close_group()
    for code in scene.outline:
        if code in index_of and index_of[code] in shown:
            doc.add(element("path", class_="outline", d=d_of[index_of[code]], fill_rule="evenodd"))
    if scene.world:
        doc.add(element("path", class_="globe", d=globe))
    for a, z in scene.arcs:
        for piece in _arc_pieces(frame, a, z):
            doc.add(element("path", class_="arc", d=polyline_data(piece)))
    doc.close_group()

    # Markers for states too small to see, when they carry a colour.
    radius = max(3.0, w / 450)
    doc.open_group(id="markers")
    for index in sorted(shown | set(dots), key=lambda i: table[i].code):
        area = table[index]
        cls = scene.fills.get(area.code)
        if not cls or area.kind != "state" or area.code in scene.omit:
            continue
        if size_px.get(index, 0.0) >= TINY_PX2:
            continue
        at = markers.get(index) if index in shown else dots[index]
        if at and 0 <= at[0] <= w and 0 <= at[1] <= h:
            doc.add(f'<circle id="marker-{area.code}" class="marker {cls}" cx="{at[0]:.1f}" '
                    f'cy="{at[1]:.1f}" r="{radius:.1f}">'
                    f"{element('title', scene.tooltips.get(area.code, area.name))}</circle>")
    ringed: dict[str, tuple[float, float, float]] = {}
    for code in scene.outline:  # a highlighted state the eye could miss (Israel on a world map)
        index = index_of.get(code)
        if index in shown and size_px.get(index, 0.0) < SMALL_PX2:
            at = markers.get(index)
            if at and 0 <= at[0] <= w and 0 <= at[1] <= h:
                ringed[code] = (*at, max(10.0, w / 120))
                doc.add(element("circle", class_="ring", id=f"ring-{code}", cx=f"{at[0]:.1f}",
                                cy=f"{at[1]:.1f}", r=f"{ringed[code][2]:.1f}"))
    doc.close_group()

    doc.open_group(id="labels")
    for label in scene.labels:
        if label.code not in index_of or index_of[label.code] not in shown:
            continue
        place = _label_place(level, frame, index_of[label.code])
        if place is None:
            continue
        x, y, part_width, part_area = place
        text_width = 0.62 * 18 * len(label.text)
        anchor = "middle"
        if label.code in ringed:  # beside its ring
            x, y, ring_radius = ringed[label.code]
            x += ring_radius + 4
            anchor = "start"
        elif text_width > part_width * 1.15:  # does not fit: beside the part, to the right
            x += max(radius, math.sqrt(part_area) / 2) + 4
            anchor = "start"
        doc.add(element("text", label.text, class_="label", x=f"{x:.1f}", y=f"{y + 6:.1f}",
                        text_anchor=anchor))
    doc.close_group()
    _chrome(doc, scene)
    return Rendered(str(doc), _regions(table, size_px, frame), frozenset(table[i].code for i in shown))


def _regions(table, size_px: dict[int, float], frame: Frame, share: float = 0.15) -> tuple[str, ...]:
    """Region words with at least `share` of the land shown."""
    land: dict[str, float] = {}
    for index, px2 in size_px.items():
        region = table[index].region
        if region and region not in ("the oceans", "Antarctica"):
            land[region] = land.get(region, 0.0) + px2
    whole = sum(land.values()) or 1.0
    ranked = sorted(land, key=lambda r: -land[r])
    return tuple(r for r in ranked if land[r] / whole >= share)[:3]


def _chrome(doc: Document, scene: Scene) -> None:
    """Title, legend, credit line."""
    w, h = scene.frame.width, scene.frame.height
    if scene.title:
        doc.add(element("text", scene.title, class_="title", x=16, y=32))
    if scene.subtitle:
        doc.add(element("text", scene.subtitle, class_="subtitle", x=16, y=52))
    if scene.legend:
        row = 20
        lines = len(scene.legend) + (1 if scene.legend_title else 0)
        longest = max(len(t) for _, t in scene.legend)
        box_w = min(w - 32, 40 + 7.2 * longest)
        box_h = 14 + row * lines
        x0, y0 = 16, h - 30 - box_h
        doc.open_group(id="legend")
        doc.add(element("rect", class_="legend-box", x=x0, y=f"{y0:g}", width=f"{box_w:.0f}",
                        height=box_h, rx=4))
        y = y0 + 8
        if scene.legend_title:
            doc.add(element("text", scene.legend_title, class_="legend-title", x=x0 + 10, y=f"{y + 12:g}"))
            y += row
        for cls, text in scene.legend:
            doc.add(element("rect", class_=f"swatch {cls}", x=x0 + 10, y=f"{y + 1:g}", width=16, height=13))
            doc.add(element("text", text, class_="legend-text", x=x0 + 34, y=f"{y + 12:g}"))
            y += row
        doc.close_group()
    src = source()
    stamp = f" · record reviewed to {scene.reviewed}" if scene.reviewed else ""
    credit = (f"Boundaries: Natural Earth {src['version']} (public domain), UN border policy · "
              f"{scene.frame.projection.describe()} · warrantwatch{stamp}")
    if 5.6 * len(credit) > w - 20:  # narrow maps: the essentials only
        credit = f"Natural Earth {src['version']} · UN border policy · warrantwatch{stamp}"
    doc.add(element("text", credit, class_="credit", x=w - 10, y=h - 10, text_anchor="end"))
