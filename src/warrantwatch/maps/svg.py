"""A small SVG writer: every text and attribute value that reaches the document is escaped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np  # imported where used: drawing from the frame cache needs no numpy


GEOMETRY_SCALE = 10  # geometry is written in tenths of a pixel, as integers, inside scale(0.1)


def attrs(**values) -> str:
    """` key="value"` pairs, escaped; None values are left out; `class_` → `class`."""
    out = []
    for key, value in values.items():
        if value is None:
            continue
        out.append(f" {key.rstrip('_').replace('_', '-')}={quoteattr(str(value))}")
    return "".join(out)


def element(tag: str, text: str | None = None, **values) -> str:
    if text is None:
        return f"<{tag}{attrs(**values)}/>"
    return f"<{tag}{attrs(**values)}>{escape_text(text)}</{tag}>"


def quantised(rings: Iterable[np.ndarray]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Each ring that path data keeps: its first point and its steps, in tenths of a pixel
    (integers), steps of nothing dropped; rings of fewer than two steps are left out."""
    return (kept for kept in quantised_each(list(rings)) if kept is not None)


def quantised_each(rings: list[np.ndarray]) -> list[tuple[np.ndarray, np.ndarray] | None]:
    """`quantised` for each ring (None: left out), all rings at once: the same integers as ring by
    ring, without a dozen numpy calls per ring (a frame has hundreds to thousands of rings)."""
    import numpy as np

    if not rings:
        return []
    sizes = np.array([len(r) for r in rings], dtype=np.int64)
    q = np.rint(np.concatenate(rings) * GEOMETRY_SCALE).astype(np.int64)
    ring_of = np.repeat(np.arange(len(rings)), sizes)
    steps = q[1:] - q[:-1]
    kept = (ring_of[1:] == ring_of[:-1]) & np.any(steps != 0, axis=1)  # within a ring, and a move
    steps = steps[kept]
    counts = np.bincount(ring_of[1:][kept], minlength=len(rings))
    ends = np.cumsum(counts)
    firsts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    out: list[tuple[np.ndarray, np.ndarray] | None] = []
    for first, end, count in zip(firsts.tolist(), ends.tolist(), counts.tolist(), strict=True):
        out.append((q[first], steps[end - count:end]) if count >= 2 else None)
    return out


def path_data(rings: Iterable[np.ndarray]) -> str:
    """Rings (pixels) as compact path data in tenths of a pixel: `M x y l dx dy … z` per ring."""
    return path_text(quantised(rings))


def path_text(quantised_rings: Iterable[tuple[np.ndarray, np.ndarray]]) -> str:
    """`quantised` rings as path data."""
    return "".join(f"M{q0[0]} {q0[1]}l" + " ".join(map(str, d.ravel().tolist())) + "z"
                   for q0, d in quantised_rings)


def polyline_data(line: np.ndarray) -> str:
    import numpy as np

    q = np.rint(line * GEOMETRY_SCALE).astype(np.int64)
    d = np.diff(q, axis=0)
    return f"M{q[0, 0]} {q[0, 1]}l" + " ".join(map(str, d.ravel().tolist()))


class Document:
    """Collects elements; `str()` gives the document."""

    def __init__(self, width: int, height: int, title: str, desc: str, style: str):
        self.width, self.height = width, height
        self.head = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1"{attrs(width=width, height=height)}'
            f'{attrs(viewBox=f"0 0 {width} {height}", role="img", aria_labelledby="map-title map-desc")}'
            f'{attrs(class_="ww-map")}>',
            element("title", title, id="map-title"),
            element("desc", desc, id="map-desc"),
            f"<style>{escape(style)}</style>",
        ]
        self.body: list[str] = []

    def add(self, markup: str) -> None:
        self.body.append(markup)

    def open_group(self, **values) -> None:
        self.body.append(f"<g{attrs(**values)}>")

    def close_group(self) -> None:
        self.body.append("</g>")

    def __str__(self) -> str:
        return "\n".join([*self.head, *self.body, "</svg>"]) + "\n"


_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": "&#10;", "\r": "&#13;",
                       "\t": "&#9;", '"': "&quot;"})


# Written here rather than imported from xml.sax.saxutils, which imports urllib and http (0.02 s).
def escape(text: str) -> str:
    """Character data: &, < and > escaped."""
    return text.translate(_TEXT)


def quoteattr(text: str) -> str:
    """An attribute value in double quotes: &, <, >, quotes and line breaks escaped."""
    return f'"{text.translate(_ATTR)}"'


def escape_text(text: str) -> str:
    """Character data: &, <, > escaped, and carriage returns kept (XML would turn them into \\n)."""
    return escape(text).replace("\r", "&#13;")
