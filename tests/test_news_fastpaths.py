"""The fast paths of the news pipeline give exactly what the plain ones give: the JSON line of a
brief (its assessments' records and maps' texts from cached fragments) equals `json.dumps` of its
dict, and an assessment reused for a second article is the one `assess` gives."""

import datetime as dt
import json
from pathlib import Path

from warrantwatch.law import assess
from warrantwatch.news.brief import build
from warrantwatch.news.evaluate import load_items
from warrantwatch.news.reading import Article

DATA = Path(__file__).parent / "data" / "news"
SEED = (Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt").read_text(encoding="utf-8")


def test_json_line_is_json_dumps_of_the_dict(kb):
    briefs = [build(kb, Article(SEED, None, "Putin \"to\" visit", "https://example.org/ü"), dt.date(2024, 8, 30),
                    maps="text")]
    briefs += [build(kb, Article(i.text, i.published), i.published, maps=m)
               for i, m in zip(load_items(DATA), ["text", "none"] * 40, strict=False)]
    briefs.append(build(kb, Article(SEED, None), dt.date(2024, 8, 30), maps="draw"))  # a drawn map: not cached
    assert briefs[-1].items[0].map.svg
    assert any(b.background for b in briefs) and any(not b.items for b in briefs)
    # the host's record is put together from its entries' JSON: every kind of entry, before and after the day
    records = [i.assessment.record for b in briefs for i in b.items + b.background]
    for part in ("visits", "findings", "positions", "later_visits", "later_findings", "later_positions"):
        assert any(getattr(r, part) for r in records), part
    for b in briefs * 2:  # the second time from the cached fragments
        assert b.to_json_line() == json.dumps(b.to_dict(), ensure_ascii=False, default=str)


def test_reused_assessments_are_the_engine_answers(kb):
    article = Article(SEED, dt.date(2024, 8, 30))
    first, again = build(kb, article, dt.date(2024, 8, 30)), build(kb, article, dt.date(2024, 8, 30))
    for one, two in zip(first.items + first.background, again.items + again.background, strict=True):
        assert two.assessment is one.assessment
        assert one.assessment == assess(kb, one.event.person, one.event.host, one.assessed_on)


def test_assessment_json_is_json_dumps_of_its_dict(kb):
    """Every field an assessment can carry, written field by field, as `json.dumps` writes its dict:
    a place and its name, no review stamp, contested and plain caveats, text that JSON escapes."""
    from msgspec.structs import replace

    from warrantwatch.law import Caveat
    from warrantwatch.news.brief import _assessment_parts

    base = assess(kb, "vladimir-putin", "MNG", dt.date(2024, 9, 3))
    variants = [base, replace(base, reviewed=None, place="UKR-43", place_name="Crimea \"occupied\" ü\n"),
                replace(base, caveats=(Caveat("x", "a \\ b \u2028 </script>", contested=True), Caveat("y", "")),
                        basis=(), sources=(), warrants=())]
    for a in variants:
        parts: list[str] = []
        _assessment_parts(a, parts)
        assert "".join(parts) == json.dumps(a.to_dict(), ensure_ascii=False, default=str)
