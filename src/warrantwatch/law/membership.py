"""A state's standing under the Rome Statute on a given day (arts. 125, 126, 127)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from enum import StrEnum

import msgspec

from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import Membership, Withdrawal


class Standing(StrEnum):
    PARTY = "state party"
    PENDING_ENTRY_INTO_FORCE = "ratified or acceded, not yet in force"
    WITHDRAWN = "former state party (withdrawal in effect)"
    SIGNATORY = "signatory, never ratified"
    SIGNATURE_WITHDRAWN = "signatory that gave notice it will not become a party"
    NON_SIGNATORY = "never signed nor acceded"
    UNDETERMINED = "cannot be determined from the recorded dates"


class StandingOn(msgspec.Struct, frozen=True):
    standing: Standing
    since: PartialDate | None = None
    membership: Membership | None = None
    withdrawal: Withdrawal | None = None  # in effect, or notified and pending
    reason: str = ""

    @property
    def pending_withdrawal(self) -> Withdrawal | None:
        return self.withdrawal if self.standing is Standing.PARTY else None

    def describe(self) -> str:
        since = f" since {self.since}" if self.since else ""
        return f"{self.standing.value}{since}"

    @property
    def sources(self) -> tuple[str, ...]:
        found: list[str] = []
        for record in (self.membership, self.withdrawal):
            if record is not None:
                found += record.sources
        return tuple(found)


def _undetermined(what: str, date: PartialDate, on: dt.date, **kw) -> StandingOn:
    return StandingOn(Standing.UNDETERMINED, reason=f"{what} is known only as {date}, "
                      f"which does not settle the standing on {on}", **kw)


def _pending(withdrawal: Withdrawal, on: dt.date) -> bool:
    """Notified by `on`, not certainly revoked by then: the state is a party under notice."""
    if not withdrawal.notified.on_or_before(on):
        return False
    revoked = withdrawal.revoked is not None and withdrawal.revocation_confirmed and \
        withdrawal.revoked.on_or_before(on)
    return not revoked


def standing_on(kb: KnowledgeBase, state: str, on: dt.date) -> StandingOn:
    """The state's standing on the day (the rules below, `_standing_on`), read from its table of
    standing changes: the answer can change only on the days its records' dates begin or end."""
    return standing_facts(kb, state, on)[0]


Facts = tuple[StandingOn, str, tuple[str, ...]]  # the standing, its description and its sources


def standing_facts(kb: KnowledgeBase, state: str, on: dt.date) -> Facts:
    """`standing_on`, with its description and its sources (what every answer about the state
    cites). From the second question about a state in a process (a server, a loop over days), read
    from its table of change days: worked out once for each span between two, shared by every day
    in it. (A command asks once per state: building the table first would only cost it time.)"""
    tables = kb.tables("law.membership")
    table = tables.get(state)
    if table is None:
        tables[state] = ()  # asked once
        return _facts(_standing_on(kb, state, on))
    if not table:
        table = tables[state] = (_change_days(kb, state), {})
    days, spans = table
    span = bisect_right(days, on)
    facts = spans.get(span)
    if facts is None:
        facts = _facts(_standing_on(kb, state, on))
        if facts[0].standing is not Standing.UNDETERMINED:  # an undetermined one names the day asked
            spans[span] = facts
    return facts


def _facts(standing: StandingOn) -> Facts:
    return standing, standing.describe(), standing.sources


def _change_days(kb: KnowledgeBase, state: str) -> list[dt.date]:
    """The days on which the state's standing can change; its spans are numbered by bisect_right
    (0 before the first day, n from the n-th day on). Every rule compares the day with a date of the
    state's membership or withdrawal records (PartialDate.on_or_before: False before its first day,
    True from its last day, None between), so any day of a span stands for all of it."""
    records = [kb.membership_of.get(state), *kb.withdrawals_of.get(state, ())]
    dates = [value for r in records if r is not None for name in r.__struct_fields__
             if isinstance(value := getattr(r, name), PartialDate)]
    return sorted({d for date in dates for d in (date.first_day, date.last_day)})


def _standing_on(kb: KnowledgeBase, state: str, on: dt.date) -> StandingOn:
    membership = kb.membership_of.get(state)
    withdrawals = kb.withdrawals_of.get(state, ())

    for withdrawal in withdrawals:
        # A revoked notification never took effect: a withdrawal cannot be undone once effective
        # (the state would have to accede again), so any recorded revocation came before it.
        if withdrawal.effective is None or (withdrawal.revoked is not None and withdrawal.revocation_confirmed):
            continue
        took_effect = withdrawal.effective.on_or_before(on)
        if took_effect and withdrawal.revoked is not None:
            return StandingOn(Standing.UNDETERMINED, membership=membership, withdrawal=withdrawal,
                              reason=f"its withdrawal was due to take effect on {withdrawal.effective}; a "
                                     f"revocation before then ({withdrawal.revoked}) is reported but not "
                                     "confirmed by the depositary. If the revocation stands, the state is still "
                                     "a party with every duty of one (arts. 86, 89(1)); if not, its withdrawal "
                                     "took effect and only the residual duty of art. 127(2) can be argued")
        if took_effect is None:
            return _undetermined("the withdrawal's effective date", withdrawal.effective, on,
                                 membership=membership, withdrawal=withdrawal)
        if took_effect:
            return StandingOn(Standing.WITHDRAWN, withdrawal.effective, membership, withdrawal)

    if membership is None:
        return StandingOn(Standing.NON_SIGNATORY)

    if membership.entry_into_force is not None:
        in_force = membership.entry_into_force.on_or_before(on)
        if in_force is None:
            return _undetermined("entry into force", membership.entry_into_force, on,
                                 membership=membership)
        if in_force:
            pending = next((w for w in withdrawals if _pending(w, on)), None)
            return StandingOn(Standing.PARTY, membership.entry_into_force, membership, pending)
        if membership.deposited is not None and membership.deposited.on_or_before(on):
            return StandingOn(Standing.PENDING_ENTRY_INTO_FORCE, membership.deposited, membership)

    if membership.signed is not None and membership.signed.on_or_before(on):
        if membership.signature_withdrawn and membership.signature_withdrawn.on_or_before(on):
            return StandingOn(Standing.SIGNATURE_WITHDRAWN, membership.signature_withdrawn,
                              membership)
        return StandingOn(Standing.SIGNATORY, membership.signed, membership)
    return StandingOn(Standing.NON_SIGNATORY, membership=membership)
