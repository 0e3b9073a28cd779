"""Engine: world() over every state, and a batch of 10,000 assess() calls, in-process.

Baseline, measured in the same run: the naive per-state loop a competent engineer would write
first, one independent assess() per state (the person's context rebuilt for each state). The
knowledge base is loaded and its indexes built before timing (warm), and both sides read the same
per-state tables kept with it (each state's standing by change day, each host's record by event
day: law.membership, law.obligation), built by the warm-up calls; the whole-process figure for
`world` (where each state is asked about once, and no table is built) is in the start-up benchmark.

    python benchmarks/bench_engine.py [--rows] [--quick]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from common import Row, Timing, time_call
from common import emit as emit_rows

from warrantwatch.law import assess, world
from warrantwatch.records.knowledge import bundled

CACHE = ("knowledge base loaded, its indexes and per-state standing and record tables built (in memory; "
         "the baseline reads the same)")


def rows(quick: bool) -> list[Row]:
    kb = bundled()
    states = [s.iso3 for s in kb.states]
    cases = [("vladimir-putin", dt.date(2024, 9, 3)), ("benjamin-netanyahu", dt.date(2025, 4, 3)),
             ("omar-al-bashir", dt.date(2015, 6, 14))]
    for person, on in cases:  # warm the indexes and the tables (a state's are built when it is asked again)
        world(kb, person, on)
        world(kb, person, on)
    out = []
    for person, on in cases:
        ours = time_call(lambda p=person, d=on: world(kb, p, d), runs=50 if quick else 200)
        naive = time_call(lambda p=person, d=on: [assess(kb, p, s, d) for s in states],
                          runs=10 if quick else 50)
        out.append(Row("engine", f"world({person}, {on}) over {len(states)} states", "in-process, warm",
                       "< 2 ms", ours, "naive per-state assess() loop", naive, CACHE))
    rng = random.Random(7)
    persons = sorted(kb.warrants_of)
    batch = [(rng.choice(persons), rng.choice(states),
              dt.date(2002, 7, 1) + dt.timedelta(days=rng.randrange(9000))) for _ in range(10_000)]
    start = time.perf_counter()
    for person, state, on in batch:
        assess(kb, person, state, on)
    took = time.perf_counter() - start
    out.append(Row("engine", "10,000 assess() calls (random person, state, day)", "in-process, warm", "",
                   Timing(took, took, None, 1), cache=CACHE, note=f"{1e6 * took / 10_000:.1f} µs each"))
    return out


if __name__ == "__main__":
    emit_rows(rows("--quick" in sys.argv))
