"""The held-out history: what a reading's confidence has meant on untouched sets (news.held_out)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import load_script
from warrantwatch.news.brief import build, to_html, to_markdown
from warrantwatch.news.evaluate import load_items
from warrantwatch.news.extract import ALERT_CONFIDENCE, extract
from warrantwatch.news.held_out import (
    ALERT_MIN_READINGS,
    BAND_EDGES,
    HISTORY_FILE,
    Reading,
    alerting,
    bands,
    load,
    load_readings,
    to_json,
)
from warrantwatch.news.reading import Article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = (ROOT / "examples" / "seed-article.txt").read_text(encoding="utf-8")


def test_the_stored_bands_and_alert_threshold_follow_from_the_stored_readings():
    readings = load_readings()
    history = load()
    assert history.bands == bands(readings)
    assert history.alerting == alerting(readings)
    assert history.alerting.threshold == ALERT_CONFIDENCE
    # the file is what the builder writes from these readings, byte for byte
    summary, _ = to_json(history.sets, list(readings))
    assert HISTORY_FILE.read_text(encoding="utf-8") == summary
    assert [b.low for b in history.bands] == list(BAND_EDGES)
    assert sum(b.read for b in history.bands) == len(readings)


def test_every_untouched_set_since_the_learned_stage_is_in_the_history_with_its_evaluation_commit():
    evaluated = yaml.safe_load((DATA / "evaluations.yaml").read_text(encoding="utf-8"))
    since = {name: commit for name, commit in evaluated.items()
             if name.removeprefix("news-final").isdigit() and int(name.removeprefix("news-final")) >= 8}
    assert load().sets == since
    assert {r.set for r in load_readings()} <= set(since)


def test_each_reading_is_scored_against_the_labels_of_today():
    by_set: dict[str, dict] = {}
    for r in load_readings():
        items = by_set.setdefault(r.set, {i.id: i for i in load_items(DATA / r.set)})
        expected = set(items[r.item].expected)
        assert r.right == ((r.person, r.host, r.date, r.kind) in expected), r
        assert r.person_and_state_right == any((e[0], e[1]) == (r.person, r.host) for e in expected), r
        assert r.planned_trip_right == any((e[0], e[1], e[3]) == (r.person, r.host, "planned") for e in expected), r
        assert 0 <= r.confidence <= 1


def test_the_alert_threshold_is_the_lowest_that_keeps_nine_planned_visits_in_ten_right():
    def planned(confidence: float, right: bool) -> Reading:
        return Reading("s", "i", "p", "XXX", "", "planned", confidence, right, right, right)

    # at 0.95 and below: 100 alerts, 87 right (0.87); from 0.96: 60 alerts, 57 right (0.95)
    readings = [planned(0.95, n < 30) for n in range(40)] + [planned(0.97, n < 57) for n in range(60)]
    chosen = alerting(readings)
    assert (chosen.threshold, chosen.read, chosen.person_and_state_right) == (0.96, 60, 57)
    # too few readings make no threshold, however right they were
    assert alerting([planned(0.99, True)] * (ALERT_MIN_READINGS - 1)) is None
    # readings of other kinds do not count toward alerts
    assert alerting([Reading("s", "i", "p", "X", "", "occurred", 0.99, True, True, False)] * 80) is None


def test_the_history_of_the_last_set_is_what_the_code_of_its_evaluation_reads():
    script = load_script("held_out_history")
    name, commit = list(script.evaluated_sets().items())[-1]
    known = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True)
    if known.returncode:
        pytest.skip(f"the repository's history does not hold {commit} (a shallow clone)")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="held-out-test-") as work:
        try:
            read = script.read_with(commit, DATA / name, Path(work))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(Path(work) / commit)],
                           capture_output=True)
    assert script.score(name, load_items(DATA / name), read) == [r for r in load_readings() if r.set == name]


def test_a_brief_shows_what_its_confidence_meant_on_new_text(kb):
    brief = build(kb, Article(SEED, None, origin="seed"), dt.date(2024, 8, 30), with_maps=False)
    (item,) = brief.items
    band = load().band(item.event.confidence)
    assert band.low <= item.event.confidence and (item.event.confidence < band.high or band.high == 1.0)
    assert band.sentence() in to_markdown(brief)
    assert band.sentence() in to_html(brief)
    document = json.loads(brief.to_json())
    shown = document["events"][0]["confidence_on_new_text"]
    assert (shown["read"], shown["right"], shown["in_words"]) == (band.read, band.right, band.sentence())
    # the recalled trips keep the rules' confidence, which the history does not measure: no record shown
    assert brief.background and all("confidence_on_new_text" not in b for b in document["background"])
    assert brief.to_json_line() == json.dumps(brief.to_dict(), ensure_ascii=False, default=str)


def test_the_seed_storys_plan_is_read_just_below_the_held_out_threshold(kb):
    # since news-final35 the held-out record supports alerts from 0.98 only: the seed story's plan, read at 0.97,
    # is stored by watch and counted below the threshold, not alerted (README, News: Confidence)
    (mongolia,) = [e for e in extract(kb, SEED, dt.date(2024, 8, 30)) if e.host == "MNG"]
    assert mongolia.kind == "planned" and 0.95 <= mongolia.confidence < ALERT_CONFIDENCE
