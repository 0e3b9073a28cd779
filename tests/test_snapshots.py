"""Outcomes for key persons and dates, pinned: a change must be reviewed as a diff.

After a deliberate data or rule change: `python scripts/update_snapshots.py`, then review the diff.
"""

import json
from pathlib import Path

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]


def test_outcomes_match_the_reviewed_snapshot():
    module = load_script("update_snapshots")
    pinned = json.loads((ROOT / "tests" / "snapshots" / "outcomes.json").read_text())
    current = module.snapshot()
    changed = {case: {s: (pinned[case].get(s), o) for s, o in states.items()
                      if pinned.get(case, {}).get(s) != o}
               for case, states in current.items()}
    changed = {case: diff for case, diff in changed.items() if diff}
    assert not changed, f"outcomes moved (pinned, now): {changed}"


def test_the_readme_python_example_runs():
    import doctest

    import warrantwatch

    assert doctest.testmod(warrantwatch).failed == 0
