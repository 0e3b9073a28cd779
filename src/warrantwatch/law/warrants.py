"""Whether a warrant is public and outstanding on a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

import msgspec

from warrantwatch.records.models import Warrant, WarrantStatus, WarrantStatusKind


class WarrantState(StrEnum):
    ACTIVE = "public and outstanding"
    NOT_YET_ISSUED = "not yet issued"
    SEALED = "issued under seal, not yet public"
    ENDED = "no longer outstanding"
    UNDETERMINED = "cannot be determined from the recorded dates"


class WarrantOn(msgspec.Struct, frozen=True):
    warrant: Warrant
    state: WarrantState
    status: WarrantStatus | None = None

    @property
    def active(self) -> bool:
        return self.state is WarrantState.ACTIVE

    @property
    def reported_death(self) -> WarrantStatus | None:
        """A death reported before the Court terminated the case: the warrant is still in force."""
        if self.status is not None and self.status.status is WarrantStatusKind.deceased:
            return self.status
        return None

    @property
    def national_custody(self) -> WarrantStatus | None:
        """Arrested by a state, not yet surrendered: the warrant is not yet executed."""
        if self.status is not None and self.status.status is WarrantStatusKind.in_custody \
                and self.status.held_by is not None:
            return self.status
        return None

    def explain(self) -> str:
        w = self.warrant
        match self.state:
            case WarrantState.ACTIVE:
                return f"the warrant of {w.issued} is outstanding"
            case WarrantState.NOT_YET_ISSUED:
                return f"the warrant of {w.issued} was issued later"
            case WarrantState.SEALED:
                return (f"the warrant of {w.issued} was issued under seal and made public on "
                        f"{w.made_public}; before that its existence was not public")
            case WarrantState.ENDED:
                assert self.status is not None
                note = f" ({self.status.note})" if self.status.note else ""
                return f"the warrant of {w.issued}: {self.status.status.value.replace('_', ' ')} since " \
                       f"{self.status.since}{note}"
        return f"the warrant of {w.issued}: the recorded dates do not settle its status on this day"


def warrant_on(warrant: Warrant, on: dt.date) -> WarrantOn:
    issued = warrant.issued.on_or_before(on)
    if issued is False:
        return WarrantOn(warrant, WarrantState.NOT_YET_ISSUED)
    public = warrant.made_public.on_or_before(on)
    if issued is None or public is None:
        return WarrantOn(warrant, WarrantState.UNDETERMINED)
    if not public:
        return WarrantOn(warrant, WarrantState.SEALED)
    current: WarrantStatus | None = None
    for status in warrant.status:
        started = status.since.on_or_before(on)
        if started is None:
            return WarrantOn(warrant, WarrantState.UNDETERMINED, status)
        if started:
            current = status
    if current is None:  # public before its first recorded status: treated as outstanding
        return WarrantOn(warrant, WarrantState.ACTIVE)
    if current.status is WarrantStatusKind.outstanding:
        return WarrantOn(warrant, WarrantState.ACTIVE, current)
    # A reported death does not end a warrant: the Court must terminate the proceedings. Nor does an
    # arrest by a state: the warrant is executed when the person is surrendered to the Court.
    if current.status is WarrantStatusKind.deceased or (
            current.status is WarrantStatusKind.in_custody and current.held_by is not None):
        return WarrantOn(warrant, WarrantState.ACTIVE, current)
    return WarrantOn(warrant, WarrantState.ENDED, current)


def reported_death(warrants: Iterable[Warrant]) -> WarrantStatus | None:
    """The earliest death recorded in a person's warrants (a `deceased` status, dated by the report of
    the death), or None."""
    deaths = [s for w in warrants for s in w.status if s.status is WarrantStatusKind.deceased]
    return min(deaths, key=lambda s: s.since.first_day, default=None)
