"""The maps' palette: defined once in `warrantwatch.palette` (no heavy imports, so the brief, the API
and the page share it too)."""

from warrantwatch.palette import (
    COLOURBLIND,
    OUTCOME_LABELS,
    OUTCOME_ORDER,
    PALETTES,
    STORY,
    Palette,
    describe,
    page_css,
    palette,
    tint,
)

__all__ = ["COLOURBLIND", "OUTCOME_LABELS", "OUTCOME_ORDER", "PALETTES", "STORY", "Palette", "describe",
           "page_css", "palette", "tint"]
