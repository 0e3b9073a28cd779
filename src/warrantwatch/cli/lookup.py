"""`person`, `persons` and `state`: what the knowledge base holds about each."""

from __future__ import annotations

from typing import Annotated

import typer

from warrantwatch.cli.output import console, line, print_json

Json = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
On = Annotated[str | None, typer.Option("--on", help="Date for statuses (default: today).")]


def person(
    name: Annotated[str, typer.Argument(help="Name, alias or id, e.g. bashir.")],
    on: On = None,
    as_json: Json = False,
) -> None:
    """A person's warrants with their status, and every recorded trip."""
    from warrantwatch.queries import person_profile

    profile = person_profile(name, on=on)
    if as_json:
        print_json(profile.to_dict())
        return
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    states = {c: st.name for c, st in kb.state_by_code.items()}
    p, out = profile.person, console()
    out.print(line((p.name, "bold"), f", national of {states.get(p.nationality, p.nationality)}"
                   if p.nationality else ""))
    for position in p.positions:
        until = f" to {position.to}" if position.to else ""
        since = f" from {position.from_}" if position.from_ else ""
        out.print(line(f"  {position.title}{since}{until}"))
    out.print(line(("Warrants", "bold")))
    for warrant, state in profile.warrants:
        situation = kb.situation_by_id[warrant.situation].name
        out.print(line(f"  • {situation}: issued {warrant.issued}, public {warrant.made_public} — {state}"))
        for crime in warrant.crimes:
            out.print(line(f"      {crime}"))
    out.print(line((f"Trips recorded ({len(profile.visits)})", "bold")))
    evidence = profile.visit_evidence or ("sound",) * len(profile.visits)
    for v, outcome, grade in zip(profile.visits, profile.visit_outcomes, evidence, strict=True):
        end = f" to {v.end}" if v.end and v.end != v.start else ""
        occasion = f" — {v.occasion}" if v.occasion else ""
        flag = "" if grade == "sound" else f" ({grade.replace('_', ' ')})"
        out.print(line(f"  • {v.start}{end} {states.get(v.host, v.host)}: {v.kind.value}{occasion} [{outcome}]"
                       f"{flag}"))
    if profile.findings:
        out.print(line(("Non-compliance findings concerning this person", "bold")))
        for f in profile.findings:
            out.print(line(f"  • {f.date} {states.get(f.state, f.state)}: {f.chamber}"
                           + (f" [{f.document}]" if f.document else "")))
    _stamp(out, profile.reviewed)


def _stamp(out, reviewed) -> None:
    from warrantwatch.law.currency import reviewed_line

    out.print(line((reviewed_line(reviewed).capitalize(), "dim")))


def persons(as_json: Json = False) -> None:
    """Everyone with a public ICC arrest warrant in the knowledge base."""
    from rich.table import Table

    from warrantwatch.law.warrants import warrant_on
    from warrantwatch.queries import resolve_day
    from warrantwatch.records.knowledge import bundled

    kb, day = bundled(), resolve_day(None)
    rows = [(p, [warrant_on(w, day) for w in kb.warrants_of.get(p.id, ())]) for p in kb.persons]
    if as_json:
        print_json([{"id": p.id, "name": p.name, "nationality": p.nationality,
                     "warrants": [{"id": s.warrant.id, "situation": s.warrant.situation,
                                   "issued": str(s.warrant.issued), "active": s.active}
                                  for s in states]} for p, states in rows])
        return
    table = Table(title=f"{len(rows)} persons with public ICC arrest warrants (as of {day})",
                  caption=f"record reviewed to {kb.reviewed}")
    for column in ("id", "name", "nationality", "situation", "outstanding"):
        table.add_column(column)
    for p, states in rows:
        table.add_row(p.id, line(p.name), p.nationality or "",
                      ", ".join(sorted({s.warrant.situation for s in states})),
                      "yes" if any(s.active for s in states) else "no")
    console().print(table)


def state(
    name: Annotated[str, typer.Argument(help="State: name, ISO2/ISO3 code, e.g. ZAF.")],
    on: On = None,
    as_json: Json = False,
) -> None:
    """A state's Rome Statute timeline, visits by warrant subjects it hosted, and findings."""
    from warrantwatch.queries import state_profile

    profile = state_profile(name, on=on)
    if as_json:
        print_json(profile.to_dict())
        return
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    names = {p.id: p.name for p in kb.persons}
    s, m, out = profile.state, profile.membership, console()
    out.print(line((f"{s.name} ({s.iso3})", "bold"), f" — {profile.standing_today}"))
    out.print(line(("Rome Statute timeline", "bold")))
    events = []
    if m:
        events += [(m.signed, "signed"), (m.deposited, f"deposited its instrument of "
                   f"{m.deposit_kind.value if m.deposit_kind else 'ratification'}"),
                   (m.entry_into_force, "Statute entered into force for it"),
                   (m.signature_withdrawn, "gave notice it does not intend to become a party")]
    for w in profile.withdrawals:
        events += [(w.notified, "notified withdrawal (art. 127)"),
                   (w.effective, "withdrawal took effect"), (w.revoked, "withdrawal revoked")]
    for d in profile.declarations:
        events.append((d.lodged, "lodged an art. 12(3) declaration"
                       + (f" for the {kb.situation_by_id[d.situation].name}" if d.situation else "")))
    for t in kb.territories_of.get(s.iso3, ()):
        events.append((t.applies_from, f"the Statute applies to {t.name}"))
    dated = sorted(((d, what) for d, what in events if d is not None), key=lambda e: e[0].sort_key)
    if not dated:
        out.print(line("  • no signature, ratification or declaration recorded"))
    for date, what in dated:
        out.print(line(f"  • {date}: {what}"))
    out.print(line((f"Visits by ICC warrant subjects ({len(profile.visits)})", "bold")))
    for v in profile.visits:
        occasion = f" — {v.occasion}" if v.occasion else ""
        out.print(line(f"  • {v.start}: {names.get(v.person, v.person)}, {v.kind.value}{occasion}"))
    out.print(line((f"Art. 87(7) decisions ({len(profile.findings)})", "bold")))
    for f in profile.findings:
        verdict = "non-compliance" if f.non_compliance else "no finding of non-compliance"
        out.print(line(f"  • {f.date}: {f.chamber}, {verdict}"
                       + (f", referred to {', '.join(f.referred_to)}" if f.referred_to else "")
                       + (f" [{f.document}]" if f.document else "")
                       + (f" — about {names[f.person]}" if f.person in names else " — not about an arrest")))
    positions = kb.positions_of.get(s.iso3, ())
    if positions:
        out.print(line((f"Stated positions ({len(positions)}; what it said, not the legal answer)", "bold")))
        for p in positions:
            out.print(line(f"  • {p.date}, {p.speaker}, on {names.get(p.person, p.person)}: {p.summary}"))
    excluded = [t for t in kb.territories_of.get(s.iso3, ()) if t.applies_from is None]
    for t in excluded:
        out.print(line(f"  • Its ratification does not extend to {t.name}."))
    _stamp(out, profile.reviewed)


def register(app: typer.Typer) -> None:
    app.command()(person)
    app.command()(persons)
    app.command()(state)
