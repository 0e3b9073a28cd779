"""Start-up: what a user feels when running a command, as a whole process.

Each command runs as a fresh process with a warm file cache (one run not counted first). The
baseline is the floor of any command: the interpreter plus typer parsing the same four options
and printing a line. "First run" empties the knowledge-base cache before each run (it is rebuilt
from the YAML files); `make install` builds that cache, so a user's first run is a warm one.
In-process: loading the validated knowledge base from its cache against validating the files.

    python benchmarks/bench_startup.py [--rows] [--quick]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import WARRANTWATCH, Row, time_call, time_process
from common import emit as emit_rows

FLOOR_APP = '''
import typer

app = typer.Typer(add_completion=False)


@app.command()
def check(person: str, state: str, on: str = "", json: bool = False) -> None:
    print(person, state, on, json)


@app.command()
def other() -> None:
    pass


app()
'''
CHECK = ["check", "putin", "mongolia", "--on", "2024-09-03"]
KB_CACHE = "the knowledge-base cache on disk (validated records as JSON)"


def rows(quick: bool) -> list[Row]:
    runs = 5 if quick else 9
    work = Path(tempfile.mkdtemp(prefix="ww-bench-"))
    try:
        floor_app = work / "floor.py"
        floor_app.write_text(FLOOR_APP)
        cache_dir = work / "cache"
        env = {"WARRANTWATCH_CACHE": str(cache_dir)}
        floor = time_process([sys.executable, str(floor_app), "check", "putin", "mongolia", "--on",
                              "2024-09-03"], runs=runs)
        floor_name = "floor: python + typer, same options"
        out: list[Row] = []
        for argv, target in ((["--help"], "≤ 0.10 s"), (CHECK, "≤ 0.12 s"), ([*CHECK, "--json"], "≤ 0.12 s"),
                             (["world", "putin", "--on", "2024-09-03", "--json"], "≤ 0.15 s")):
            timing = time_process([WARRANTWATCH, *argv], runs=runs, env=env)
            out.append(Row("start-up", f"`warrantwatch {' '.join(argv)}`", "process, warm", target, timing,
                           floor_name, floor, KB_CACHE if argv != ["--help"] else "none needed",
                           ratio_kind="cost", extra={"cpu_median": timing.cpu_median}))

        warm = out[2].measured

        def empty_cache(_i: int) -> None:
            shutil.rmtree(cache_dir, ignore_errors=True)

        first = time_process([WARRANTWATCH, *CHECK, "--json"], runs=max(3, runs // 2), env=env,
                             before=empty_cache)
        out.append(Row("start-up", f"`warrantwatch {' '.join(CHECK)} --json`",
                       "process, first run (no cache)", "≤ 2× warm", first, "warm run", warm,
                       "empty: the YAML files are validated and the cache written", ratio_kind="cost"))

        def install(_i: int) -> None:  # what `make install` does after pip: compile, build the cache
            empty_cache(_i)
            subprocess.run([sys.executable, "-c", "import warrantwatch; warrantwatch.bundled()"],
                           env={**os.environ, **env}, check=True)

        after_install = time_process([WARRANTWATCH, *CHECK, "--json"], runs=max(3, runs // 2), env=env,
                                     before=install)
        out.append(Row("start-up", f"`warrantwatch {' '.join(CHECK)} --json`",
                       "process, first run after `make install`", "≤ 2× warm", after_install, "warm run", warm,
                       "built by make install; the code compiled", ratio_kind="cost"))

        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
        from warrantwatch.records import cache
        from warrantwatch.records.files import default_data_dir
        from warrantwatch.records.knowledge import load

        data = default_data_dir()
        stamp = cache.stamp(data)
        built = stamp.newest + cache.RACY_NS + 1  # files older than the racy window: times trusted
        blob = cache.encode(load(data), stamp, cache.fingerprint(data), built)
        from_cache = time_call(lambda: cache.decode(blob, cache.stamp(data)), runs=runs * 3)
        racy = cache.encode(load(data), stamp, cache.fingerprint(data), stamp.newest)
        checked = time_call(lambda: cache.decode(racy, cache.stamp(data), data), runs=runs * 3)
        validated = time_call(lambda: load(data), runs=runs)
        out.append(Row("start-up", "knowledge base: read the cache (files' times + checksum + typed JSON decode)",
                       "in-process, warm", "", from_cache, "validate the YAML files (pydantic)", validated,
                       "file cache warm; the cache's bytes already read"))
        out.append(Row("start-up", "knowledge base: read the cache, files changed < 5 s before it was built "
                       "(their contents hashed too)", "in-process, warm", "", checked,
                       "validate the YAML files (pydantic)", validated,
                       "file cache warm; the cache's bytes already read"))
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    emit_rows(rows("--quick" in sys.argv))
