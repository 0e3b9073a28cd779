"""A fast rasteriser for the SVG that `maps.svg` writes (and nothing else), drawn with Skia.

The SVG stays the single source: this reads the document back (ElementTree), applies its own
stylesheet, and draws rect, path (`M x y l dx dy … z`), circle and text with Skia (skia-python),
which fills and strokes these maps several times faster than a general SVG renderer. Any construct
it does not know raises `Unsupported`, and `png.svg_to_png` falls back to resvg.

A map's geometry is the costly part and repeats: every obligation map of the world has the same
outlines, only their colours change. `maps.layers` keeps what a run of outlines covers, pixel by
pixel, so that a frame drawn before is only recoloured.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
import zlib
from functools import cache, cached_property
from typing import TYPE_CHECKING

from warrantwatch.maps.fonts import font_file
from warrantwatch.maps.layers import Run, draw_run
from warrantwatch.maps.paint import (  # noqa: F401 (forget_paths: for benchmarks and tests)
    Unsupported,
    colour,
    css_length,
    fill_paint,
    forget_paths,
    parse_path,
    stroke_paint,
)

if TYPE_CHECKING:
    import numpy as np  # imported where used: a PNG drawn once needs no numpy

NS = "{http://www.w3.org/2000/svg}"
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SCALE = re.compile(r"^scale\(([\d.]+)\)$")
_BAND = 16  # rows deflated at a time


def _stylesheet(css: str) -> list[tuple[str, dict[str, str]]]:
    rules = []
    for selector, body in _RULE.findall(css):
        props = dict(p.split(":", 1) for p in body.split(";") if ":" in p)
        rules.append((selector.strip(), {k.strip(): v.strip() for k, v in props.items()}))
    return rules


def _style_of(rules, tag: str, classes: list[str], element) -> dict[str, str]:
    style: dict[str, str] = {}
    for selector, props in rules:  # type selectors first, then classes, in document order
        if selector == tag:
            style.update(props)
    for selector, props in rules:
        if selector.startswith(".") and selector[1:] in classes:
            style.update(props)
    for attr in ("fill", "stroke", "stroke-width", "fill-rule"):
        if element.get(attr) is not None:
            style[attr] = element.get(attr)
    return style


@cache
def _typeface(bold: bool):
    """DejaVu Sans from its file, through a font manager of our own: Skia's default one would start
    the wheel's fontconfig, which warns on stderr about newer system configuration files."""
    import skia

    found = font_file(bold)
    face = skia.FontMgr.New_Custom_Empty().makeFromFile(found) if found else None
    if face is None:
        raise Unsupported("no DejaVu Sans font file")  # resvg draws it with what the system has
    return face


class _Painter:
    def __init__(self, canvas, rules, buffer: bytearray, dims: tuple[int, int, int], use_layers: bool):
        self.canvas, self.rules, self.buffer, self.dims, self.use_layers = canvas, rules, buffer, dims, use_layers
        self.styles: dict[tuple, dict[str, str]] = {}

    @cached_property
    def pixels(self) -> np.ndarray:
        """The canvas's pixels as an (h, w, 4) array over the same memory (for `maps.layers`)."""
        import numpy as np

        return np.frombuffer(self.buffer, dtype=np.uint8).reshape(self.dims)

    def shape(self, draw, style) -> None:
        for paint in (fill_paint(style), stroke_paint(style)):
            if paint is not None:
                draw(paint)

    def text(self, element, style) -> None:
        import skia

        content = element.text or ""
        font = skia.Font(_typeface(style.get("font-weight") == "bold"), css_length(style.get("font-size"), 16.0))
        font.setEdging(skia.Font.Edging.kAntiAlias)
        x, y = css_length(element.get("x")), css_length(element.get("y"))
        advance = font.measureText(content)
        x -= {"middle": advance / 2, "end": advance}.get(element.get("text-anchor", "start"), 0.0)
        halo = colour(style.get("stroke"))
        if halo is not None and style.get("paint-order") == "stroke":
            self.canvas.drawString(content, x, y, font, skia.Paint(
                AntiAlias=True, Color=halo, Style=skia.Paint.kStroke_Style,
                StrokeWidth=css_length(style.get("stroke-width"), 1.0), StrokeJoin=skia.Paint.kRound_Join))
        self.canvas.drawString(content, x, y, font,
                               skia.Paint(AntiAlias=True, Color=colour(style.get("fill", "#000000")) or 0xFF000000))

    def group(self, element) -> None:
        canvas = self.canvas
        canvas.save()
        transform = element.get("transform")
        if transform:
            match = _SCALE.match(transform)
            if not match:
                raise Unsupported(f"transform {transform!r}")
            k = float(match.group(1))
            canvas.scale(k, k)
        run: list[tuple[object, dict[str, str]]] = []
        for child in element:
            if child.tag == f"{NS}path":
                style = self.style(child)
                if Run.takes(style):
                    run.append((child, style))
                    continue
            if run:
                draw_run(self, run)
                run = []
            self.draw(child)
        if run:
            draw_run(self, run)
        canvas.restore()

    def style(self, element) -> dict[str, str]:
        """The element's computed style (shared by elements alike: read it, never change it)."""
        get = element.get
        key = (element.tag, get("class"), get("fill"), get("stroke"), get("stroke-width"), get("fill-rule"))
        style = self.styles.get(key)
        if style is None:
            style = self.styles[key] = _style_of(self.rules, element.tag.removeprefix(NS),
                                                 (get("class") or "").split(), element)
        return style

    def path(self, element, style) -> None:
        path = parse_path(element.get("d", ""), style.get("fill-rule") == "evenodd")
        self.shape(lambda paint: self.canvas.drawPath(path, paint), style)

    def draw(self, element) -> None:
        import skia

        tag = element.tag.removeprefix(NS)
        if tag in ("title", "desc", "style"):
            return
        if tag == "g":
            self.group(element)
            return
        style = self.style(element)
        canvas = self.canvas
        if tag == "rect":
            rect = skia.Rect.MakeXYWH(css_length(element.get("x")), css_length(element.get("y")),
                                      css_length(element.get("width")), css_length(element.get("height")))
            r = css_length(element.get("rx"))
            self.shape(lambda paint: canvas.drawRoundRect(rect, r, r, paint), style)
        elif tag == "path":
            self.path(element, style)
        elif tag == "circle":
            cx, cy, r = (css_length(element.get(a)) for a in ("cx", "cy", "r"))
            self.shape(lambda paint: canvas.drawCircle(cx, cy, r, paint), style)
        elif tag == "text":
            self.text(element, style)
        else:
            raise Unsupported(f"element <{tag}>")


def render_rgba(svg: str, width: int, *, layers: bool = True) -> np.ndarray:
    """The pixels of `svg` (as written by `maps.svg`) at `width`: an (h, w, 4) RGBA array.
    layers=False draws every outline afresh (the reference the layer cache is tested against)."""
    import numpy as np

    buffer, height, width = _draw(svg, width, layers)
    return np.frombuffer(buffer, dtype=np.uint8).reshape(height, width, 4)


def _draw(svg: str, width: int, layers: bool = True) -> tuple[bytearray, int, int]:
    """The RGBA pixels of `svg` at `width`, row by row, and the height and width (no numpy needed)."""
    import skia

    root = ET.fromstring(svg.encode("utf-8"))
    svg_w, svg_h = css_length(root.get("width")), css_length(root.get("height"))
    if not svg_w or not svg_h:
        raise Unsupported("no size")
    height = max(1, round(width * svg_h / svg_w))
    style = root.find(f"{NS}style")
    rules = _stylesheet(style.text if style is not None and style.text else "")
    buffer = bytearray(height * width * 4)
    info = skia.ImageInfo.Make(width, height, skia.ColorType.kRGBA_8888_ColorType, skia.AlphaType.kPremul_AlphaType)
    surface = skia.Surface.MakeRasterDirect(info, buffer, width * 4)
    canvas = surface.getCanvas()
    canvas.clear(0xFFFFFFFF)
    canvas.scale(width / svg_w, height / svg_h)
    painter = _Painter(canvas, rules, buffer, (height, width, 4), layers)
    for child in root:
        painter.draw(child)
    del canvas, surface, painter
    return buffer, height, width


def render_png(svg: str, width: int) -> bytes:
    """PNG bytes of `svg` (as written by `maps.svg`) at `width` pixels."""
    buffer, height, width = _draw(svg, width)
    return _png(buffer, height, width)


def encode_png(pixels: np.ndarray) -> bytes:
    """An (h, w, 4) RGBA array → PNG."""
    height, width, _ = pixels.shape
    return _png(pixels.tobytes(), height, width)


def _png(rgba, height: int, width: int) -> bytes:
    """RGBA rows → PNG: unfiltered rows deflated by ISA-L (several times faster than zlib, for files
    about 10% larger than zlib's default), a few rows at a time: one call over the whole image
    would first copy it (6 MB for 1600 × 1000), and a fresh process pays for every new page."""
    from isal import isal_zlib

    stride = 4 * width
    source = memoryview(rgba)
    deflate = isal_zlib.compressobj(2)
    parts = []
    for top in range(0, height, _BAND):
        rows = [source[y * stride:(y + 1) * stride] for y in range(top, min(height, top + _BAND))]
        parts.append(deflate.compress(b"\0".join([b"", *rows])))  # each row: filter 0 ("none"), pixels
    parts.append(deflate.flush())
    data = b"".join(parts)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(body, zlib.crc32(kind)))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
