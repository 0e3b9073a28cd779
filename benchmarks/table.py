"""The results table: one line per measure (target, measured, baseline, ratio), as text or Markdown."""

from __future__ import annotations


def _time(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):  # a Timing: median, with the minimum (and the CPU time, for a process)
        median, low, cpu = value["median"], value["min"], value.get("cpu_median")
        extra = f"; CPU {_seconds(cpu)}" if cpu is not None else ""
        return f"{_seconds(median)} (min {_seconds(low)}{extra})"
    return f"{value:,.0f}"


def _seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    return f"{1000 * value:.0f} ms" if value >= 0.01 else f"{1000 * value:.2f} ms"


def _measure(row: dict, key: str) -> str:
    value = row[key]
    if value is None:
        return "—"
    if row["unit"] == "s":
        return _time(value)
    return f"{value:,.0f} {row['unit']}"


def _ratio(row: dict) -> str:
    ratio = row.get("ratio")
    if ratio is None:
        return "—"
    if row["unit"] != "s" or row["ratio_kind"] == "faster":
        return f"{ratio:.1f}× faster"
    return f"{ratio:.2f}× baseline"


COLUMNS = ("measure", "how", "target", "measured", "baseline", "ratio", "caches")


def cells(row: dict) -> list[str]:
    baseline = _measure(row, "baseline")
    if row["baseline_name"]:
        baseline = f"{baseline} ({row['baseline_name']})"
    return [row["what"], row["how"], row["target"] or "—", _measure(row, "measured"), baseline,
            _ratio(row), row["cache"] or "—"]


def render(rows: list[dict]) -> str:
    """Plain text for the terminal."""
    lines = []
    group = None
    for row in rows:
        if row["group"] != group:
            group = row["group"]
            lines.append(f"\n== {group}")
        c = cells(row)
        lines.append(f"- {c[0]} [{c[1]}]\n    target {c[2]} | measured {c[3]} | baseline {c[4]} | "
                     f"{c[5]}\n    caches: {c[6]}" + (f"\n    note: {row['note']}" if row["note"] else ""))
    return "\n".join(lines).lstrip("\n")


def markdown(rows: list[dict]) -> str:
    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells(row)) + " |")
    return "\n".join(out)
