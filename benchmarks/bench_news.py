"""News benchmark: articles per second, one core, on the evaluation set replicated to 10,000 articles.

Baseline, measured in the same run: the same extraction with place and person names found by one
regular expression per name (the obvious approach) instead of the Aho-Corasick automaton, on a
sample of the same articles.

    python benchmarks/bench_news.py
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
import time
from pathlib import Path

from warrantwatch.news import gazetteer as gz
from warrantwatch.news.evaluate import load_items
from warrantwatch.news.extract import extract
from warrantwatch.records.knowledge import bundled

ROOT = Path(__file__).resolve().parents[1]
TARGET = 10_000


class RegexPerName:
    """Stand-in for the automaton: one compiled pattern per name, tried in turn."""

    def __init__(self, automaton):
        self.patterns = [(re.compile(re.escape(name)), value) for name, value in automaton.items()]

    def iter(self, text):
        for pattern, value in self.patterns:
            for m in pattern.finditer(text):
                yield m.end() - 1, value


def articles() -> list[tuple[str, dt.date]]:
    folder = ROOT / "tests" / "data" / "news"
    items = load_items(folder)
    return [(i.text, i.published) for i in items]


def per_second(kb, sample) -> float:
    start = time.perf_counter()
    for text, published in sample:
        extract(kb, text, published)
    return len(sample) / (time.perf_counter() - start)


def main() -> None:
    kb = bundled()
    base = articles()
    corpus = list(itertools.islice(itertools.cycle(base), TARGET))
    gaz = gz.gazetteer_for(kb)
    extract(kb, *base[0])  # build the gazetteer once, outside the timing
    rate = per_second(kb, corpus)

    slow = gz.Gazetteer(RegexPerName(gaz.places), RegexPerName(gaz.persons), gaz.references)
    gz.gazetteer_for.cache_clear()
    original = gz.gazetteer_for
    try:
        gz.gazetteer_for = lambda _kb: slow  # type: ignore[assignment]
        import warrantwatch.news.extract as ex

        ex.gazetteer_for = gz.gazetteer_for
        baseline = per_second(kb, corpus[:100])
    finally:
        gz.gazetteer_for = original
        ex.gazetteer_for = original
    print(f"{len(base)} evaluation articles replicated to {len(corpus)}")
    print(f"warrantwatch extract: {rate:,.0f} articles/s (target >= 500/s)")
    print(f"baseline, one regex per name: {baseline:,.1f} articles/s; speed-up {rate / baseline:,.0f}x")


if __name__ == "__main__":
    sys.exit(main())
