"""Review stamps: every answer names the day its record was last reviewed, and an answer that may be
stale (a day after the stamp, or asked long after it) says what may have changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from fastapi.testclient import TestClient

from warrantwatch.cli import main
from warrantwatch.law.currency import STALE_AFTER_DAYS
from warrantwatch.records.knowledge import load
from warrantwatch.records.load import default_data_dir


def stamps() -> dict[str, dt.date]:
    raw = yaml.safe_load((default_data_dir() / "reviews.yaml").read_text(encoding="utf-8"))
    return {r["kind"]: r["reviewed"] for r in raw}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_record_is_reviewed_to_its_oldest_stamp(kb):
    assert kb.reviewed == min(stamps().values())
    assert {r.kind for r in kb.reviews} == set(stamps())


def test_every_kind_of_record_has_a_stamp(data_copy):
    path = data_copy / "reviews.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump([r for r in records if r["kind"] != "visits"]), encoding="utf-8")
    with pytest.raises(Exception, match="no review stamp for visits"):
        load(data_copy)


def test_a_stamp_is_a_day_and_names_a_kind(data_copy):
    path = data_copy / "reviews.yaml"
    text = path.read_text(encoding="utf-8").replace("kind: states", "kind: statez", 1)
    text = text.replace("reviewed: 2026-12-06", "reviewed: '2026-12'", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception) as caught:
        load(data_copy)
    message = str(caught.value)
    assert "'statez' is not a kind of record" in message and "must be a day" in message


def test_cli_text_and_json_state_the_stamp(capsys, kb):
    code, out, _ = run(capsys, "check", "putin", "mongolia", "--on", "2024-09-03", "--json")
    assert code == 0 and json.loads(out)["reviewed"] == kb.reviewed.isoformat()
    code, out, _ = run(capsys, "check", "putin", "mongolia", "--on", "2024-09-03")
    assert f"Record reviewed to {kb.reviewed}" in out
    for argv in (("person", "putin"), ("state", "mongolia"), ("world", "putin", "--on", "2024-09-03")):
        code, out, _ = run(capsys, *argv, "--json")
        assert code == 0 and json.loads(out)["reviewed"] == kb.reviewed.isoformat(), argv
        code, out, _ = run(capsys, *argv)
        assert f"Record reviewed to {kb.reviewed}" in out, argv


def _caveat_kinds(capsys, on: dt.date) -> list[str]:
    code, out, _ = run(capsys, "check", "putin", "mongolia", "--on", on.isoformat(), "--json")
    assert code == 0
    return [c["kind"] for c in json.loads(out)["caveats"]]


def test_a_question_asked_long_after_the_review_is_flagged(capsys, monkeypatch, kb):
    reviewed = kb.reviewed
    monkeypatch.setenv("WARRANTWATCH_TODAY", (reviewed + dt.timedelta(days=STALE_AFTER_DAYS)).isoformat())
    assert "review_age" not in _caveat_kinds(capsys, dt.date(2024, 9, 3))
    monkeypatch.setenv("WARRANTWATCH_TODAY", (reviewed + dt.timedelta(days=STALE_AFTER_DAYS + 1)).isoformat())
    code, out, _ = run(capsys, "check", "putin", "mongolia", "--on", "2024-09-03", "--json")
    assert code == 0
    caveat = next(c for c in json.loads(out)["caveats"] if c["kind"] == "review_age")
    assert f"{STALE_AFTER_DAYS + 1} days before today" in caveat["text"]
    assert "new or unsealed warrants" in caveat["text"] and "withdrawals" in caveat["text"]
    assert "trips" in caveat["text"]


def test_a_day_after_the_review_is_flagged_even_when_asked_on_the_day(capsys, monkeypatch, kb):
    reviewed = kb.reviewed
    monkeypatch.setenv("WARRANTWATCH_TODAY", reviewed.isoformat())
    assert "review_age" not in _caveat_kinds(capsys, reviewed)
    kinds = _caveat_kinds(capsys, reviewed + dt.timedelta(days=1))
    assert "review_age" in kinds and "future" in kinds


def test_world_carries_the_caveat_once_for_all_states(capsys, monkeypatch, kb):
    monkeypatch.setenv("WARRANTWATCH_TODAY", (kb.reviewed + dt.timedelta(days=90)).isoformat())
    code, out, _ = run(capsys, "world", "putin", "--on", "2024-09-03", "--json")
    assert [c["kind"] for c in json.loads(out)["caveats"]] == ["review_age"]
    code, out, _ = run(capsys, "world", "putin", "--on", "2024-09-03")
    assert code == 0 and "90 days before today" in out


def test_brief_in_every_format_states_the_stamp(kb):
    from warrantwatch.news.brief import build, to_html, to_markdown
    from warrantwatch.news.reading import Article

    text = "Russian President Vladimir Putin arrived in Ulaanbaatar on Monday for a visit to Mongolia."
    article = Article(text=text, published=dt.date(2024, 9, 2), title="Putin in Mongolia")
    brief = build(kb, article, dt.date(2024, 9, 2), with_maps=False)
    assert brief.to_dict()["reviewed"] == kb.reviewed.isoformat()
    assert f"Record reviewed to {kb.reviewed}" in to_markdown(brief)
    assert f"Record reviewed to {kb.reviewed}" in to_html(brief)


def test_maps_credit_line_states_the_stamp(kb):
    from warrantwatch.maps.obligation import states_parties_map

    rendered = states_parties_map("2024-09-03", kb=kb, width=1600)
    assert f"record reviewed to {kb.reviewed}" in rendered.svg


def test_api_answers_state_the_stamp(kb):
    from warrantwatch.api.app import create_app

    client = TestClient(create_app())
    response = client.get("/api/assess", params={"person": "putin", "state": "MNG", "on": "2024-09-03"})
    assert response.json()["reviewed"] == kb.reviewed.isoformat()
    assert response.headers["x-record-reviewed"] == kb.reviewed.isoformat()
    assert client.get("/api/persons").headers["x-record-reviewed"] == kb.reviewed.isoformat()


def test_the_law_kinds_have_their_own_stamps(kb):
    """requests, territories, places and stated positions (issue 9) are stamped like the rest; their
    evidence ends earlier than the review, which must not push the record's evidence date back."""
    for kind in ("requests", "territories", "places", "positions"):
        review = kb.review_of[kind]
        assert review.reviewed.first_day == dt.date(2026, 12, 6), kind
        assert review.evidence_to is not None and review.evidence_to.last_day < review.reviewed.first_day
    assert kb.evidence_to == max((r.evidence_to for r in kb.reviews if r.evidence_to),
                                 key=lambda d: d.sort_key)


def test_an_answer_about_a_place_states_the_stamp_and_the_staleness(capsys, monkeypatch, kb):
    monkeypatch.setenv("WARRANTWATCH_TODAY", (kb.reviewed + dt.timedelta(days=STALE_AFTER_DAYS + 10)).isoformat())
    code, out, _ = run(capsys, "check", "putin", "crimea", "--on", "2024-09-03", "--json")
    answer = json.loads(out)
    assert code == 0 and answer["place"] == "crimea" and answer["reviewed"] == kb.reviewed.isoformat()
    kinds = [c["kind"] for c in answer["caveats"]]
    assert kinds.count("review_age") == 1 and "occupation" in kinds
