"""One exception root; each shell translates it in one place (CLI: one line and exit 2)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

SHOWN_CHARS = 80  # user input echoed in a message is cut to this many characters


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """`repr(value)` for a message, cut to `limit` characters: a 100 KB argument must not come back
    as a 100 KB error. Every message that echoes user input goes through here."""
    text = repr(value) if not isinstance(value, str) else repr(value[: limit + 1])
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def one_line(message: str, limit: int = 300) -> str:
    """A message as one line of at most `limit` characters (the shells' last word)."""
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class WarrantWatchError(Exception):
    """Anything the user can fix: bad input or bad data."""

    exit_code = 2


class UnknownName(WarrantWatchError):
    kind = "name"

    def __init__(self, query: str, suggestions: Sequence[str] = (), *, ambiguous: bool = False):
        self.query = query
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous
        what = f"ambiguous {self.kind}" if ambiguous else f"unknown {self.kind}"
        message = f"{what}: {shown(query)}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions) + "?"
        super().__init__(message)


class UnknownPerson(UnknownName):
    kind = "person"


class UnknownState(UnknownName):
    kind = "state"


class UnknownAirport(UnknownName):
    kind = "airport"


class NoRoute(WarrantWatchError):
    """No route meets the constraints (an avoided state holds an end, or closes every way)."""


class BadDate(WarrantWatchError):
    def __init__(self, text: object, reason: str):
        self.text = text
        self.reason = reason
        super().__init__(f"bad date {shown(text)}: {reason}")


class Problem(NamedTuple):
    """One validation problem, located as precisely as the data allows."""

    file: str
    line: int | None
    record: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.record}: {self.message}"


class RecordInvalid(WarrantWatchError):
    """The knowledge base failed validation; carries every problem found, not just the first."""

    exit_code = 1

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        head = "\n".join(str(p) for p in self.problems[:50])
        more = len(self.problems) - 50
        tail = f"\n... and {more} more" if more > 0 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the knowledge base:\n{head}{tail}")
