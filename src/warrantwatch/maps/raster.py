"""A fast rasteriser for the SVG that `maps.svg` writes (and nothing else), drawn with cairo.

The SVG stays the single source: this reads the document back (ElementTree), applies its own
stylesheet, and draws rect, path (`M x y l dx dy … z`), circle and text with cairo, which is about
twice as fast as a general SVG renderer on these maps. Any construct it does not know raises
`Unsupported`, and `png.svg_to_png` falls back to resvg.
"""

from __future__ import annotations

import atexit
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

import numpy as np

NS = "{http://www.w3.org/2000/svg}"
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_RING = re.compile(r"M(-?\d+) (-?\d+)l([-\d ]*)(z?)")
_SCALE = re.compile(r"^scale\(([\d.]+)\)$")


class Unsupported(Exception):
    """The document uses something this rasteriser does not draw."""


def _colour(value: str | None) -> tuple[float, float, float] | None:
    if value is None or value == "none":
        return None
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise Unsupported(f"colour {value!r}")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (1, 3, 5))


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


def _length(value: str | None, default: float = 0.0) -> float:
    if value is None:
        return default
    return float(value.removesuffix("px"))


_PATHS: dict[str, object] = {}  # path data → cairo's own copy of the built path (user space)


def forget_paths() -> None:
    """Free the cached paths (explicitly, and at exit: never left to the garbage collector, which
    may run after cairo is gone)."""
    if not _PATHS:
        return
    from cairocffi import cairo as lib

    while _PATHS:
        _, native = _PATHS.popitem()
        lib.cairo_path_destroy(native)


atexit.register(forget_paths)


def _copy_native(ctx):
    """cairo_copy_path through cairocffi's low-level binding; None where that is not available."""
    try:
        from cairocffi import cairo as lib

        return lib.cairo_copy_path(ctx._pointer)
    except (ImportError, AttributeError):
        return None


def _append_native(ctx, native) -> bool:
    try:
        from cairocffi import cairo as lib

        lib.cairo_append_path(ctx._pointer, native)
        return True
    except (ImportError, AttributeError):
        return False


class _Painter:
    def __init__(self, ctx, rules):
        import cairocffi as cairo

        self.cairo, self.ctx, self.rules = cairo, ctx, rules

    def paint(self, style, preserve_for_stroke=True) -> None:
        ctx, cairo = self.ctx, self.cairo
        fill = _colour(style.get("fill", "#000000"))
        stroke = _colour(style.get("stroke"))
        width = _length(style.get("stroke-width"), 1.0)
        ctx.set_fill_rule(cairo.FILL_RULE_EVEN_ODD if style.get("fill-rule") == "evenodd"
                          else cairo.FILL_RULE_WINDING)
        if fill is not None:
            alpha = float(style.get("fill-opacity", 1))
            ctx.set_source_rgba(*fill, alpha)
            if stroke is not None and width > 0:
                ctx.fill_preserve()
            else:
                ctx.fill()
        if stroke is not None and width > 0:
            ctx.set_source_rgb(*stroke)
            ctx.set_line_width(width)
            ctx.set_line_join({"round": cairo.LINE_JOIN_ROUND}.get(style.get("stroke-linejoin"),
                                                                    cairo.LINE_JOIN_MITER))
            ctx.set_line_cap({"round": cairo.LINE_CAP_ROUND}.get(style.get("stroke-linecap"),
                                                                  cairo.LINE_CAP_BUTT))
            dash = style.get("stroke-dasharray")
            ctx.set_dash([float(v) for v in dash.replace(",", " ").split()] if dash else [])
            ctx.stroke()
        else:
            ctx.new_path()

    def path(self, d: str) -> None:
        """Add path data to the context; the same data (a state's outline) is built only once."""
        cached = _PATHS.get(d)
        if cached is not None and _append_native(self.ctx, cached):
            return
        self._build(d)
        native = _copy_native(self.ctx)
        if native is not None:
            if len(_PATHS) >= 4096:
                forget_paths()
            _PATHS[d] = native

    def _build(self, d: str) -> None:
        ctx = self.ctx
        end = 0
        for match in _RING.finditer(d):
            if match.start() != end:
                raise Unsupported("path data")
            end = match.end()
            x, y = float(match.group(1)), float(match.group(2))
            deltas = np.array(match.group(3).split(), dtype=np.float64).reshape(-1, 2)
            pts = np.cumsum(deltas, axis=0) + np.array([x, y])
            ctx.move_to(x, y)
            line_to = ctx.line_to
            for px, py in pts.tolist():
                line_to(px, py)
            if match.group(4):
                ctx.close_path()
        if end != len(d):
            raise Unsupported("path data")

    def text(self, element, style) -> None:
        ctx, cairo = self.ctx, self.cairo
        content = element.text or ""
        weight = cairo.FONT_WEIGHT_BOLD if style.get("font-weight") == "bold" else cairo.FONT_WEIGHT_NORMAL
        ctx.select_font_face("DejaVu Sans", cairo.FONT_SLANT_NORMAL, weight)
        ctx.set_font_size(_length(style.get("font-size"), 16.0))
        x, y = _length(element.get("x")), _length(element.get("y"))
        advance = ctx.text_extents(content)[4]
        anchor = element.get("text-anchor", "start")
        x -= {"middle": advance / 2, "end": advance}.get(anchor, 0.0)
        ctx.move_to(x, y)
        ctx.text_path(content)
        halo = _colour(style.get("stroke"))
        if halo is not None and style.get("paint-order") == "stroke":
            ctx.set_source_rgb(*halo)
            ctx.set_line_width(_length(style.get("stroke-width"), 1.0))
            ctx.set_line_join(cairo.LINE_JOIN_ROUND)
            ctx.stroke_preserve()
        ctx.set_source_rgb(*(_colour(style.get("fill", "#000000")) or (0, 0, 0)))
        ctx.fill()

    def draw(self, element) -> None:
        tag = element.tag.removeprefix(NS)
        if tag in ("title", "desc", "style"):
            return
        style = _style_of(self.rules, tag, (element.get("class") or "").split(), element)
        ctx = self.ctx
        if tag == "g":
            transform = element.get("transform")
            ctx.save()
            if transform:
                match = _SCALE.match(transform)
                if not match:
                    raise Unsupported(f"transform {transform!r}")
                k = float(match.group(1))
                ctx.scale(k, k)
            for child in element:
                self.draw(child)
            ctx.restore()
        elif tag == "rect":
            x, y = _length(element.get("x")), _length(element.get("y"))
            w, h = _length(element.get("width")), _length(element.get("height"))
            r = _length(element.get("rx"))
            if r:
                import math

                ctx.new_sub_path()
                for cx, cy, a in ((x + w - r, y + r, -math.pi / 2), (x + w - r, y + h - r, 0),
                                  (x + r, y + h - r, math.pi / 2), (x + r, y + r, math.pi)):
                    ctx.arc(cx, cy, r, a, a + math.pi / 2)
                ctx.close_path()
            else:
                ctx.rectangle(x, y, w, h)
            self.paint(style)
        elif tag == "path":
            self.path(element.get("d", ""))
            self.paint(style)
        elif tag == "circle":
            import math

            ctx.arc(_length(element.get("cx")), _length(element.get("cy")), _length(element.get("r")),
                    0, 2 * math.pi)
            self.paint(style)
        elif tag == "text":
            self.text(element, style)
        else:
            raise Unsupported(f"element <{tag}>")


def render_png(svg: str, width: int) -> bytes:
    """PNG bytes of `svg` (as written by `maps.svg`) at `width` pixels."""
    import cairocffi as cairo

    root = ET.fromstring(svg.encode("utf-8"))
    svg_w, svg_h = _length(root.get("width")), _length(root.get("height"))
    if not svg_w or not svg_h:
        raise Unsupported("no size")
    height = max(1, round(width * svg_h / svg_w))
    style = root.find(f"{NS}style")
    rules = _stylesheet(style.text if style is not None and style.text else "")
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, width, height)
    ctx = cairo.Context(surface)
    ctx.set_source_rgb(1, 1, 1)
    ctx.paint()
    ctx.scale(width / svg_w, height / svg_h)
    painter = _Painter(ctx, rules)
    for child in root:
        painter.draw(child)
    surface.flush()
    return _encode_png(surface, width, height)


def _encode_png(surface, width: int, height: int) -> bytes:
    """RGB PNG from the surface's pixels, compressed with zlib level 3 (faster than cairo's own
    writer at a similar size)."""
    stride = surface.get_stride()
    pixels = np.frombuffer(surface.get_data(), dtype=np.uint8).reshape(height, stride // 4, 4)[:, :width]
    rows = np.empty((height, 1 + 3 * width), dtype=np.uint8)
    rows[:, 0] = 0  # filter: none
    rows[:, 1:].reshape(height, width, 3)[:] = pixels[:, :, 2::-1]  # BGRX (little-endian) → RGB
    if sys.byteorder != "little":
        rows[:, 1:].reshape(height, width, 3)[:] = pixels[:, :, 1:]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows.tobytes(), 3)) + chunk(b"IEND", b""))
