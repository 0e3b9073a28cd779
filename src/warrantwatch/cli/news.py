"""`brief`, `watch` and `eval news`: from articles to events, assessments and alerts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, print_json

Published = Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for "
                                                "articles that carry none (no HTML meta, feed date or dateline); "
                                                "default: today.")]


def _dates(published: str | None):
    """(the --published day or None, today): read once per run."""
    from warrantwatch.clock import today
    from warrantwatch.records.dates import parse_day

    return (parse_day(published) if published else None), today()


def _articles(source: Path, problems: list[str]):
    """Every article at `source`; an unreadable file is reported in `problems` and skipped, so that
    a folder run never stops on one item."""
    from warrantwatch.news.reading import UnreadableInput, read_path

    if not source.is_dir():
        yield from read_path(source)
        return
    files = sorted(p for p in source.rglob("*") if p.is_file())
    for child in files:
        try:
            yield from read_path(child)
        except UnreadableInput as exc:
            problems.append(str(exc))


def _briefs(kb, source: Path, published: str | None, maps: str, problems: list[str]):
    """The brief of each article, one at a time (nothing is kept: memory does not grow with the run)."""
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.news.brief import build
    from warrantwatch.news.published import published_date

    given, today = _dates(published)
    for article in _articles(source, problems):
        day, origin = published_date(article, given, today)
        try:
            yield build(kb, article, day, maps=maps, published_from=origin)
        except WarrantWatchError as exc:
            problems.append(f"{article.origin}: {exc}")


def _report(problems: list[str]) -> None:
    import sys

    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)


def brief(
    article: Annotated[Path, typer.Argument(help="Text or HTML file, folder, or JSON Lines feed.")],
    published: Published = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write brief.md, brief.json, "
                                                "brief.html and maps into this folder.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a self-contained HTML page.")] = False,
) -> None:
    """Read an article; find visits by ICC-wanted persons; assess each; print or write the brief.

    The publication date is the article's own (HTML meta, feed, dateline), else --published, else
    today; each brief says which. Items that cannot be read or briefed are reported on stderr and
    skipped (exit status 2 at the end); the others are written as they are read.
    """
    import itertools
    import json

    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.news.brief import to_html, to_markdown
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    problems: list[str] = []
    maps = "draw" if output is not None or as_html else "text"
    briefs = _briefs(kb, article, published, maps, problems)
    first = next(briefs, None)
    second = next(briefs, None) if first is not None else None
    if first is None:
        _report(problems[1:])
        raise WarrantWatchError(problems[0] if len(problems) == 1 else f"{article}: no article could be read"
                                + (f" ({len(problems)} skipped)" if problems else ""))
    everything = itertools.chain([first], [second] if second is not None else [], briefs)
    if output is not None:
        _write(everything, output, single=second is None)
    elif as_json:
        if second is None:
            print_json(first.to_dict())
        else:  # one JSON document (an array), written brief by brief, one brief a line
            for n, b in enumerate(everything):
                text = json.dumps(b.to_dict(), ensure_ascii=False, default=str)
                print(("[" if n == 0 else ",\n") + text, end="")
            print("]")
    elif as_html:
        for n, b in enumerate(everything):
            print(("\n" if n else "") + to_html(b))
    else:
        for n, b in enumerate(everything):
            print(("\n" if n else "") + to_markdown(b), end="")
    if problems:
        _report(problems)
        raise typer.Exit(2)


def _write(briefs, output: Path, *, single: bool) -> None:
    from warrantwatch.news.brief import to_html, to_markdown
    from warrantwatch.records.canonical import write_atomically

    output.mkdir(parents=True, exist_ok=True)
    for n, b in enumerate(briefs, start=1):
        folder = output if single else output / f"{n:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / "brief.md", to_markdown(b))
        write_atomically(folder / "brief.json", b.to_json() + "\n")
        write_atomically(folder / "brief.html", to_html(b))
        for i, item in enumerate(b.items, start=1):
            if item.map and item.map.svg:
                stem = folder / f"map-{i}-{item.event.host.lower()}"
                write_atomically(stem.with_suffix(".svg"), item.map.svg)
                if item.map.source is not None:
                    (stem.with_suffix(".png")).write_bytes(item.map.source.png())
        console().print(line(f"wrote {folder}/brief.md, brief.json, brief.html "
                             f"({len(b.items)} event(s); published date: from {b.published_from})"))


def watch(
    source: Annotated[Path, typer.Argument(help="Folder of articles or a JSON Lines feed.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file for articles and events.")] = Path(
        "warrantwatch-news.duckdb"),
    published: Published = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print alerts as one JSON document.")] = False,
    batch_size: Annotated[int, typer.Option("--batch", min=1, help="Articles committed per transaction.")] = 500,
) -> None:
    """Process new articles, store them with their events, alert on planned visits to states with a duty.

    Alerts are raised only for events read with confidence >= 0.7 (`eval news` shows the precision
    at that level); the others are stored with their confidence. Articles are committed in batches
    (--batch, 500); an alert is printed only once its article is stored.
    """
    from warrantwatch.news.extract import ALERT_CONFIDENCE
    from warrantwatch.news.store import Store
    from warrantwatch.palette import OUTCOME_LABELS
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    alerts: list[dict] = []
    problems: list[str] = []
    new = seen = below = 0
    out = console()
    with Store.open(db) as store:
        known = store.keys()
        batch: list = []

        def commit() -> None:
            nonlocal below
            store.add_batch(batch)
            for b in batch:
                for item in b.items:
                    if item.event.kind != "planned" or not item.assessment.outcome.duty:
                        continue
                    if item.event.confidence < ALERT_CONFIDENCE:
                        below += 1
                        continue
                    alert = {"article": b.article.origin, **item.event.to_dict(),
                             "person_name": item.person_name, "host_name": item.host_name,
                             "outcome": item.assessment.outcome.name, "summary": item.assessment.summary,
                             "published": b.published.isoformat(), "published_from": b.published_from}
                    alerts.append(alert)
                    if not as_json:
                        out.print(line(("ALERT ", "bold red"), f"{alert['person_name']} → {alert['host_name']} "
                                       f"{alert['date'] or ''} ({OUTCOME_LABELS[alert['outcome']]}, "
                                       f"confidence {alert['confidence']:.2f}): {alert['summary']}"))
            batch.clear()

        for b in _briefs_new(kb, source, published, known, problems):
            if b is None:
                seen += 1
                continue
            batch.append(b)
            new += 1
            if len(batch) >= batch_size:
                commit()
        commit()
        articles, events = store.counts()
    if as_json:
        print_json({"new_articles": new, "already_stored": seen, "alerts": alerts,
                    "alert_confidence": ALERT_CONFIDENCE, "below_confidence": below,
                    "skipped": problems, "stored": {"articles": articles, "events": events},
                    "reviewed": kb.reviewed.isoformat() if kb.reviewed else None})
    else:
        _report(problems)
        out.print(line(f"{new} new article(s), {seen} already stored; store holds {articles} "
                       f"article(s), {events} event(s); alerts at confidence >= {ALERT_CONFIDENCE} "
                       f"({below} planned visit(s) to a state with a duty below it stored, not alerted); "
                       f"record reviewed to {kb.reviewed}"))
    if problems:
        raise typer.Exit(2)


def _briefs_new(kb, source: Path, published: str | None, known: set[str], problems: list[str]):
    """The brief of each article not yet stored (None for one already stored), without maps."""
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.news.brief import build
    from warrantwatch.news.published import published_date

    given, today = _dates(published)
    for article in _articles(source, problems):
        if article.key in known:
            yield None
            continue
        known.add(article.key)
        day, origin = published_date(article, given, today)
        try:
            yield build(kb, article, day, maps="none", published_from=origin)
        except WarrantWatchError as exc:
            problems.append(f"{article.origin}: {exc}")


eval_app = typer.Typer(help="Evaluate the system on hand-written test sets.", no_args_is_help=True)


@eval_app.command("news")
def eval_news(
    folder: Annotated[Path, typer.Argument(help="Folder of evaluation items.")] = Path("tests/data/news"),
    as_json: Annotated[bool, typer.Option("--json")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List the items with mistakes.")] = False,
) -> None:
    """Precision, recall and F1 per field (person, host, date, kind) and for whole events."""
    from rich.table import Table

    from warrantwatch.news.evaluate import evaluate, load_items
    from warrantwatch.news.extract import ALERT_CONFIDENCE
    from warrantwatch.records.knowledge import bundled

    report = evaluate(bundled(), load_items(folder))
    if as_json:
        print_json(report.to_dict())
        return
    table = Table(title=f"Event extraction on {folder}")
    for column in ("field", "precision", "recall", "F1", "correct", "found", "expected"):
        table.add_column(column, justify="right" if column != "field" else "left")
    for name, s in report.scores.items():
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      str(s.true_positives), str(s.predicted), str(s.expected))
    console().print(table)
    kinds = Table(title="Whole events by kind")
    for column in ("kind", "precision", "recall", "F1", "correct", "found", "expected"):
        kinds.add_column(column, justify="right" if column != "kind" else "left")
    for name, s in [*report.by_kind.items(), (f"confidence ≥ {ALERT_CONFIDENCE}", report.alerting)]:
        kinds.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      str(s.true_positives), str(s.predicted), str(s.expected))
    console().print(kinds)
    if errors:
        for item, missing, spurious in report.misses:
            console().print(line((item, "bold"), f": missing {sorted(missing)}; spurious {sorted(spurious)}"))


def register(app: typer.Typer) -> None:
    app.command()(brief)
    app.command()(watch)
    app.add_typer(eval_app, name="eval")
