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


def _brief_of(kb, item, given, today, maps: str):
    """(the brief of an article, None) or (None, a `Rejected`) for an item that cannot be read or briefed."""
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.news.brief import build
    from warrantwatch.news.published import published_date
    from warrantwatch.news.reading import Rejected

    if isinstance(item, Rejected):
        return None, item
    day, origin = published_date(item, given, today)
    try:
        return build(kb, item, day, maps=maps, published_from=origin), None
    except WarrantWatchError as exc:
        return None, Rejected(item.origin, str(exc).removeprefix(f"{item.origin}: "), item.key)


def _briefs(kb, items, published: str | None, maps: str, problems: list, known: set[str] | None = None):
    """The brief of each article among `items` (read by `news.reading.read_items`), one at a time:
    nothing is kept, so memory does not grow with the run. An item that cannot be read or briefed
    goes to `problems` (a `Rejected`) and the run goes on. With `known` (watch), an item already
    stored or rejected gives None and is not briefed again."""
    given, today = _dates(published)
    for item in items:
        if known is not None:
            if item.key in known:
                yield None
                continue
            known.add(item.key)
        brief, problem = _brief_of(kb, item, given, today, maps)
        if problem is not None:
            problems.append(problem)
        else:
            yield brief


# --jobs: folders and feeds on several cores (news/parallel.py). Workers read each article and make its
# brief, and for `brief` its text (JSON line, Markdown, HTML, or the files of -o); for `watch` its rows and
# alerts. The parent writes them, and alone owns the store, in the input's order.
Jobs = Annotated[int | None, typer.Option("--jobs", "-j", parser=whole_number, show_default=False, metavar="N",
                                          help="Worker processes for a folder or feed (default: the CPUs "
                                          "this process may use; 1: none). The output is the same.")]

_WARM_UP = "Vladimir Putin will visit Mongolia on September 3, the Kremlin said."


def _jobs(jobs: int | None) -> int:
    from warrantwatch.news.parallel import cpus

    if jobs is None:
        return cpus()
    if jobs < 1:
        raise typer.BadParameter("give 1 or more", param_hint="'--jobs'")
    return jobs


def _split(source, jobs: int):
    """(units, True) to give to workers, or (items, False) to read here: a run of fewer than
    `SMALL_RUN` units (or --jobs 1) does not pay for starting workers."""
    import itertools

    from warrantwatch.news.parallel import SMALL_RUN, read_unit, units
    from warrantwatch.news.reading import read_items

    if jobs == 1:
        return read_items(source), False
    found = units(source)
    head = list(itertools.islice(found, SMALL_RUN))
    if len(head) < SMALL_RUN:
        return (item for unit in head for item in read_unit(unit)), False
    return itertools.chain(head, found), True


def _warm(task) -> None:
    """Read one short article, so that the gazetteer, the cue index and the learned stage are built
    before the workers are forked (each then starts with them)."""
    from warrantwatch.news.reading import Article

    task(Article(_WARM_UP, None, origin="<warm-up>"))


def _brief_task(given, today, maps: str, form: str):
    """A worker's task for `brief`: an item → (its text, None) or (None, a `Rejected`)."""
    from warrantwatch.news.brief import Brief, to_html, to_markdown
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    render = {"json": Brief.to_json_line, "markdown": to_markdown, "html": to_html, "files": _files}[form]

    def each(item):
        brief, problem = _brief_of(kb, item, given, today, maps)
        return (None, problem) if brief is None else (render(brief), None)

    _warm(each)
    return each


def _watch_task(given, today, known_file: str):
    """A worker's task for `watch`: an item → (its key, its record (`_record`) or None, a `Rejected` or
    None); an item whose key was stored before the run is neither read further nor briefed."""
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    known: frozenset[str] | None = None

    def each(item):
        nonlocal known
        if known is None:  # written by the parent once the store is open, before the first chunk
            known = frozenset(Path(known_file).read_text(encoding="ascii").split())
        key = item.key
        if key in known:
            return key, None, None
        brief, problem = _brief_of(kb, item, given, today, "none")
        return key, (None if brief is None else _record(brief)), problem

    known = frozenset()
    _warm(each)
    known = None
    return each


def _report(problems) -> None:
    import sys

    from warrantwatch.errors import one_line

    for problem in problems:
        print(one_line(f"skipped {problem}"), file=sys.stderr)


def brief(
    article: Annotated[Path, typer.Argument(help="Text or HTML file, folder, JSON Lines feed, RSS or "
                                            "Atom feed (.xml, .rss, .atom), or - for standard input.")],
    published: Published = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write brief.md, brief.json, "
                                                "brief.html and maps into this folder.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a self-contained HTML page.")] = False,
    jobs: Jobs = None,
) -> None:
    """Read an article; find visits by ICC-wanted persons; assess each; print or write the brief.

    The publication date is the article's own (HTML meta, feed, dateline), else --published, else
    today; each brief says which. Items that cannot be read or briefed are reported on stderr
    (file:line: reason) and skipped (exit status 2 at the end); the others are written as they are read,
    in the input's order. A folder or feed of 20 or more items is read and briefed by --jobs worker
    processes (default: one per CPU); the output is the same as with --jobs 1.
    """
    import itertools

    from warrantwatch.news.reading import UnreadableInput

    jobs = _jobs(jobs)
    items, parallel = _split(article, jobs)
    head = None if parallel else next(items, None)  # the first read (bounded) fails fast, before anything heavy
    from warrantwatch.records.knowledge import bundled

    problems: list = []
    maps = "draw" if output is not None or as_html else "text"
    if parallel:
        from warrantwatch.news.parallel import Workers

        form = "files" if output is not None else "json" if as_json else "html" if as_html else "markdown"
        given, today = _dates(published)
        with Workers(_brief_task, (given, today, maps, form), jobs) as workers:
            _print_briefs(_kept(workers.map(items), problems), problems, article, output, as_json, as_html,
                          rendered=True)
    else:
        kb = bundled()
        briefs = _briefs(kb, itertools.chain([head] if head is not None else [], items), published, maps, problems)
        _print_briefs(briefs, problems, article, output, as_json, as_html, rendered=False)
    if problems:
        _report(problems)
        raise UnreadableInput(f"{len(problems)} item(s) could not be read (listed above)")


def _kept(results, problems: list):
    """The texts of the workers' results, in order; the items they could not brief go to `problems`."""
    for text, problem in results:
        if problem is not None:
            problems.append(problem)
        else:
            yield text


def _print_briefs(briefs, problems: list, article: Path, output: Path | None, as_json: bool, as_html: bool, *,
                  rendered: bool) -> None:
    """Write the briefs (`Brief`s, or with `rendered` the texts the workers made of them) as asked."""
    import json

    from warrantwatch.news.brief import to_html, to_markdown
    from warrantwatch.news.reading import UnreadableInput

    first = next(briefs, None)
    second = next(briefs, None) if first is not None else None
    if first is None:
        _report(problems if len(problems) > 1 else [])  # one problem is the error itself
        raise UnreadableInput(str(problems[0]) if len(problems) == 1 else f"{article}: no article could be read"
                              + (f" ({len(problems)} skipped)" if problems else ""))
    everything = _chain(first, second, briefs)
    if output is not None:
        _write(everything if rendered else map(_files, everything), output, single=second is None)
    elif as_json:
        if second is None:
            print_json(json.loads(first) if rendered else first.to_dict())
        else:  # one JSON document (an array), written brief by brief, one brief a line
            for n, b in enumerate(everything):
                _whole(("[" if n == 0 else ",\n") + (b if rendered else b.to_json_line()))
            _whole("]\n")
    elif as_html:
        for n, b in enumerate(everything):
            _whole(("\n" if n else "") + (b if rendered else to_html(b)) + "\n")
    else:
        for n, b in enumerate(everything):
            _whole(("\n" if n else "") + (b if rendered else to_markdown(b)))


def _whole(text: str) -> None:
    """Write `text` to standard output in one piece: a Ctrl-C during the write (which may wait on a
    slow reader) takes effect once it is done, so that no brief is cut short."""
    import signal
    import sys

    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        sys.stdout.write(text)
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        sys.stdout.write(text)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _chain(first, second, rest):
    import itertools

    return itertools.chain([first], [second] if second is not None else [], rest)


def _files(b) -> tuple:
    """What `-o` writes of a brief: (Markdown, JSON, HTML, [(map file stem, SVG, PNG or None)], number of
    events, where its publication date came from)."""
    from warrantwatch.maps.layers import measuring
    from warrantwatch.news.brief import to_html, to_markdown

    maps = []
    for i, item in enumerate(b.items, start=1):
        if item.map and item.map.svg:
            # Drawn afresh every time (maps/layers.py): a frame's first drawing differs from the recoloured
            # later ones by a few levels, so a map's bytes would depend on which worker drew that frame
            # before. So the same article gives the same PNG alone, in a folder and with any --jobs.
            with measuring("never"):
                png = item.map.source.png() if item.map.source is not None else None
            maps.append((f"map-{i}-{item.event.host.lower()}", item.map.svg, png))
    return to_markdown(b), b.to_json() + "\n", to_html(b), maps, len(b.items), b.published_from


def _write(files, output: Path, *, single: bool) -> None:
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.records.canonical import write_atomically, write_atomically_bytes

    try:
        output.mkdir(parents=True, exist_ok=True)
        for n, (markdown, document, page, maps, events, published_from) in enumerate(files, start=1):
            folder = output if single else output / f"{n:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(folder / "brief.md", markdown)
            write_atomically(folder / "brief.json", document)
            write_atomically(folder / "brief.html", page)
            for stem, svg, png in maps:
                write_atomically((folder / stem).with_suffix(".svg"), svg)
                if png is not None:
                    write_atomically_bytes((folder / stem).with_suffix(".png"), png)
            console().print(line(f"wrote {folder}/brief.md, brief.json, brief.html "
                                 f"({events} event(s); published date: from {published_from})"))
    except OSError as exc:
        raise WarrantWatchError(f"cannot write to {exc.filename or output}: {exc.strerror or exc}") from exc


# A batch is committed at least this often. Each commit opens the database and writes it back (about 50 ms
# of CPU time), so committing every half second cost a tenth of the run; a kill -9 loses at most the
# batch being read, which a rerun reads again.
COMMIT_SECONDS = 2.0


def watch(
    source: Annotated[Path, typer.Argument(help="Folder of articles, a JSON Lines feed, or an RSS or Atom "
                                                  "feed saved as a file (.xml, .rss, .atom).")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file for articles and events.")] = Path(
        "warrantwatch-news.duckdb"),
    published: Published = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print alerts as one JSON document.")] = False,
    batch_size: Annotated[int, typer.Option("--batch", parser=whole_number,
                                            help="Articles committed per transaction (1 or more).")] = 500,
    jobs: Jobs = None,
) -> None:
    """Process new articles, store them with their events, alert on planned visits to states with a duty.

    Alerts are raised only for events at or above the alert confidence (the learned decision stage's
    score, `news/model.py`; the threshold, printed at the end of each run with its record, is the lowest at
    which planned visits read from untouched test sets named the right person and state at least nine
    times in ten, `news/held_out.py`); the others are stored with their confidence. Articles are committed in batches
    (--batch, 500, or every 2 seconds); an alert is printed only once its article is stored.
    Between batches the database is closed, so that readers (`alerts`) can read while watch runs.
    An item that cannot be read is reported (file:line: reason), stored as rejected so that a rerun
    neither stops on it nor reports it again, and the rest goes in; the exit status is then 2.
    A folder or feed of 20 or more items is read and briefed by --jobs worker processes (default: one
    per CPU); this process alone writes the store, in the input's order, and the result is the same.
    """
    import contextlib
    import tempfile
    import time

    from warrantwatch.news.extract import ALERT_CONFIDENCE
    from warrantwatch.news.reading import Rejected, UnreadableInput
    from warrantwatch.news.store import Store
    from warrantwatch.palette import OUTCOME_LABELS
    from warrantwatch.records.knowledge import bundled

    if batch_size < 1:
        raise typer.BadParameter("give 1 or more", param_hint="'--batch'")
    jobs = _jobs(jobs)
    items, parallel = _split(source, jobs)
    kb = bundled()
    alerts: list[dict] = []
    problems: list = []
    new = seen = below = 0
    out = None if as_json else console()  # rich is imported only to print text
    with contextlib.ExitStack() as stack:
        if parallel:  # the workers are started (forked) before the store is opened: see news/parallel.py
            from warrantwatch.news.parallel import Workers

            given, today = _dates(published)
            known_file = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="warrantwatch-"))) / "keys"
            workers = stack.enter_context(Workers(_watch_task, (given, today, str(known_file)), jobs))
        store = stack.enter_context(Store.open(db))
        known = store.keys()
        batch: list = []
        last = time.monotonic()

        def commit() -> None:
            nonlocal below, last
            rejected = [p for p in problems if isinstance(p, Rejected) and p not in committed]
            with store.writing():
                store.add_rows([rows for rows, _, _ in batch])
                store.reject_all(rejected)
            committed.update(rejected)
            last = time.monotonic()
            for _, found, under in batch:
                below += under
                for alert in found:
                    alerts.append(alert)
                    if not as_json:
                        out.print(line(("ALERT ", "bold red"), f"{alert['person_name']} → {alert['destination']} "
                                       f"{alert['date'] or ''} ({OUTCOME_LABELS[alert['outcome']]}, "
                                       f"confidence {alert['confidence']:.2f}): {alert['summary']}"))
            batch.clear()

        def records():
            """Each new article's record (`_record`), in order; None for one already stored."""
            nonlocal seen
            if not parallel:
                for b in _briefs(kb, items, published, "none", problems, known):
                    yield None if b is None else _record(b)
                return
            known_file.write_text("\n".join(known), encoding="ascii")
            for key, record, problem in workers.map(items):
                if key in known:
                    yield None
                    continue
                known.add(key)
                if problem is not None:
                    problems.append(problem)
                else:
                    yield record

        committed: set = set()
        for record in records():
            if record is None:
                seen += 1
                continue
            batch.append(record)
            new += 1
            if len(batch) >= batch_size or time.monotonic() - last > COMMIT_SECONDS:
                commit()
        with store.writing():  # the last batch and the counts in one opening of the database
            commit()
            articles, events = store.counts()
    if as_json:
        print_json({"new_articles": new, "already_stored": seen, "alerts": alerts,
                    "alert_confidence": ALERT_CONFIDENCE, "alert_record": _alert_record(),
                    "below_confidence": below,
                    "rejected": [{"origin": p.origin, "reason": p.reason} for p in problems],
                    "stored": {"articles": articles, "events": events},
                    "reviewed": kb.reviewed.isoformat() if kb.reviewed else None})
    else:
        _report(problems)
        out.print(line(f"{new} new article(s), {seen} already stored, {len(problems)} rejected; store holds "
                       f"{articles} article(s), {events} event(s); alerts at confidence >= {ALERT_CONFIDENCE} "
                       f"({below} planned visit(s) to a state with a duty below it stored, not alerted; "
                       f"{_alert_record_text()}); record reviewed to {kb.reviewed}"))
    if problems:
        raise UnreadableInput(f"{len(problems)} new item(s) could not be read (listed above; stored as "
                              "rejected, not reported again)")


def _alert_record() -> dict[str, int]:
    """What planned visits at the alert confidence did on reports not used to build the rules."""
    from warrantwatch.news.held_out import load

    chosen = load().alerting
    return {"planned_visits": chosen.read, "person_and_state_right": chosen.person_and_state_right,
            "right": chosen.right}


def _alert_record_text() -> str:
    record = _alert_record()
    return (f"on reports not used to build the rules, {record['person_and_state_right']} of "
            f"{record['planned_visits']} planned visits at that confidence named the right person and state")


def _record(b) -> tuple:
    """What `watch` keeps of a brief: its rows for the store (`store.rows_of`), its alerts (planned
    visits to a state with a duty, at or above the alert confidence) and how many such visits were
    below it."""
    from warrantwatch.news.extract import ALERT_CONFIDENCE
    from warrantwatch.news.store import rows_of

    found, below = [], 0
    for item in b.items:
        if item.event.kind != "planned" or not item.assessment.outcome.duty:
            continue
        if item.event.confidence < ALERT_CONFIDENCE:
            below += 1
            continue
        found.append({"article": b.article.origin, **item.event.to_dict(),
                      "person_name": item.person_name, "host_name": item.host_name,
                      "destination": item.destination,
                      "outcome": item.assessment.outcome.name, "summary": item.assessment.summary,
                      "published": b.published.isoformat(), "published_from": b.published_from})
    return rows_of(b), found, below


def alerts(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file written by watch.")] = Path(
        "warrantwatch-news.duckdb"),
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Planned visits stored by watch to states with a duty to arrest, at the alert confidence
    (read-only: works while watch runs)."""
    from warrantwatch.law.assessment import Outcome
    from warrantwatch.news.brief import destination
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
        host = destination(kb.state_by_code[e["host"]].name if e["host"] in kb.state_by_code else e["host"],
                           kb.place_by_id[e["place"]].name if e["place"] in kb.place_by_id else None)
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
    from warrantwatch.news.evaluate import evaluate, load_items
    from warrantwatch.records.knowledge import bundled

    report = evaluate(bundled(), load_items(folder))
    _print_report(report, f"Event extraction on {folder}", as_json, errors)


@eval_app.command("agreement")
def eval_agreement(
    reference: Annotated[Path, typer.Argument(help="Folder of labelled items: the reference.")],
    other: Annotated[Path, typer.Argument(help="The same items labelled by someone else.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List the items labelled differently.")] = False,
) -> None:
    """How far two people's labels of the same items agree, scored as `eval news` scores the extractor
    (the second labelling's events counted as found): the ceiling the set's conventions allow."""
    from warrantwatch.news.evaluate import agreement, load_items

    report = agreement(load_items(reference), load_items(other))
    _print_report(report, f"Agreement of {other} with {reference}", as_json, errors)


def _print_report(report, title: str, as_json: bool, errors: bool) -> None:
    from rich.table import Table

    if as_json:
        print_json(report.to_dict())
        return
    table = Table(title=title)
    for column in ("field", "precision", "recall", "F1", "correct", "found", "expected"):
        table.add_column(column, justify="right" if column != "field" else "left")
    for name, s in report.scores.items():
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      str(s.true_positives), str(s.predicted), str(s.expected))
    console().print(table)
    kinds = Table(title="Whole events by kind")
    for column in ("kind", "precision", "recall", "F1", "correct", "found", "expected"):
        kinds.add_column(column, justify="right" if column != "kind" else "left", no_wrap=column == "kind")
    rows = [*report.by_kind.items()]
    if report.alerting is not None:
        rows.append((f"confidence ≥ {report.alert}", report.alerting))
    if report.planned_alerts is not None:  # watch's alerts, judged by the trip (person, state, planned)
        rows.append((f"alert trips ≥ {report.alert}", report.planned_alerts))
    for name, s in rows:
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
