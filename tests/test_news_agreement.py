"""`warrantwatch eval agreement`: two labellings of the same items scored against each other."""

from __future__ import annotations

import json

import pytest
import yaml

from warrantwatch.cli import main
from warrantwatch.errors import WarrantWatchError
from warrantwatch.news.evaluate import agreement, load_items

TEXT = "Vladimir Putin will visit Mongolia on September 3, the Kremlin said."


def _item(folder, item_id, expected, published="2024-08-30"):
    folder.mkdir(exist_ok=True)
    (folder / f"{item_id}.yaml").write_text(yaml.safe_dump(
        {"id": item_id, "source": "https://example.org/a", "published": published, "title": "A", "text": TEXT,
         "expected": expected}), encoding="utf-8")


PLANNED = {"person": "vladimir-putin", "host": "MNG", "date": "2024-09-03", "kind": "planned"}


def test_the_same_labels_agree_fully_and_each_difference_counts(tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    _item(ours, "101-putin-mongolia", [PLANNED])
    _item(ours, "102-nothing", [])
    _item(theirs, "101", [PLANNED])  # matched by the number before the first hyphen
    _item(theirs, "102", [])
    report = agreement(load_items(ours), load_items(theirs))
    assert report.scores["event"].f1 == 1.0 and report.misses == [] and report.alerting is None

    # the second labeller reads the day as undated and adds a trip the reference does not hold
    _item(theirs, "101", [{**PLANNED, "date": None}])
    _item(theirs, "102", [{"person": "vladimir-putin", "host": "CHN", "kind": "planned"}])
    report = agreement(load_items(ours), load_items(theirs))
    event, host = report.scores["event"], report.scores["host"]
    assert (event.true_positives, event.predicted, event.expected) == (0, 2, 1)
    assert (host.true_positives, host.predicted, host.expected) == (1, 2, 1)
    assert [m[0] for m in report.misses] == ["101-putin-mongolia", "102-nothing"]


def test_labellings_of_different_items_are_refused_with_the_ids(tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    _item(ours, "101-a", [PLANNED])
    _item(theirs, "105", [PLANNED])
    with pytest.raises(WarrantWatchError, match=r"only in the reference: 101.*only in the other: 105"):
        agreement(load_items(ours), load_items(theirs))
    _item(theirs, "101", [PLANNED], published="2024-08-31")
    (theirs / "105.yaml").unlink()
    with pytest.raises(WarrantWatchError, match="published 2024-08-31 in the other labelling"):
        agreement(load_items(ours), load_items(theirs))


def test_the_cli_prints_agreement_without_an_alert_row(tmp_path, capsys):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    _item(ours, "101-a", [PLANNED])
    _item(theirs, "101", [{**PLANNED, "kind": "occurred"}])
    assert main(["eval", "agreement", str(ours), str(theirs), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert "alert_confidence" not in document
    assert document["fields"]["kind"]["tp"] == 0 and document["fields"]["date"]["tp"] == 1
    assert main(["eval", "agreement", str(ours), str(theirs), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "Agreement of" in out and "confidence" not in out and "101-a" in out
    _item(theirs, "102", [])
    assert main(["eval", "agreement", str(ours), str(theirs)]) == 2
    assert "only in the other: 102" in capsys.readouterr().err
