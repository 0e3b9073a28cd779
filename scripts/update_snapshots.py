"""Regenerate tests/snapshots/outcomes.json: the engine's outcome for key persons on key dates.

A data or rule change that moves an answer then shows up as a readable diff in review.
    python scripts/update_snapshots.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from warrantwatch.law import world
from warrantwatch.law.obligation import assess
from warrantwatch.records.knowledge import bundled

CASES = [
    ("vladimir-putin", "2023-03-16"), ("vladimir-putin", "2024-09-03"),
    ("vladimir-putin", "2025-10-09"), ("benjamin-netanyahu", "2025-04-03"),
    ("benjamin-netanyahu", "2026-07-01"), ("omar-al-bashir", "2015-06-14"),
    ("omar-al-bashir", "2018-01-15"), ("rodrigo-duterte", "2025-03-10"),
    ("saif-al-islam-gaddafi", "2014-12-10"),
]
# Single answers at the law's edges (issue 9): sealed warrants, territories, occupied places.
CHECKS = [
    ("osama-elmasry-njeem", "ITA", None, "2025-01-19"), ("osama-elmasry-njeem", "FRA", None, "2025-01-19"),
    ("laurent-gbagbo", "CIV", None, "2011-11-25"), ("iyad-ag-ghaly", "MLI", None, "2020-01-01"),
    ("rodrigo-duterte", "PHL", None, "2025-03-10"), ("khaled-el-hishri", "DEU", None, "2025-08-01"),
    ("omar-al-bashir", "GBR", "BMU", "2009-06-01"), ("omar-al-bashir", "GBR", "BMU", "2010-03-11"),
    ("joseph-kony", "DNK", "FRO", "2006-09-30"), ("joseph-kony", "DNK", "FRO", "2006-10-01"),
    ("vladimir-putin", "NZL", "TKL", "2024-09-03"), ("vladimir-putin", "GBR", "GIB", "2024-09-03"),
    ("vladimir-putin", "UKR", "crimea", "2024-09-03"), ("benjamin-netanyahu", "PSE", "gaza", "2025-04-03"),
    ("mohammed-deif", "IRL", None, "2025-02-10"), ("mohammed-deif", "IRL", None, "2025-02-26"),
]
PATH = Path(__file__).resolve().parents[1] / "tests" / "snapshots" / "outcomes.json"


def snapshot() -> dict:
    kb = bundled()
    out = {}
    for person, on in CASES:
        w = world(kb, person, dt.date.fromisoformat(on))
        out[f"{person} {on}"] = {a.state: a.outcome.name for a in w.assessments}
    out["checks"] = {f"{person} {state}{'/' + place if place else ''} {on}":
                     assess(kb, person, state, dt.date.fromisoformat(on), place=place).outcome.name
                     for person, state, place, on in CHECKS}
    return out


if __name__ == "__main__":
    PATH.write_text(json.dumps(snapshot(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {PATH}")
