"""Whether a warrant is public and outstanding on a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from warrantwatch.records.models import Warrant, WarrantStatus, WarrantStatusKind


class WarrantState(StrEnum):
    ACTIVE = "public and outstanding"
    NOT_YET_ISSUED = "not yet issued"
    SEALED = "issued under seal, not yet public"
    ENDED = "no longer outstanding"
    UNDETERMINED = "cannot be determined from the recorded dates"


@dataclass(frozen=True, slots=True)
class WarrantOn:
    warrant: Warrant
    state: WarrantState
    status: WarrantStatus | None = None

    @property
    def active(self) -> bool:
        return self.state is WarrantState.ACTIVE

    def explain(self) -> str:
        w = self.warrant
        name = f"the warrant of {w.issued}"
        match self.state:
            case WarrantState.ACTIVE:
                return f"{name} is outstanding"
            case WarrantState.NOT_YET_ISSUED:
                return f"the warrant ({w.case or w.situation}) was issued later, on {w.issued}"
            case WarrantState.SEALED:
                return (f"{name} was issued under seal and made public on "
                        f"{w.made_public}; before that its existence was not public")
            case WarrantState.ENDED:
                assert self.status is not None
                note = f" ({self.status.note})" if self.status.note else ""
                return f"{name}: {self.status.status.value.replace('_', ' ')} since " \
                       f"{self.status.since}{note}"
        return f"{name}: the recorded dates do not settle its status on this day"


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
    return WarrantOn(warrant, WarrantState.ENDED, current)
