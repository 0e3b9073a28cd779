"""Answers over time: each state's outcome for a person over a range of days, as intervals.

An outcome can change only on a day when a recorded fact begins to apply: a warrant is issued, made
public or ends; a state signs, deposits, comes under the Statute, withdraws or lodges a declaration.
So instead of assessing every day, `timeline()` collects those change days (for the person, and for
each state its own), assesses the state on the first day of the range and on each change day inside
it, and merges runs with the same outcome and rule. The rules themselves stay in `obligation.py`:
each interval's outcome is exactly what `assess()` gives for any day inside it (a property test
checks that against random days).

A fact known only to the month or the year opens a span in which the engine cannot settle the
question; its first and last possible days are both change days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import msgspec

from warrantwatch.law.assessment import Assessment, Caveat, Outcome
from warrantwatch.law.obligation import PersonOn, assess_state, person_on, state_then
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import WarrantStatusKind

ONE_DAY = dt.timedelta(days=1)

RULES = {
    Outcome.NO_ACTIVE_WARRANT: "rule 1: no public warrant outstanding",
    Outcome.OBLIGED: "rule 2: state party (arts. 86, 89(1))",
    Outcome.RESIDUAL_DUTY: "rule 3: former party, art. 127(2)",
    Outcome.OBLIGED_OTHER: "rule 4: Security Council resolution or art. 12(3) declaration",
    Outcome.NOT_OBLIGED: "rule 5: no duty",
    Outcome.UNDETERMINED: "undetermined: the recorded facts do not settle it",
}


class Interval(msgspec.Struct, frozen=True):
    """Days `start`..`end` (both included) with one outcome, the rule that gives it, and the facts
    that begin to apply on `start` (empty for the first interval of the range)."""

    start: dt.date
    end: dt.date
    outcome: Outcome
    rule: str
    basis: tuple[str, ...]
    changes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "outcome": self.outcome.name,
                "rule": self.rule, "basis": list(self.basis), "changes": list(self.changes)}


class StateTimeline(msgspec.Struct, frozen=True):
    state: str  # the state, or a dependent territory's code (then `of` names its state)
    state_name: str
    intervals: tuple[Interval, ...]
    of: str | None = None

    def outcome_on(self, day: dt.date) -> Outcome | None:
        for interval in self.intervals:
            if interval.start <= day <= interval.end:
                return interval.outcome
        return None


class Timeline(msgspec.Struct, frozen=True):
    person: str
    person_name: str
    start: dt.date
    end: dt.date
    states: tuple[StateTimeline, ...]
    reviewed: dt.date | None = None  # the record's review stamp
    caveats: tuple[Caveat, ...] = ()  # review_age: the range reaches past the review, or it is old

    @property
    def change_days(self) -> tuple[dt.date, ...]:
        """Every day on which at least one state's outcome changes, in order."""
        return tuple(sorted({i.start for s in self.states for i in s.intervals[1:]}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "person_name": self.person_name,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "caveats": [{"kind": c.kind, "text": c.text} for c in self.caveats],
            "change_days": [d.isoformat() for d in self.change_days],
            "states": {s.state: {"name": s.state_name, "intervals": [i.to_dict() for i in s.intervals]}
                       for s in self.states if s.of is None},
            "territories": {s.state: {"name": s.state_name, "state": s.of,
                                      "intervals": [i.to_dict() for i in s.intervals]}
                            for s in self.states if s.of is not None},
        }


def _days(date: PartialDate | None, what: str) -> Iterator[tuple[dt.date, str]]:
    """The days on which a (partial) date's fact can start to matter: its first and last possible
    day (a comparison on a day between them cannot be settled)."""
    if date is None:
        return
    if date.is_exact:
        yield date.first_day, what
        return
    yield date.first_day, f"{what} (known only as {date}: from here the day is uncertain)"
    yield date.last_day, f"{what} (known only as {date}: certainly by this day)"


def person_changes(kb: KnowledgeBase, person_id: str) -> list[tuple[dt.date, str]]:
    """Days when the person's warrants change (issued, made public, a new status)."""
    name = kb.person_by_id[person_id].name
    found: list[tuple[dt.date, str]] = []
    for w in kb.warrants_of.get(person_id, ()):
        warrant = f"the ICC warrant of {w.issued} for {name}"
        found += _days(w.issued, f"{warrant} is issued" + (" under seal" if w.made_public != w.issued else ""))
        if w.made_public != w.issued:
            found += _days(w.made_public, f"{warrant} is made public")
        for status in w.status:
            if status.status is WarrantStatusKind.outstanding and status.since == w.made_public:
                continue
            found += _days(status.since, f"{warrant}: {status.status.value.replace('_', ' ')}")
    return found


def state_changes(kb: KnowledgeBase, state: str) -> list[tuple[dt.date, str]]:
    """Days when the state's standing or its other instruments change."""
    name = kb.state_by_code[state].name
    found: list[tuple[dt.date, str]] = []
    m = kb.membership_of.get(state)
    if m is not None:
        found += _days(m.signed, f"{name} signs the Statute")
        found += _days(m.deposited, f"{name} deposits its instrument")
        found += _days(m.entry_into_force, f"the Statute enters into force for {name} (art. 126)")
        found += _days(m.signature_withdrawn, f"{name} withdraws its signature")
    for w in kb.withdrawals_of.get(state, ()):
        found += _days(w.notified, f"{name} notifies its withdrawal")
        found += _days(w.effective, f"{name}'s withdrawal takes effect (art. 127(1))")
        found += _days(w.revoked, f"{name} revokes its withdrawal")
    for d in kb.declarations_of.get(state, ()):
        found += _days(d.lodged, f"{name} lodges an art. 12(3) declaration")
    record = kb.state_by_code[state]
    if record.independent_since is not None and record.formerly_part_of is not None:
        # before independence its territory was the other state's, whose changes then were its own (South Sudan's
        # answers before 9 July 2011 are Sudan's)
        found += _days(record.independent_since, f"{name} becomes independent")
        independence = record.independent_since.first_day
        found += [(day, what) for day, what in state_changes(kb, record.formerly_part_of) if day < independence]
    return found


def _rule(a: Assessment) -> tuple[str, tuple[str, ...]]:
    rule = RULES[a.outcome]
    if a.outcome is Outcome.NOT_OBLIGED:
        rule += f" ({a.standing})"
    return rule, tuple(b.ref for b in a.basis)


def _merge(points: Iterable[tuple[dt.date, Assessment, tuple[str, ...]]],
           end: dt.date) -> tuple[Interval, ...]:
    intervals: list[Interval] = []
    for day, assessment, changes in points:
        rule, basis = _rule(assessment)
        if intervals and (intervals[-1].outcome, intervals[-1].rule, intervals[-1].basis) == \
                (assessment.outcome, rule, basis):
            continue
        if intervals:
            last = intervals[-1]
            intervals[-1] = Interval(last.start, day - ONE_DAY, last.outcome, last.rule, last.basis,
                                     last.changes)
        intervals.append(Interval(day, end, assessment.outcome, rule, basis, changes))
    return tuple(intervals)


def _warrant_key(ctx: PersonOn) -> tuple:
    """What of the person's situation on a day the outcome can depend on: each warrant's state (and
    so the active warrants and their situations). Offices held change caveats only."""
    return tuple((w.warrant.id, w.state) for w in ctx.warrants)


def territory_changes(kb: KnowledgeBase, code: str, state: str) -> list[tuple[dt.date, str]]:
    """The state's own change days, and the day its ratification starts to reach the territory."""
    found = state_changes(kb, state)
    record = kb.territory_by_code.get(code)
    if record is not None:
        state_name = kb.state_by_code[state].name
        found += _days(record.applies_from, f"{state_name}'s ratification extends to {record.name}")
    return found


def timeline(kb: KnowledgeBase, person_id: str, start: dt.date, end: dt.date,
             territories: Iterable[tuple[str, str, str]] = ()) -> Timeline:
    """Each state's outcome intervals for the person from `start` to `end` (both included), and those
    of each territory given as (code, name, state): a ratification may not (yet) reach it."""
    if end < start:
        from warrantwatch.errors import BadDate

        raise BadDate(f"{start}..{end}", "the range ends before it starts")
    contexts: dict[dt.date, PersonOn] = {}

    def ctx(day: dt.date) -> PersonOn:
        found = contexts.get(day)
        if found is None:
            found = contexts[day] = person_on(kb, person_id, day)
        return found

    by_day: dict[dt.date, list[str]] = {}
    for day, what in person_changes(kb, person_id):
        by_day.setdefault(day, []).append(what)
    # A day on which no warrant of the person changes its state (active, sealed, ended, ...) changes
    # no state's outcome by itself: only the days where that state changes are kept.
    person_days: dict[dt.date, tuple[str, ...]] = {}
    key = _warrant_key(ctx(start))
    for day in sorted(d for d in by_day if start < d <= end):
        now = _warrant_key(ctx(day))
        if now != key:
            person_days[day] = tuple(by_day[day])
            key = now

    def intervals(changes: list[tuple[dt.date, str]], state: str, place: str | None) -> tuple[Interval, ...]:
        own: dict[dt.date, list[str]] = {d: list(w) for d, w in person_days.items()}
        for day, what in changes:
            if start < day <= end:
                own.setdefault(day, []).append(what)
        days = [(start, ())] + [(d, tuple(own[d])) for d in sorted(own)]
        points = ((day, assess_state(kb, ctx(day), *state_then(kb, state, day, place)), changes)
                  for day, changes in days)
        return _merge(points, end)

    states = [StateTimeline(s.iso3, s.name, intervals(state_changes(kb, s.iso3), s.iso3, None))
              for s in kb.states]
    states += [StateTimeline(code, name, intervals(territory_changes(kb, code, state), state, code), state)
               for code, name, state in territories if state in kb.state_by_code]
    person = kb.person_by_id[person_id]
    return Timeline(person.id, person.name, start, end, tuple(states), kb.reviewed)
