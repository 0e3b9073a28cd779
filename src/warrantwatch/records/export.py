"""The knowledge base as plain tables, for JSON and CSV export."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from warrantwatch.errors import WarrantWatchError
from warrantwatch.records.knowledge import KnowledgeBase

KINDS = ("states", "memberships", "withdrawals", "declarations", "situations", "resolutions",
         "persons", "warrants", "visits", "findings")


def tables(kb: KnowledgeBase, kind: str | None = None) -> dict[str, list[dict[str, Any]]]:
    names = KINDS if kind is None else (kind,)
    unknown = [n for n in names if n not in KINDS]
    if unknown:
        raise WarrantWatchError(f"unknown kind {unknown[0]!r}; choose from: {', '.join(KINDS)}")
    return {name: [r.dump()
                   for r in getattr(kb, name)] for name in names}


def export_json(selected: dict[str, list[dict[str, Any]]]) -> str:
    return json.dumps(selected, ensure_ascii=False, indent=2)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def export_csv(rows: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in rows:
        columns += [c for c in row if c not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _cell(row.get(c)) for c in columns})
    return buffer.getvalue()
