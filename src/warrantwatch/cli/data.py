"""`data check|fmt|stats|export`: the knowledge base itself."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, print_json

# Words for the counts' keys (the keys stay in --json).
COUNT_LABELS = {"states_with_rome_statute_records": "states with Rome Statute records",
                "declarations_12_3": "art. 12(3) declarations", "resolutions": "Security Council resolutions"}

app = typer.Typer(help="Validate, format, summarise and export the knowledge base.",
                  no_args_is_help=True)
DataDir = Annotated[Path | None, typer.Option("--data", help="Data directory (default: bundled).")]


@app.command()
def check(data: DataDir = None) -> None:
    """Validate every file; report every problem as file:line: record: message."""
    from warrantwatch.records.knowledge import load

    kb = load(data)
    counts = ", ".join(f"{v} {COUNT_LABELS.get(k, k.replace('_', ' '))}" for k, v in kb.counts().items())
    console().print(line(("ok", "bold green"), f": {counts}"))


@app.command()
def fmt(data: DataDir = None) -> None:
    """Rewrite every data file in canonical form (sorted, fixed field order), atomically."""
    from warrantwatch.errors import RecordInvalid, WarrantWatchError
    from warrantwatch.records.canonical import canonical_text, round_trips, write_atomically
    from warrantwatch.records.files import FILE_KINDS
    from warrantwatch.records.load import default_data_dir, files_of, read_file

    root = data or default_data_dir()
    changed = 0
    for kind in FILE_KINDS:
        for path in files_of(kind, root):
            loaded, problems = read_file(path, kind, root)
            if problems:  # never rewrite a file we could not fully read: its records would be lost
                raise RecordInvalid(problems)
            records = [item.record for item in loaded]
            text = canonical_text(kind, records)
            if not round_trips(kind, records, text):
                raise WarrantWatchError(f"{path}: the canonical form would not read back as the "
                                        "same records; the file was left untouched")
            if path.read_text(encoding="utf-8") != text:
                write_atomically(path, text)
                changed += 1
                console().print(line(f"formatted {path.relative_to(root)}"))
    console().print(line(f"{changed} file(s) changed"))


@app.command()
def stats(data: DataDir = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Coverage: how many records of each kind, and the latest dated fact."""
    from warrantwatch.records.knowledge import load

    kb = load(data)
    document = {"counts": kb.counts(), "latest_fact": str(kb.latest_fact)}
    if as_json:
        print_json(document)
        return
    for key, value in document["counts"].items():
        console().print(line(f"{COUNT_LABELS.get(key, key.replace('_', ' '))}: {value}"))
    console().print(line(f"latest dated fact: {document['latest_fact']}"))


class Format(enum.StrEnum):
    json = "json"
    csv = "csv"


@app.command()
def export(
    format: Annotated[Format, typer.Option("--format", help="json or csv")] = Format.json,
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="File (json) or directory (csv).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only this kind, e.g. warrants.")] = None,
    data: DataDir = None,
) -> None:
    """Export the whole knowledge base (or one --kind) for reuse elsewhere."""
    from warrantwatch.records.export import export_csv, export_json, tables
    from warrantwatch.records.knowledge import load

    selected = tables(load(data), kind)
    if format is Format.json:
        text = export_json(selected)
        if output is None:
            print(text)
        else:
            from warrantwatch.records.canonical import write_atomically

            write_atomically(output, text + "\n")
            console().print(line(f"wrote {output}"))
        return
    if output is None:
        if len(selected) != 1:
            from warrantwatch.errors import WarrantWatchError

            raise WarrantWatchError("csv export writes one file per kind: give -o DIR, "
                                    "or --kind KIND to print one table")
        print(export_csv(next(iter(selected.values()))), end="")
        return
    output.mkdir(parents=True, exist_ok=True)
    from warrantwatch.records.canonical import write_atomically

    for name, rows in selected.items():
        write_atomically(output / f"{name}.csv", export_csv(rows))
    console().print(line(f"wrote {len(selected)} CSV files to {output}"))
