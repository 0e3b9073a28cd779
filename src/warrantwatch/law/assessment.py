"""What the engine returns: an outcome, its legal basis, caveats, the host's record, sources."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import msgspec

from warrantwatch.records.models import Finding, StatedPosition, Visit


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


class Basis(msgspec.Struct, frozen=True):
    ref: str  # "Rome Statute, art. 89(1)", "S/RES/1593 (2005), op. para. 2"
    why: str


class Caveat(msgspec.Struct, frozen=True):
    kind: str  # a stable key: immunity, consultation, pending_withdrawal, ...
    text: str
    contested: bool = False


class HostRecord(msgspec.Struct, frozen=True):
    """What the host did up to the day (visits by warrant subjects it received, findings against it,
    its stated positions on specific warrants), and what it did later, kept apart."""

    visits: tuple[Visit, ...] = ()
    findings: tuple[Finding, ...] = ()
    positions: tuple[StatedPosition, ...] = ()
    later_visits: tuple[Visit, ...] = ()
    later_findings: tuple[Finding, ...] = ()
    later_positions: tuple[StatedPosition, ...] = ()
    person_names: Mapping[str, str] = msgspec.field(default_factory=dict)

    def name(self, person: str | None) -> str | None:
        return self.person_names.get(person, person) if person else None

    def _dump(self, record) -> dict[str, Any]:
        data = record.dump()
        if getattr(record, "person", None):
            data["person_name"] = self.name(record.person)
        return data

    def _event_lines(self, visits, findings, mark: str) -> list[str]:
        lines = []
        for v in visits:
            end = f" to {v.end}" if v.end and v.end != v.start else ""
            occasion = f" ({v.occasion})" if v.occasion else ""
            lines.append(f"{mark}{v.start}{end}: {self.name(v.person)} — {v.kind.value}{occasion}")
        for f in findings:
            verdict = "non-compliance found" if f.non_compliance else "no non-compliance finding"
            referred = f", referred to {', '.join(f.referred_to)}" if f.referred_to else ""
            about = f" about {self.name(f.person)}" if f.person else " (not about an arrest warrant)"
            doc = f" [{f.document}]" if f.document else ""
            appeal = f" Appeal: {f.appeal}" if f.appeal else ""
            lines.append(f"{mark}{f.date}: {f.chamber}{about}, {verdict}{referred}{doc}.{appeal}")
        return lines

    def lines(self) -> tuple[list[str], list[str], list[str]]:
        """Text for output: the record up to the day, the stated positions (marked [later] where
        after the day), and what happened later, marked [later]. Names, not ids."""
        before = self._event_lines(self.visits, self.findings, "")
        positions = [f"{mark}{p.date}, {p.speaker}, on {self.name(p.person)}: {p.summary}"
                     for mark, group in (("", self.positions), ("[later] ", self.later_positions))
                     for p in group]
        later = self._event_lines(self.later_visits, self.later_findings, "[later] ")
        return before, positions, later

    def to_dict(self) -> dict[str, Any]:
        return {
            "visits": [self._dump(v) for v in self.visits],
            "findings": [self._dump(f) for f in self.findings],
            "stated_positions": [self._dump(p) for p in self.positions],
            "later": {
                "visits": [self._dump(v) for v in self.later_visits],
                "findings": [self._dump(f) for f in self.later_findings],
                "stated_positions": [self._dump(p) for p in self.later_positions],
            },
        }


class Assessment(msgspec.Struct, frozen=True):
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
    record: HostRecord = msgspec.field(default_factory=HostRecord)
    sources: tuple[str, ...] = ()
    reviewed: dt.date | None = None  # the record's review stamp (data/reviews.yaml)
    place: str | None = None  # a territory code or a place id, when the question named one
    place_name: str | None = None

    @property
    def area(self) -> str:
        """The code of the area this answer is for: the state's own, or that of a later state whose
        territory was part of it on the day (South Sudan's before 9 July 2011, answered as Sudan's)."""
        return self.place if self.place and any(c.kind == "succession" for c in self.caveats) else self.state

    @property
    def area_name(self) -> str:
        return f"{self.place_name} (part of {self.state_name})" if self.area != self.state else self.state_name

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "person_name": self.person_name,
            "state": self.state,
            "state_name": self.state_name,
            "place": self.place,
            "place_name": self.place_name,
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
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
        }


class World(msgspec.Struct, frozen=True):
    person: str
    person_name: str
    on: dt.date
    assessments: tuple[Assessment, ...]
    reviewed: dt.date | None = None
    caveats: tuple[Caveat, ...] = ()  # those that apply to every state's answer (future, review_age)

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
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "caveats": [{"kind": c.kind, "text": c.text} for c in self.caveats],
            # (keyed by area: South Sudan's before 2011 under "SSD", answered as Sudan's, with "part_of")
            "states": {a.area: {"outcome": a.outcome.name, "name": a.area_name, "summary": a.summary,
                                **({"part_of": a.state} if a.area != a.state else {})} for a in self.assessments},
        }
