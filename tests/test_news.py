"""News → events → brief, on the seed story and on inputs of every supported kind."""

import datetime as dt
import html
import json
from pathlib import Path

import pytest

from warrantwatch.cli import main
from warrantwatch.news.brief import READING_NOTE, build, to_html, to_markdown
from warrantwatch.news.dates import find_dates
from warrantwatch.news.extract import ALERT_CONFIDENCE, extract, sentences
from warrantwatch.news.reading import Article, read_path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
# A plan told outright (read at 0.99): what the alert tests use since news-final35 moved the alert threshold to 0.98,
# above the seed story's own plan (read at 0.97, stored and counted below the threshold)
PLAN = ("Russian President Vladimir Putin will visit Mongolia on September 3, the Kremlin said on Friday. Mongolia, a "
        "member of the International Criminal Court since 2002, is obliged to arrest him.")
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
    # the events are a machine's reading, said once above them in both briefs (not in one without events)
    assert markdown.count(READING_NOTE) == 1 and to_html(brief).count(html.escape(READING_NOTE)) == 1
    empty = build(kb, Article("The weather in Paris was fine.", PUBLISHED), PUBLISHED)
    assert READING_NOTE not in to_markdown(empty)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("He will arrive on September 3.", "2024-08-30", "2024-09-03"),
        ("The summit on 22 August 2023 was held.", "2024-08-30", "2023-08-22"),
        ("He flies in tomorrow.", "2024-08-30", "2024-08-31"),
        ("They met in March 2023.", "2024-08-30", "2023-03"),
        ("The trip comes next month.", "2024-08-30", "2024-09"),
        ("He visited last year.", "2024-08-30", "2023"),
        # "two weeks ago" names a week (here inside September), "three days ago" a day; "on the 5th" a
        # day of the month nearest publication; "overnight" and "this morning" the day of publication
        ("Netanyahu met Biden two weeks ago in New York.", "2023-10-01", "2023-09"),
        ("He left three days ago.", "2023-10-01", "2023-09-28"),
        ("He arrived in Tehran on the 5th.", "2024-08-06", "2024-08-05"),
        ("He arrived on the 28th.", "2024-08-06", "2024-07-28"),
        ("He departed overnight for Washington.", "2024-06-23", "2024-06-23"),
        ("He left this morning.", "2024-06-23", "2024-06-23"),
    ],
)
def test_dates_resolve_against_publication(text, published, expected):
    found = find_dates(text, dt.date.fromisoformat(published))
    assert found and found[0].as_partial.isoformat() == expected


def test_ordinals_that_are_no_days():
    assert find_dates("the 85th anniversary of the battle", dt.date(2024, 9, 3)) == []
    assert find_dates("He visited this year.", dt.date(2024, 9, 3))[0].as_partial.isoformat() == "2024"


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


def test_watch_stores_once_and_alerts(tmp_path, capsys, kb):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED, encoding="utf-8")
    db = tmp_path / "news.duckdb"
    argv = ["watch", str(folder), "--db", str(db), "--published", "2024-08-30", "--json"]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["new_articles"] == 1 and first["stored"]["events"] == 1
    # the story's planned visit to a state bound to arrest is alerted only at or above the threshold the held-out
    # record supports (since news-final35, 0.98: the visit, read at 0.97, is stored and counted below it)
    (visit,) = [e for e in extract(kb, SEED, dt.date(2024, 8, 30)) if e.host == "MNG"]
    assert (visit.person, visit.kind) == ("vladimir-putin", "planned")
    alerted = visit.confidence >= first["alert_confidence"] == ALERT_CONFIDENCE
    assert [(a["person"], a["host"]) for a in first["alerts"]] == ([("vladimir-putin", "MNG")] if alerted else [])
    assert first["below_confidence"] == (0 if alerted else 1)
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


def test_brief_without_a_date_uses_today_and_says_so(capsys, monkeypatch):
    monkeypatch.setenv("WARRANTWATCH_TODAY", "2024-08-30")
    assert main(["brief", str(EXAMPLES / "seed-article.txt"), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["article"]["published"] == "2024-08-30"
    assert document["article"]["published_from"] == "today"
    assert main(["brief", str(EXAMPLES / "seed-article.txt")]) == 0
    assert "published date: from today" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("head", "day"),
    [("ULAANBAATAR, Sept 3, 2024 (Reuters) - ", "2024-09-03"),
     ("KHARTOUM, July 10 (Reuters) - ", "2026-07-10"),
     ("August 30, 2024\n\n", "2024-08-30")],
)
def test_the_dateline_dates_the_article(tmp_path, capsys, monkeypatch, head, day):
    monkeypatch.setenv("WARRANTWATCH_TODAY", "2026-12-06")
    story = tmp_path / "story.txt"
    story.write_text(head + "Russian President Vladimir Putin will visit Mongolia next week.", encoding="utf-8")
    assert main(["brief", str(story), "--published", "2020-01-01", "--json"]) == 0  # the article's own date wins
    document = json.loads(capsys.readouterr().out)
    assert (document["article"]["published"], document["article"]["published_from"]) == (day, "dateline")


def test_feed_and_meta_dates_are_named(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"url": "https://example.org/a", "published": "2024-08-30", "title": "A",
                                "text": SEED}) + "\n", encoding="utf-8")
    assert main(["brief", str(feed), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["article"]["published_from"] == "feed"
    page = tmp_path / "story.html"
    page.write_text("<html><head><title>Putin to visit Mongolia</title>"
                    "<meta property='article:published_time' content='2024-08-30T10:00:00Z'></head>"
                    f"<body><article><p>{SEED.splitlines()[2]}</p><p>{SEED.splitlines()[4]}</p></article>"
                    "</body></html>", encoding="utf-8")
    assert main(["brief", str(page), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["article"]["published"], document["article"]["published_from"]) == ("2024-08-30", "meta")


ARREST_AT_HOME = ("Former Philippine president Rodrigo Duterte was arrested at Manila's international airport on "
                  "Tuesday on a warrant from the International Criminal Court, shortly after he flew in from "
                  "Hong Kong.")


def test_an_arrest_at_home_gets_its_brief(kb, tmp_path, capsys):
    brief = build(kb, Article(ARREST_AT_HOME, dt.date(2025, 3, 11)), dt.date(2025, 3, 11))
    (item,) = brief.items
    assert (item.event.person, item.event.host, item.event.kind, item.event.date.isoformat()) == (
        "rodrigo-duterte", "PHL", "arrest", "2025-03-11")
    assert item.assessed_on == dt.date(2025, 3, 10)  # the day before the arrest: the duty, not the execution
    assert item.assessment.outcome.name != "NO_ACTIVE_WARRANT"
    assert item.map is not None and "the home state, where the event took place" in item.map.caption
    out = tmp_path / "out"
    story = tmp_path / "duterte.txt"
    story.write_text(ARREST_AT_HOME, encoding="utf-8")
    assert main(["brief", str(story), "--published", "2025-03-11", "-o", str(out)]) == 0
    assert (out / "map-1-phl.svg").exists() and "1 event(s)" in capsys.readouterr().out


def test_a_visit_to_an_occupied_place_is_assessed_at_the_place(kb, tmp_path, capsys):
    # The host is the state the UN recognises; the assessment is the place's, which says who controls it
    story = ("Russian President Vladimir Putin visited the occupied port city of Mariupol on Sunday, Russian state "
             "media reported.")
    (item,) = build(kb, Article(story, dt.date(2023, 3, 19)), dt.date(2023, 3, 19)).items
    assert (item.event.host, item.event.place, item.assessment.place) == ("UKR", "mariupol", "mariupol")
    assert item.assessment.outcome.name == "OBLIGED_OTHER"  # Ukraine's art. 12(3) declaration of 2015
    assert "occupation" in {c.kind for c in item.assessment.caveats}
    path = tmp_path / "mariupol.txt"
    path.write_text(story, encoding="utf-8")
    assert main(["brief", str(path), "--published", "2023-03-19", "--json"]) == 0
    (event,) = json.loads(capsys.readouterr().out)["events"]
    assert (event["host"], event["place"], event["assessment"]["place_name"]) == ("UKR", "mariupol", "Mariupol")
    assert "## 1. Vladimir Putin → Mariupol, Ukraine (UKR), 2023-03-19" in to_markdown(
        build(kb, Article(story, dt.date(2023, 3, 19)), dt.date(2023, 3, 19)))


def test_a_folder_run_goes_past_a_bad_item(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-duterte.txt").write_text(ARREST_AT_HOME, encoding="utf-8")
    (folder / "b-broken.txt").write_bytes(b"\xff\xfe\x00not text")
    (folder / "c-seed.txt").write_text(SEED, encoding="utf-8")
    assert main(["brief", str(folder), "--published", "2024-08-30", "--json"]) == 2
    captured = capsys.readouterr()
    documents = json.loads(captured.out)
    assert [d["article"]["origin"].rsplit("/", 1)[-1] for d in documents] == ["a-duterte.txt", "c-seed.txt"]
    assert "b-broken.txt" in captured.err


def test_confidence_and_evidence_per_event(kb):
    from warrantwatch.news.extract import ALERT_CONFIDENCE

    (event,) = [e for e in extract(kb, SEED, PUBLISHED) if e.host == "MNG"]
    assert event.confidence >= 0.95 and len(event.evidence) >= 2
    (plan,) = extract(kb, PLAN, PUBLISHED)
    assert plan.confidence >= ALERT_CONFIDENCE
    # A place borrowed from the sentence before: read, but not sure enough to alert
    (weak,) = extract(kb, "The summit opens in Ulaanbaatar on September 3. Putin is expected to attend.", PUBLISHED)
    assert weak.confidence < ALERT_CONFIDENCE


def test_watch_alerts_only_above_the_threshold(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "weak.txt").write_text("The summit opens in Ulaanbaatar on September 3. Putin is expected to attend.",
                                     encoding="utf-8")
    assert main(["watch", str(folder), "--db", str(tmp_path / "n.duckdb"), "--published", "2024-08-30",
                 "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [(a["person"], a["host"]) for a in document["alerts"]] == [("vladimir-putin", "MNG")]
    from warrantwatch.news.extract import ALERT_CONFIDENCE

    assert document["alert_confidence"] == ALERT_CONFIDENCE and document["below_confidence"] == 1
    assert document["stored"]["events"] >= 2


@pytest.mark.parametrize("jobs", [[], ["--jobs", "1"], ["--jobs", "2"]])
def test_watch_loses_nothing_on_kill_9(tmp_path, jobs):
    import os
    import signal
    import subprocess
    import sys
    import time

    import duckdb

    feed = tmp_path / "feed.jsonl"
    n = 1000
    with feed.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"url": f"https://example.org/{i}", "published": "2024-08-30",
                                     "text": f"Story {i}. " + SEED.split("\n\n")[1]}) + "\n")
    db = tmp_path / "n.duckdb"
    argv = [sys.executable, "-c", "import sys; from warrantwatch.cli import main; sys.exit(main(sys.argv[1:]))",
            "watch", str(feed), "--db", str(db), "--json", "--batch", "100", *jobs]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        wal = db.with_suffix(".duckdb.wal")
        if db.exists() and (wal.exists() or db.stat().st_size > 1_000_000):
            break
        time.sleep(0.05)
    time.sleep(0.1)
    assert process.poll() is None, "watch finished before it could be killed; give it more articles"
    def children(task: Path) -> list[str]:
        try:  # (a thread of the process may end between the listing and the read)
            return (task / "children").read_text().split()
        except FileNotFoundError:
            return []

    workers = {int(c) for task in Path(f"/proc/{process.pid}/task").glob("*")
               for c in children(task)} if Path("/proc").is_dir() else set()
    from warrantwatch.news.parallel import cpus

    expected = {"1": 0, "2": 2}.get(jobs[-1] if jobs else "", cpus() if cpus() > 1 else 0)
    assert len(workers) == expected or not Path("/proc").is_dir()
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    deadline = time.monotonic() + 10  # the workers die with their parent: none is left behind
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert subprocess.run(argv, capture_output=True, check=False).returncode == 0
    with duckdb.connect(str(db), read_only=True) as c:
        articles, keys = c.execute("SELECT count(*), count(DISTINCT key) FROM articles").fetchone()
        orphans = c.execute("SELECT count(*) FROM events WHERE article_key NOT IN (SELECT key FROM articles)"
                            ).fetchone()[0]
        per_article = c.execute("SELECT min(c), max(c) FROM (SELECT a.key, count(e.article_key) AS c FROM "
                                "articles a LEFT JOIN events e ON e.article_key = a.key GROUP BY a.key)").fetchone()
    assert articles == keys == n and orphans == 0
    assert per_article[0] == per_article[1] >= 1  # every article has all of its events, once


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a court's seat is not a destination; an absence is no trip
        ("Putin has not travelled to any ICC member since judges in The Hague issued a warrant for his arrest "
         "in March 2023.", "2025-11-20", set()),
        # topics of talks are not destinations
        ("Putin will hold talks with Erdogan on the war in Ukraine and the Syria settlement on Friday.",
         "2025-11-20", set()),
        # an origin is not a destination; the destination is
        ("Netanyahu flew in from Budapest on Sunday for talks with Trump in Washington.", "2025-04-07",
         {("benjamin-netanyahu", "USA", "2025-04-06", "occurred")}),
        # the venue of a meeting he stayed away from: called off, not occurred
        ("Leaders met in Johannesburg on Saturday for the G20 summit; Putin did not attend.", "2025-11-23",
         {("vladimir-putin", "ZAF", "2025-11-22", "cancelled")}),
        # modality: "will pay a state visit ... on <weekday>" is planned, dated ahead
        ("Vladimir Putin will pay a state visit to India on Thursday, the Kremlin said.", "2025-12-01",
         {("vladimir-putin", "IND", "2025-12-04", "planned")}),
        # a compact day range after an abbreviated weekday
        ("Putin will attend the summit in Rio on Mon. 18-19, the Kremlin said.", "2024-11-10",
         {("vladimir-putin", "BRA", "2024-11-18", "planned")}),
        # "a day after he flew into X": the trip began the day before the talks
        ("Trump hosted Netanyahu at the White House on Monday, a day after he flew into Washington.",
         "2025-07-08", {("benjamin-netanyahu", "USA", "2025-07-06", "occurred")}),
        # a title after the first mention continues the person
        ("Israeli Prime Minister Benjamin Netanyahu will travel to Washington next week. The Israeli leader "
         "will meet Trump at the White House on Monday.", "2025-07-03",
         {("benjamin-netanyahu", "USA", "2025-07-07", "planned")}),
        # the one received is the traveller
        ("Kim Jong Un received Sergei Shoigu in Pyongyang on Friday.", "2025-03-21",
         {("sergei-shoigu", "PRK", "2025-03-21", "occurred")}),
    ],
)
def test_sentences_of_the_issue(kb, text, published, expected):
    got = {(e.person, e.host, e.date.isoformat() if e.date else "", e.kind)
           for e in extract(kb, text, dt.date.fromisoformat(published))}
    assert got == expected


def test_compact_and_relative_dates():
    friday = dt.date(2025, 11, 28)
    assert find_dates("on Oct. 9-10", friday, future=True)[0].first == dt.date(2026, 10, 9)
    assert find_dates("next Thursday and Friday", friday)[0].first == dt.date(2025, 12, 4)
    assert find_dates("last June", friday)[0].as_partial.isoformat() == "2025-06"
    assert find_dates("arrived last night", friday)[0].first == dt.date(2025, 11, 27)
    assert not find_dates("on Friday 14 people died", friday, future=True)[0].text.endswith("14")

def test_watch_alert_lines_name_the_person_and_the_state(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    assert main(["watch", str(folder), "--db", str(tmp_path / "n.duckdb"), "--published", "2024-08-30"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the console wraps long lines
    assert "ALERT Vladimir Putin → Mongolia 2024-09-03 (state party: bound to arrest, confidence" in out
    assert "vladimir-putin" not in out and "MNG" not in out
    assert main(["watch", str(folder), "--db", str(tmp_path / "m.duckdb"), "--published", "2024-08-30",
                 "--json"]) == 0
    (alert,) = json.loads(capsys.readouterr().out)["alerts"]
    assert (alert["person"], alert["person_name"], alert["host"], alert["host_name"]) == (
        "vladimir-putin", "Vladimir Putin", "MNG", "Mongolia")


def test_brief_maps_colour_the_host_by_its_outcome_drawn_or_text_only(kb):
    drawn = build(kb, Article(SEED, PUBLISHED), PUBLISHED, maps="draw")
    text = build(kb, Article(SEED, PUBLISHED), PUBLISHED, maps="text")
    (mongolia,) = [i for i in drawn.items if i.event.host == "MNG"]
    (same,) = [i for i in text.items if i.event.host == "MNG"]
    assert "Mongolia (in green, state party: bound to arrest)" in mongolia.map.caption
    assert same.map.svg is None and (same.map.caption, same.map.alt) == (mongolia.map.caption, mongolia.map.alt)
    home = build(kb, Article(ARREST_AT_HOME, dt.date(2025, 3, 11)), dt.date(2025, 3, 11), maps="text")
    (arrest,) = home.items  # an arrest at home: one state, in the home colour, text without drawing too
    assert "the home state, where the event took place" in arrest.map.caption


def test_a_trip_the_article_does_not_date_is_not_said_to_be_dated_by_it(kb):
    # "will visit Mongolia" with no date: the rules place the trip in the report's month, and the brief
    # says so instead of "the article dates this only to 2024-08"
    undated = "MOSCOW, Aug 20, 2024 — Russian President Vladimir Putin will visit Mongolia, the Kremlin said."
    dated = "MOSCOW, Aug 20, 2024 — Russian President Vladimir Putin will visit Mongolia in September."
    (item,) = build(kb, Article(undated, dt.date(2024, 8, 20)), dt.date(2024, 8, 20), with_maps=False).items
    assert (item.event.host, item.event.kind, item.event.date.isoformat()) == ("MNG", "planned", "2024-08")
    assert item.event.date_from == "publication" and item.to_dict()["date_from"] == "publication"
    assert item.date_note.startswith("The article gives no date; the trip is placed in the month of the report")
    (item,) = build(kb, Article(dated, dt.date(2024, 8, 20)), dt.date(2024, 8, 20), with_maps=False).items
    assert item.event.date.isoformat() == "2024-09" and item.event.date_from == "text"
    assert item.date_note.startswith("The article dates this only to 2024-09 (month)")


def test_an_undated_item_matches_only_an_event_placed_in_the_month_of_the_report(kb, tmp_path):
    # "will visit Mongolia" (no date) is placed by the rules in the report's month, date_from
    # "publication": it matches an item with no date, not one dated to that month, and an item with
    # no date is not matched by a trip the text dates ("in September")
    from warrantwatch.news.evaluate import evaluate, load_items

    undated = "MOSCOW, Aug 20, 2024 — Russian President Vladimir Putin will visit Mongolia, the Kremlin said."
    dated = "MOSCOW, Aug 20, 2024 — Russian President Vladimir Putin will visit Mongolia in September."

    def score(text: str, date: str | None) -> tuple[int, int, int]:
        event = {"person": "vladimir-putin", "host": "MNG", "kind": "planned"} | ({"date": date} if date else {})
        item = {"id": "x", "source": "s", "published": "2024-08-20", "title": "t", "text": text, "expected": [event]}
        (tmp_path / "x.yaml").write_text(json.dumps(item), encoding="utf-8")
        s = evaluate(kb, load_items(tmp_path)).scores["event"]
        return s.true_positives, s.predicted, s.expected

    assert score(undated, None) == (1, 1, 1)
    assert score(undated, "2024-08") == (0, 1, 1)  # the article does not give August
    assert score(dated, None) == (0, 1, 1)
    assert score(dated, "2024-09") == (1, 1, 1)


def test_planned_alerts_are_judged_by_the_trip_as_well_as_by_the_whole_event(kb, tmp_path, capsys):
    # A plan of Putin's to Mongolia on 3 September, alerting: an item that expects another day counts it wrong as a
    # whole event and right as a trip; an item that expects no plan, wrong in both
    from warrantwatch.news.evaluate import evaluate, load_items

    def scores(expected: list[dict]) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        item = {"id": "x", "source": "s", "published": "2024-08-30", "title": "t", "text": PLAN, "expected": expected}
        (tmp_path / "x.yaml").write_text(json.dumps(item), encoding="utf-8")
        report = evaluate(kb, load_items(tmp_path))
        return tuple((s.true_positives, s.predicted, s.expected) for s in (report.alerting, report.planned_alerts))

    plan = {"person": "vladimir-putin", "host": "MNG", "kind": "planned"}
    assert scores([{**plan, "date": "2024-09-03"}]) == ((1, 1, 1), (1, 1, 1))
    assert scores([{**plan, "date": "2024-09-04"}]) == ((0, 1, 1), (1, 1, 1))
    assert scores([{**plan, "date": "2024-09-03", "kind": "occurred"}]) == ((0, 1, 1), (0, 1, 0))
    assert main(["eval", "news", str(tmp_path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["planned_alerts_trip_right"]["tp"] == 0 and document["planned_alerts_trip_right"]["predicted"] == 1
    assert main(["eval", "news", str(tmp_path)]) == 0
    assert "alert trips ≥" in capsys.readouterr().out


RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example newsroom</title><link>https://news.example.org/</link><description>World news</description>
<item><title>Putin to visit Mongolia</title><link>https://news.example.org/putin-mongolia</link>
<pubDate>Fri, 30 Aug 2024 09:15:00 +0000</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>Russian President Vladimir Putin will visit Mongolia on September 3, the Kremlin
said.</p><p>It will be his first trip to a member state of the court since the warrant.</p>]]></content:encoded></item>
<item><title>Markets</title><link>https://news.example.org/markets</link>
<pubDate>Fri, 30 Aug 2024 10:00:00 +0000</pubDate>
<description>Stocks rose &lt;b&gt;sharply&lt;/b&gt; in Tokyo.</description></item>
<item><title>Nothing</title><link>https://news.example.org/empty</link></item>
</channel></rss>
"""
ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:example:wire</id>
<updated>2025-04-03T08:00:00Z</updated>
<entry><title>Netanyahu lands in Budapest</title><id>urn:example:1</id>
<link href="https://wire.example.org/netanyahu-budapest"/><published>2025-04-03T07:30:00Z</published>
<updated>2025-04-03T07:45:00Z</updated>
<content type="html">&lt;p&gt;Israeli Prime Minister Benjamin Netanyahu arrived in Budapest on Thursday for a
four-day visit.&lt;/p&gt;&lt;p&gt;Hungary announced its withdrawal from the court.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_and_atom_feeds_are_read_entry_by_entry(tmp_path):
    from warrantwatch.news.reading import Rejected, read_items

    (tmp_path / "world.rss").write_text(RSS_FEED, encoding="utf-8")
    first, second, empty = read_items(tmp_path / "world.rss")
    # the fullest content, as text with its paragraphs; the entry's link, title and day (from the feed)
    assert first.text.startswith("Russian President Vladimir Putin will visit Mongolia")
    assert "\n\nIt will be" in first.text
    assert (first.title, first.url, first.published, first.dated_by, first.origin) == (
        "Putin to visit Mongolia", "https://news.example.org/putin-mongolia", dt.date(2024, 8, 30), "feed",
        f"{tmp_path / 'world.rss'}#1")
    assert second.text == "Stocks rose sharply in Tokyo."  # a summary in HTML, as text
    assert isinstance(empty, Rejected) and "no text" in empty.reason and empty.origin.endswith("#3")
    (tmp_path / "wire.atom").write_text(ATOM_FEED, encoding="utf-8")
    (entry,) = read_items(tmp_path / "wire.atom")
    assert (entry.url, entry.published) == ("https://wire.example.org/netanyahu-budapest", dt.date(2025, 4, 3))


def test_brief_and_watch_read_a_saved_feed(tmp_path, capsys):
    feed = tmp_path / "world.xml"
    feed.write_text(RSS_FEED, encoding="utf-8")
    assert main(["brief", str(feed), "--json"]) == 2  # the entry with no text is reported; the others are briefed
    captured = capsys.readouterr()
    documents = json.loads(captured.out)
    assert [d["article"]["published_from"] for d in documents] == ["feed", "feed"]
    assert [(e["person"], e["host"], e["date"], e["kind"]) for e in documents[0]["events"]] == [
        ("vladimir-putin", "MNG", "2024-09-03", "planned")]
    assert f"{feed}#3: an entry with no text" in captured.err
    db = str(tmp_path / "n.duckdb")
    assert main(["watch", str(feed), "--db", db]) == 2
    assert "ALERT Vladimir Putin → Mongolia 2024-09-03" in capsys.readouterr().out
    assert main(["watch", str(feed), "--db", db]) == 0  # the same feed again: nothing new, nothing reported
    assert "0 new article(s), 3 already stored" in capsys.readouterr().out


@pytest.mark.parametrize(("content", "reason"), [
    ("this is not a feed", "not an RSS or Atom feed"),
    ('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title><item><title>a</title>'
     '<description>x</description><pubDate>Mon, 30 Aug 1500 09:15:00 +0000</pubDate></item></channel></rss>',
     "bad published date 1500-08-30"),
])
def test_a_bad_feed_is_a_clear_error(tmp_path, capsys, content, reason):
    feed = tmp_path / "bad.rss"
    feed.write_text(content, encoding="utf-8")
    assert main(["brief", str(feed)]) == 2
    err = capsys.readouterr().err
    assert reason in err and "Traceback" not in err


def test_a_feed_does_not_read_external_entities(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE", encoding="utf-8")
    feed = tmp_path / "xxe.xml"
    feed.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                    '<rss version="2.0"><channel><title>t</title><item><title>a</title>'
                    '<description>Putin will visit Mongolia on Friday. &x;</description></item></channel></rss>',
                    encoding="utf-8")
    main(["brief", str(feed), "--json", "--published", "2024-08-30"])
    captured = capsys.readouterr()
    assert "TOP-SECRET-LINE" not in captured.out + captured.err


def test_a_feed_does_not_expand_nested_entities(tmp_path):
    # "billion laughs": ten levels of ten; read as text, never expanded (the loose parser leaves the reference)
    from warrantwatch.news.reading import read_items

    entities = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    feed = tmp_path / "lol.xml"
    feed.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE r [{entities}]>\n<rss version="2.0"><channel><title>t</title>'
                    '<item><title>a</title><description>Putin will visit Mongolia. &lol9;</description></item>'
                    '</channel></rss>', encoding="utf-8")
    (article,) = read_items(feed)
    assert article.text.startswith("Putin will visit Mongolia.") and len(article.text) < 100


def test_watch_stores_an_occupied_place_and_alerts_name_it(tmp_path, capsys):
    import duckdb

    db = tmp_path / "n.duckdb"
    # a store made before events had a place (the columns of 2026-12-06): it is brought up to date, nothing lost
    with duckdb.connect(str(db)) as connection:
        connection.execute("CREATE TABLE articles (key VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, published "
                           "DATE, origin VARCHAR, text VARCHAR NOT NULL, stored_at TIMESTAMP NOT NULL)")
        connection.execute("CREATE TABLE events (article_key VARCHAR NOT NULL, person VARCHAR NOT NULL, host VARCHAR "
                           "NOT NULL, date VARCHAR, kind VARCHAR NOT NULL, outcome VARCHAR NOT NULL, evidence VARCHAR "
                           "NOT NULL, confidence DOUBLE)")
        connection.execute("INSERT INTO articles VALUES ('k', NULL, NULL, DATE '2024-08-30', 'old.txt', 'x', "
                           "TIMESTAMP '2024-08-30 10:00:00')")
        connection.execute("INSERT INTO events VALUES ('k', 'vladimir-putin', 'MNG', '2024-09-03', 'planned', "
                           "'OBLIGED', '[\"old\"]', 0.99)")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "mariupol.txt").write_text("Russian President Vladimir Putin will visit occupied Mariupol on Friday, "
                                         "the Kremlin said on Tuesday.", encoding="utf-8")
    assert main(["watch", str(folder), "--db", str(db), "--published", "2025-03-04"]) == 0
    assert "ALERT Vladimir Putin → Mariupol, Ukraine 2025-03-07" in capsys.readouterr().out
    assert main(["alerts", "--db", str(db), "--json"]) == 0
    alerts = json.loads(capsys.readouterr().out)["alerts"]
    assert [(a["host"], a["place"], a["date"]) for a in alerts] == [("UKR", "mariupol", "2025-03-07"),
                                                                    ("MNG", None, "2024-09-03")]
    assert main(["alerts", "--db", str(db)]) == 0
    assert "Vladimir Putin → Mariupol, Ukraine 2025-03-07" in capsys.readouterr().out
