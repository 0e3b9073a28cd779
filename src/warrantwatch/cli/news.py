"""`brief`, `watch` and `eval news`: from articles to events, assessments and alerts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, print_json

Published = Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD, "
                                                "when the article does not carry one.")]


def _published(article, fallback: str | None):
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.records.dates import parse_day

    if article.published:
        return article.published
    if fallback:
        return parse_day(fallback)
    raise WarrantWatchError(f"{article.origin}: no publication date in the input; give --published "
                            "YYYY-MM-DD (relative dates such as 'next week' depend on it)")


def brief(
    article: Annotated[Path, typer.Argument(help="Text or HTML file, folder, or JSON Lines feed.")],
    published: Published = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write brief.md, brief.json, "
                                                "brief.html and maps into this folder.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a self-contained HTML page.")] = False,
) -> None:
    """Read an article; find visits by ICC-wanted persons; assess each; print or write the brief."""
    from warrantwatch.news.brief import build, to_html, to_markdown
    from warrantwatch.news.reading import read_path
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    briefs = [build(kb, a, _published(a, published)) for a in read_path(article)]
    if output is not None:
        _write(briefs, output)
        return
    if as_json:
        documents = [b.to_dict() for b in briefs]
        print_json(documents[0] if len(documents) == 1 else documents)
    elif as_html:
        print("\n".join(to_html(b) for b in briefs))
    else:
        print("\n".join(to_markdown(b) for b in briefs), end="")


def _write(briefs, output: Path) -> None:
    from warrantwatch.news.brief import to_html, to_markdown
    from warrantwatch.records.canonical import write_atomically

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
                    (stem.with_suffix(".png")).write_bytes(item.map.source.png())
        console().print(line(f"wrote {folder}/brief.md, brief.json, brief.html "
                             f"({len(b.items)} event(s))"))


def watch(
    source: Annotated[Path, typer.Argument(help="Folder of articles or a JSON Lines feed.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file for articles and events.")] = Path(
        "warrantwatch-news.duckdb"),
    published: Published = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print alerts as one JSON document.")] = False,
) -> None:
    """Process new articles, store them with their events, alert on planned visits to states with a duty."""
    from warrantwatch.news.brief import build
    from warrantwatch.news.reading import read_path
    from warrantwatch.news.store import Store
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    alerts, new, seen = [], 0, 0
    with Store.open(db) as store:
        for article in read_path(source):
            if store.has(article.key):
                seen += 1
                continue
            b = build(kb, article, _published(article, published), with_maps=False)
            store.add(b)
            new += 1
            for item in b.items:
                if item.event.kind == "planned" and item.assessment.outcome.duty:
                    alerts.append({"article": article.origin, **item.event.to_dict(),
                                   "person_name": item.person_name, "host_name": item.host_name,
                                   "outcome": item.assessment.outcome.name,
                                   "summary": item.assessment.summary})
        articles, events = store.counts()
    if as_json:
        print_json({"new_articles": new, "already_stored": seen, "alerts": alerts,
                    "stored": {"articles": articles, "events": events}})
        return
    out = console()
    for alert in alerts:
        out.print(line(("ALERT ", "bold red"), f"{alert['person_name']} → {alert['host_name']} "
                       f"{alert['date'] or ''} ({alert['outcome']}): {alert['summary']}"))
    out.print(line(f"{new} new article(s), {seen} already stored; store holds {articles} "
                   f"article(s), {events} event(s)"))


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
    app.add_typer(eval_app, name="eval")
