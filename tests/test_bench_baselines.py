"""The news benchmark's baseline (benchmarks/baseline_news.py) must stay a working, fair comparator: it reads the
same events as warrantwatch, only with names found by one alternation regex (a gazetteer refactor once broke it
without any test noticing, and `make bench` failed)."""

import datetime as dt
import sys
from pathlib import Path

import warrantwatch.news.extract as ex

ROOT = Path(__file__).resolve().parents[1]


def test_the_regex_baseline_reads_the_same_events_as_the_automaton(kb, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import baseline_news
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    texts = [(ROOT / "examples" / "seed-article.txt").read_text(encoding="utf-8"),
             (ROOT / "examples" / "duterte-arrest.txt").read_text(encoding="utf-8")]
    published = [dt.date(2024, 8, 30), dt.date(2025, 3, 12)]
    ours = [ex.extract(kb, t, p) for t, p in zip(texts, published, strict=True)]
    monkeypatch.setattr(ex, "gazetteer_for", ex.gazetteer_for)  # restored after the test
    baseline_news.use_one_regex(kb)
    assert ex.gazetteer_for(kb) is not None and type(ex.gazetteer_for(kb).names).__name__ == "OneRegexPerKind"
    theirs = [ex.extract(kb, t, p) for t, p in zip(texts, published, strict=True)]
    assert [[(e.person, e.host, e.kind, e.date) for e in events] for events in ours] == \
        [[(e.person, e.host, e.kind, e.date) for e in events] for events in theirs]
    assert any(e.host == "MNG" for e in theirs[0]) and any(e.kind == "arrest" for e in theirs[1])
