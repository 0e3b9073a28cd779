"""Captions and alt text, in plain words, for every kind of map."""

from __future__ import annotations

from collections.abc import Sequence


def join_words(words: Sequence[str]) -> str:
    words = list(words)
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def region_phrase(regions: Sequence[str], world: bool) -> str:
    if world:
        return "the world"
    return join_words(regions) or "the region"


def day_words(day) -> str:
    """2024-09-03 → "3 September 2024"."""
    return f"{day.day} {day:%B %Y}"
