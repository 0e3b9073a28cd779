"""The baseline for the news benchmarks: what a competent engineer would write with our rules.

The same extraction rules, with names found by ONE compiled alternation regular expression of every
name (longest first) instead of the Aho-Corasick automata; the brief assessed event by event with
`law.assess` and encoded with `json.dumps` of its dict; `watch` stored with `executemany`, a batch per
transaction. Run as a process, like `warrantwatch`, on the same articles in the same run:

    python benchmarks/baseline_news.py brief FOLDER          # JSON array on stdout
    python benchmarks/baseline_news.py watch FOLDER DB.duckdb
"""

from __future__ import annotations

import re
import sys


class OneRegex:
    """Stand-in for an automaton: one alternation of every name, longest first, scanned once."""

    def __init__(self, automaton):
        self.values = dict(automaton.items())
        names = sorted(self.values, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, names)))

    def iter(self, text):
        for m in self.pattern.finditer(text):
            yield m.end() - 1, self.values[m.group(0)]


class OneRegexPerKind:
    """Stand-in for the automaton of place and person names together: one alternation for the places and one
    for the persons (the faster of the two ways to write it with `re`: a single alternation of both is about
    twice as slow), each scanned once, giving matches in the automaton's (place, person) shape."""

    def __init__(self, automaton):
        from warrantwatch.news.names import fold  # (imported where the baseline is built, as `use_one_regex` does)

        self.fold = fold
        names = dict(automaton.items())
        self.places = OneRegex({k: (place, None) for k, (place, _) in names.items() if place is not None})
        self.persons = OneRegex({k: (None, person) for k, (_, person) in names.items() if person is not None})
        self._folded_next: str | None = None

    def iter(self, text):
        # `Gazetteer.find` scans an ASCII text once for both kinds, and any other text twice: as written for the
        # places, then folded to ASCII for the persons. Each regex runs only on the scan whose matches are kept,
        # as the two automata of the code before did.
        if self._folded_next is not None and text == self._folded_next:
            self._folded_next = None
            yield from self.persons.iter(text)
            return
        folded = self.fold(text)
        yield from self.places.iter(text)
        if folded is text:
            yield from self.persons.iter(text)
        else:
            self._folded_next = folded


def use_one_regex(kb) -> None:
    """Make `extract` find names with one alternation regex per kind of name (places, persons) instead of the
    Aho-Corasick automaton, in this process."""
    import warrantwatch.news.extract as ex
    from warrantwatch.news import gazetteer as gz

    fast = gz.gazetteer_for(kb)
    slow = gz.Gazetteer(OneRegexPerKind(fast.names), fast.references, fast.name_words)
    ex.gazetteer_for = lambda _kb: slow


def _briefs(kb, folder):
    import datetime as dt

    import warrantwatch.news.brief as nb
    from warrantwatch.law import assess
    from warrantwatch.news.published import published_date
    from warrantwatch.news.reading import Article, read_items

    nb._assess = assess  # no reuse of assessments between articles
    today = dt.datetime.now(dt.UTC).date()
    for item in read_items(folder):
        if isinstance(item, Article):
            day, origin = published_date(item, None, today)
            yield nb.build(kb, item, day, maps="text" if sys.argv[1] == "brief" else "none", published_from=origin)


def main(argv: list[str]) -> None:
    import json

    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    use_one_regex(kb)
    if argv[1] == "brief":
        out = sys.stdout
        for n, b in enumerate(_briefs(kb, argv[2])):
            out.write(("[" if n == 0 else ",\n") + json.dumps(b.to_dict(), ensure_ascii=False, default=str))
        out.write("]\n")
        return
    import datetime as dt

    import duckdb

    from warrantwatch.news.store import SCHEMA

    connection = duckdb.connect(argv[3])
    connection.execute(SCHEMA)
    batch: list = []

    def commit() -> None:
        if not batch:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        connection.execute("BEGIN TRANSACTION")
        connection.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                               [[b.article.key, b.article.url, b.article.title, b.published, b.article.origin,
                                 b.article.text, now] for b in batch])
        rows = [[b.article.key, i.event.person, i.event.host, i.event.date.isoformat() if i.event.date else None,
                 i.event.kind, i.assessment.outcome.name, json.dumps(list(i.event.evidence)), i.event.confidence]
                for b in batch for i in b.items]
        if rows:
            connection.executemany("INSERT INTO events (article_key, person, host, date, kind, outcome, evidence, "
                                   "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.execute("COMMIT")
        batch.clear()

    for b in _briefs(kb, argv[2]):
        batch.append(b)
        if len(batch) >= 500:
            commit()
    commit()
    connection.close()


if __name__ == "__main__":
    main(sys.argv)
