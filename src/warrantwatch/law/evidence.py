"""Say so when an answer rests on a weakly sourced fact.

The grades come from the data (source_rules.yaml, applied by records.sources): a record is `weak`
when none of its sources is primary or reputable, `single_source` when it cites one non-primary
source. The facts an answer rests on are the warrants in force, the host's Rome Statute records
(membership, withdrawals, art. 12(3) declarations) and the visits and findings listed as its record.
"""

from __future__ import annotations

from collections.abc import Iterable

from warrantwatch.law.assessment import Assessment, Caveat
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import Record
from warrantwatch.records.sources import Evidence

WHY = {Evidence.weak: "no primary or reputable source", Evidence.single_source: "one source, not primary"}


def label(record: Record) -> str:
    kind = type(record).__name__.lower()
    if kind == "visit":
        return f"the {record.kind.value} visit of {record.person} to {record.host} ({record.start})"
    if kind == "finding":
        return f"the finding {record.id}"
    if kind == "warrant":
        return f"the warrant {record.id}"
    if kind == "withdrawal":
        return f"{record.state}'s withdrawal notified {record.notified}"
    if kind == "declaration":
        return f"{record.state}'s art. 12(3) declaration of {record.lodged}"
    if kind == "membership":
        return f"{record.state}'s Rome Statute record"
    return kind


def rested_on(kb: KnowledgeBase, a: Assessment) -> Iterable[Record]:
    by_id = {w.id: w for w in kb.warrants_of.get(a.person, ())}
    yield from (by_id[w] for w in a.warrants if w in by_id)
    if a.state in kb.membership_of:
        yield kb.membership_of[a.state]
    yield from kb.withdrawals_of.get(a.state, ())
    yield from kb.declarations_of.get(a.state, ())
    yield from a.record.visits
    yield from a.record.findings


def evidence_caveat(kb: KnowledgeBase, a: Assessment) -> Caveat | None:
    """`source_quality`: the weakly sourced facts among those the answer rests on, if any."""
    grader = kb.grader
    flagged = [(r, grader.of(r)) for r in rested_on(kb, a)]
    flagged = [(r, e) for r, e in flagged if e is not Evidence.sound]
    if not flagged:
        return None
    parts = "; ".join(f"{label(r)} ({e.value}: {WHY[e]})" for r, e in flagged)
    return Caveat("source_quality", f"Some facts in this answer are weakly sourced: {parts}. "
                  "They are reported as the sources say, but no better source was found.")
