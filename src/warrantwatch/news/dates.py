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
from typing import NamedTuple

from warrantwatch.news.cue_index import collect_word_starts, word_starts
from warrantwatch.records.dates import PartialDate

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                "sun": 6}
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_WORDS = "|".join(WEEKDAYS)
# (round 30: with the ordinal on the last day too, "from the 19th to 29th July 2010", "the 19th to the 29th of July":
# news-final25 2470, where "from the 19th" alone had been read as a day of the report's month)
_DAY_END = r"(?:\s*(?:-|–|and|to)\s*(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?(?!\d))?"
# The year of a day: written ("Oct. 9, 2024") or told ("on October 25 to 27 last year": the year before
# the report's, whatever the tense of the sentence).
_YEAR = r"(?:,? (?P<year>(?:19|20)\d\d)\b|,? (?P<which_year>last|this|next) year\b)?\b"


def _alt(kind: str, body: str) -> str:
    """One alternative of the scan; its groups are prefixed with its kind (group names are unique)."""
    return f"(?P<{kind}>{body.replace('(?P<', f'(?P<{kind}_')})"


# Every date expression as one alternation, tried only where an expression can begin (a month or
# weekday name, a digit, "today", "next", "within" ...: the anchors, found by one Aho-Corasick pass).
# At an anchor the alternatives are tried in this order, so a precise form wins over a vague one
# ("June 2015" over "June"). A bare month or year is a date only after a word such as "in"
# ("in June", "since 2015"), checked just before the anchor.
_ALTERNATIVES = [
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    # round 24: "a summit in Portugal (26.10.07)", "dated 13.10.06": day, month and year with full stops (news-final22
    # 2277); not a version number or an address ("1.2.3.4")
    ("dotted", r"(?<![\d.])\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d|\d\d)\b(?!\.\d)"),
    ("month_day", rf"\b(?P<month>{_MONTH_WORDS})\.? (?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
                  rf"{_DAY_END}{_YEAR}"),
    ("day_month", rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{_DAY_END} (?:of )?(?P<month>{_MONTH_WORDS})"
                  rf"\.?{_YEAR}"),
    # "on Mon. 4-5", "Tuesday 9": a weekday and a day of an unnamed month near publication
    ("weekday_day", rf"\b(?P<weekday>{_WEEKDAY_WORDS}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,? "
                    rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d){_DAY_END}"
                    r"(?=\s*(?:[,.;:)]|$|(?:in|at|and|for|to|with|when|while|the)\b))"),
    ("month_year", rf"\b(?P<month>{_MONTH_WORDS})\.?,? (?P<year>(?:19|20)\d\d)\b"),
    # "where he had arrived earlier in the day": the day the sentence tells before it, else the report's
    ("same_day", r"\b(?:earlier|later) (?:in the day|that day|on the same day)\b"),
    # "in the first half of the year", "the second half of 2026": six months
    # (anchored on "half": "first" and "second" are too common to anchor on; the word before is read by _NEEDS_WORD)
    ("half", r"\bhalf of (?:(?P<rel>the|this|next|last) year|(?P<year>(?:19|20)\d\d))\b"),
    # "before the end of the year": the report's year (round 52, news-final36 3466)
    ("year_end", r"\bend of (?:the|this) year\b"),
    ("relative", r"\b(?P<rel>tomorrow|today|tonight|overnight|this (?:morning|afternoon|evening)|yesterday|"
                 r"last night|(?:next|this|last|later this|"
                 r"earlier this) (?:weekend|week|month|year))\b"),
    # "arrived in Tehran on the 5th": a day of the month of publication, or of the month next to it
    ("month_day_only", r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?! (?:of|anniversary|century|time|round|day|year|week))"),
    ("within", r"\b(?:within|coming|next) (?P<count>a|one|two|three|four|few|\d+) (?P<unit>days?|weeks?)\b"),
    # "two weeks ago": the week it names (a day for "three days ago")
    ("ago", r"ago\b"),  # the count and unit before it are read by _NEEDS_WORD (a rare word to anchor on)
    # "next Thursday and Friday": a run of days dated by its first
    ("weekday", rf"\b(?:(?P<which>next|last|this past|this) )?(?P<weekday>{_WEEKDAY_WORDS})\b"
                rf"(?:\s*(?:and|to|-|–)\s*(?:next )?(?:{_WEEKDAY_WORDS})\b)?"),
    # (not "In this July 9, 2018, photo": a day follows, the full date is read at the month; round 21: "this past
    # January" is "last January", news-final10 1521)
    ("which_month", rf"\b(?P<which>last|next|this past|this) (?P<month>{_MONTH_WORDS})\.?(?![\w-])(?!\s*[0-3]?\d\b)"),
    # ("in April last year": the April of the year before the report's, whatever the tense)
    ("bare_month", rf"\b(?P<month>{_MONTH_WORDS})\.?(?![\w-])(?:,? (?P<which_year>last|this|next) year\b)?"),
    ("year", r"\b(?P<year>(?:19|20)\d\d)\b"),
]
SCAN = re.compile("|".join(_alt(kind, body) for kind, body in _ALTERNATIVES), re.I)
_KINDS = [kind for kind, _ in _ALTERNATIVES]
_GROUPS = {kind: [(name, name[len(kind) + 1:]) for name in SCAN.groupindex if name.startswith(kind + "_")]
           for kind in _KINDS}
# The word a bare month or year needs before it.
_NEEDS_WORD = {
    "bare_month": re.compile(r"(?:\b(?:in|since|during|for|until|by|early|late|mid) |\bmid-|"
                             r"\b(?:end|beginning|start|middle) of )$", re.I),
    "year": re.compile(r"\b(?:in|since|during|of|by|until|back in) $", re.I),
    "ago": re.compile(r"\b(?P<count>a|one|two|three|four|five|six|\d+) (?P<unit>days?|weeks?) $", re.I),
    "month_day_only": re.compile(r"\b(?:on|since|from|until|by) the $", re.I),
    "half": re.compile(r"\b(?P<which>first|second) $", re.I),
}


_ANCHOR_WORDS = frozenset({*MONTHS, *WEEKDAYS, *WEEKDAY_ABBR, "tomorrow", "today", "tonight", "overnight", "yesterday",
                           "next", "this", "last", "later", "earlier", "within", "coming", "ago", "half", "end",
                           *"0123456789"})
# The article being read (`news.cue_index`) has its anchors found by the cue words' pass: one scan for both.
collect_word_starts(_ANCHOR_WORDS)


def _anchors():
    import ahocorasick

    words = _ANCHOR_WORDS
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


_ANCHORS = _anchors()


class RawDate(NamedTuple):  # a named tuple: made tens of times per article, faster than a dataclass
    """A date expression found by the scan, not yet resolved (that depends on the tense)."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    text: str


def scan(text: str, offset: int = 0) -> list[RawDate]:
    """Every date expression in `text`, in order; offsets are shifted by `offset`."""
    starts = word_starts(text)  # the article being read: its anchors found by the cue index's pass over it
    if starts is None:
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer: scan every position
            starts = [m.start() for m in re.finditer(r"\b\w", text)]
        else:
            # only anchors at the start of a word (the digits of "2024" are four anchors, one a start)
            starts = sorted({at for end, length in _ANCHORS.iter(lowered)
                             if (at := end - length + 1) == 0 or not lowered[at - 1].isalnum()})
    found = []
    done = 0
    for at in starts:
        if at < done or (at > 0 and text[at - 1].isalnum()):
            continue
        m = SCAN.match(text, at)
        if m is None:
            continue
        kind = m.lastgroup or next(k for k in _KINDS if m.group(k) is not None)
        start = at
        if kind in _NEEDS_WORD:
            word = _NEEDS_WORD[kind].search(text, max(0, at - 16), at)
            if word is None:
                continue
            start = word.start()
        groups = word.groupdict() if kind == "ago" else {short: m.group(name) for name, short in _GROUPS[kind]}
        if kind == "half":
            groups["which"] = word.group("which")
        end = m.end()
        if kind == "relative" and (shift := _DAY_AFTER_OR_BEFORE.search(text, max(0, at - 20), at)) and \
                groups["rel"].lower() == ("tomorrow" if shift.group(1).lower() == "after" else "yesterday"):
            # "the day after tomorrow", "the day before yesterday": two days from the report's
            start, groups["rel"] = shift.start(), f"the day {shift.group(1).lower()} {groups['rel'].lower()}"
        elif kind == "weekday" and not groups.get("which"):
            # "a week from Monday", "a week on Monday", "Monday week": the Monday after the coming one
            later = _WEEK_FROM.search(text, max(0, at - 16), at)
            after = None if later else _WEEK_AFTER.match(text, end)
            if later or after:
                start, end = (later.start(), end) if later else (start, after.end())
                groups["week_later"] = "1"
        if kind == "weekday" and found and _RUN_GLUE.fullmatch(text, found[-1].end - offset, start) and \
                found[-1].kind in _FULL_DAYS:
            groups["after_previous"] = "1"  # "On Tuesday (June 5) and Wednesday": the Wednesday after June 5
        found.append(RawDate(start + offset, end + offset, kind, groups, text[start:end]))
        done = end
        if kind == "weekday" and text.startswith((", ", " ("), m.end()) and _FULL_DAY_AHEAD.match(text, m.end() + 2):
            groups["comma_day"] = "(" if text[m.end() + 1] == "(" else ","
    return found


_RUN_GLUE = re.compile(r"\)?,? (?:and|to|through|until) ", re.I)
_FULL_DAYS = frozenset(("iso", "dotted", "month_day", "day_month", "weekday_day"))
_DAY_AFTER_OR_BEFORE = re.compile(r"\bthe day (after|before) $", re.I)
_WEEK_FROM = re.compile(r"\ba week (?:from|on) $", re.I)
_WEEK_AFTER = re.compile(r" week\b(?![-'’]| of| ago| after| before| later| earlier| long| old| or)", re.I)


# "Wednesday, 21 August 2019", "Friday, January 19": a weekday written before the full day it names
_FULL_DAY_AHEAD = re.compile(rf"(?:[0-3]?\d(?:st|nd|rd|th)? (?:of )?(?:{_MONTH_WORDS})\b|"
                             rf"(?:{_MONTH_WORDS})\.? [0-3]?\d\b)", re.I)


class DateMention(NamedTuple):
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
    if rel in ("the day after tomorrow", "the day before yesterday"):
        day = published + dt.timedelta(days=2 if rel.endswith("tomorrow") else -2)
        return day, day
    if rel in ("today", "tonight", "overnight", "this morning", "this afternoon", "this evening"):
        return published, published
    if rel in ("yesterday", "last night"):
        day = published - dt.timedelta(days=1)
        return day, day
    which, unit = rel.rsplit(" ", 1)
    offset = {"next": 1, "last": -1}.get(which, 0)
    if unit == "weekend":
        # "this weekend": the Saturday of the report's week (on a Sunday, the weekend now ending); a trip
        # over the weekend is dated by its first day, as a range is; "last" and "next" the week before or after
        saturday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=5, weeks=offset)
        return saturday, saturday
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
    if which and which.lower() in ("last", "this past"):
        return published - dt.timedelta(days=behind or 7)
    if future is False:
        return published - dt.timedelta(days=behind)
    if future is True:  # "on Sunday" in a Sunday paper: today
        return published + dt.timedelta(days=ahead)
    return published + dt.timedelta(days=ahead) if ahead <= behind else published - dt.timedelta(days=behind)


def find_dates(sentence: str, published: dt.date, future: bool | None = None) -> list[DateMention]:
    """Every date expression in the sentence, resolved."""
    return resolve_all(scan(sentence), published, future)


def resolve_all(raw: list[RawDate], published: dt.date, future: bool | None,
                offset: int = 0) -> list[DateMention]:
    """The scanned expressions resolved against the publication date, offsets shifted back by `offset`."""
    found: list[DateMention] = []
    told_from = None  # "on Monday (June 4)": the day in brackets is told from the weekday on
    for i, r in enumerate(raw):
        if told_from is not None:
            r, told_from = r._replace(start=told_from), None
        if r.kind == "same_day":
            # the day told before it, read in its own direction ("had arrived earlier in the day": not ahead of
            # the report even in a sentence about the future), else the report's
            day = published
            for before in reversed(raw[:i]):
                told = _resolve(before.kind, before.groups, published, r.text[:7].lower() != "earlier")
                if told is not None and told[0] == told[1]:
                    day = told[0]
                    break
            found.append(DateMention(r.start - offset, r.end - offset, day, day, r.text))
            continue
        if r.kind == "weekday" and r.groups.get("comma_day"):
            # "on Wednesday, 21 August 2019": the weekday of the day written next (round seventeen)
            told_from = r.start if r.groups["comma_day"] == "(" else None
            continue
        if r.kind == "weekday" and r.groups.get("after_previous") and found and found[-1].first == found[-1].last \
                and found[-1].end == raw[i - 1].end - offset:
            ahead = (WEEKDAYS[r.groups["weekday"].lower()] - found[-1].first.weekday()) % 7 or 7
            day = found[-1].first + dt.timedelta(days=ahead)
            found.append(DateMention(r.start - offset, r.end - offset, day, day, r.text))
            continue
        resolved = _resolve(r.kind, r.groups, published, future)
        if resolved is not None:
            found.append(DateMention(r.start - offset, r.end - offset, resolved[0], resolved[1], r.text))
    return found


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _weekday_day(weekday: str, day_num: int, published: dt.date, future: bool | None) -> dt.date | None:
    """ "on Mon. 4": the day numbered 4 that falls on a Monday, nearest publication in the direction
    the tense implies."""
    target = WEEKDAYS.get(weekday.lower(), WEEKDAY_ABBR.get(weekday.lower().rstrip(".")))
    if target is None:
        return None
    candidates = []
    for months in range(-6, 7):
        year, month = _add_months(published, months)
        try:
            day = dt.date(year, month, day_num)
        except ValueError:
            continue
        if day.weekday() == target:
            candidates.append(day)
    if future is True:
        candidates = [c for c in candidates if c >= published - dt.timedelta(days=3)]
    elif future is False:
        candidates = [c for c in candidates if c <= published + dt.timedelta(days=1)]
    return min(candidates, key=lambda c: abs((c - published).days)) if candidates else None


def _month_day(day_num: int, published: dt.date, future: bool | None) -> dt.date | None:
    """ "on the 5th": that day of the month of publication, or of the month before (in the past) or after
    (in the future) when the day has not come yet or is already gone."""
    candidates = []
    for months in (-1, 0, 1):
        year, month = _add_months(published, months)
        try:
            candidates.append(dt.date(year, month, day_num))
        except ValueError:
            continue
    if future is True:
        candidates = [c for c in candidates if c >= published - dt.timedelta(days=1)]
    elif future is False:
        candidates = [c for c in candidates if c <= published + dt.timedelta(days=1)]
    return min(candidates, key=lambda c: abs((c - published).days)) if candidates else None


def _resolve(kind: str, groups: dict[str, str | None], published: dt.date,
             future: bool | None) -> tuple[dt.date, dt.date] | None:
    try:
        if kind == "iso":
            day = dt.date(int(groups["year"]), int(groups["mnum"]), int(groups["day"]))
            return day, day
        if kind == "dotted":
            year = int(groups["year"])
            if year < 100:  # "07": the century that puts it no later than the year after the report's
                year += 2000 if 2000 + year <= published.year + 1 else 1900
            day = dt.date(year, int(groups["mnum"]), int(groups["day"]))
            return day, day
        if kind in ("month_day", "day_month"):
            month, day_num = _month(groups["month"]), int(groups["day"])
            if groups.get("year"):
                year = int(groups["year"])
            elif groups.get("which_year"):
                year = published.year + {"last": -1, "next": 1}.get(groups["which_year"].lower(), 0)
            else:
                year = _infer_year(month, day_num, published, future)
            if year is None:
                return None
            day = dt.date(year, month, day_num)
            return day, day
        if kind == "month_day_only":
            day = _month_day(int(groups["day"]), published, future)
            return (day, day) if day else None
        if kind == "weekday_day":
            if groups["weekday"].lower() not in WEEKDAYS and not groups["weekday"][0].isupper():
                return None  # "sun", "sat", "wed" in lower case are words
            day = _weekday_day(groups["weekday"], int(groups["day"]), published, future)
            return (day, day) if day else None
        if kind == "month_year":
            return _month_range(int(groups["year"]), _month(groups["month"]))
        if kind == "bare_month":
            month = _month(groups["month"])
            if groups["month"][0].islower():
                return None  # "in may", "by march": lower case is a verb or a word, not a month
            if groups.get("which_year"):
                return _month_range(published.year + {"last": -1, "next": 1}.get(groups["which_year"].lower(), 0),
                                    month)
            year = _infer_year(month, 1, published.replace(day=1), future)
            return _month_range(year, month) if year else None
        if kind == "which_month":  # "last June": the latest June before the month of publication
            month = _month(groups["month"])
            if groups["month"][0].islower():
                return None
            which = groups["which"].lower()
            year = published.year
            if which in ("last", "this past"):
                year -= 1 if month >= published.month else 0
            elif which == "next":
                year += 1 if month <= published.month else 0
            return _month_range(year, month)
        if kind == "half":
            year = int(groups["year"]) if groups.get("year") else \
                published.year + {"next": 1, "last": -1}.get((groups.get("rel") or "").lower(), 0)
            if groups["which"].lower() == "first":
                return dt.date(year, 1, 1), dt.date(year, 6, 30)
            return dt.date(year, 7, 1), dt.date(year, 12, 31)
        if kind == "year_end":
            return dt.date(published.year, 1, 1), dt.date(published.year, 12, 31)
        if kind == "relative":
            return _relative(groups["rel"], published)
        if kind == "within":
            count = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "few": 3}.get(
                groups["count"].lower()) or int(groups["count"])
            days = count * (7 if groups["unit"].lower().startswith("week") else 1)
            return published, published + dt.timedelta(days=days)
        if kind == "ago":
            count = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(
                groups["count"].lower()) or int(groups["count"])
            if groups["unit"].lower().startswith("day"):
                day = published - dt.timedelta(days=count)
                return day, day
            day = published - dt.timedelta(weeks=count)
            monday = day - dt.timedelta(days=day.weekday())
            return monday, monday + dt.timedelta(days=6)
        if kind == "weekday":
            if groups.get("week_later"):  # "a week from Monday": a week after the coming Monday
                day = _weekday(groups["weekday"], None, published, True) + dt.timedelta(weeks=1)
                return day, day
            day = _weekday(groups["weekday"], groups.get("which"), published, future)
            return day, day
        if kind == "year":
            year = int(groups["year"])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None
