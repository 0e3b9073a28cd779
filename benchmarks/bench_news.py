"""News: articles per second through `extract`, one core, in-process; and `brief` as a process.

Two corpora, so that a figure for short items does not stand for whole articles:
- the evaluation set as written (66 items, 258 to 3,535 characters, median ~520), in rounds;
- a full-length article, in rounds: the seed article (3,534 characters), the one article of that
  length the repository holds outside the held-out test set.
Baseline, measured in the same run on the same articles: the same extraction with names found by
ONE compiled alternation regex per automaton (longest names first), the way a competent engineer
would match a list of names without Aho-Corasick. The gazetteer is built before timing (warm).

    python benchmarks/bench_news.py [--rows] [--quick]
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
import time
from pathlib import Path

from common import ROOT, WARRANTWATCH, Row, time_process
from common import emit as emit_rows

import warrantwatch.news.extract as ex
from warrantwatch.news import gazetteer as gz
from warrantwatch.news.evaluate import load_items
from warrantwatch.news.extract import extract
from warrantwatch.records.knowledge import bundled

CACHE = "knowledge base and gazetteer built (in memory)"


class OneRegex:
    """Stand-in for an automaton: one alternation of every name, longest first, scanned once."""

    def __init__(self, automaton):
        self.values = dict(automaton.items())
        names = sorted(self.values, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, names)))

    def iter(self, text):
        for m in self.pattern.finditer(text):
            yield m.end() - 1, self.values[m.group(0)]


def corpora() -> tuple[list[tuple[str, dt.date]], list[tuple[str, dt.date]]]:
    items = [(i.text, i.published) for i in load_items(ROOT / "tests" / "data" / "news")]
    seed = ((ROOT / "examples" / "seed-article.txt").read_text(encoding="utf-8"), dt.date(2024, 8, 30))
    # The only full-length article outside the held-out test set (tests/data/news-final) is the
    # seed article; its evaluation item is the same story. More real articles would widen this.
    full = [seed]
    return items, full


def per_second(kb, articles) -> float:
    start = time.perf_counter()
    for text, published in articles:
        extract(kb, text, published)
    return len(articles) / (time.perf_counter() - start)


def with_gazetteer(gazetteer, fn):
    original = ex.gazetteer_for
    ex.gazetteer_for = lambda _kb: gazetteer
    try:
        return fn()
    finally:
        ex.gazetteer_for = original


def rows(quick: bool) -> list[Row]:
    kb = bundled()
    items, full = corpora()
    gaz = gz.gazetteer_for(kb)
    slow = gz.Gazetteer(OneRegex(gaz.places), OneRegex(gaz.persons), gaz.references)
    extract(kb, *items[0])  # build the gazetteer once, outside the timing
    out = []
    for name, corpus, rounds in (
            (f"the evaluation set ({len(items)} items, median ~520 characters)", items, 5 if quick else 30),
            ("a full-length article (the seed article, 3,534 characters)",
             full, 20 if quick else 150)):
        sample = list(itertools.islice(itertools.cycle(corpus), rounds * len(corpus)))
        ours = per_second(kb, sample)
        part = sample[: max(len(corpus), len(sample) // 5)]  # the baseline is slower: a fifth will do
        theirs = with_gazetteer(slow, lambda part=part: per_second(kb, part))
        out.append(Row("news", f"extract(): {name}", "in-process, warm", "≥ 500 articles/s" if corpus is items
                       else "", ours, "one alternation regex", theirs, CACHE, unit="articles/s",
                       extra={"articles": len(sample), "characters": sum(len(t) for t, _ in corpus)}))
    seed = ROOT / "examples" / "seed-article.txt"
    out_dir = Path("/tmp") if Path("/tmp").is_dir() else ROOT / "out"
    timing = time_process([WARRANTWATCH, "brief", str(seed), "--published", "2024-08-30", "--json"],
                          runs=3 if quick else 5, cwd=out_dir)
    out.append(Row("news", "`warrantwatch brief examples/seed-article.txt --published 2024-08-30 --json`",
                   "process, warm", "", timing, cache="the knowledge-base cache on disk"))
    return out


if __name__ == "__main__":
    emit_rows(rows("--quick" in sys.argv))
