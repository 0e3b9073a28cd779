"""`make bench`: every benchmark, one table (target, measured, baseline, ratio per line).

Each benchmark runs in its own process (so that one's in-memory caches never help another) and
hands back its rows; the table is printed and saved as JSON for `scripts/update_performance.py`,
which rewrites README's performance section from it. Speed is reported, never asserted: the exit
status is non-zero only when a benchmark fails to run.

    python benchmarks/run.py [--quick] [--only startup,engine,timeline,maps,news,page] [--save FILE]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from common import load_average
from table import render

HERE = Path(__file__).resolve().parent
BENCHES = ("startup", "engine", "timeline", "maps", "news", "page")


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    only = BENCHES
    if "--only" in argv:
        only = tuple(argv[argv.index("--only") + 1].split(","))
    save = Path(argv[argv.index("--save") + 1]) if "--save" in argv else None
    # Warm means compiled: make install compiles the code; do it here too, in case this environment
    # never writes bytecode (PYTHONDONTWRITEBYTECODE), or every process would compile it again.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "src")], check=True)
    load_before = load_average()
    rows, failed = [], []
    for name in only:
        args = [sys.executable, str(HERE / f"bench_{name}.py"), "--rows", *(["--quick"] if quick else [])]
        done = subprocess.run(args, capture_output=True, text=True, check=False,
                              env={**os.environ, "PYTHONPATH": str(HERE)})
        if done.returncode != 0:
            failed.append(name)
            print(f"benchmark {name} failed (exit {done.returncode}):\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        rows += json.loads(done.stdout.strip().splitlines()[-1])
    result = {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
                   f"Python {platform.python_version()}",
        "load": f"{load_before} before; {load_average()} after",
        "quick": quick,
        "rows": rows,
        "failed": failed,
    }
    print(render(rows))
    print(f"\nmachine: {result['machine']}; load average: {result['load']}")
    if save:
        save.parent.mkdir(parents=True, exist_ok=True)
        save.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"saved {save}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
