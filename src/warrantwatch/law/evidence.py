"""Say so when an answer rests on a weakly sourced fact.

The grades come from the data (source_rules.yaml, applied by records.sources): a record is `weak`
when none of its sources is primary or reputable, `single_source` when it cites one non-primary
source. The facts an answer rests on are the warrants in force, the host's Rome Statute records
(membership, withdrawals, art. 12(3) declarations), the Court's requests that make a sealed warrant
bind it, the territory or occupied place asked about, and everything listed as its record: visits,
findings and stated positions, before the day and later.
"""

from __future__ import annotations

from collections.abc import Iterable

from warrantwatch.law.assessment import Assessment, Caveat
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import Record
from warrantwatch.records.sources import Evidence

WHY = {Evidence.weak: "no primary or reputable source", Evidence.single_source: "one source, not primary"}


def label(kb: KnowledgeBase, record: Record) -> str:
    """The record in words, with names, not ids."""
    def state(code: str) -> str:
        found = kb.state_by_code.get(code)
        return found.name if found else code

    def person(pid: str) -> str:
        return kb.person_names.get(pid, pid)

    kind = type(record).__name__.lower()
    if kind == "visit":
        return (f"the {record.kind.value} visit of {person(record.person)} to {state(record.host)} "
                f"({record.start})")
    if kind == "finding":
        return f"the finding of {record.date} about {state(record.state)} ({record.chamber})"
    if kind == "warrant":
        return f"the warrant for {person(record.person)} of {record.issued}"
    if kind == "withdrawal":
        return f"{state(record.state)}'s withdrawal notified {record.notified}"
    if kind == "declaration":
        return f"{state(record.state)}'s art. 12(3) declaration of {record.lodged}"
    if kind == "membership":
        return f"{state(record.state)}'s Rome Statute record"
    if kind == "request":
        warrant = next((w for ws in kb.warrants_of.values() for w in ws if w.id == record.warrant), None)
        whom = person(warrant.person) if warrant else record.warrant
        return f"the Court's request to {state(record.state)} to arrest {whom}"
    if kind == "territory":
        return f"the Statute's territorial reach to {record.name} ({state(record.state)})"
    if kind == "place":
        return f"the status and control of {record.name}"
    if kind == "statedposition":
        return f"{state(record.state)}'s stated position of {record.date} on {person(record.person)}"
    return kind


def rested_on(kb: KnowledgeBase, a: Assessment) -> Iterable[Record]:
    by_id = {w.id: w for w in kb.warrants_of.get(a.person, ())}
    yield from (by_id[w] for w in a.warrants if w in by_id)
    if a.state in kb.membership_of:
        yield kb.membership_of[a.state]
    yield from kb.withdrawals_of.get(a.state, ())
    yield from kb.declarations_of.get(a.state, ())
    if any(c.kind == "sealed" for c in a.caveats):
        for warrant in by_id.values():
            yield from (r for r in kb.requests_under.get(warrant.id, ()) if r.state == a.state)
    if a.place in kb.territory_by_code:
        yield kb.territory_by_code[a.place]
    if a.place in kb.place_by_id:
        yield kb.place_by_id[a.place]
    record = a.record
    yield from record.visits
    yield from record.findings
    yield from record.positions
    yield from record.later_visits
    yield from record.later_findings
    yield from record.later_positions


def evidence_caveat(kb: KnowledgeBase, a: Assessment) -> Caveat | None:
    """`source_quality`: the weakly sourced facts among those the answer rests on, if any."""
    grader = kb.grader
    flagged = [(r, grader.of(r)) for r in rested_on(kb, a)]
    flagged = [(r, e) for r, e in flagged if e is not Evidence.sound]
    if not flagged:
        return None
    parts = "; ".join(f"{label(kb, r)} ({e.value}: {WHY[e]})" for r, e in flagged)
    return Caveat("source_quality", f"Some facts in this answer are weakly sourced: {parts}. "
                  "They are reported as the sources say, but no better source was found.")
