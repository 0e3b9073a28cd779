"""Build `news/held_out.json` and `news/held_out_readings.json`: each untouched news set read by its evaluation's code.

    python scripts/held_out_history.py [--out FOLDER]

For every set in `tests/data/evaluations.yaml` from `news-final8` on (the first evaluated with the learned
stage's confidence as `watch` uses it), the commit that evaluated it is checked out in a temporary
worktree and its extractor reads the set's items (today's text of them); each event it reads, with the
confidence it gave, is scored against the labels of today (`warrantwatch eval news`'s scoring: background
left out, the same event once per item). The bands and the alert threshold follow by the rules of
`warrantwatch.news.held_out`. Needs the repository's history (a full clone); takes about half a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from warrantwatch.news.evaluate import Item, load_items
from warrantwatch.news.extract import is_background
from warrantwatch.news.held_out import HISTORY_FILE, READINGS_FILE, Reading, alerting, to_json
from warrantwatch.records.dates import PartialDate

ROOT = Path(__file__).resolve().parent.parent
EVALUATIONS = ROOT / "tests" / "data" / "evaluations.yaml"
FIRST = 8  # news-final8: the first set evaluated with the learned stage's confidence

# Run in the old checkout (its `src` first on the path): every event of every item of a set, as JSON (the fields
# an older Event may lack are read with a default; `experiments/dates/at_evaluation.py` reads these too).
READ_SET = """
import datetime as dt, json, sys
from pathlib import Path
import yaml
from warrantwatch.news.extract import extract
from warrantwatch.records.knowledge import bundled
kb, out = bundled(), {}
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    published = raw["published"]
    published = dt.date.fromisoformat(published) if isinstance(published, str) else published
    out[raw["id"]] = [{"person": e.person, "host": e.host, "kind": e.kind,
                       "date": e.date.isoformat() if e.date else None,
                       "date_from": getattr(e, "date_from", "text"), "date_text": getattr(e, "date_text", None),
                       "confidence": getattr(e, "confidence", None), "evidence": list(e.evidence),
                       "place": list(e.reading.place) if getattr(e, "reading", None) and e.reading.place else None,
                       "sentence": e.reading.sentence if getattr(e, "reading", None) else None}
                      for e in extract(kb, raw["text"], published)]
print(json.dumps(out))
"""


def evaluated_sets() -> dict[str, str]:
    sets = yaml.safe_load(EVALUATIONS.read_text(encoding="utf-8"))
    return {name: str(commit) for name, commit in sets.items()
            if name.removeprefix("news-final").isdigit() and int(name.removeprefix("news-final")) >= FIRST}


def read_with(commit: str, folder: Path, work: Path) -> dict[str, list[dict]]:
    """Item id → the events (as READ_SET writes them) that the code of `commit` reads in the set `folder`."""
    checkout = work / commit
    if not checkout.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(checkout), commit],
                       check=True)
    env = {"PYTHONPATH": str(checkout / "src"), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "WARRANTWATCH_CACHE": str(work / "cache" / commit)}  # (an old code's caches kept apart)
    printed = subprocess.run([sys.executable, "-c", READ_SET, str(folder)], cwd=checkout, env=env,
                             capture_output=True, text=True, check=True).stdout
    return json.loads(printed)


def score(name: str, items: list[Item], read: dict[str, list[dict]]) -> list[Reading]:
    out = []
    for item in items:
        expected = set(item.expected)
        pairs = {(e[0], e[1]) for e in expected}
        planned = {(e[0], e[1]) for e in expected if e[3] == "planned"}
        seen = set()
        for event in read[item.id]:
            person, host, kind, date_from = event["person"], event["host"], event["kind"], event["date_from"]
            date = PartialDate.parse(event["date"]) if event["date"] else None
            if is_background(date, item.published):
                continue
            scored = "" if date is None or date_from == "publication" else date.isoformat()
            key = (person, host, scored, kind)
            if key in seen:
                continue
            seen.add(key)
            out.append(Reading(name, item.id, person, host, scored, kind, float(event["confidence"]), key in expected,
                               (person, host) in pairs, (person, host) in planned))
    return out


def history(sets: dict[str, str]) -> list[Reading]:
    readings: list[Reading] = []
    try:
        with tempfile.TemporaryDirectory(prefix="held-out-") as work:
            for name, commit in sets.items():
                folder = ROOT / "tests" / "data" / name
                readings += score(name, load_items(folder), read_with(commit, folder, Path(work)))
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)  # (their folders are gone)
    return readings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HISTORY_FILE.parent,
                        help=f"the folder of {HISTORY_FILE.name} and {READINGS_FILE.name}")
    args = parser.parse_args(argv)
    sets = evaluated_sets()
    readings = history(sets)
    summary, rows = to_json(sets, readings)
    (args.out / READINGS_FILE.name).write_text(rows, encoding="utf-8")
    (args.out / HISTORY_FILE.name).write_text(summary, encoding="utf-8")
    chosen = alerting(readings)
    right = sum(r.right for r in readings)
    print(f"wrote {args.out}: {len(sets)} sets, {len(readings)} readings, {right} right in every field; "
          f"alerts from {chosen.threshold:.2f}: {chosen.person_and_state_right} of {chosen.read} planned visits "
          f"named the right person and state")
    return 0


if __name__ == "__main__":
    sys.exit(main())
