"""Rewrite README's performance section from the table `make bench` saved (out/bench.json).

Only the text between the two markers changes:

    <!-- performance:start -->  ...  <!-- performance:end -->

    python scripts/update_performance.py [out/bench.json] [README.md]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from table import markdown  # noqa: E402

START, END = "<!-- performance:start -->", "<!-- performance:end -->"


def section(result: dict) -> str:
    lines = [
        START,
        f"Measured {result['when']} on {result['machine']} (load average {result['load']}; the machine "
        "is shared, so read medians and ratios, not single figures). Times: median of the runs, minimum "
        "in brackets; for a whole process, its CPU time too. Regenerate with `make bench` then "
        "`python scripts/update_performance.py`.",
        "",
        markdown(result["rows"]),
    ]
    if result.get("failed"):
        lines += ["", f"Not run this time (failed): {', '.join(result['failed'])}."]
    return "\n".join([*lines, END])


def rewrite(readme: str, result: dict) -> str:
    if START not in readme or END not in readme:
        raise SystemExit(f"README has no {START} … {END} markers")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + section(result) + tail


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else ROOT / "out" / "bench.json"
    readme = Path(argv[1]) if len(argv) > 1 else ROOT / "README.md"
    result = json.loads(source.read_text(encoding="utf-8"))
    readme.write_text(rewrite(readme.read_text(encoding="utf-8"), result), encoding="utf-8")
    print(f"rewrote the performance section of {readme} from {source}")


if __name__ == "__main__":
    main(sys.argv[1:])
