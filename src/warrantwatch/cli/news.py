"""`brief`, `watch`, `alerts` and `eval news`: from articles to events, assessments and alerts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, print_json, whole_number

Published = Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for "
                                                "articles that carry none (no HTML meta, feed date or dateline); "
                                                "default: today.")]


def _dates(published: str | None):
    """(the --published day or None, today): read once per run."""
    from warrantwatch.clock import today
    from warrantwatch.records.dates import parse_day

    return (parse_day(published) if published else None), today()


def _briefs(kb, items, published: str | None, maps: str, problems: list, known: set[str] | None = None):
    """The brief of each article among `items` (read by `news.reading.read_items`), one at a time:
    nothing is kept, so memory does not grow with the run. An item that cannot be read or briefed
    goes to `problems` (a `Rejected`) and the run goes on. With `known` (watch), an item already
    stored or rejected gives None and is not briefed again."""
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.news.brief import build
    from warrantwatch.news.published import published_date
    from warrantwatch.news.reading import Rejected

    given, today = _dates(published)
    for item in items:
        if known is not None:
            if item.key in known:
                yield None
                continue
            known.add(item.key)
        if isinstance(item, Rejected):
            problems.append(item)
            continue
        day, origin = published_date(item, given, today)
        try:
            yield build(kb, item, day, maps=maps, published_from=origin)
        except WarrantWatchError as exc:
            problems.append(Rejected(item.origin, str(exc).removeprefix(f"{item.origin}: "), item.key))


def _report(problems) -> None:
    import sys

    from warrantwatch.errors import one_line

    for problem in problems:
        print(one_line(f"skipped {problem}"), file=sys.stderr)


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

    The publication date is the article's own (HTML meta, feed, dateline), else --published, else
    today; each brief says which. Items that cannot be read or briefed are reported on stderr
    (file:line: reason) and skipped (exit status 2 at the end); the others are written as they are read.
    """
    import itertools
    import sys

    from warrantwatch.news.brief import to_html, to_markdown
    from warrantwatch.news.reading import UnreadableInput, read_items

    items = read_items(article)
    head = next(items, None)  # the first read (bounded) fails fast, before anything heavy is loaded
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    problems: list = []
    maps = "draw" if output is not None or as_html else "text"
    briefs = _briefs(kb, itertools.chain([head] if head is not None else [], items), published, maps, problems)
    first = next(briefs, None)
    second = next(briefs, None) if first is not None else None
    if first is None:
        _report(problems[1:])
        raise UnreadableInput(str(problems[0]) if len(problems) == 1 else f"{article}: no article could be read"
                              + (f" ({len(problems)} skipped)" if problems else ""))
    everything = itertools.chain([first], [second] if second is not None else [], briefs)
    if output is not None:
        _write(everything, output, single=second is None)
    elif as_json:
        if second is None:
            print_json(first.to_dict())
        else:  # one JSON document (an array), written brief by brief, one brief a line
            write = sys.stdout.write
            for n, b in enumerate(everything):
                write(("[" if n == 0 else ",\n") + b.to_json_line())
            write("]\n")
    elif as_html:
        for n, b in enumerate(everything):
            print(("\n" if n else "") + to_html(b))
    else:
        for n, b in enumerate(everything):
            print(("\n" if n else "") + to_markdown(b), end="")
    if problems:
        _report(problems)
        raise UnreadableInput(f"{len(problems)} item(s) could not be read (listed above)")


def _write(briefs, output: Path, *, single: bool) -> None:
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.news.brief import to_html, to_markdown
    from warrantwatch.records.canonical import write_atomically, write_atomically_bytes

    try:
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
                        write_atomically_bytes(stem.with_suffix(".png"), item.map.source.png())
            console().print(line(f"wrote {folder}/brief.md, brief.json, brief.html "
                                 f"({len(b.items)} event(s); published date: from {b.published_from})"))
    except OSError as exc:
        raise WarrantWatchError(f"cannot write to {exc.filename or output}: {exc.strerror or exc}") from exc


# A batch is committed at least this often. Each commit opens the database and writes it back (about 50 ms
# of CPU time), so committing every half second cost a tenth of the run; a kill -9 loses at most the
# batch being read, which a rerun reads again.
COMMIT_SECONDS = 2.0


def watch(
    source: Annotated[Path, typer.Argument(help="Folder of articles or a JSON Lines feed.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file for articles and events.")] = Path(
        "warrantwatch-news.duckdb"),
    published: Published = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print alerts as one JSON document.")] = False,
    batch_size: Annotated[int, typer.Option("--batch", parser=whole_number,
                                            help="Articles committed per transaction (1 or more).")] = 500,
) -> None:
    """Process new articles, store them with their events, alert on planned visits to states with a duty.

    Alerts are raised only for events read with confidence >= 0.7 (`eval news` shows the precision
    at that level); the others are stored with their confidence. Articles are committed in batches
    (--batch, 500, or every 2 seconds); an alert is printed only once its article is stored.
    Between batches the database is closed, so that readers (`alerts`) can read while watch runs.
    An item that cannot be read is reported (file:line: reason), stored as rejected so that a rerun
    neither stops on it nor reports it again, and the rest goes in; the exit status is then 2.
    """
    import time

    from warrantwatch.news.extract import ALERT_CONFIDENCE
    from warrantwatch.news.reading import Rejected, UnreadableInput, read_items
    from warrantwatch.news.store import Store
    from warrantwatch.palette import OUTCOME_LABELS
    from warrantwatch.records.knowledge import bundled

    if batch_size < 1:
        raise typer.BadParameter("give 1 or more", param_hint="'--batch'")
    kb = bundled()
    alerts: list[dict] = []
    problems: list = []
    new = seen = below = 0
    out = None if as_json else console()  # rich is imported only to print text
    with Store.open(db) as store:
        known = store.keys()
        batch: list = []
        last = time.monotonic()

        def commit() -> None:
            nonlocal below, last
            rejected = [p for p in problems if isinstance(p, Rejected) and p not in committed]
            with store.writing():
                store.add_batch(batch)
                store.reject_all(rejected)
            committed.update(rejected)
            last = time.monotonic()
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

        committed: set = set()
        for b in _briefs(kb, read_items(source), published, "none", problems, known):
            if b is None:
                seen += 1
                continue
            batch.append(b)
            new += 1
            if len(batch) >= batch_size or time.monotonic() - last > COMMIT_SECONDS:
                commit()
        with store.writing():  # the last batch and the counts in one opening of the database
            commit()
            articles, events = store.counts()
    if as_json:
        print_json({"new_articles": new, "already_stored": seen, "alerts": alerts,
                    "alert_confidence": ALERT_CONFIDENCE, "below_confidence": below,
                    "rejected": [{"origin": p.origin, "reason": p.reason} for p in problems],
                    "stored": {"articles": articles, "events": events},
                    "reviewed": kb.reviewed.isoformat() if kb.reviewed else None})
    else:
        _report(problems)
        out.print(line(f"{new} new article(s), {seen} already stored, {len(problems)} rejected; store holds "
                       f"{articles} article(s), {events} event(s); alerts at confidence >= {ALERT_CONFIDENCE} "
                       f"({below} planned visit(s) to a state with a duty below it stored, not alerted); "
                       f"record reviewed to {kb.reviewed}"))
    if problems:
        raise UnreadableInput(f"{len(problems)} new item(s) could not be read (listed above; stored as "
                              "rejected, not reported again)")


def alerts(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file written by watch.")] = Path(
        "warrantwatch-news.duckdb"),
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Planned visits stored by watch to states with a duty to arrest, at the alert confidence
    (read-only: works while watch runs)."""
    from warrantwatch.law.assessment import Outcome
    from warrantwatch.news.extract import ALERT_CONFIDENCE
    from warrantwatch.news.store import Store

    with Store.open(db, read_only=True) as store:
        found = [e for e in store.planned_events() if e["outcome"] in Outcome.__members__
                 and Outcome[e["outcome"]].duty and (e["confidence"] is None or e["confidence"] >= ALERT_CONFIDENCE)]
    if as_json:
        print_json({"alerts": found, "alert_confidence": ALERT_CONFIDENCE})
        return
    from warrantwatch.palette import OUTCOME_LABELS
    from warrantwatch.records.knowledge import bundled

    kb, out = bundled(), console()
    for e in found:
        person = kb.person_by_id[e["person"]].name if e["person"] in kb.person_by_id else e["person"]
        host = kb.state_by_code[e["host"]].name if e["host"] in kb.state_by_code else e["host"]
        label = OUTCOME_LABELS.get(e["outcome"], e["outcome"])
        out.print(line(("ALERT ", "bold red"), f"{person} → {host} {e['date'] or ''} ({label}), {e['article']}"))
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
    app.command()(alerts)
    app.add_typer(eval_app, name="eval")
