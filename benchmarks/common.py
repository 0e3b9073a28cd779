"""What every benchmark shares: timing a whole process or a call, and one row of the results table.

Each row names its target, what was measured, the baseline measured in the same run, the ratio,
the way it was measured (whole process or in-process, first run or warm) and what the caches held.
Times are the median of the runs, with the minimum beside it; the machine's load is recorded with
the table, since a shared machine makes every absolute figure noisy.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WARRANTWATCH = str(BIN / "warrantwatch")


@dataclass(frozen=True)
class Timing:
    """Seconds: the minimum and median of the counted runs (wall clock; CPU beside it)."""

    min: float
    median: float
    cpu_median: float | None = None
    runs: int = 0


@dataclass
class Row:
    group: str  # start-up, engine, maps, news, page
    what: str  # what was measured, e.g. "`warrantwatch check putin mongolia --on 2024-09-03`"
    how: str  # "process, warm" | "process, first run" | "in-process, warm" ...
    target: str  # "≤ 0.12 s", "≥ 5× baseline", "" when none
    measured: Timing | float  # a Timing (seconds), or a rate (per second) for throughputs
    baseline_name: str = ""
    baseline: Timing | float | None = None
    cache: str = ""  # what the caches held when this was measured
    unit: str = "s"  # "s" for timings; for rates, e.g. "articles/s"
    # "faster": the ratio is how many times faster than the baseline (baseline time / ours);
    # "cost": the ratio is ours over a reference (the floor, a warm run): smaller is better.
    ratio_kind: str = "faster"
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None:
            return None
        ours, theirs = _value(self.measured), _value(self.baseline)
        if not ours or not theirs:
            return None
        if self.unit != "s":  # rates: higher is better
            return ours / theirs
        return theirs / ours if self.ratio_kind == "faster" else ours / theirs

    def to_dict(self) -> dict:
        out = asdict(self)
        out["ratio"] = self.ratio
        return out


def _value(x: Timing | float | None) -> float | None:
    if x is None:
        return None
    return x.median if isinstance(x, Timing) else float(x)


def time_process(argv: Sequence[str] | Callable[[int], Sequence[str]], *, runs: int = 5, warmup: int = 1,
                 env: dict | None = None, before: Callable[[int], None] | None = None,
                 cwd: str | Path | None = None) -> Timing:
    """Run a command `warmup + runs` times; wall and CPU (user + system) of each counted run.

    `argv` may be a function of the run's number (a different frame each run, say). `before(i)`
    runs before each run (outside the timing), e.g. to empty a cache for a first run. A command
    that fails is an error of the benchmark, not a slow result: it raises.
    """
    walls, cpus = [], []
    for i in range(warmup + runs):
        if before is not None:
            before(i)
        args = list(argv(i) if callable(argv) else argv)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(args, env={**os.environ, **(env or {})}, cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: "
                               f"{done.stderr.decode(errors='replace')[-500:]}")
        if i >= warmup:
            walls.append(wall)
            cpus.append(after.ru_utime - usage.ru_utime + after.ru_stime - usage.ru_stime)
    return Timing(min(walls), statistics.median(walls), statistics.median(cpus), runs)


def time_call(fn: Callable[[], object], *, runs: int = 5, warmup: int = 1,
              before: Callable[[], None] | None = None) -> Timing:
    """In-process: the same, for a function call."""
    samples = []
    for i in range(warmup + runs):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        if i >= warmup:
            samples.append(time.perf_counter() - start)
    return Timing(min(samples), statistics.median(samples), None, runs)


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def emit(rows: list[Row]) -> None:
    """A bench script's output: its rows as JSON (`--rows`) for benchmarks/run.py, else a table."""
    if "--rows" in sys.argv:
        print(json.dumps([r.to_dict() for r in rows]))
    else:
        from table import render  # benchmarks/table.py, beside this file

        print(render([r.to_dict() for r in rows]))
