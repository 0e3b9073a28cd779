"""`tracks watchlist|ingest|landings|alerts|follow`: the watched aircraft, positions, landings and alerts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, number, print_json, whole_number

app = typer.Typer(help="Watched state aircraft: ingest positions, find landings, raise alerts.",
                  no_args_is_help=True)

Db = Annotated[Path | None, typer.Option("--db", help="DuckDB track store (created by ingest).")]
Parquet = Annotated[Path | None, typer.Option("--parquet", help="Parquet archive folder (day=…/prefix=…), "
                                              "analysed on Dask.")]
Scheduler = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. "
                                               "tcp://10.0.0.5:8786 (default: a local cluster).")]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


def _check_store(db: Path | None, parquet: Path | None) -> None:
    from warrantwatch.errors import WarrantWatchError

    if (db is None) == (parquet is None):
        raise WarrantWatchError("give exactly one of --db PATH (DuckDB) and --parquet DIR (Parquet, Dask)")


@app.command()
def watchlist(
    person: Annotated[str | None, typer.Option("--person", help="Only aircraft associated with this person "
                                               "(name, alias or id).")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Only records whose address is valid on this day "
                                           "(YYYY-MM-DD).")] = None,
    as_json: Json = False,
) -> None:
    """The watched state aircraft (data/aircraft.yaml): address, registration, type, operator, validity,
    callsigns reported in the press, and the persons each is associated with (confidence, sources)."""
    from warrantwatch.queries import resolve_day
    from warrantwatch.records.knowledge import bundled
    from warrantwatch.records.resolve import resolver_for
    from warrantwatch.tracks.watchlist import CREDIT, NOT_ABOARD, listing

    kb = bundled()
    who = resolver_for(kb).person(person) if person is not None else None
    rows = listing(kb, person=who, on=resolve_day(on) if on is not None else None)
    if as_json:
        print_json({"aircraft": rows, "count": len(rows), "credit": CREDIT, "caveat": NOT_ABOARD})
        return
    from rich.table import Table

    title = f"{len(rows)} watched aircraft" + (f" associated with {kb.person_by_id[who].name}" if who else "")
    table = Table(title=title + (f", valid on {on}" if on else ""))
    for column in ("icao24", "registration", "type", "operator", "state", "valid", "callsigns",
                   "associated with (confidence)"):
        table.add_column(column, no_wrap=column in ("icao24", "registration", "state", "callsigns"))
    for r in rows:
        valid = "—" if not (r["valid_from"] or r["valid_to"]) else f"{r['valid_from'] or '…'}–{r['valid_to'] or '…'}"
        table.add_row(r["icao24"], r["registration"], r["type"], r["operator"], r["state"], valid,
                      ", ".join(f"{c}…" for c in r["callsigns"]),
                      "; ".join(f"{p['name']} ({p['confidence']})" for p in r["persons"]))
    out = console()
    out.print(table)
    if not rows:
        out.print(line("None recorded: data/GAPS.md lists the aircraft looked for and left out, and why."))
    if any(r["valid_from"] is None and r["valid_to"] is None for r in rows):
        out.print(line("valid —: no source dates when the address and registration became this aircraft's "
                       "(they get reused; see data/GAPS.md)."))
    out.print(line(NOT_ABOARD))
    out.print(line(CREDIT))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: readsb trace_full / aircraft.json "
                                                "(gzip or not), OpenSky CSV/Parquet, plain CSV, Mode S JSON Lines.")],
    db: Db = None, parquet: Parquet = None, as_json: Json = False,
) -> None:
    """Store positions (idempotent: a file already stored adds nothing). Bad rows and files are reported."""
    from warrantwatch.tracks.pipeline import ingest as run

    _check_store(db, parquet)
    report = run(paths, db=db, parquet=parquet)
    if as_json:
        print_json(report.to_dict())
        return
    out = console()
    out.print(line(f"{report.files_new} file(s) stored, {report.files_already} already stored; "
                   f"{report.rows:,} position(s) added, {report.duplicates:,} duplicate(s), "
                   f"{report.bad_rows:,} bad row(s), {len(report.bad_files)} bad file(s)"))
    for path, reason in report.bad_files:
        out.print(line(("bad file ", "yellow"), f"{path}: {reason}"))


@app.command()
def landings(db: Db = None, parquet: Parquet = None, scheduler: Scheduler = None, as_json: Json = False,
             all_events: Annotated[bool, typer.Option("--all", help="Also take-offs, touch-and-goes and "
                                                      "ground sightings.")] = False,
             icao24: Annotated[str | None, typer.Option("--icao24", help="Only this aircraft.")] = None) -> None:
    """Landings with airport (ICAO), state (ISO3), time (UTC) and confidence."""
    from rich.table import Table

    from warrantwatch.tracks.pipeline import events

    _check_store(db, parquet)
    found = [e for e in events(db=db, parquet=parquet, scheduler=scheduler)
             if (all_events or e.is_landing) and (icao24 is None or e.icao24 == icao24.lower())]
    if as_json:
        print_json([e.to_dict() for e in found])
        return
    table = Table(title=f"{len(found)} {'event' if all_events else 'landing'}(s)")
    for column in ("time (UTC)", "icao24", "registration", "event", "airport", "state", "confidence"):
        table.add_column(column)
    for e in found:
        table.add_row(f"{e.time:%Y-%m-%d %H:%M:%S}", e.icao24, e.registration or "", e.kind,
                      f"{e.airport} ({e.airport_km:.1f} km)" if e.airport else "none within 10 km",
                      e.state or "", e.confidence)
    console().print(table)


def _print_alert(alert, out) -> None:
    d = alert.to_dict()
    out.print(line(("ALERT ", "bold red"), d["headline"]))
    out.print(line(f"  {d['assessment']['outcome']}: {d['assessment']['summary']}"))
    out.print(line(f"  confidence {d['confidence']} (event {d['event']['confidence']}: {d['event']['observed']}; "
                   f"association {d['aircraft']['association_confidence']})"))
    for note in d["notes"]:
        out.print(line(f"  note: {note}"))
    out.print(line(f"  cannot show: {d['cannot_show']}"))
    if d["track"]:
        out.print(line(f"  {d['track']}"))
    for source in d["aircraft"]["association_sources"]:
        out.print(line(f"  association source: {source}"))


@app.command()
def alerts(
    db: Db = None, parquet: Parquet = None, scheduler: Scheduler = None, as_json: Json = False,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Append alerts to this JSON Lines file.")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each alert (JSON) to this URL.")] = None,
    maps: Annotated[Path | None, typer.Option("--maps", help="Write a track map (SVG, PNG) per alert here.")]
    = None,
    heading: Annotated[bool, typer.Option("--heading", help="Also alert on watched aircraft whose current "
                                          "track points at a state with a duty.")] = False,
    destination: Annotated[str | None, typer.Option("--destination", help="Announced destination state "
                                                    "for aircraft still airborne.")] = None,
) -> None:
    """A watched aircraft landed in a state bound to arrest an associated person that day."""
    from warrantwatch.tracks.alerts import post
    from warrantwatch.tracks.pipeline import alerts as run

    _check_store(db, parquet)
    found = run(db=db, parquet=parquet, scheduler=scheduler, heading=heading, destination=destination, maps=maps)
    if jsonl is not None:
        import json

        with jsonl.open("a", encoding="utf-8") as handle:
            for a, _ in found:
                handle.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    for a, _ in found:
        if webhook:
            post(webhook, a)
    if as_json:
        print_json([{**a.to_dict(), "maps": [str(p) for p in paths]} for a, paths in found])
        return
    out = console()
    for a, paths in found:
        _print_alert(a, out)
        for p in paths:
            out.print(line(f"  map: {p}"))
    out.print(line(f"{len(found)} alert(s)"))


@app.command()
def follow(
    source: Annotated[str, typer.Argument(help="URL of a readsb/tar1090 aircraft.json, or a folder of "
                                          "recorded snapshots to replay.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB track store.")] = Path("warrantwatch-tracks.duckdb"),
    interval: Annotated[float, typer.Option("--interval", parser=number, help="Seconds between polls (at least 1; "
                                            "respect a public feed's published limits).")] = 10.0,
    polls: Annotated[int | None, typer.Option("--polls", parser=whole_number,
                                              help="Stop after this many polls.")] = None,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Append alerts to this JSON Lines file.")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each alert to this URL.")] = None,
) -> None:
    """Poll a live receiver (or replay a recording), store positions, print alerts as they come."""
    import json

    from warrantwatch.tracks.alerts import post
    from warrantwatch.tracks.follow import follow as run

    out = console()

    def on_alert(a) -> None:
        _print_alert(a, out)
        if jsonl is not None:
            with jsonl.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
        if webhook:
            post(webhook, a)

    counts = run(source, db, interval_s=interval, polls=polls, on_alert=on_alert,
                 on_poll=lambda n, status: out.print(line(f"poll {n}: {status}")))
    out.print(line(f"{counts['polls']} poll(s), {counts['errors']} error(s), {counts['snapshots']} "
                   f"snapshot(s) stored, {counts['alerts']} alert(s)"))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="tracks")
