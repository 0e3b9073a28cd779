"""The day an article was published, and where that day came from.

Relative dates in an article ("next week", "on Friday") are read against its publication day, so a
brief must use the article's own date where it has one and say which it used:

1. `meta` — a saved HTML page's metadata (read by trafilatura), or `feed` — the item's "published";
2. `dateline` — the report's opening dateline, "ULAANBAATAR, Sept 3, 2024 (Reuters) -", or a first
   line that is a date alone ("August 30, 2024"); a dateline without a year is the latest such
   day on or before today;
3. `--published` — the date the user gave for articles that carry none (`request` in the API);
4. `today` — the day of the run.
"""

from __future__ import annotations

import datetime as dt
import re

from warrantwatch.news.dates import MONTHS
from warrantwatch.news.reading import Article

SOURCES = ("meta", "feed", "dateline", "--published", "today")

_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (rf"(?:(?P<month>{_MONTHS})\.? (?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,? (?P<year>(?:19|20)\d\d))?|"
         rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)? (?P<month2>{_MONTHS})\.?(?:,? (?P<year2>(?:19|20)\d\d))?|"
         r"(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d))")
# "KHARTOUM, July 10 (Reuters) -", "NEW DELHI, Dec. 4, 2025 —"
DATELINE_DATE = re.compile(rf"^\s*[A-Z][A-Z .'’-]{{2,40}},\s*{_DATE}\s*(?:\([\w ./-]+\))?\s*[-–—]", re.I)
# A first line that is a date alone: "August 30, 2024", "Published: 30 August 2024", "2024-08-30"
FIRST_LINE_DATE = re.compile(rf"^\s*(?:(?:published|updated|posted)\s*:?\s*(?:on\s+)?)?"
                             rf"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
                             rf"{_DATE}\s*$", re.I)


def _from_match(m: re.Match[str], today: dt.date) -> dt.date | None:
    try:
        if m.group("iso_year"):
            return dt.date(int(m.group("iso_year")), int(m.group("iso_month")), int(m.group("iso_day")))
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        day = int(m.group("day") or m.group("day2"))
        year = m.group("year") or m.group("year2")
        if year:
            return dt.date(int(year), month, day)
        for year in (today.year, today.year - 1):  # no year: the latest such day not after today
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if candidate <= today:
                return candidate
    except ValueError:
        return None
    return None


def from_text(text: str, today: dt.date) -> dt.date | None:
    """The date of the article's dateline or of a first line that is a date alone, if any."""
    head = text.lstrip()[:300]
    m = DATELINE_DATE.match(head)
    if m is None:
        first_line = head.split("\n", 1)[0]
        m = FIRST_LINE_DATE.match(first_line)
    if m is None:
        return None
    day = _from_match(m, today)
    return day if day is not None and day <= today + dt.timedelta(days=1) else None


def published_date(article: Article, given: dt.date | None, today: dt.date,
                   given_label: str = "--published") -> tuple[dt.date, str]:
    """(day, source): the article's own date where it has one, else the given one, else today."""
    if article.published is not None:
        return article.published, article.dated_by or "meta"
    day = from_text(article.text, today)
    if day is not None:
        return day, "dateline"
    if given is not None:
        return given, given_label
    return today, "today"
