"""News at speed, on full-length articles: `extract` in process, `brief --json` and `watch` as whole
processes on one core (`--jobs 1`), each beside a baseline measured in the same run on the same
articles; and `brief --json` and `watch` with their default `--jobs` (one worker process per CPU this
process may use) beside `--jobs 1`, taken in turn in the same run, wall-clock and CPU time (the
workers' included), with the machine's CPU count and load in the row.

Articles: 1,000 full-length articles (benchmarks/news_corpus.py: the seed article, 3,534 characters,
and development items joined to at least its length; median ~3,800 characters), one JSON Lines file
each in a folder; and the seed article alone.

Baseline (benchmarks/baseline_news.py): what a competent engineer would write with our rules — names
found by ONE compiled alternation regular expression (longest first) instead of the automata, each
event assessed anew, `json.dumps` of each brief's dict, `executemany` into the store.

Rates are given per second of CPU time (user + system) and per second of wall-clock time: the
machine is shared, so wall time is noisy and CPU time is the steadier figure. Warm: the knowledge-base
cache and the place-name cache on disk, Python's bytecode compiled. First run: both caches emptied
before each run (a new $WARRANTWATCH_CACHE); in process, the first pass over the articles in a new
process (the gazetteer built inside the timing).

    python benchmarks/bench_news.py [--rows] [--quick]
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, WARRANTWATCH, Row, Timing, load_average, time_process
from common import emit as emit_rows

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
SEED = ROOT / "examples" / "seed-article.txt"


def _pass(kb, articles) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `extract` over every article."""
    from warrantwatch.news.extract import extract

    cpu, wall = time.process_time(), time.perf_counter()
    for text, published in articles:
        extract(kb, text, published)
    return time.process_time() - cpu, time.perf_counter() - wall


def in_process(n: int, rounds: int, baseline: bool, first: bool) -> dict:
    """Run in a child process: articles/s of `extract` (CPU and wall), first pass or best warm pass."""
    from news_corpus import SEED_PUBLISHED, articles

    from warrantwatch.records.knowledge import bundled

    corpus = articles(n)
    seed = [(SEED.read_text(encoding="utf-8"), SEED_PUBLISHED)] * max(1, n // 2)
    kb = bundled()
    if baseline:
        from baseline_news import use_one_regex

        use_one_regex(kb)
    out = {}
    if first:
        cpu, wall = _pass(kb, corpus)
        return {"corpus": (n / cpu, n / wall)}
    _pass(kb, corpus[:20])  # the gazetteer built, outside the timing
    for name, sample in (("corpus", corpus), ("seed", seed)):
        best = min(_pass(kb, sample) for _ in range(rounds))
        out[name] = (len(sample) / best[0], len(sample) / best[1])
    return out


def _child(*args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(HERE)}
    done = subprocess.run([PYTHON, str(Path(__file__)), "--child", *args], capture_output=True, text=True,
                          check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fresh_cache(i: int, env: dict) -> None:
    shutil.rmtree(env["WARRANTWATCH_CACHE"], ignore_errors=True)


def _peak_mb(argv: list[str]) -> float:
    """The peak resident memory of a process running `argv` (its own, from wait4)."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)} failed")
    return usage.ru_maxrss / 1024


def _cpus() -> int:
    """The CPUs a process started from here may use: what `--jobs` takes by default."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _alternating(commands: dict[str, list[str]], runs: int, cwd: Path, before=None) -> dict[str, Timing]:
    """Each command timed `runs` times (after one warm-up run each), taken in turn, so that the machine's
    load falls on each alike: wall and CPU time (user + system, the workers' included)."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for i in range(runs + 1):
        for name, argv in (commands.items() if i % 2 == 0 else reversed(commands.items())):
            t = time_process(argv, runs=1, warmup=0, cwd=cwd, before=before)
            if i:
                samples[name].append((t.median, t.cpu_median))
    return {name: Timing(min(w for w, _ in got), statistics.median(w for w, _ in got),
                         statistics.median(c for _, c in got), len(got)) for name, got in samples.items()}


def jobs_rows(folder: Path, n: int, runs: int, work: Path) -> list[Row]:
    """`brief --json` and `watch` with the default --jobs (one worker per CPU) beside --jobs 1, taken in turn
    in the same run over the same articles, whole process, warm."""
    cpus, out = _cpus(), []
    where = f"{cpus} CPU(s) usable by this process on a {os.cpu_count()}-CPU machine"

    def fresh_store(i: int) -> None:
        for path in work.glob("jobs-store*.duckdb*"):
            path.unlink()

    for name, argv, target, before in (
            ("brief", [WARRANTWATCH, "brief", str(folder), "--json"], f"≥ 300 articles/s (≤ {n / 300:.2f} s)", None),
            ("watch", [WARRANTWATCH, "watch", str(folder), "--db", str(work / "jobs-store.duckdb"), "--json"],
             f"≥ 1,000 articles/s (≤ {n / 1000:.2f} s)", fresh_store)):
        load = load_average()
        t = _alternating({"default": argv, "one": [*argv, "--jobs", "1"]}, runs, work, before)
        shown = " FOLDER --json" if name == "brief" else " FOLDER --db new.duckdb --json"
        out.append(Row("news", f"`warrantwatch {name}{shown}` (default --jobs: {cpus}), {n:,} full-length articles",
                       f"process, warm, taken in turn with --jobs 1 (median of {runs})", target, t["default"],
                       "--jobs 1 (no workers), same run", t["one"], "knowledge-base and place-name caches on disk",
                       note=f"{where}; default {_rates(t['default'], n)}; --jobs 1 {_rates(t['one'], n)}; "
                            f"load {load} before, {load_average()} after"))
    return out


def _rates(t: Timing, n: int) -> str:
    return f"{n / t.cpu_median:,.0f} articles/s of CPU, {n / t.median:,.0f}/s of wall time (median)"


def rows(quick: bool) -> list[Row]:
    from news_corpus import write

    n = 200 if quick else 1000
    runs = 2 if quick else 3
    base_runs = 1  # the baseline takes several times as long
    work = Path(tempfile.mkdtemp(prefix="bench-news-"))
    out = []
    try:
        folder = write(work / "articles", n)
        for first in (False, True):
            ours, theirs = _child(str(n), str(runs), "ours", str(first)), _child(str(n), "1", "baseline", str(first))
            names = [("corpus", f"`extract()`: {n:,} full-length articles (median ~3,800 characters)")]
            if not first:
                names.append(("seed", "`extract()`: the seed article (3,534 characters), repeated"))
            for key, what in names:
                out.append(Row("news", what, "in-process, first pass in a new process" if first else
                               f"in-process, warm (best of {runs}; baseline 1)", "≥ 1,000 articles/s",
                               ours[key][0], "one alternation regex", theirs[key][0],
                               "knowledge-base and place-name caches on disk" if first
                               else "gazetteer built (in memory)", unit="articles/s (CPU)",
                               note=f"wall clock: {ours[key][1]:,.0f} articles/s, baseline {theirs[key][1]:,.0f}/s"))
        env_cold = {"WARRANTWATCH_CACHE": str(work / "cache")}
        for warm in (True, False):
            cache = "knowledge-base and place-name caches on disk" if warm else "caches emptied before each run"
            how = "process, warm" if warm else "process, first run"
            env = None if warm else env_cold
            before = None if warm else (lambda i, e=env_cold: _fresh_cache(i, e))
            # a first run needs no warm-up run (its caches are emptied before each); the baseline, several
            # times slower, is run fewer times
            warmup = 1 if warm else 0
            brief = time_process([WARRANTWATCH, "brief", str(folder), "--json", "--jobs", "1"], runs=runs, cwd=work,
                                 env=env,
                                 before=before, warmup=warmup)
            base = time_process([PYTHON, str(HERE / "baseline_news.py"), "brief", str(folder)], runs=base_runs,
                                cwd=work, env=env, before=before, warmup=warmup)
            out.append(Row("news", f"`warrantwatch brief FOLDER --json --jobs 1`, {n:,} full-length articles", how,
                           f"≤ {n / 300:.2f} s (≥ 300 articles/s)", brief, "one alternation regex, json.dumps",
                           base, cache, note=f"ours {_rates(brief, n)}; baseline {_rates(base, n)}"))

            def fresh_store(i: int, before=before) -> None:
                for path in work.glob("store*.duckdb*"):
                    path.unlink()
                if before is not None:
                    before(i)

            watch = time_process([WARRANTWATCH, "watch", str(folder), "--db", str(work / "store.duckdb"), "--json",
                                  "--jobs", "1"], runs=runs, cwd=work, env=env, before=fresh_store, warmup=warmup)
            base = time_process([PYTHON, str(HERE / "baseline_news.py"), "watch", str(folder),
                                 str(work / "store-baseline.duckdb")], runs=base_runs, cwd=work, env=env,
                                before=fresh_store, warmup=warmup)
            out.append(Row("news", f"`warrantwatch watch FOLDER --jobs 1` into a new store, {n:,} full-length articles",
                           how,
                           f"≤ {n / 1000:.2f} s (≥ 1,000 articles/s)", watch,
                           "one alternation regex, executemany", base, cache,
                           note=f"ours {_rates(watch, n)}; baseline {_rates(base, n)}"))
        out += jobs_rows(folder, n, runs, work)
        # Memory: the same run over three times the articles must not need more.
        big = write(work / "articles-3x", 3 * n) if not quick else folder
        for jobs in (["--jobs", "1"], []):
            small_mb = _peak_mb([WARRANTWATCH, "brief", str(folder), "--json", *jobs])
            big_mb = _peak_mb([WARRANTWATCH, "brief", str(big), "--json", *jobs])
            out.append(Row("news", f"`warrantwatch brief FOLDER --json{' --jobs 1' if jobs else ''}`: peak memory "
                           f"over {3 * n if not quick else n:,} articles", "process, warm", "not growing", big_mb,
                           cache="knowledge-base and place-name caches on disk", unit="MB",
                           note=f"{small_mb:.0f} MB over {n:,} articles" + (
                               "" if jobs else f"; the largest of the process and its {_cpus()} workers")))
        seed = time_process([WARRANTWATCH, "brief", str(SEED), "--published", "2024-08-30", "--json"],
                            runs=3 if quick else 5, cwd=work)
        out.append(Row("news", "`warrantwatch brief examples/seed-article.txt --published 2024-08-30 --json`",
                       "process, warm", "", seed, cache="the knowledge-base cache on disk"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


if __name__ == "__main__":
    if "--child" in sys.argv:
        at = sys.argv.index("--child")
        n, rounds, which, first = sys.argv[at + 1:at + 5]
        print(json.dumps(in_process(int(n), int(rounds), which == "baseline", first == "True")))
    else:
        emit_rows(rows("--quick" in sys.argv))

