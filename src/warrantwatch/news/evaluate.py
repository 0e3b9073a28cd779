"""Precision, recall and F1 of event extraction against hand-written items (tests/data/news/).

Per field, an extracted value counts as correct when the item's expected events hold it with the
fields before it: person; person+host; person+host+date; person+host+kind. Whole events need all
four.

An item whose article gives no date for a trip has no `date` (scored as the empty date). The extractor
places such a trip in the month of the report and says so (`date_from: "publication"`); that event is
scored with the empty date too, so it matches the undated item and nothing else: not an item dated to
that month, and an undated item is not matched by an event that claims a date from the text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from warrantwatch.errors import WarrantWatchError
from warrantwatch.news.extract import ALERT_CONFIDENCE, KINDS, Event, extract, is_background
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import KnowledgeBase

FIELDS = ("person", "host", "date", "kind", "event")


@dataclass(frozen=True)
class Item:
    id: str
    published: dt.date
    text: str
    expected: tuple[tuple[str, str, str, str], ...]  # person, host, date, kind


@dataclass(frozen=True)
class Score:
    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_items(folder: Path) -> list[Item]:
    items = []
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise WarrantWatchError(f"{folder}: no evaluation items (*.yaml)")
    for path in paths:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        published = raw["published"]
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        # Events are what the article reports; trips it recalls from long before (background) are
        # scored separately, by the same rule the brief uses.
        expected = tuple((e["person"], e["host"], PartialDate.parse(e["date"]).isoformat()
                          if e.get("date") else "", e["kind"]) for e in raw.get("expected") or []
                         if not is_background(PartialDate.parse(e["date"]) if e.get("date") else None, published))
        items.append(Item(raw["id"], published, raw["text"], expected))
    return items


def rules_events(kb: KnowledgeBase, items: list[Item]) -> dict[str, list[Event]]:
    """Each item's events as the rules read them (`extract` without the learned decision stage), trips
    recalled from long before (background) left out: what the trainers of learned stages label."""
    return {item.id: [e for e in extract(kb, item.text, item.published, model=None)
                      if not is_background(e.date, item.published)] for item in items}


def _keys(events: tuple[tuple[str, str, str, str], ...], field: str) -> set[tuple]:
    cut = {"person": lambda e: (e[0],), "host": lambda e: e[:2], "date": lambda e: e[:3],
           "kind": lambda e: (e[0], e[1], e[3]), "event": lambda e: e}[field]
    return {cut(e) for e in events}


def _score(s: Score) -> dict:
    return {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
            "tp": s.true_positives, "predicted": s.predicted, "expected": s.expected}


@dataclass(frozen=True)
class Report:
    scores: dict[str, Score]
    misses: list[tuple[str, set, set]]  # item id, missing, spurious (whole events)
    by_kind: dict[str, Score]  # whole events of each kind (planned, occurred, ...)
    alerting: Score | None  # whole events at or above the alert confidence (None: labels have none)
    alert: float = ALERT_CONFIDENCE
    # What `watch` alerts on, judged as a reporter would: planned visits at or above the alert confidence
    # whose person and state the item expects a planned visit of, on any date (a day wrong, the trip real)
    planned_alerts: Score | None = None

    def to_dict(self) -> dict:
        alerting = {"alert_confidence": {"threshold": self.alert, **_score(self.alerting)}} if self.alerting else {}
        if self.planned_alerts is not None:
            alerting["planned_alerts_trip_right"] = {"threshold": self.alert, **_score(self.planned_alerts)}
        return {"fields": {f: _score(s) for f, s in self.scores.items()},
                "kinds": {k: _score(s) for k, s in self.by_kind.items()},
                **alerting,
                "errors": [{"item": i, "missing": sorted(map(list, m)), "spurious": sorted(map(list, s))}
                           for i, m, s in self.misses]}


class _Tally:
    """Counts of found against expected events, per field, per kind and item by item."""

    def __init__(self):
        self.totals = {f: [0, 0, 0] for f in FIELDS}
        self.kinds = {k: [0, 0, 0] for k in KINDS}
        self.misses: list[tuple[str, set, set]] = []

    def add(self, item: Item, found: tuple[tuple[str, str, str, str], ...]) -> None:
        for f in FIELDS:
            got, want = _keys(found, f), _keys(item.expected, f)
            self.totals[f][0] += len(got & want)
            self.totals[f][1] += len(got)
            self.totals[f][2] += len(want)
        got, want = set(found), set(item.expected)
        for k in KINDS:
            got_k, want_k = {e for e in got if e[3] == k}, {e for e in want if e[3] == k}
            self.kinds[k][0] += len(got_k & want_k)
            self.kinds[k][1] += len(got_k)
            self.kinds[k][2] += len(want_k)
        if got != want:
            self.misses.append((item.id, want - got, got - want))

    def report(self, alerting: Score | None, alert: float = ALERT_CONFIDENCE,
               planned_alerts: Score | None = None) -> Report:
        return Report({f: Score(*t) for f, t in self.totals.items()}, self.misses,
                      {k: Score(*t) for k, t in self.kinds.items()}, alerting, alert, planned_alerts)


def _scored_date(event: Event) -> str:
    """The date an event is scored with: none when the article gave none (`date_from` "publication")."""
    if event.date is None or event.date_from == "publication":
        return ""
    return event.date.isoformat()


def evaluate(kb: KnowledgeBase, items: list[Item], read: Callable[[KnowledgeBase, str, dt.date], list[Event]] = extract,
             alert: float = ALERT_CONFIDENCE) -> Report:
    """Scores of `read` (by default `extract`: the rules and the learned decision) on `items`; `alert`
    is the confidence from which an event counts as alerting."""
    tally = _Tally()
    alerting = [0, 0, 0]
    planned = [0, 0, 0]
    for item in items:
        events = [e for e in read(kb, item.text, item.published) if not is_background(e.date, item.published)]
        found = tuple((e.person, e.host, _scored_date(e), e.kind) for e in events)
        tally.add(item, found)
        sure = {key for key, e in zip(found, events, strict=True) if e.confidence >= alert}
        alerting[0] += len(sure & set(item.expected))
        alerting[1] += len(sure)
        alerting[2] += len(item.expected)
        trips = {(e[0], e[1]) for e in sure if e[3] == "planned"}
        wanted = {(e[0], e[1]) for e in item.expected if e[3] == "planned"}
        planned[0] += len(trips & wanted)
        planned[1] += len(trips)
        planned[2] += len(wanted)
    return tally.report(Score(*alerting), alert, Score(*planned))


def _number(item_id: str) -> str:
    """An item's number, the part of its id before the first hyphen ("1233" of "1233-qna-doha-…")."""
    return item_id.split("-", 1)[0]


def agreement(reference: list[Item], other: list[Item]) -> Report:
    """How far a second labelling of the same items (matched by id, or by the number before the id's
    first hyphen) agrees with the reference, scored as `evaluate` scores the extractor: the second
    labelling's events are the "found" ones. The same items must be in both."""
    theirs = {_number(item.id): item for item in other}
    ours = {_number(item.id) for item in reference}
    if ours != set(theirs) or len(theirs) != len(other) or len(ours) != len(reference):
        only_ours, only_theirs = sorted(ours - set(theirs)), sorted(set(theirs) - ours)
        raise WarrantWatchError("the two labellings must hold the same items, each once"
                                + (f"; only in the reference: {', '.join(only_ours[:5])}" if only_ours else "")
                                + (f"; only in the other: {', '.join(only_theirs[:5])}" if only_theirs else ""))
    tally = _Tally()
    for item in reference:
        second = theirs[_number(item.id)]
        if second.published != item.published:
            raise WarrantWatchError(f"item {item.id}: published {second.published} in the other labelling, "
                                    f"{item.published} in the reference")
        tally.add(item, second.expected)
    return tally.report(None)
