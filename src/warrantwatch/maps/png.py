"""SVG → PNG: our own documents with cairo (`maps.raster`, fast), anything else with resvg.

resvg (a Rust renderer, from PyPI's resvg-py wheel) needs no system library; cairo (cairocffi over
the system's libcairo) draws these maps about twice as fast. Both use DejaVu Sans.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from warrantwatch.errors import WarrantWatchError

FONT_NAMES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "C:/Windows/Fonts")


@cache
def _fonts() -> tuple[str, ...]:
    """DejaVu Sans when the system has it (fast: no scan of every system font), else nothing."""
    found = []
    for root in FONT_DIRS:
        base = Path(root)
        if not base.is_dir():
            continue
        for name in FONT_NAMES:
            found += [str(p) for p in base.rglob(name)][:1]
        if found:
            break
    return tuple(found)


def svg_to_png(svg: str, width: int, *, engine: str = "auto") -> bytes:
    """PNG bytes at `width` pixels. engine: "auto" (cairo if it can, else resvg), "cairo", "resvg"."""
    if not 16 <= width <= 10_000:
        raise WarrantWatchError(f"PNG width {width} is out of range (16 to 10000 pixels)")
    if engine in ("auto", "cairo"):
        from warrantwatch.maps.raster import Unsupported, render_png

        try:
            return render_png(svg, width)
        except (Unsupported, ImportError, OSError):  # not our SVG, or no libcairo on this system
            if engine == "cairo":
                raise
    return _resvg(svg, width)


def _resvg(svg: str, width: int) -> bytes:
    import resvg_py

    fonts = _fonts()
    try:
        if fonts:
            return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, skip_system_fonts=True,
                                               font_files=list(fonts), font_family="DejaVu Sans",
                                               sans_serif_family="DejaVu Sans"))
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width))
    except ValueError as exc:  # resvg refuses the document: a bug here, not bad input
        raise RuntimeError(f"PNG rendering failed: {exc}") from exc
