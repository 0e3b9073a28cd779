"""Formatting shared by the commands: JSON documents and rich text that escapes all data."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # rich is imported when text is printed: `--json` and `--help` never need it
    from rich.console import Console
    from rich.text import Text


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def print_json(document: Any) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=2, default=str))


def line(*parts: tuple[str, str] | str) -> Text:
    """A line of styled parts; data strings are never parsed as markup."""
    from rich.text import Text

    text = Text()
    for part in parts:
        if isinstance(part, tuple):
            text.append(part[0], style=part[1])
        else:
            text.append(part)
    return text
