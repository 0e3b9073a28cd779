"""`brief`, `watch` and `eval news`: from articles to events, assessments and alerts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, print_json
from warrantwatch.errors import WarrantWatchError

Published = Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD, "
                                                "when the article does not carry one.")]


def _published(article, fallback: str | None):
    from warrantwatch.records.dates import parse_day

    if article.published:
        return article.published
    if fallback:
        return parse_day(fallback)
    raise WarrantWatchError(f"{article.origin}: no publication date in the input; give --published "
                            "YYYY-MM-DD (relative dates such as 'next week' depend on it)")


def _report(rejected) -> None:
    import sys

    from warrantwatch.errors import one_line

    for item in rejected:
        print(one_line(f"skipped {item}"), file=sys.stderr)


def brief(
    article: Annotated[Path, typer.Argument(help="Text or HTML file, folder, JSON Lines feed, or - for "
                                            "standard input.")],
    published: Published = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write brief.md, brief.json, "
                                                "brief.html and maps into this folder.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a self-contained HTML page.")] = False,
) -> None:
    """Read an article; find visits by ICC-wanted persons; assess each; print or write the brief.

    Unreadable items (of a folder or feed) are reported on stderr and skipped; the exit status is then 2.
    """
    from warrantwatch.news.reading import Rejected, UnreadableInput, read_items

    items = list(read_items(article))  # read (bounded) before loading anything heavy
    articles = [a for a in items if not isinstance(a, Rejected)]
    rejected = [r for r in items if isinstance(r, Rejected)]
    if not articles:
        if len(rejected) == 1:
            raise UnreadableInput(str(rejected[0]))
        raise UnreadableInput(f"{article}: no article could be read" + (
            f" ({len(rejected)} item(s) skipped, first: {rejected[0]})" if rejected else ""))
    dates = [_published(a, published) for a in articles]

    from warrantwatch.news.brief import build, to_html, to_markdown
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    briefs = [build(kb, a, day) for a, day in zip(articles, dates, strict=True)]
    if output is not None:
        _write(briefs, output)
    elif as_json:
        documents = [b.to_dict() for b in briefs]
        print_json(documents[0] if len(documents) == 1 else documents)
    elif as_html:
        print("\n".join(to_html(b) for b in briefs))
    else:
        print("\n".join(to_markdown(b) for b in briefs), end="")
    if rejected:
        _report(rejected)
        raise UnreadableInput(f"{len(rejected)} of {len(items)} item(s) could not be read (listed above)")


def _write(briefs, output: Path) -> None:
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.news.brief import to_html, to_markdown
    from warrantwatch.records.canonical import write_atomically, write_atomically_bytes

    try:
        output.mkdir(parents=True, exist_ok=True)
        for n, b in enumerate(briefs, start=1):
            folder = output if len(briefs) == 1 else output / f"{n:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(folder / "brief.md", to_markdown(b))
            write_atomically(folder / "brief.json", b.to_json() + "\n")
            write_atomically(folder / "brief.html", to_html(b))
            for i, item in enumerate(b.items, start=1):
                if item.map:
                    stem = folder / f"map-{i}-{item.event.host.lower()}"
                    write_atomically(stem.with_suffix(".svg"), item.map.svg)
                    if item.map.source is not None:
                        write_atomically_bytes(stem.with_suffix(".png"), item.map.source.png())
            console().print(line(f"wrote {folder}/brief.md, brief.json, brief.html "
                                 f"({len(b.items)} event(s))"))
    except OSError as exc:
        raise WarrantWatchError(f"cannot write to {exc.filename or output}: {exc.strerror or exc}") from exc


FLUSH_ITEMS = 200  # watch writes in batches, and closes the database between them for readers
FLUSH_SECONDS = 0.5


def watch(
    source: Annotated[Path, typer.Argument(help="Folder of articles or a JSON Lines feed.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file for articles and events.")] = Path(
        "warrantwatch-news.duckdb"),
    published: Published = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print alerts as one JSON document.")] = False,
) -> None:
    """Process new articles, store them with their events, alert on planned visits to states with a duty.

    Unreadable items are reported (file:line: reason) and remembered as rejected; the rest goes in.
    """
    import time

    from warrantwatch.news.brief import build
    from warrantwatch.news.reading import Rejected, read_items
    from warrantwatch.news.store import Store
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    alerts, rejected, new, seen = [], [], 0, 0
    with Store.open(db) as store:
        known = store.keys()
        pending: list = []
        last_flush = time.monotonic()

        def flush() -> None:
            nonlocal last_flush
            with store.writing():
                for entry in pending:
                    store.reject(entry) if isinstance(entry, Rejected) else store.add(entry)
            pending.clear()
            last_flush = time.monotonic()

        for item in read_items(source):
            if item.key in known:
                seen += 1
                continue
            if isinstance(item, Rejected):
                known.add(item.key)
                rejected.append(item)
                pending.append(item)
            else:
                try:
                    day = _published(item, published)
                except WarrantWatchError as exc:  # reported, not remembered: a rerun with --published reads it
                    rejected.append(Rejected(item.origin, str(exc).removeprefix(f"{item.origin}: "), item.key))
                    continue
                known.add(item.key)
                b = build(kb, item, day, with_maps=False)
                pending.append(b)
                new += 1
                for event in b.items:
                    if event.event.kind == "planned" and event.assessment.outcome.duty:
                        alerts.append({"article": item.origin, **event.event.to_dict(),
                                       "outcome": event.assessment.outcome.name,
                                       "summary": event.assessment.summary})
            if len(pending) >= FLUSH_ITEMS or time.monotonic() - last_flush > FLUSH_SECONDS:
                flush()
        if pending:
            flush()
        with store.writing():
            articles, events = store.counts()
    if as_json:
        print_json({"new_articles": new, "already_stored": seen, "alerts": alerts,
                    "rejected": [{"origin": r.origin, "reason": r.reason} for r in rejected],
                    "stored": {"articles": articles, "events": events}})
        return
    _report(rejected)
    out = console()
    for alert in alerts:
        out.print(line(("ALERT ", "bold red"), f"{alert['person']} → {alert['host']} "
                       f"{alert['date'] or ''} ({alert['outcome']}): {alert['summary']}"))
    out.print(line(f"{new} new article(s), {seen} already stored, {len(rejected)} rejected; store holds "
                   f"{articles} article(s), {events} event(s)"))


def alerts(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file written by watch.")] = Path(
        "warrantwatch-news.duckdb"),
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Planned visits stored by watch to states with a duty to arrest (read-only: works while watch runs)."""
    from warrantwatch.law.assessment import Outcome
    from warrantwatch.news.store import Store

    with Store.open(db, read_only=True) as store:
        found = [e for e in store.planned_events() if e["outcome"] in Outcome.__members__
                 and Outcome[e["outcome"]].duty]
    if as_json:
        print_json({"alerts": found})
        return
    out = console()
    for e in found:
        out.print(line(("ALERT ", "bold red"), f"{e['person']} → {e['host']} {e['date'] or ''} "
                       f"({e['outcome']}), {e['article']}"))
    out.print(line(f"{len(found)} alert(s) in {db}"))


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
    if errors:
        for item, missing, spurious in report.misses:
            console().print(line((item, "bold"), f": missing {sorted(missing)}; spurious {sorted(spurious)}"))


def register(app: typer.Typer) -> None:
    app.command()(brief)
    app.command()(watch)
    app.command()(alerts)
    app.add_typer(eval_app, name="eval")
