"""The learned-date experiment on text the rules had not seen: each untouched set with the rules of its day.

`train.py` measures on the sets as today's rules read them, but today's rules were tuned on the errors of
every set but the last: there the rules' dates look better than they would on new text. Here each
`news-final*` set is read by the extractor of the commit at which it was evaluated once (EVALUATED_AT:
from `git log`), as it then read new text, and its dates are compared with:

- `learned`: the model of `train.py` without the rules' choice, trained on all the other sets as today's
  rules read them;
- `learned, then`: the same, trained on the other `news-final*` sets as the rules of their day read them;
- `with the rules' choice, then`: the model with the rules' choice among its features, trained so.

    python experiments/dates/at_evaluation.py      # makes a worktree of each commit in a temporary folder

Trips: events whose person, state and kind the item expects; whole events as `warrantwatch eval news`
scores them (today's labels).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import train
import yaml
from date_model import candidates

sys.path.insert(0, str(train.ROOT / "scripts"))
from held_out_history import read_with  # (scripts/: reads a set with the code of a commit)

from warrantwatch.news.evaluate import Score, load_items
from warrantwatch.news.extract import Event, is_background
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import bundled

ROOT = train.ROOT
# Each untouched set and the commit at which its one evaluation was made (the README's "evaluated once").
EVALUATED_AT: dict[str, str] = yaml.safe_load((ROOT / "tests" / "data" / "evaluations.yaml").read_text(
    encoding="utf-8"))


def events_then(name: str, commit: str, work: Path) -> dict:
    """Item id → (item, the events the extractor of `commit` read in it)."""
    dump = read_with(commit, ROOT / "tests" / "data" / name, work)
    out = {}
    for item in load_items(ROOT / "tests" / "data" / name):
        events = []
        for e in dump[item.id]:
            date = PartialDate.parse(e["date"]) if e["date"] else None
            if is_background(date, item.published):
                continue
            reading = SimpleNamespace(place=tuple(e["place"]) if e["place"] else None, sentence=e["sentence"])
            events.append(Event(e["person"], e["host"], e["kind"], date, tuple(e["evidence"]), e["date_text"], 0.5,
                                e["date_from"], reading))
        out[item.id] = (item, events)
    return out


def trips(read: dict) -> list[train.Trip]:
    found = []
    for item, events in read.values():
        for e in events:
            right = {x[2] for x in item.expected if (x[0], x[1], x[3]) == (e.person, e.host, e.kind)}
            if right:
                found.append(train.Trip(candidates(e, item.published), right))
    return found


def whole_events(read: dict, model, bare: bool) -> Score:
    tp = predicted = expected = 0
    for item, events in read.values():
        if model is not None:
            events = model.decide(events, item.published, without_rule=bare)
        found = {(e.person, e.host, "" if e.date is None or e.date_from == "publication" else e.date.isoformat(),
                  e.kind) for e in events}
        tp, predicted, expected = tp + len(found & set(item.expected)), predicted + len(found), \
            expected + len(item.expected)
    return Score(tp, predicted, expected)


def main() -> int:
    kb = bundled()
    today = [train.label(kb, folder) for folder in sorted((ROOT / "tests" / "data").glob("news*"))
             if folder.is_dir() and folder.name not in train.UNTOUCHED_SETS]
    try:
        with tempfile.TemporaryDirectory(prefix="dates-then-") as work:
            then = {name: events_then(name, commit, Path(work)) for name, commit in EVALUATED_AT.items()}
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)  # (their folders are gone)
    then_trips = {name: trips(read) for name, read in then.items()}
    systems = ("rules", "learned", "learned, then", "with the rules' choice, then")
    dates, pooled = dict.fromkeys(systems, 0), {k: [0, 0, 0] for k in systems}
    print("| set (rules of its evaluation) | trips | right dates: " + " / ".join(systems) + " | whole-event F1: "
          + " / ".join(systems) + " |")
    print("|---|---|---|---|")
    for name in EVALUATED_AT:
        held = then_trips[name]
        learned = train.fit(train.without_rule([t for s in today if s.name != name for t in s.trips]))
        others = [t for other in EVALUATED_AT if other != name for t in then_trips[other]]
        learned_then, with_rule_then = train.fit(train.without_rule(others)), train.fit(others)
        right = {"rules": train.right_dates(None, held),
                 "learned": train.right_dates(learned, train.without_rule(held)),
                 "learned, then": train.right_dates(learned_then, train.without_rule(held)),
                 "with the rules' choice, then": train.right_dates(with_rule_then, held)}
        scores = {"rules": whole_events(then[name], None, False), "learned": whole_events(then[name], learned, True),
                  "learned, then": whole_events(then[name], learned_then, True),
                  "with the rules' choice, then": whole_events(then[name], with_rule_then, False)}
        for k in systems:
            dates[k] += right[k]
            s = scores[k]
            for i, v in enumerate((s.true_positives, s.predicted, s.expected)):
                pooled[k][i] += v
        print(f"| `{name}` ({EVALUATED_AT[name]}) | {len(held)} | " + " / ".join(str(right[k]) for k in systems)
              + " | " + " / ".join(f"{scores[k].f1:.3f}" for k in systems) + " |")
    print(f"| pooled | {sum(map(len, then_trips.values()))} | " + " / ".join(str(dates[k]) for k in systems) + " | "
          + " / ".join(f"{Score(*pooled[k]).f1:.3f}" for k in systems) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
