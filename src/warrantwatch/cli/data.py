"""`data check|fmt|stats|sources|update|export`: the knowledge base itself."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, number, print_json

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
    console().print(line(("ok", "bold green"), f": {counts}; record reviewed to {kb.reviewed}"))


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
    document = {"counts": kb.counts(), "latest_fact": str(kb.latest_fact),
                "reviewed": str(kb.reviewed) if kb.reviewed else None,
                "evidence_to": str(kb.evidence_to) if kb.evidence_to else None,
                "reviews": {r.kind: str(r.reviewed) for r in kb.reviews}}
    if as_json:
        print_json(document)
        return
    for key, value in document["counts"].items():
        console().print(line(f"{COUNT_LABELS.get(key, key.replace('_', ' '))}: {value}"))
    console().print(line(f"latest dated fact: {document['latest_fact']}"))
    console().print(line(f"record reviewed to {document['reviewed']} (newest evidence found: "
                         f"{document['evidence_to']})"))


@app.command()
def sources(
    data: DataDir = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    flagged: Annotated[bool, typer.Option("--flagged", help="List the weak and single-source records.")] = False,
) -> None:
    """Source quality by file: primary / reputable / reference / weak (rules in source_rules.yaml)."""
    from rich.table import Table

    from warrantwatch.records.knowledge import load
    from warrantwatch.records.sources import GRADES, source_report, summarize

    report = source_report(load(data))
    summary = summarize(report)
    total, records, entries = summary["sources"], summary["records"], summary["entries"]
    if as_json:
        print_json({"summary": summary, "files": [f.to_dict() for f in report]})
        return
    table = Table(title="Source entries by grade, per file (weak/1-src: records resting on weak sources "
                        "only / on one non-primary source)", show_footer=True)
    table.add_column("file", footer="all files", no_wrap=True)
    for grade in GRADES:
        table.add_column(grade, justify="right", footer=str(total[grade]), no_wrap=True)
    table.add_column("weak %", justify="right", no_wrap=True, footer=f"{100 * summary['weak_share']:.1f}")
    table.add_column("weak/1-src", justify="right", no_wrap=True,
                     footer=f"{records['weak']} / {records['single_source']}")
    for f in report:
        n = sum(f.grades.values())
        table.add_row(f.file, *(str(f.grades[g]) for g in GRADES),
                      f"{100 * f.grades['weak'] / n:.1f}" if n else "-",
                      f"{f.records['weak']} / {f.records['single_source']}")
    out = console()
    out.print(table)
    out.print(line(f"{entries} source entries; weak {total['weak']} ({100 * summary['weak_share']:.1f}%); "
                   f"records resting only on weak or reference sources: {records['weak']}; "
                   f"single-source records: {records['single_source']}"), soft_wrap=True)
    if flagged:
        for f in report:
            for label, evidence in f.flagged:
                out.print(line(f"  {evidence}: {f.file}: {label}"), soft_wrap=True)


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


@app.command()
def update(
    saved: Annotated[Path | None, typer.Option("--from", help="Read saved pages from DIR (offline).")] = None,
    write: Annotated[Path | None, typer.Option("--write", help="Also write a patch to data/ (canonical form) "
                                                                "to FILE, for review and `git apply`.")] = None,
    since: Annotated[str | None, typer.Option("--since",
                                              help="Only ICC releases dated on or after YYYY-MM-DD.")] = None,
    cache: Annotated[Path | None, typer.Option("--cache", help="Cache of fetched pages (default: user cache).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", parser=number, help="Seconds per request.")] = 20.0,
    delay: Annotated[float, typer.Option("--delay", parser=number,
                                         help="Seconds between requests (politeness).")] = 2.0,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data: DataDir = None,
) -> None:
    """Propose changes from the UN depositary (XVIII-10) and ICC press releases; never edits data/."""
    from warrantwatch.records.cache import cache_dir
    from warrantwatch.records.knowledge import load
    from warrantwatch.records.load import default_data_dir
    from warrantwatch.update.fetch import Fetcher
    from warrantwatch.update.run import run

    day = None
    if since:
        from warrantwatch.records.dates import parse_day

        day = parse_day(since)
    root = data or default_data_dir()
    kb = load(root)
    user_cache = cache_dir()  # None without a home folder: then fetched pages are not cached
    pages = cache or (user_cache / "pages" if user_cache else None)
    with Fetcher(saved=saved, cache_dir=None if saved else pages,
                 timeout_s=timeout, delay_s=delay) as fetch:
        report = run(kb, fetch, since=day)
    patch_note = None
    if write is not None:
        from warrantwatch.records.canonical import write_atomically
        from warrantwatch.update.patch import build_patch

        diff, skipped = build_patch(root, report.changes)
        write_atomically(write, diff)
        patch_note = (f"wrote {write} ({len(report.changes) - len(skipped)} change(s); "
                      f"{len(skipped)} left for a reviewer)")
    if as_json:
        print_json({**report.to_dict(), "patch": str(write) if write else None})
    else:
        out = console()
        out.print(line((f"Proposed changes: {len(report.changes)}", "bold"),
                       f" ({len(report.proposals) - len(report.changes)} fact(s) already recorded)"))
        for p in report.changes:
            out.print(line(f"  • [{p.status}] {p.file}: {p.summary}"), soft_wrap=True)
            out.print(line(f"      source: {p.source}"), soft_wrap=True)
            if p.needs:
                out.print(line(("      needs: ", "yellow"), p.needs), soft_wrap=True)
        out.print(line(("Sources read", "bold")))
        for name, url, origin in report.read:
            out.print(line(f"  • {name} ({origin}): {url}"), soft_wrap=True)
        if report.problems:
            out.print(line(("Problems", "bold")))
            for name, url, problem in report.problems:
                out.print(line(("  • ", "red"), f"{name}: {problem} ({url})"), soft_wrap=True)
        if patch_note:
            out.print(line(patch_note), soft_wrap=True)
    if report.problems and not report.read:
        raise typer.Exit(1)
