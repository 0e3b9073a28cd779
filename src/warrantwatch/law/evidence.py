"""Say so when an answer rests on a weakly sourced fact.

The grades come from the data (source_rules.yaml, applied by records.sources): a record is `weak`
when none of its sources is primary or reputable, `single_source` when it cites one non-primary
source. The facts an answer rests on are the warrants in force, the host's Rome Statute records
(membership, withdrawals, art. 12(3) declarations), the Court's requests that make a sealed warrant
bind it, the territory or occupied place asked about, and everything listed as its record: visits,
findings and stated positions, before the day and later.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping

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
        warrant = next((w for w in kb.warrants if w.id == record.warrant), None)
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


class _Weak:
    """The knowledge base's records graded below `sound`, computed once per knowledge base: by
    identity (the records live as long as the knowledge base, which this is cached with), and the
    states and places whose answers could rest on one of them. A plain class: a dataclass here
    would cost every command its creation at import."""

    __slots__ = ("grade", "places", "records", "states", "warrants")

    def __init__(self, grade: Mapping[int, Evidence], records: tuple, states: frozenset[str],
                 places: frozenset[str], warrants: frozenset[str]) -> None:
        self.grade = grade
        self.records = records  # keeps the graded records alive while their ids are keys
        self.states = states
        self.places = places
        self.warrants = warrants


_WEAK: weakref.WeakKeyDictionary[KnowledgeBase, _Weak] = weakref.WeakKeyDictionary()


def weak_records(kb: KnowledgeBase) -> _Weak:
    found = _WEAK.get(kb)
    if found is None:
        grader = kb.grader
        by_state = [*kb.memberships, *kb.withdrawals, *kb.declarations, *kb.requests, *kb.findings,
                    *kb.positions]
        weak = [(r, e) for r in (*kb.warrants, *by_state, *kb.visits, *kb.territories, *kb.places)
                if (e := grader.of(r)) is not Evidence.sound]
        weak_ids = {id(r) for r, _ in weak}
        states = {r.state for r in by_state if id(r) in weak_ids}
        states |= {v.host for v in kb.visits if id(v) in weak_ids}
        places = {t.code for t in kb.territories if id(t) in weak_ids}
        places |= {p.id for p in kb.places if id(p) in weak_ids}
        found = _WEAK[kb] = _Weak({id(r): e for r, e in weak}, tuple(r for r, _ in weak), frozenset(states),
                                  frozenset(places), frozenset(r.id for r, _ in weak if type(r).__name__ == "Warrant"))
    return found


def evidence_caveat(kb: KnowledgeBase, a: Assessment, weak: _Weak | None = None) -> Caveat | None:
    """`source_quality`: the weakly sourced facts among those the answer rests on, if any. `weak`:
    the knowledge base's weak records (weak_records), for a caller that asks about many states."""
    if weak is None:  # one answer (assess): grade just the records it rests on
        grader = kb.grader
        flagged = [(r, e) for r in rested_on(kb, a) if (e := grader.of(r)) is not Evidence.sound]
    elif a.state not in weak.states and a.place not in weak.places and weak.warrants.isdisjoint(a.warrants):
        return None  # nothing it can rest on is weakly sourced (the usual case, found without a walk)
    else:  # world(): every record graded once, looked up by identity
        grade = weak.grade
        flagged = [(r, e) for r in rested_on(kb, a) if (e := grade.get(id(r))) is not None]
    if not flagged:
        return None
    parts = "; ".join(f"{label(kb, r)} ({e.value}: {WHY[e]})" for r, e in flagged)
    return Caveat("source_quality", f"Some facts in this answer are weakly sourced: {parts}. "
                  "They are reported as the sources say, but no better source was found.")
