"""The one place that reads "today", so that tests and reproducible runs can set it."""

from __future__ import annotations

import datetime as dt
import os

from warrantwatch.errors import BadDate
from warrantwatch.records.dates import parse_day


def today() -> dt.date:
    """$WARRANTWATCH_TODAY (YYYY-MM-DD) when set, else today's date in UTC."""
    fixed = os.environ.get("WARRANTWATCH_TODAY")
    if fixed:
        try:
            return parse_day(fixed)
        except BadDate as exc:
            raise BadDate(exc.text, f"in $WARRANTWATCH_TODAY: {exc.reason}") from exc
    return dt.datetime.now(dt.UTC).date()
