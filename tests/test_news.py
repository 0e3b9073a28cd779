"""News → events → brief, on the seed story and on inputs of every supported kind."""

import datetime as dt
import json
from pathlib import Path

import pytest

from warrantwatch.cli import main
from warrantwatch.news.brief import build, to_html, to_markdown
from warrantwatch.news.dates import find_dates
from warrantwatch.news.extract import extract, sentences
from warrantwatch.news.reading import Article, read_path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
PUBLISHED = dt.date(2024, 8, 30)


def test_seed_story_gives_the_planned_mongolia_visit_exactly(kb):
    events = extract(kb, SEED, PUBLISHED)
    mongolia = [e for e in events if e.host == "MNG"]
    assert len(mongolia) == 1
    e = mongolia[0]
    assert (e.person, e.kind, e.date.isoformat()) == ("vladimir-putin", "planned", "2024-09-03")
    assert any("September 3" in s for s in e.evidence)


def test_seed_story_background_trips(kb):
    events = {(e.person, e.host, e.kind, e.date.isoformat()) for e in extract(kb, SEED, PUBLISHED)}
    assert ("omar-al-bashir", "ZAF", "occurred", "2015") in events
    assert ("vladimir-putin", "ZAF", "remote", "2023") in events


def test_seed_brief_has_one_event_and_recalls_two_precedents(kb):
    brief = build(kb, Article(SEED, PUBLISHED), PUBLISHED)
    (item,) = brief.items
    assert (item.event.person, item.event.host, item.event.kind) == ("vladimir-putin", "MNG", "planned")
    assert item.assessment.outcome.name == "OBLIGED"
    assert item.map is not None
    assert "Russia (in orange) and Mongolia (in green, state party: bound to arrest)" in item.map.caption
    assert {(i.event.person, i.event.host) for i in brief.background} == {
        ("omar-al-bashir", "ZAF"), ("vladimir-putin", "ZAF")}
    markdown = to_markdown(brief)
    assert "Vladimir Putin → Mongolia" in markdown and "OBLIGED" in markdown


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("He will arrive on September 3.", "2024-08-30", "2024-09-03"),
        ("The summit on 22 August 2023 was held.", "2024-08-30", "2023-08-22"),
        ("He flies in tomorrow.", "2024-08-30", "2024-08-31"),
        ("They met in March 2023.", "2024-08-30", "2023-03"),
        ("The trip comes next month.", "2024-08-30", "2024-09"),
        ("He visited last year.", "2024-08-30", "2023"),
    ],
)
def test_dates_resolve_against_publication(text, published, expected):
    found = find_dates(text, dt.date.fromisoformat(published))
    assert found and found[0].as_partial.isoformat() == expected


def test_weekday_follows_tense():
    friday = dt.date(2024, 8, 30)
    assert find_dates("on Tuesday", friday, future=True)[0].first == dt.date(2024, 9, 3)
    assert find_dates("on Tuesday", friday, future=False)[0].first == dt.date(2024, 8, 27)


def test_sentences_keep_abbreviations_together():
    parts = sentences("Mr. Putin met U.S. officials. He left on Friday.")
    assert parts == ["Mr. Putin met U.S. officials.", "He left on Friday."]


def test_no_event_at_home_or_for_a_visitor(kb):
    text = ("Chinese President Xi Jinping arrived in Moscow on Monday for talks with Vladimir Putin. "
            "Putin hosted his guest at the Kremlin.")
    assert extract(kb, text, dt.date(2023, 3, 21)) == []


def test_negated_arrest_is_not_an_arrest(kb):
    text = "Omar al-Bashir visited South Africa in June 2015 without being arrested."
    (event,) = extract(kb, text, dt.date(2016, 1, 1))
    assert (event.host, event.kind, event.date.isoformat()) == ("ZAF", "occurred", "2015-06")


def test_html_page_with_metadata(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Putin to visit Mongolia</title>"
        "<meta property='article:published_time' content='2024-08-30T10:00:00Z'></head>"
        "<body><nav>Home | World</nav><article><h1>Putin to visit Mongolia</h1>"
        f"<p>{SEED.splitlines()[2]}</p><p>{SEED.splitlines()[4]}</p></article>"
        "<footer>Copyright</footer></body></html>", encoding="utf-8")
    (article,) = read_path(page)
    assert article.published == PUBLISHED
    assert "Mongolia" in article.text and "Copyright" not in article.text


def test_feed_and_folder(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"url": "https://example.org/a", "published": "2024-08-30",
                                "title": "A", "text": SEED}) + "\n\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Nothing about travel.", encoding="utf-8")
    articles = list(read_path(tmp_path))
    assert [a.origin.split("/")[-1] for a in articles] == ["b.txt", "feed.jsonl:1"]
    assert articles[1].published == PUBLISHED and articles[1].url == "https://example.org/a"


def test_hostile_text_is_escaped_in_html(kb):
    text = ("<script>alert(1)</script> Russian President Vladimir Putin will visit Mongolia on "
            "September 3 <img src=x onerror=alert(2)>.")
    page = to_html(build(kb, Article(text, PUBLISHED, title="<b>x</b>"), PUBLISHED))
    assert "<script>" not in page and "<img" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["brief", "does-not-exist.txt", "--published", "2024-08-30"], "no such file"),
        (["brief", str(EXAMPLES / "seed-article.txt")], "--published"),
        (["brief", str(EXAMPLES / "seed-article.txt"), "--published", "2024-13-01"], "no month 13"),
    ],
)
def test_brief_bad_input(capsys, argv, message):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_brief_json_contract(capsys):
    assert main(["brief", str(EXAMPLES / "seed-article.txt"), "--published", "2024-08-30", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    event = next(e for e in document["events"] if e["host"] == "MNG")
    assert {"person", "host", "date", "kind", "evidence"} <= set(event)
    assert (event["person"], event["date"], event["kind"]) == ("vladimir-putin", "2024-09-03", "planned")
    assert event["assessment"]["outcome"] == "OBLIGED"


def test_brief_writes_its_files(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["brief", str(EXAMPLES / "seed-article.txt"), "--published", "2024-08-30", "-o", str(out)]) == 0
    assert {"brief.md", "brief.json", "brief.html"} <= {p.name for p in out.iterdir()}


def test_watch_stores_once_and_alerts(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED, encoding="utf-8")
    db = tmp_path / "news.duckdb"
    argv = ["watch", str(folder), "--db", str(db), "--published", "2024-08-30", "--json"]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["new_articles"] == 1
    assert [(a["person"], a["host"]) for a in first["alerts"]] == [("vladimir-putin", "MNG")]
    assert main(argv) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["new_articles"] == 0 and second["already_stored"] == 1
    assert second["stored"] == first["stored"]


def test_extraction_quality_on_the_evaluation_set(kb):
    from warrantwatch.news.evaluate import evaluate, load_items

    items = load_items(Path(__file__).parent / "data" / "news")
    assert len(items) >= 40
    report = evaluate(kb, items)
    assert report.scores["event"].f1 >= 0.9, report.to_dict()["fields"]
    assert report.scores["person"].f1 >= 0.95
    assert not [m for m in report.misses if m[0].startswith("001-seed")]  # the seed is exact


def test_evaluation_items_are_well_formed(kb):
    import yaml

    for path in sorted((Path(__file__).parent / "data" / "news").glob("*.yaml")):
        item = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(item) == {"id", "source", "published", "title", "text", "expected"}, path
        assert item["id"] == path.stem and item["source"]
        for event in item["expected"]:
            assert event["person"] in kb.person_by_id and event["host"] in kb.state_by_code, path
            assert event["kind"] in ("planned", "occurred", "cancelled", "remote", "arrest"), path


def test_recalled_trips_are_assessed_on_the_recorded_day_and_records_name_people(kb):
    brief = build(kb, Article(SEED, PUBLISHED), PUBLISHED, with_maps=False)
    days = {(i.event.person, i.event.host): i.assessed_on.isoformat() for i in brief.background}
    assert days == {("omar-al-bashir", "ZAF"): "2015-06-13", ("vladimir-putin", "ZAF"): "2023-08-22"}
    markdown = to_markdown(brief)
    assert "2024-09-02 to 2024-09-03: Vladimir Putin — " in markdown  # names in the host's record
    assert "vladimir-putin —" not in markdown
