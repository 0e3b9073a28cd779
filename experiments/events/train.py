"""Issue 11's learned-extractor experiment, measured honestly (`pair_model.py` says what the stage is).

    python experiments/events/train.py                 # leave one set out over the labelled sets
    python experiments/events/train.py --then          # and each untouched set read by the rules of its day

Every pair of an item (`pair_model.pairs`) is labelled with the kind the item expects for its person and
state, or "none". A multinomial logistic regression (scikit-learn, C = 1 and features kept when at least
three training pairs have them: not tuned, no choice is made on a held-out set) is fitted on the other
sets. Systems compared on the held-out set, as whole events (person, state, date and kind, scored as
`warrantwatch eval news` scores them, trips recalled from long before left out):

- `rules`: the rules' events (`extract` without the learned decision stage);
- `pairs, with the rules`: the model, with what the rules read of the pair among its features;
- `pairs, without`: the model without it (the rules still date the pairs they read);
- `rules, date known`: the rules' events, each given the date the item expects for its person, state and
  kind (an upper bound: what the rules' pairs and kinds leave);
- `kind known`: each pair given the kind the item expects (an upper bound: what dates and unproposed pairs
  leave);
- `kind and date known`: each pair given the events the item expects of it (the bound of the pairs alone:
  what unproposed pairs leave).

`--then` reads each `news-final*` set with the extractor of the commit at which it was evaluated once
(`experiments/dates/at_evaluation.py`'s worktrees), as it then read new text, and trains on the other sets as
today's rules read them. Never an untouched set (UNTOUCHED_SETS).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pair_model import KINDS, NONE, Pair, PairModel, decided, pairs
from sklearn.linear_model import LogisticRegression

from warrantwatch.news.evaluate import Item, Score, load_items, rules_events
from warrantwatch.news.extract import Event
from warrantwatch.news.gazetteer import gazetteer_for
from warrantwatch.records.knowledge import KnowledgeBase, bundled

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "experiments" / "dates"))
from sparse import sparse_rows  # noqa: E402  (experiments/dates: the matrix both experiments fit on)

MIN_COUNT = 3
UNTOUCHED_SETS = frozenset({"news-final38"})  # as scripts/train_event_model.py


@dataclass
class Labelled:
    name: str
    items: list[Item]
    pairs: dict[str, list[Pair]]  # item id → its pairs
    labels: dict[str, list[str]]  # item id → each pair's expected kind (NONE: no event)
    rules: dict[str, list[Event]]


def _label(item: Item, pair: Pair) -> str:
    kinds = [x[3] for x in item.expected if (x[0], x[1]) == (pair.person, pair.host)]
    if not kinds:
        return NONE
    rule_kinds = {e.kind for e in pair.rules}
    return next((k for k in kinds if k in rule_kinds), kinds[0])


def label(kb: KnowledgeBase, name: str, items: list[Item], rules: dict[str, list[Event]]) -> Labelled:
    gazetteer = gazetteer_for(kb)
    found = {item.id: pairs(kb, gazetteer, item.text, item.published, rules[item.id]) for item in items}
    labels = {item.id: [_label(item, p) for p in found[item.id]] for item in items}
    return Labelled(name, items, found, labels, rules)


def fit(sets: list[Labelled], without_rule: bool) -> PairModel:
    rows = [({k: v for k, v in p.features.items() if not (without_rule and k.startswith("rule:"))}, y)
            for s in sets for item in s.items for p, y in zip(s.pairs[item.id], s.labels[item.id], strict=True)]
    vectorizer, x = sparse_rows([f for f, _ in rows], MIN_COUNT)
    y = np.array([KINDS.index(label) for _, label in rows])
    model = LogisticRegression(max_iter=20000, tol=1e-8).fit(x, y)
    weights = {k: {} for k in KINDS}
    for row, cls in enumerate(model.classes_):
        w = dict(zip(vectorizer.feature_names_, map(float, model.coef_[row]), strict=True))
        w["bias"] = w.get("bias", 0.0) + float(model.intercept_[row])
        weights[KINDS[cls]] = w
    for k in KINDS:  # a kind no training pair has never wins
        weights[k] = weights[k] or {"bias": -1e9}
    return PairModel(weights)


def _scored(e: Event) -> tuple[str, str, str, str]:
    return (e.person, e.host, "" if e.date is None or e.date_from == "publication" else e.date.isoformat(), e.kind)


def score(held: Labelled, system) -> Score:
    """Whole events of a system (a function of item, its pairs and their labels → found events)."""
    tp = predicted = expected = 0
    for item in held.items:
        found = set(system(item, held.pairs[item.id], held.labels[item.id]))
        tp += len(found & set(item.expected))
        predicted += len(found)
        expected += len(item.expected)
    return Score(tp, predicted, expected)


def _with_expected_date(event: tuple[str, str, str, str], item: Item) -> tuple[str, str, str, str]:
    """The rules' event with the date the item expects for its person, state and kind, if it expects one."""
    same = [x for x in item.expected if (x[0], x[1], x[3]) == (event[0], event[1], event[3])]
    return event if not same or event in same else same[0]


def systems(held: Labelled, train: list[Labelled]) -> dict[str, Score]:
    with_rule, without = fit(train, False), fit(train, True)
    return {
        "rules": score(held, lambda item, ps, ys: {_scored(e) for e in held.rules[item.id]}),
        "pairs, with the rules": score(held, lambda item, ps, ys: {
            e for p in ps for e in with_rule.events(p, item.published)}),
        "pairs, without": score(held, lambda item, ps, ys: {
            e for p in ps for e in without.events(p, item.published, without_rule=True)}),
        "rules, date known": score(held, lambda item, ps, ys: {
            _with_expected_date(_scored(e), item) for e in held.rules[item.id]}),
        "kind known": score(held, lambda item, ps, ys: {
            e for p, y in zip(ps, ys, strict=True) for e in decided(p, y, item.published)}),
        "kind and date known": score(held, lambda item, ps, ys: {
            x for p in ps for x in item.expected if (x[0], x[1]) == (p.person, p.host)}),
    }


def _fmt(s: Score) -> str:
    return f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f} ({s.true_positives}/{s.predicted}/{s.expected})"


def table(rows: list[tuple[str, dict[str, Score]]]) -> None:
    names = list(rows[0][1])
    print("| held-out set | pairs (with an event) | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    pooled = {k: [0, 0, 0] for k in names}
    for label_, scores in rows:
        for k in names:
            s = scores[k]
            for i, v in enumerate((s.true_positives, s.predicted, s.expected)):
                pooled[k][i] += v
        print(f"| {label_} | " + " | ".join(_fmt(scores[k]) for k in names) + " |")
    print("| pooled | | " + " | ".join(_fmt(Score(*pooled[k])) for k in names) + " |")


def _pairs_cell(s: Labelled) -> str:
    ys = [y for item in s.items for y in s.labels[item.id]]
    return f"{len(ys)} ({sum(y != NONE for y in ys)})"


def _read(kb: KnowledgeBase, folder: Path) -> Labelled:
    items = load_items(folder)
    return label(kb, folder.name, items, rules_events(kb, items))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--then", action="store_true", help="also each untouched set read by the rules of its day")
    parser.add_argument("--once", type=Path, metavar="SET",
                        help="only this set, read by today's rules, the models trained on every other set")
    args = parser.parse_args(argv)
    kb = bundled()
    folders = sorted(p for p in (ROOT / "tests" / "data").glob("news*") if p.is_dir()
                     and p.name not in UNTOUCHED_SETS)
    if args.once is not None:
        if args.once.resolve().name in UNTOUCHED_SETS or not args.once.is_dir():
            parser.error(f"{args.once}: not a labelled set that may be read")
        held = _read(kb, args.once)
        train = [_read(kb, f) for f in folders if f.resolve() != args.once.resolve()]
        table([(f"`{held.name}` | {_pairs_cell(held)}", systems(held, train))])
        return 0
    sets = [_read(kb, folder) for folder in folders]
    print(f"{len(sets)} sets, {sum(len(s.items) for s in sets)} items, "
          f"{sum(len(p) for s in sets for p in s.pairs.values())} pairs", file=sys.stderr)
    print("Leave one set out (today's rules):\n")
    table([(f"`{held.name}` | {_pairs_cell(held)}", systems(held, [s for s in sets if s is not held]))
           for held in sets])
    if args.then:
        import at_evaluation  # experiments/dates: the events of each untouched set at its evaluation commit

        print("\nEach untouched set read by the rules of the commit of its one evaluation:\n")
        rows = []
        try:
            with tempfile.TemporaryDirectory(prefix="pairs-then-") as work:
                for name, commit in at_evaluation.EVALUATED_AT.items():
                    read = at_evaluation.events_then(name, commit, Path(work))
                    items = [item for item, _ in read.values()]
                    held = label(kb, name, items, {item.id: events for item, events in read.values()})
                    rows.append((f"`{name}` ({commit}) | {_pairs_cell(held)}",
                                 systems(held, [s for s in sets if s.name != name])))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)
        table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
