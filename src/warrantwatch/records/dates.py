"""Dates known to the day, the month or the year, without inventing precision.

A `PartialDate` covers an interval of days. Comparing it with a full date can be decided
(`True`/`False`) or not (`None`), and callers must say so when it is not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cached_property
from typing import Any

import msgspec

from warrantwatch.errors import BadDate

# ASCII digits only, everywhere (CLI, GET and POST, data files): "２０２４-０９-０３" is refused, not
# silently read, so that every shell accepts exactly the same dates.
_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")

# The one supported range for days given by users (CLI, API, $WARRANTWATCH_TODAY, articles' publication
# dates): from the adoption of the Rome Statute to the end of 2100. The engine has nothing to say before
# the Statute existed, and far-off days only overflow date arithmetic. Facts in the data (a birth date)
# may be older; they are not user input.
FIRST_DAY = dt.date(1998, 7, 17)
LAST_DAY = dt.date(2100, 12, 31)
SUPPORTED = f"dates from {FIRST_DAY.isoformat()} (the Statute's adoption) to {LAST_DAY.isoformat()} are supported"


class PartialDate(msgspec.Struct, frozen=True, array_like=True, omit_defaults=True, dict=True):
    """A year, a month or a day. Immutable; equal when year, month and day are.

    A msgspec Struct of the three numbers only: serialisers (the knowledge-base cache) write it as
    `[year, month, day]` and read it back in C, checked by `__post_init__` as any new one is; its
    derived days and text are computed from the numbers on first use (they are never stored).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        # The calendar's own check (a ValueError for month 13 or 30 February, and for year 0).
        dt.date(self.year, self.month or 1, self.day or 1)
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")

    # Derived on first use: the engine compares and prints these on every call.
    @cached_property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @cached_property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @cached_property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if not isinstance(value, str):  # text (most calls) goes straight to the pattern
            if isinstance(value, PartialDate):
                return value
            if isinstance(value, dt.datetime):
                raise BadDate(value, "a date is expected, not a date and time")
            if isinstance(value, dt.date):
                return cls(value.year, value.month, value.day)
            if not isinstance(value, int) or isinstance(value, bool):
                raise BadDate(value, "expected YYYY, YYYY-MM or YYYY-MM-DD")
            value = str(value)
        match = _PATTERN.match(value.strip())
        if not match:
            digits = any(c.isdigit() and not c.isascii() for c in value)
            raise BadDate(value, "expected YYYY, YYYY-MM or YYYY-MM-DD" + (" in ASCII digits 0-9" if digits else ""))
        y, m, d = match.groups()
        year, month, day = int(y), (int(m) if m else None), (int(d) if d else None)
        if year == 0:
            raise BadDate(value, "there is no year 0")
        if month is not None and not 1 <= month <= 12:
            raise BadDate(value, f"there is no month {month}")
        if day is not None and not 1 <= day <= 28:  # every month has days 1 to 28
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise BadDate(value, f"{calendar.month_name[month]} {year} has {last} days")
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Chronological order; a month sorts before the days within it."""
        return (self.first_day, self.last_day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def is_exact(self) -> bool:
        return self.day is not None

    def on_or_before(self, day: dt.date) -> bool | None:
        """Did this (partially known) date fall on or before `day`? None: cannot tell."""
        if self.last_day <= day:
            return True
        if self.first_day > day:
            return False
        return None

    def isoformat(self) -> str:
        return self.iso

    def __str__(self) -> str:
        return self.iso

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any):
        """Validation of the data files (pydantic is imported only when they are validated)."""
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            _validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )


def _validate(value: Any) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except BadDate as exc:
        raise ValueError(exc.reason) from exc


def parse_day(text: str | dt.date) -> dt.date:
    """A full calendar date from user input, within the supported range, or `BadDate` saying what is wrong."""
    if isinstance(text, dt.date) and not isinstance(text, dt.datetime):
        return supported(text)
    partial = PartialDate.parse(text)
    if not partial.is_exact:
        raise BadDate(text, "a full date YYYY-MM-DD is needed here")
    return supported(partial.first_day, text)


def supported(day: dt.date, text: object = None) -> dt.date:
    """`day` itself when users may ask about it; `BadDate` naming the supported range otherwise."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadDate(day.isoformat() if text is None else text, f"out of range: {SUPPORTED}")
    return day

