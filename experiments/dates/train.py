"""Issue 11's learned-date experiment, measured honestly (`date_model.py` says what the stage is).

    python experiments/dates/train.py [SET ...]      # default: every tests/data/news* set but an untouched one

For every event the rules read (`extract` without the learned decision stage) whose person, state and
kind an item expects, each date candidate (`date_model.candidates`) is labelled right when it is the date
the item expects for that trip. A logistic regression (L2, scikit-learn's default C = 1, not tuned: no
choice is made on the held-out sets) over the candidates' features scores them; the best-scoring candidate
of an event is its date. Leave one set out: for each set, models trained on all the others, one with the
rules' choice among the features and one without it, beside the rules' own dates; trips given their right
date, and whole events scored as `warrantwatch eval news` scores them. The sets are named on the command
line or listed here, never an untouched test set (UNTOUCHED_SETS).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from date_model import Candidate, DateModel, candidates
from sklearn.linear_model import LogisticRegression
from sparse import sparse_rows

from warrantwatch.news.evaluate import Item, Score, evaluate, load_items, rules_events
from warrantwatch.news.extract import Event
from warrantwatch.records.knowledge import KnowledgeBase, bundled

ROOT = Path(__file__).resolve().parents[2]
MIN_COUNT = 3  # a feature is kept when at least this many training candidates have it
# The test set kept untouched until its one evaluation (as in scripts/train_event_model.py).
UNTOUCHED_SETS = frozenset({"news-final38"})


@dataclass
class Trip:
    """An event the rules read whose person, state and kind an item expects: the dates it could have."""

    options: list[Candidate]
    right: set[str]  # the dates the item expects for it


@dataclass
class Labelled:
    name: str
    items: list[Item]
    events: dict[str, list[Event]]  # item id → the rules' events (background excluded)
    trips: list[Trip]


def label(kb: KnowledgeBase, folder: Path) -> Labelled:
    items = load_items(folder)
    events, trips = rules_events(kb, items), []
    for item in items:
        for e in events[item.id]:
            right = {x[2] for x in item.expected if (x[0], x[1], x[3]) == (e.person, e.host, e.kind)}
            if right:
                trips.append(Trip(candidates(e, item.published), right))
    return Labelled(folder.name, items, events, trips)


def fit(trips: list[Trip]) -> DateModel:
    rows = [(cand.features, cand.value in trip.right) for trip in trips for cand in trip.options]
    vectorizer, x = sparse_rows([f for f, _ in rows], MIN_COUNT)
    y = np.array([right for _, right in rows], dtype=int)
    model = LogisticRegression(max_iter=10000, tol=1e-8).fit(x, y)
    weights = dict(zip(vectorizer.feature_names_, map(float, model.coef_[0]), strict=True))
    weights["bias"] = float(model.intercept_[0])
    return DateModel(weights)


def right_dates(model: DateModel | None, trips: list[Trip]) -> int:
    """How many trips the model (None: the rules) gives a date the item expects."""
    n = 0
    for trip in trips:
        if model is None:
            chosen = next(c for c in trip.options if "rule" in c.features).value
        else:
            chosen = max(trip.options, key=lambda c: (model.score(c), "rule" in c.features)).value
        n += chosen in trip.right
    return n


def without_rule(trips: list[Trip]) -> list[Trip]:
    """The trips with the rules' choice left out of the candidates' features (it stays a candidate)."""
    return [Trip([Candidate(c.value, {k: v for k, v in c.features.items() if not k.startswith("rule")}, c.text)
                  for c in trip.options], trip.right) for trip in trips]


def _events(kb: KnowledgeBase, held: Labelled, model: DateModel | None, bare_features: bool = False) -> Score:
    by_text = {(item.text, item.published): held.events[item.id] for item in held.items}

    def read(_kb: KnowledgeBase, text: str, published) -> list[Event]:
        events = by_text[text, published]
        return events if model is None else model.decide(events, published, without_rule=bare_features)
    return evaluate(kb, held.items, read=read).scores["event"]


def cross_validate(kb: KnowledgeBase, sets: list[Labelled]) -> None:
    def fmt(s: Score) -> str:
        return f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f} ({s.true_positives}/{s.predicted}/{s.expected})"

    systems = ("rules", "with", "without")
    pooled = {k: [0, 0, 0] for k in systems}
    dates = dict.fromkeys(systems, 0)
    print("| held-out set | trips | right dates: rules / learned, with the rules' choice / without it | "
          "whole events P / R / F1: rules | learned, with | learned, without |")
    print("|---|---|---|---|---|---|")
    for held in sets:
        train = [s for s in sets if s is not held]
        with_rule = fit([t for s in train for t in s.trips])
        bare = fit(without_rule([t for s in train for t in s.trips]))
        right = {"rules": right_dates(None, held.trips), "with": right_dates(with_rule, held.trips),
                 "without": right_dates(bare, without_rule(held.trips))}
        scores = {"rules": _events(kb, held, None), "with": _events(kb, held, with_rule),
                  "without": _events(kb, held, bare, bare_features=True)}
        for k in systems:
            dates[k] += right[k]
            s = scores[k]
            for i, v in enumerate((s.true_positives, s.predicted, s.expected)):
                pooled[k][i] += v
        print(f"| `{held.name}` | {len(held.trips)} | {right['rules']} / {right['with']} / {right['without']} | "
              + " | ".join(fmt(scores[k]) for k in systems) + " |")
    print(f"| pooled | {sum(len(s.trips) for s in sets)} | {dates['rules']} / {dates['with']} / {dates['without']} | "
          + " | ".join(fmt(Score(*pooled[k])) for k in systems) + " |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, help="folders of labelled items (default: tests/data/news*)")
    args = parser.parse_args(argv)
    folders = args.sets or sorted(p for p in (ROOT / "tests" / "data").glob("news*") if p.is_dir())
    for folder in folders:
        if folder.resolve().name in UNTOUCHED_SETS:
            parser.error(f"{folder}: an untouched test set is never trained on")
        if not folder.is_dir():
            parser.error(f"{folder}: no such folder")
    kb = bundled()
    sets = [label(kb, folder) for folder in folders if folder.resolve().name not in UNTOUCHED_SETS]
    print(f"{len(sets)} sets, {sum(len(s.items) for s in sets)} items, {sum(len(s.trips) for s in sets)} trips with "
          f"their person, state and kind right", file=sys.stderr)
    cross_validate(kb, sets)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
