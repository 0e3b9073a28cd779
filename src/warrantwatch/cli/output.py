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


def whole_number(text: str | int) -> int:
    """A typer `parser` for integer options: ASCII digits only, as for dates (Python's int() would
    also read "٥٠٠" or "５００"; the CLI, GET and POST accept exactly the same numbers)."""
    if isinstance(text, int):
        return text
    import typer

    if not text.strip().isascii():
        raise typer.BadParameter("use ASCII digits 0-9")
    try:
        return int(text)
    except ValueError:
        raise typer.BadParameter("not a whole number") from None


def number(text: str | float) -> float:
    """A typer `parser` for decimal options, by the same rule as `whole_number`."""
    if isinstance(text, int | float):
        return float(text)
    import typer

    if not text.strip().isascii():
        raise typer.BadParameter("use ASCII digits 0-9")
    try:
        return float(text)
    except ValueError:
        raise typer.BadParameter("not a number") from None
