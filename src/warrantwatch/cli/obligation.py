"""`check` and `world`: the engine's answers for one state or for all."""

from __future__ import annotations

from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, print_json

On = Annotated[str | None, typer.Option("--on", help="Date, YYYY-MM-DD (default: today).")]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]

OUTCOME_STYLE = {
    "OBLIGED": "bold green",
    "OBLIGED_OTHER": "bold green",
    "RESIDUAL_DUTY": "bold yellow",
    "NOT_OBLIGED": "bold red",
    "NO_ACTIVE_WARRANT": "bold blue",
    "UNDETERMINED": "bold magenta",
}


def check(
    person: Annotated[str, typer.Argument(help="Person: name, alias or id, e.g. putin.")],
    state: Annotated[str, typer.Argument(help="State: name, ISO2/ISO3 code, e.g. mongolia.")],
    on: On = None,
    as_json: Json = False,
) -> None:
    """Is STATE bound to arrest PERSON on the date, on what basis, and what has it done before?"""
    from warrantwatch.queries import check as run_check

    assessment = run_check(person, state, on)
    if as_json:
        print_json(assessment.to_dict())
        return
    show_assessment(assessment)


def show_assessment(a) -> None:
    from warrantwatch.law.currency import reviewed_line

    out = console()
    where = f"{a.place_name}, {a.state_name}" if a.place_name else a.state_name
    out.print(line((f"{a.person_name} in {where} ({a.state}) on {a.on}", "bold")))
    out.print(line((a.outcome.name, OUTCOME_STYLE[a.outcome.name]), f" — {a.outcome.value}"))
    out.print(line(a.summary))
    out.print(line(("Standing: ", "bold"), a.standing))
    if a.basis:
        out.print(line(("Legal basis", "bold")))
        for b in a.basis:
            out.print(line("  • ", (b.ref, "cyan"), f" — {b.why}"))
    if a.caveats:
        out.print(line(("Caveats", "bold")))
        for c in a.caveats:
            tag = ("[contested] ", "yellow") if c.contested else ""
            out.print(line("  • ", tag, c.text))
    show_record(out, a.record, a.state_name, a.on)
    if a.sources:
        out.print(line(("Sources", "bold")))
        for s in a.sources:
            out.print(line(f"  • {s}"), soft_wrap=True)
    out.print(line((reviewed_line(a.reviewed).capitalize(), "dim")))


def show_record(out, record, state_name: str, on) -> None:
    """The host's record up to the day, its stated positions (not law), and what happened later."""
    before, positions, later = record.lines()
    out.print(line((f"Record of {state_name} up to {on}", "bold")))
    if not before:
        out.print(line("  • no recorded visits by ICC warrant subjects and no findings"))
    for text in before:
        out.print(line(f"  • {text}"))
    if positions:
        out.print(line((f"Stated positions of {state_name} (what it said; not the legal answer)", "bold")))
        for text in positions:
            out.print(line(f"  • {text}"))
    if later:
        out.print(line((f"Later (after {on})", "bold")))
        for text in later:
            out.print(line(f"  • {text}"))


def world(
    person: Annotated[str, typer.Argument(help="Person: name, alias or id.")],
    on: On = None,
    start: Annotated[str | None, typer.Option("--from", help="Start of a date range, YYYY-MM-DD: each "
                                              "state's outcome over time (default start 2002-07-01).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="End of the date range (default: today).")] = None,
    territories: Annotated[bool, typer.Option("--territories", help="With a range: also each dependent "
                                              "territory the world map draws.")] = False,
    as_json: Json = False,
) -> None:
    """Every state's obligation towards PERSON on the date, grouped by outcome, with counts;
    with --from/--to, each state's outcome intervals over the range and what changes them."""
    if start is not None or end is not None:
        if on is not None:
            from warrantwatch.errors import WarrantWatchError

            raise WarrantWatchError("give either --on or a range (--from/--to), not both")
        show_timeline(person, start, end, as_json, territories)
        return
    from warrantwatch.queries import world as run_world

    result = run_world(person, on)
    if as_json:
        print_json(result.to_dict())
        return
    from rich.table import Table  # only for the table: --json never loads rich

    from warrantwatch.law.currency import reviewed_line

    parts = sum(a.area != a.state for a in result.assessments)  # later states' areas, then part of another
    counted = f"{len(result.assessments) - parts} states" + (
        f" and {parts} area{'s' if parts > 1 else ''} then part of another state" if parts else "")
    table = Table(title=f"{result.person_name} on {result.on}: {counted}", show_lines=True)
    table.add_column("Outcome", no_wrap=True)
    table.add_column("Count", justify="right")
    table.add_column("States")
    for outcome, items in result.by_outcome().items():
        names = sorted(a.area_name for a in items)
        table.add_row(line((outcome.name, OUTCOME_STYLE[outcome.name])), str(len(items)),
                      line(", ".join(names)))
    out = console()
    out.print(table)
    for c in result.caveats:
        out.print(line("  • ", c.text))
    out.print(line((reviewed_line(result.reviewed).capitalize(), "dim")))


def show_timeline(person: str, start: str | None, end: str | None, as_json: bool,
                  territories: bool = False) -> None:
    from warrantwatch.queries import timeline

    result = timeline(person, start, end, territories=territories)
    if as_json:
        print_json(result.to_dict())
        return
    from rich.table import Table  # only for the table: --json never loads rich

    from warrantwatch.law.currency import reviewed_line

    table = Table(title=f"{result.person_name}, {result.start} to {result.end}: what changes, and when",
                  show_lines=True)
    table.add_column("From", no_wrap=True)
    table.add_column("Outcome", no_wrap=True)
    table.add_column("States")
    table.add_column("Because")
    groups: dict[tuple, list] = {}
    for s in result.states:
        for i in s.intervals:
            groups.setdefault((i.start, i.outcome.name), []).append((s.state_name, i))
    for (day, outcome), items in sorted(groups.items()):
        names = sorted(n for n, _ in items)
        because = sorted({c for _, i in items for c in i.changes}) or ["start of the range"]
        shown = ", ".join(names) if len(names) <= 12 else f"{len(names)} states"
        table.add_row(str(day), line((outcome, OUTCOME_STYLE[outcome])), line(shown),
                      line("; ".join(because)))
    out = console()
    out.print(table)
    for c in result.caveats:
        out.print(line("  • ", c.text))
    out.print(line((reviewed_line(result.reviewed).capitalize(), "dim")))


def register(app: typer.Typer) -> None:
    app.command()(check)
    app.command()(world)
