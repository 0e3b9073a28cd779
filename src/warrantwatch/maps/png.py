"""SVG → PNG: our own documents with Skia (`maps.raster`, fast), anything else with resvg.

Both come as self-contained wheels from PyPI (skia-python, resvg-py) and draw text in DejaVu Sans.
"""

from __future__ import annotations

from warrantwatch.errors import WarrantWatchError
from warrantwatch.maps.fonts import font_file


def svg_to_png(svg: str, width: int, *, engine: str = "auto") -> bytes:
    """PNG bytes at `width` pixels. engine: "auto" (Skia if it can, else resvg), "skia", "resvg"."""
    if not 16 <= width <= 10_000:
        raise WarrantWatchError(f"PNG width {width} is out of range (16 to 10000 pixels)")
    if engine in ("auto", "skia"):
        from warrantwatch.maps.raster import Unsupported, render_png

        try:
            return render_png(svg, width)
        except (Unsupported, ImportError, OSError):  # not our SVG, or no Skia on this system
            if engine == "skia":
                raise
    return _resvg(svg, width)


def _resvg(svg: str, width: int) -> bytes:
    import resvg_py

    fonts = [f for f in (font_file(False), font_file(True)) if f]
    try:
        if fonts:
            return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, skip_system_fonts=True,
                                               font_files=fonts, font_family="DejaVu Sans",
                                               sans_serif_family="DejaVu Sans"))
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width))
    except ValueError as exc:  # resvg refuses the document: a bug here, not bad input
        raise RuntimeError(f"PNG rendering failed: {exc}") from exc
