"""The maps' typeface, DejaVu Sans, found on the system (used by both PNG renderers)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_NAMES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "C:/Windows/Fonts")


@cache
def font_file(bold: bool) -> str | None:
    """DejaVu Sans (bold or regular) when the system has it (found without scanning every font)."""
    for root in FONT_DIRS:
        base = Path(root)
        if base.is_dir():
            for found in base.rglob(FONT_NAMES[bold]):
                return str(found)
    return None
