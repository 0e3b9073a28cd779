"""The Python API: names and dates in, engine results out. CLI, REST API and news call these.

Each function resolves user input (forgiving names, ISO dates), then makes one engine call.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from warrantwatch.clock import today
from warrantwatch.law.assessment import Assessment, World
from warrantwatch.law.membership import standing_on
from warrantwatch.law.obligation import assess as _assess
from warrantwatch.law.obligation import world as _world
from warrantwatch.law.warrants import warrant_on
from warrantwatch.records.dates import parse_day
from warrantwatch.records.knowledge import KnowledgeBase, bundled
from warrantwatch.records.models import Finding, Membership, Person, State, Visit, Warrant
from warrantwatch.records.models import Withdrawal as WithdrawalRecord
from warrantwatch.records.resolve import resolver_for


def resolve_day(on: str | dt.date | None) -> dt.date:
    return today() if on is None else parse_day(on)


def check(person: str, state: str, on: str | dt.date | None = None,
          kb: KnowledgeBase | None = None) -> Assessment:
    """`check("putin", "Mongolia", "2024-09-03")`: is the state bound to arrest the person?"""
    kb = kb or bundled()
    resolver = resolver_for(kb)
    where = resolver.locate(state)
    result = _assess(kb, resolver.person(person), where.state, resolve_day(on), as_of=today(),
                     place=where.place)
    if where.label and not result.place_name:
        result = dataclasses.replace(result, place_name=where.label)
    return result


def world(person: str, on: str | dt.date | None = None, kb: KnowledgeBase | None = None) -> World:
    """Every state's obligation towards the person on the day."""
    kb = kb or bundled()
    return _world(kb, resolver_for(kb).person(person), resolve_day(on), as_of=today())


@dataclass(frozen=True)
class PersonProfile:
    person: Person
    warrants: tuple[tuple[Warrant, str], ...]  # each warrant with its state today
    visits: tuple[Visit, ...]
    findings: tuple[Finding, ...]
    visit_outcomes: tuple[str, ...] = ()  # the engine's outcome for the host on each visit
    reviewed: dt.date | None = None  # the record's review stamp
    visit_evidence: tuple[str, ...] = ()  # per visit: sound, single_source or weak (source_rules.yaml)

    def to_dict(self) -> dict[str, Any]:
        evidence = self.visit_evidence or ("sound",) * len(self.visits)
        return {
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "person": self.person.model_dump(mode="json", by_alias=True, exclude_none=True),
            "warrants": [{**w.model_dump(mode="json", exclude_none=True), "state_today": s}
                         for w, s in self.warrants],
            "visits": [{**v.model_dump(mode="json", exclude_none=True), "outcome": o, "evidence": e}
                       for v, o, e in zip(self.visits, self.visit_outcomes, evidence, strict=True)],
            "findings": [f.model_dump(mode="json", exclude_none=True) for f in self.findings],
        }


def person_profile(person: str, kb: KnowledgeBase | None = None,
                   on: str | dt.date | None = None) -> PersonProfile:
    kb = kb or bundled()
    pid = resolver_for(kb).person(person)
    day = resolve_day(on)
    visits = kb.visits_of.get(pid, ())
    return PersonProfile(
        kb.person_by_id[pid],
        tuple((w, warrant_on(w, day).explain()) for w in kb.warrants_of.get(pid, ())),
        visits,
        tuple(f for f in kb.findings if f.person == pid),
        # A visit known only to the month or year is assessed on its last possible day.
        tuple(_assess(kb, pid, v.host, v.start.last_day).outcome.name for v in visits),
        kb.reviewed,
        tuple(kb.grader.of(v).value for v in visits),
    )


@dataclass(frozen=True)
class StateProfile:
    state: State
    standing_today: str
    membership: Membership | None
    withdrawals: tuple[WithdrawalRecord, ...]
    declarations: tuple
    visits: tuple[Visit, ...]
    findings: tuple[Finding, ...]
    reviewed: dt.date | None = None  # the record's review stamp

    def to_dict(self) -> dict[str, Any]:
        def dump(r):
            return r.model_dump(mode="json", exclude_none=True)

        return {
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "state": dump(self.state),
            "standing_today": self.standing_today,
            "membership": dump(self.membership) if self.membership else None,
            "withdrawals": [dump(w) for w in self.withdrawals],
            "declarations": [dump(d) for d in self.declarations],
            "visits": [dump(v) for v in self.visits],
            "findings": [dump(f) for f in self.findings],
        }


def state_profile(state: str, kb: KnowledgeBase | None = None,
                  on: str | dt.date | None = None) -> StateProfile:
    kb = kb or bundled()
    code = resolver_for(kb).state(state)
    return StateProfile(
        kb.state_by_code[code],
        standing_on(kb, code, resolve_day(on)).describe(),
        kb.membership_of.get(code),
        kb.withdrawals_of.get(code, ()),
        kb.declarations_of.get(code, ()),
        kb.visits_to.get(code, ()),
        kb.findings_against.get(code, ()),
        kb.reviewed,
    )
