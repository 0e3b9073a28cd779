"""The Python API: names and dates in, engine results out. CLI, REST API and news call these.

Each function resolves user input (forgiving names, ISO dates), then makes one engine call.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from warrantwatch.clock import today
from warrantwatch.law.assessment import Assessment, World
from warrantwatch.law.currency import currency_caveat
from warrantwatch.law.membership import standing_on
from warrantwatch.law.obligation import assess as _assess
from warrantwatch.law.obligation import world as _world
from warrantwatch.law.timeline import Timeline
from warrantwatch.law.timeline import timeline as _timeline
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
        result = msgspec.structs.replace(result, place_name=where.label)
    return result


def world(person: str, on: str | dt.date | None = None, kb: KnowledgeBase | None = None) -> World:
    """Every state's obligation towards the person on the day."""
    kb = kb or bundled()
    return _world(kb, resolver_for(kb).person(person), resolve_day(on), as_of=today())


STATUTE_IN_FORCE = dt.date(2002, 7, 1)


def timeline(person: str, start: str | dt.date | None = None, end: str | dt.date | None = None,
             kb: KnowledgeBase | None = None, territories: bool = False) -> Timeline:
    """Each state's outcome intervals for the person from `start` (default: the Statute's entry into
    force, 2002-07-01) to `end` (default: today); with `territories`, also each dependent territory
    the world map draws (as the map assesses them)."""
    kb = kb or bundled()
    pid = resolver_for(kb).person(person)
    first = STATUTE_IN_FORCE if start is None else parse_day(start)
    last = resolve_day(end)
    result = _timeline(kb, pid, first, last, drawn_territories(kb) if territories else ())
    stale = currency_caveat(kb.reviewed, last, today(), kb.evidence_to)
    return msgspec.structs.replace(result, caveats=(stale,)) if stale else result


def drawn_unassessed(kb: KnowledgeBase) -> tuple[tuple[str, str], ...]:
    """(code, name) of each area the world map draws but assesses for no state (Western Sahara, Bir
    Tawil...): neither a state nor a territory of one in the knowledge base; Antarctica is not drawn."""
    from warrantwatch.geo.boundaries import load

    return tuple((a.code, a.name) for a in load("110m").areas if a.kind != "state" and a.code != "ATA"
                 and not (a.kind == "territory" and a.state in kb.state_by_code))


def drawn_territories(kb: KnowledgeBase) -> tuple[tuple[str, str, str], ...]:
    """(code, name, state) of each dependent territory the world map draws."""
    from warrantwatch.geo.boundaries import load

    return tuple((a.code, a.name, a.state) for a in load("110m").areas
                 if a.kind == "territory" and a.state in kb.state_by_code)


class PersonProfile(msgspec.Struct, frozen=True):
    person: Person
    warrants: tuple[tuple[Warrant, str], ...]  # each warrant with its state today
    visits: tuple[Visit, ...]
    findings: tuple[Finding, ...]
    visit_outcomes: tuple[str, ...] = ()  # the engine's outcome for the host on each visit
    visit_days: tuple[dt.date, ...] = ()  # the day each visit was assessed on
    host_names: dict[str, str] = msgspec.field(default_factory=dict)
    reviewed: dt.date | None = None  # the record's review stamp
    visit_evidence: tuple[str, ...] = ()  # per visit: sound, single_source or weak (source_rules.yaml)

    def to_dict(self) -> dict[str, Any]:
        evidence = self.visit_evidence or ("sound",) * len(self.visits)
        return {
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "person": self.person.dump(),
            "warrants": [{**w.dump(), "state_today": s}
                         for w, s in self.warrants],
            "visits": [{**v.dump(), "outcome": o,
                        "assessed_on": d.isoformat(), "host_name": self.host_names.get(v.host, v.host),
                        "evidence": e}
                       for v, o, d, e in zip(self.visits, self.visit_outcomes, self.visit_days, evidence,
                                             strict=True)],
            "findings": [f.dump() for f in self.findings],
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
        tuple(v.start.last_day for v in visits),
        {v.host: kb.state_by_code[v.host].name for v in visits},
        kb.reviewed,
        tuple(kb.grader.of(v).value for v in visits),
    )


class StateProfile(msgspec.Struct, frozen=True):
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
            return r.dump()

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
