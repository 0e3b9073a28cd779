"""Date expressions in news text, resolved against the publication date.

Fast regular expressions rather than a general parser: articles are read by the thousand, and the
expressions that date a trip in news copy are few ("September 3", "next week", "on Friday", "in
2015", "last year"). Each resolves to a day range; `as_partial` states it at the precision the text
supports, never more.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from warrantwatch.records.dates import PartialDate

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month_day", re.compile(rf"\b{_MONTH} {_DAY}(?:\s*(?:-|–|and|to)\s*[0-3]?\d)?(?:,? {_YEAR})?\b", re.I)),
    ("day_month", re.compile(rf"\b{_DAY}(?:\s*(?:-|–|and|to)\s*[0-3]?\d)? (?:of )?{_MONTH}(?:,? {_YEAR})?\b", re.I)),
    ("month_year", re.compile(rf"\b{_MONTH},? {_YEAR}\b", re.I)),
    ("relative", re.compile(r"\b(?P<rel>tomorrow|today|tonight|yesterday|(?:next|this|last|later this|"
                            r"earlier this) (?:week|month|year))\b", re.I)),
    ("within", re.compile(r"\b(?:within|in the (?:coming|next)) (?P<count>a|one|two|three|four|few|\d+) "
                          r"(?P<unit>days?|weeks?)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<which>next|last|this) )?{_WEEKDAY}\b", re.I)),
    ("which_month", re.compile(rf"\b(?P<which>last|next|this) {_MONTH}(?![\w-])", re.I)),
    ("bare_month", re.compile(rf"\b(?:in|since|during|for|until|by|early|late|mid|mid-) {_MONTH}(?![\w-])", re.I)),
    ("year", re.compile(rf"\b(?:in|since|during|of|by|until|back in) {_YEAR}\b", re.I)),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offset in the sentence
    end: int
    first: dt.date
    last: dt.date
    text: str

    @property
    def as_partial(self) -> PartialDate:
        if self.first == self.last:
            return PartialDate(self.first.year, self.first.month, self.first.day)
        if (self.first.year, self.first.month) == (self.last.year, self.last.month):
            return PartialDate(self.first.year, self.first.month)
        if self.first.year == self.last.year:
            return PartialDate(self.first.year)
        return PartialDate(self.first.year, self.first.month, self.first.day)

    @property
    def span_days(self) -> int:
        return (self.last - self.first).days


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _infer_year(month: int, day: int, published: dt.date, future: bool | None) -> int | None:
    """A month and day without a year: the nearest such date in the direction the tense implies."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if future is True:
        ahead = [c for c in candidates if c >= published - dt.timedelta(days=3)]
        return min(ahead).year if ahead else None
    if future is False:
        behind = [c for c in candidates if c <= published + dt.timedelta(days=1)]
        return max(behind).year if behind else None
    return min(candidates, key=lambda c: abs((c - published).days)).year


def _relative(rel: str, published: dt.date) -> tuple[dt.date, dt.date]:
    rel = rel.lower()
    if rel == "tomorrow":
        day = published + dt.timedelta(days=1)
        return day, day
    if rel in ("today", "tonight"):
        return published, published
    if rel == "yesterday":
        day = published - dt.timedelta(days=1)
        return day, day
    which, unit = rel.rsplit(" ", 1)
    offset = {"next": 1, "last": -1}.get(which, 0)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        if which == "later this":
            return published + dt.timedelta(days=1), monday + dt.timedelta(days=6)
        if which == "earlier this":
            return monday, published
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        year, month = _add_months(published, offset)
        first, last = _month_range(year, month)
        if which == "later this":
            first = published
        elif which == "earlier this":
            last = published
        return first, last
    year = published.year + offset
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _weekday(name: str, which: str | None, published: dt.date, future: bool | None) -> dt.date:
    target = WEEKDAYS[name.lower()]
    ahead = (target - published.weekday()) % 7
    behind = (published.weekday() - target) % 7
    if which and which.lower() == "next":
        return published + dt.timedelta(days=ahead or 7)
    if which and which.lower() == "last":
        return published - dt.timedelta(days=behind or 7)
    if future is False:
        return published - dt.timedelta(days=behind)
    if future is True:  # "on Sunday" in a Sunday paper: today
        return published + dt.timedelta(days=ahead)
    return published + dt.timedelta(days=ahead) if ahead <= behind else published - dt.timedelta(days=behind)


def find_dates(sentence: str, published: dt.date, future: bool | None = None) -> list[DateMention]:
    """Every date expression in the sentence, resolved; overlapping matches keep the first pattern's."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            resolved = _resolve(kind, m, published, future)
            if resolved is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), resolved[0], resolved[1], m.group(0)))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match[str], published: dt.date,
             future: bool | None) -> tuple[dt.date, dt.date] | None:
    groups = m.groupdict()
    try:
        if kind == "iso":
            day = dt.date(int(groups["year"]), int(groups["mnum"]), int(groups["day"]))
            return day, day
        if kind in ("month_day", "day_month"):
            month, day_num = MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
            year = int(groups["year"]) if groups.get("year") else _infer_year(month, day_num, published, future)
            if year is None:
                return None
            day = dt.date(year, month, day_num)
            return day, day
        if kind == "month_year":
            return _month_range(int(groups["year"]), MONTHS[groups["month"].lower().rstrip(".")])
        if kind == "bare_month":
            month = MONTHS[groups["month"].lower().rstrip(".")]
            if groups["month"][0].islower():
                return None  # "in may", "by march": lower case is a verb or a word, not a month
            year = _infer_year(month, 1, published.replace(day=1), future)
            return _month_range(year, month) if year else None
        if kind == "which_month":  # "last June": the latest June before the month of publication
            month = MONTHS[groups["month"].lower().rstrip(".")]
            if groups["month"][0].islower():
                return None
            which = groups["which"].lower()
            year = published.year
            if which == "last":
                year -= 1 if month >= published.month else 0
            elif which == "next":
                year += 1 if month <= published.month else 0
            return _month_range(year, month)
        if kind == "relative":
            return _relative(groups["rel"], published)
        if kind == "within":
            count = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "few": 3}.get(
                groups["count"].lower()) or int(groups["count"])
            days = count * (7 if groups["unit"].lower().startswith("week") else 1)
            return published, published + dt.timedelta(days=days)
        if kind == "weekday":
            day = _weekday(groups["weekday"], groups.get("which"), published, future)
            return day, day
        if kind == "year":
            year = int(groups["year"])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None
