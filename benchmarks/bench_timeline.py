"""Answers over time: `timeline()` (each state's outcome intervals over a date range) in process,
and `warrantwatch world PERSON --from --to --json` as a whole process.

Baseline, measured in the same run over the same one-year range (2024): what a page or script would
do without it, one world() per day (366 calls). Target: 2002-07-01..2026-12-31 in < 50 ms in process.

    python benchmarks/bench_timeline.py            # a readable report
    python benchmarks/bench_timeline.py --rows     # rows of the `make bench` table
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import time

from common import WARRANTWATCH, Row, time_call, time_process
from common import emit as emit_rows

from warrantwatch.law import timeline, world
from warrantwatch.records.knowledge import bundled

PERSONS = ("vladimir-putin", "benjamin-netanyahu", "omar-al-bashir")


def seconds(fn, repeat: int, clock=time.perf_counter) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = clock()
        fn()
        samples.append(clock() - start)
    return min(samples), statistics.median(samples)


def main() -> None:
    kb = bundled()
    first, last = dt.date(2002, 7, 1), dt.date(2026, 12, 31)
    cold = time.perf_counter()
    timeline(kb, PERSONS[0], first, last)
    print(f"timeline, first call in this process (indexes warm, nothing else cached): "
          f"{1000 * (time.perf_counter() - cold):.1f} ms")
    for person in PERSONS:
        lo, med = seconds(lambda p=person: timeline(kb, p, first, last), 7)
        cpu_lo, cpu_med = seconds(lambda p=person: timeline(kb, p, first, last), 7, time.process_time)
        print(f"timeline({person}, {first}..{last}): wall min {1000 * lo:.1f} ms, median {1000 * med:.1f} ms; "
              f"CPU min {1000 * cpu_lo:.1f} ms, median {1000 * cpu_med:.1f} ms (target < 50 ms)")
    y0, y1 = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    days = [y0 + dt.timedelta(days=i) for i in range((y1 - y0).days + 1)]
    ours = seconds(lambda: timeline(kb, PERSONS[0], y0, y1), 5)[1]
    naive = seconds(lambda: [world(kb, PERSONS[0], d) for d in days], 3)[1]
    print(f"2024 for {PERSONS[0]}: timeline {1000 * ours:.1f} ms, baseline one world() per day "
          f"{1000 * naive:.0f} ms ({naive / ours:.0f}x)")
    exe = shutil.which("warrantwatch") or str(__import__("pathlib").Path(sys.executable).with_name("warrantwatch"))
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([exe, "world", "putin", "--from", str(first), "--to", str(last), "--json"],
                       check=True, stdout=subprocess.DEVNULL)
        runs.append(time.perf_counter() - start)
    print(f"whole process `warrantwatch world putin --from {first} --to {last} --json`: "
          f"min {min(runs):.3f} s, median {statistics.median(runs):.3f} s (5 runs, warm file cache)")
    print(f"machine load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


CACHE = "knowledge base loaded, its indexes built (in memory); no answer cached"


def rows(quick: bool) -> list[Row]:
    """Rows for the one table: the whole range in process (first call and warm, beside one world()
    per day over one year, the baseline), and the command as a whole process."""
    kb = bundled()
    first, last = dt.date(2002, 7, 1), dt.date(2026, 12, 31)
    y0, y1 = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    days = [y0 + dt.timedelta(days=i) for i in range((y1 - y0).days + 1)]
    out = []
    first_call = time_call(lambda: timeline(kb, PERSONS[0], first, last), runs=1, warmup=0)
    out.append(Row("timeline", f"timeline({PERSONS[0]}, {first}..{last})", "in-process, first call",
                   "< 50 ms", first_call, cache="knowledge base loaded; nothing built for the timeline yet"))
    for person in PERSONS:
        out.append(Row("timeline", f"timeline({person}, {first}..{last})", "in-process, warm", "< 50 ms",
                       time_call(lambda p=person: timeline(kb, p, first, last), runs=5 if quick else 15),
                       cache=CACHE))
    ours = time_call(lambda: timeline(kb, PERSONS[0], y0, y1), runs=5 if quick else 15)
    naive = time_call(lambda: [world(kb, PERSONS[0], d) for d in days], runs=2 if quick else 3)
    out.append(Row("timeline", f"timeline({PERSONS[0]}, 2024), one year", "in-process, warm", "",
                   ours, "one world() per day, 366 calls", naive, CACHE))
    out.append(Row("timeline", f"`warrantwatch world putin --from {first} --to {last} --json`",
                   "process, warm", "",
                   time_process([WARRANTWATCH, "world", "putin", "--from", str(first), "--to", str(last),
                                 "--json"], runs=3 if quick else 7),
                   cache="the knowledge-base cache on disk"))
    return out


if __name__ == "__main__":
    if "--rows" in sys.argv:
        emit_rows(rows("--quick" in sys.argv))
    else:
        main()
