"""Every pattern the news reader asks applies somewhere in the labelled articles.

A rule whose pattern can never match is a rule that silently does nothing. Round seventeen found one: a
pattern written with "^" and asked with `match(sentence, position)` (where "^" only matches at the real start
of the string) had matched nothing since round four. Reading every labelled article with each of the
reader's patterns counted finds any such rule: a pattern asked and never matching is either a guard for a
case the sets do not hold (listed below, with the reason) or a bug.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import warrantwatch.news.extract as reader
from warrantwatch.news.evaluate import load_items

DATA = Path(__file__).resolve().parent / "data"
# Patterns that guard a case none of the labelled articles holds: each may match nothing here.
GUARDS = {
    "_RESCHEDULED": "a calling-off that only moves a date ('postponed from July'): no labelled article has one",
}


class _Counted:
    """A pattern (or a prefiltered pattern) that counts the calls to it and the calls that matched."""

    def __init__(self, name: str, pattern, asked: Counter, matched: Counter) -> None:
        self._name, self._pattern, self._asked, self._matched = name, pattern, asked, matched

    def __getattr__(self, attribute):
        return getattr(self._pattern, attribute)

    def _count(self, found):
        self._asked[self._name] += 1
        if found:
            self._matched[self._name] += 1
        return found

    def search(self, *args, **kwargs):
        return self._count(self._pattern.search(*args, **kwargs))

    def match(self, *args, **kwargs):
        return self._count(self._pattern.match(*args, **kwargs))

    def fullmatch(self, *args, **kwargs):
        return self._count(self._pattern.fullmatch(*args, **kwargs))

    def finditer(self, *args, **kwargs):
        found = list(self._pattern.finditer(*args, **kwargs))
        self._count(found)
        return iter(found)


def test_every_pattern_the_reader_asks_matches_somewhere(kb, monkeypatch):
    asked: Counter = Counter()
    matched: Counter = Counter()
    for name, value in list(vars(reader).items()):
        pattern = value if isinstance(value, re.Pattern) else getattr(value, "pattern", None)
        if isinstance(pattern, re.Pattern) and hasattr(value, "search"):
            monkeypatch.setattr(reader, name, _Counted(name, value, asked, matched))
    for folder in sorted(DATA.glob("news*")):
        for item in load_items(folder):
            reader.extract(kb, item.text, item.published)
    never = sorted(name for name in asked if not matched[name] and name not in GUARDS)
    assert never == [], f"patterns asked {[asked[n] for n in never]} times and never matching: {never}"
    assert len(asked) > 60  # (the counting reached the reader's patterns)
    # a guard that starts matching is no longer only a guard: move it out of the list
    assert not any(matched[name] for name in GUARDS)
