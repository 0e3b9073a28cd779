"""Skia's side of drawing a map: colours, paints and paths, shared by the rasteriser (`maps.raster`)
and the recolourable layers (`maps.layers`), which both sit above this module.
"""

from __future__ import annotations

import re
import struct
from functools import cache

_RING = re.compile(r"M(-?\d+) (-?\d+)l([-\d ]*)(z?)")
_PATH_CACHE_SIZE = 4096


class Unsupported(Exception):
    """The document uses something this rasteriser does not draw."""


@cache
def colour(value: str | None) -> int | None:
    """'#rrggbb' → opaque ARGB integer (Skia's colour), None for none."""
    if value is None or value == "none":
        return None
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise Unsupported(f"colour {value!r}")
    return 0xFF000000 | int(value[1:], 16)


def css_length(value: str | None, default: float = 0.0) -> float:
    if value is None:
        return default
    return float(value.removesuffix("px"))


_PATHS: dict[str, object] = {}  # path data → skia.Path (a state's outline is parsed once), or its bytes


def forget_paths() -> None:
    """Empty the parsed-path cache (benchmarks use it to time a frame never drawn before)."""
    _PATHS.clear()


def offer_paths(paths: dict[str, bytes | memoryview]) -> None:
    """Path data → Skia's serialised path of it (`serialise`, kept in the frame cache on disk):
    `parse_path` then reads these bytes back instead of parsing the text."""
    if len(_PATHS) + len(paths) > _PATH_CACHE_SIZE:
        _PATHS.clear()
    for d, data in paths.items():
        _PATHS.setdefault(d, data)


def serialise(d: str) -> bytes:
    """Skia's serialised form of the path of `d` (what `path_bytes` writes without Skia)."""
    return bytes(parse_path(d, False).serialize())


# Skia's serialised path (SkPath::writeToMemory, version 5): four int32 (version | fill type << 8,
# points, conic weights, verbs), the points as float32 pairs, the verbs as bytes (0 move, 1 line,
# 5 close), zeros to a multiple of 4 bytes. `_serial_format_ok` checks it against this Skia once.
_SERIAL_VERSION, _MOVE, _LINE, _CLOSE = 5, b"\0", b"\1", b"\5"


def _serial(points: bytes, count: int, verbs: bytes) -> bytes:
    return struct.pack("<4i", _SERIAL_VERSION, count, 0, len(verbs)) + points + verbs + b"\0" * (-len(verbs) % 4)


def path_bytes(quantised_rings) -> bytes:
    """The outline `parse_path(path_text(quantised_rings))` gives, serialised, straight from the
    rings (`svg.quantised`: the path data's integers) without Skia or text, one closed contour each.
    Tests compare it with Skia's own `serialise`, byte for byte."""
    import numpy as np

    points, verbs = [], []
    for start, steps in quantised_rings:
        points += [start[None, :], start + np.cumsum(steps, axis=0)]
        verbs.append(_MOVE + _LINE * len(steps) + _CLOSE)
    if not points:
        return _serial(b"", 0, b"")
    xy = np.concatenate(points).astype("<f4")
    return _serial(xy.tobytes(), len(xy), b"".join(verbs))


@cache
def _serial_format_ok() -> bool:
    """Whether this Skia reads and writes paths as `path_bytes` writes them."""
    import skia

    corners = ((1.0, 2.0), (3.0, 4.0), (5.0, 1.0))
    path = skia.Path()
    path.addPoly([skia.Point(x, y) for x, y in corners], True)
    ours = _serial(struct.pack("<6f", *(v for xy in corners for v in xy)), 3, _MOVE + _LINE * 2 + _CLOSE)
    return bytes(path.serialize()) == ours


def parse_path(d: str, evenodd: bool):
    """Path data as written by `maps.svg.path_data` → skia.Path, cached by its text."""
    import skia

    path = _PATHS.get(d)
    if path is not None and not isinstance(path, skia.Path):  # bytes offered from the frame cache
        read = skia.Path()  # (Skia checks what it reads; any doubt, and the text is parsed)
        path = read if _serial_format_ok() and read.readFromMemory(path) == len(path) else None
        if path is not None:
            _PATHS[d] = path
    if path is None:
        import numpy as np

        path = skia.Path()
        point = skia.Point
        end = 0
        for match in _RING.finditer(d):
            if match.start() != end:
                raise Unsupported("path data")
            end = match.end()
            start = np.array([float(match.group(1)), float(match.group(2))])
            deltas = np.array(match.group(3).split(), dtype=np.float64).reshape(-1, 2)
            ring = np.concatenate([start[None, :], np.cumsum(deltas, axis=0) + start])
            # One contour per ring (move, lines, close when `z`): Skia Points straight from the
            # array, three times faster than Path.Make from tuples of the same numbers.
            path.addPoly([point(x, y) for x, y in ring.tolist()], bool(match.group(4)))
        if end != len(d):
            raise Unsupported("path data")
        if len(_PATHS) >= _PATH_CACHE_SIZE:
            _PATHS.clear()
        _PATHS[d] = path
    path.setFillType(skia.PathFillType.kEvenOdd if evenodd else skia.PathFillType.kWinding)
    return path


def fill_paint(style: dict[str, str]):
    """The fill of a style as a skia.Paint, or None."""
    import skia

    fill = colour(style.get("fill", "#000000"))
    if fill is None:
        return None
    alpha = min(1.0, max(0.0, float(style.get("fill-opacity", 1))))
    return skia.Paint(AntiAlias=True, Color=(fill & 0xFFFFFF) | (round(alpha * 255) << 24))


def stroke_paint(style: dict[str, str]):
    """The stroke of a style as a skia.Paint, or None."""
    import skia

    stroke = colour(style.get("stroke"))
    width = css_length(style.get("stroke-width"), 1.0)
    if stroke is None or width <= 0:
        return None
    paint = skia.Paint(AntiAlias=True, Color=stroke, Style=skia.Paint.kStroke_Style, StrokeWidth=width)
    if style.get("stroke-linejoin") == "round":
        paint.setStrokeJoin(skia.Paint.kRound_Join)
    if style.get("stroke-linecap") == "round":
        paint.setStrokeCap(skia.Paint.kRound_Cap)
    dash = style.get("stroke-dasharray")
    if dash:
        paint.setPathEffect(skia.DashPathEffect.Make([float(v) for v in dash.replace(",", " ").split()], 0))
    return paint
