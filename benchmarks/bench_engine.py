"""Engine benchmark: world() for every state, and a batch of 10,000 assess() calls.

Baseline, measured in the same run: world computed naively as one independent assess() per state
(the person's context rebuilt for each state). Reports medians and the ratio.

    python benchmarks/bench_engine.py [--json]
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
import time

from warrantwatch.law import assess, world
from warrantwatch.records.knowledge import bundled


def median_seconds(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> dict:
    kb = bundled()
    states = [s.iso3 for s in kb.states]
    cases = [("vladimir-putin", dt.date(2024, 9, 3)), ("benjamin-netanyahu", dt.date(2025, 4, 3)),
             ("omar-al-bashir", dt.date(2015, 6, 14))]
    world(kb, *cases[0])  # warm the indexes

    results: dict = {"states": len(states), "world_ms": {}, "naive_world_ms": {}}
    for person, on in cases:
        results["world_ms"][person] = 1000 * median_seconds(lambda p=person, d=on: world(kb, p, d), 200)
        results["naive_world_ms"][person] = 1000 * median_seconds(
            lambda p=person, d=on: [assess(kb, p, s, d) for s in states], 50)

    rng = random.Random(7)
    persons = sorted(kb.warrants_of)
    batch = [(rng.choice(persons), rng.choice(states),
              dt.date(2002, 7, 1) + dt.timedelta(days=rng.randrange(9000))) for _ in range(10_000)]
    start = time.perf_counter()
    for person, state, on in batch:
        assess(kb, person, state, on)
    results["assess_10000_s"] = time.perf_counter() - start

    worst = max(results["world_ms"].values())
    naive = max(results["naive_world_ms"].values())
    results["world_ms_worst"] = worst
    results["speedup_vs_naive"] = naive / worst
    return results


if __name__ == "__main__":
    r = main()
    if "--json" in sys.argv:
        print(json.dumps(r, indent=2))
    else:
        for person, ms in r["world_ms"].items():
            print(f"world({person}) over {r['states']} states: {ms:.3f} ms "
                  f"(naive baseline {r['naive_world_ms'][person]:.3f} ms)")
        print(f"world(): worst {r['world_ms_worst']:.3f} ms, "
              f"{r['speedup_vs_naive']:.1f}x the naive per-state baseline (target < 2 ms)")
        print(f"10,000 assess() calls: {r['assess_10000_s']:.3f} s "
              f"({1e6 * r['assess_10000_s'] / 10_000:.1f} µs each)")
