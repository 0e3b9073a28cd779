"""Starting the workers of `--jobs` by each start method: fork (after the parent has loaded the
knowledge base and read one short article), forkserver and spawn (each worker imports warrantwatch,
loads the knowledge base and builds the gazetteer itself).

Each measure runs in a new process: from nothing built to both of 2 workers having briefed one
article (the task of `brief --json`), wall-clock time; beside it the CPU time each worker spent
(for spawn and forkserver, its imports and loading). Why `news/parallel.py` forks.

    python benchmarks/bench_jobs_start.py [--rows]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import Row, Timing
from common import emit as emit_rows

ARGS_PUBLISHED = "2024-08-30"
_TASK = None


def _work(results) -> None:
    global _TASK
    from warrantwatch.news.reading import Article

    if _TASK is None:  # spawned or from the fork server: build the task here
        _TASK = _make()
    _TASK(Article("Vladimir Putin will visit Mongolia on September 3.", None, origin="bench"))
    results.put(time.process_time())


def _make():
    import datetime as dt

    from warrantwatch.cli.news import _brief_task

    return _brief_task(None, dt.date.fromisoformat(ARGS_PUBLISHED), "text", "json")


def child(method: str, workers: int = 2) -> dict:
    import multiprocessing

    global _TASK
    start = time.perf_counter()
    if method == "fork":
        _TASK = _make()
    context = multiprocessing.get_context(method)
    results = context.Queue()
    processes = [context.Process(target=_work, args=(results,)) for _ in range(workers)]
    for p in processes:
        p.start()
    cpu = [results.get() for _ in processes]
    wall = time.perf_counter() - start
    for p in processes:
        p.join()
    return {"wall": wall, "worker_cpu": statistics.mean(cpu)}


def rows(runs: int = 5) -> list[Row]:
    out = []
    for method in ("fork", "forkserver", "spawn"):
        got = []
        for _ in range(runs):
            done = subprocess.run([sys.executable, str(Path(__file__)), "--child", method], capture_output=True,
                                  text=True, check=True)
            got.append(json.loads(done.stdout.strip().splitlines()[-1]))
        walls = [g["wall"] for g in got]
        out.append(Row("news", f"2 workers of `--jobs` started by {method}, until each has briefed an article",
                       "process, warm", "", Timing(min(walls), statistics.median(walls), None, runs),
                       cache="knowledge-base and place-name caches on disk",
                       note=f"CPU time in each worker: {statistics.median(g['worker_cpu'] for g in got):.2f} s "
                            f"(median); load {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"))
    return out


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(child(sys.argv[sys.argv.index("--child") + 1])))
    else:
        emit_rows(rows())
