"""What the engine returns: an outcome, its legal basis, caveats, the host's record, sources."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from warrantwatch.records.models import Finding, Visit


class Outcome(StrEnum):
    OBLIGED = "bound to arrest and surrender (state party)"
    OBLIGED_OTHER = "bound to arrest and surrender (Security Council resolution or art. 12(3))"
    RESIDUAL_DUTY = "residual duty after withdrawal (art. 127(2)), contested"
    NOT_OBLIGED = "no legal duty to arrest"
    NO_ACTIVE_WARRANT = "no public ICC warrant outstanding"
    UNDETERMINED = "cannot be decided from the recorded facts"

    @property
    def duty(self) -> bool:
        return self in (Outcome.OBLIGED, Outcome.OBLIGED_OTHER, Outcome.RESIDUAL_DUTY)


@dataclass(frozen=True, slots=True)
class Basis:
    ref: str  # "Rome Statute, art. 89(1)", "S/RES/1593 (2005), op. para. 2"
    why: str


@dataclass(frozen=True, slots=True)
class Caveat:
    kind: str  # a stable key: immunity, consultation, pending_withdrawal, ...
    text: str
    contested: bool = False


@dataclass(frozen=True, slots=True)
class HostRecord:
    """What the host did before: visits by warrant subjects it received, and findings against it."""

    visits: tuple[Visit, ...] = ()
    findings: tuple[Finding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "visits": [v.dump() for v in self.visits],
            "findings": [f.dump() for f in self.findings],
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    person: str
    person_name: str
    state: str
    state_name: str
    on: dt.date
    outcome: Outcome
    summary: str
    standing: str
    basis: tuple[Basis, ...] = ()
    caveats: tuple[Caveat, ...] = ()
    warrants: tuple[str, ...] = ()
    record: HostRecord = field(default_factory=HostRecord)
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "person_name": self.person_name,
            "state": self.state,
            "state_name": self.state_name,
            "on": self.on.isoformat(),
            "outcome": self.outcome.name,
            "outcome_text": self.outcome.value,
            "summary": self.summary,
            "standing": self.standing,
            "basis": [{"ref": b.ref, "why": b.why} for b in self.basis],
            "caveats": [{"kind": c.kind, "text": c.text, "contested": c.contested}
                        for c in self.caveats],
            "warrants": list(self.warrants),
            "record": self.record.to_dict(),
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class World:
    person: str
    person_name: str
    on: dt.date
    assessments: tuple[Assessment, ...]

    @property
    def counts(self) -> dict[str, int]:
        tally = Counter(a.outcome for a in self.assessments)
        return {o.name: tally[o] for o in Outcome if tally[o]}

    def by_outcome(self) -> dict[Outcome, list[Assessment]]:
        groups: dict[Outcome, list[Assessment]] = {}
        for a in self.assessments:
            groups.setdefault(a.outcome, []).append(a)
        return {o: groups[o] for o in Outcome if o in groups}

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "person_name": self.person_name,
            "on": self.on.isoformat(),
            "counts": self.counts,
            "states": {a.state: {"outcome": a.outcome.name, "name": a.state_name,
                                 "summary": a.summary} for a in self.assessments},
        }
