"""Whether a state's ratification covers a territory it is responsible for, on a day (VCLT art. 29 and
the territorial declarations in the depositary record), and what occupied or contested places are."""

from __future__ import annotations

import datetime as dt

import msgspec

from warrantwatch.records.knowledge import KnowledgeBase


class Scope(msgspec.Struct, frozen=True):
    covered: bool | None  # None: the record does not settle it
    text: str
    sources: tuple[str, ...] = ()


def territory_scope(kb: KnowledgeBase, state: str, code: str, name: str, on: dt.date) -> Scope:
    """Does `state`'s ratification extend to territory `code` on `on`?"""
    state_name = kb.state_by_code[state].name
    record = kb.territory_by_code.get(code)
    if record is not None:
        sources = tuple(record.sources)
        if record.applies_from is None:
            return Scope(False, f"{state_name}'s ratification does not extend to {name}. "
                         + (record.note or ""), sources)
        if record.applies_from.first_day > on:
            return Scope(False, f"{state_name}'s ratification did not yet extend to {name} on {on}: "
                         f"the Statute applies there from {record.applies_from}. " + (record.note or ""),
                         sources)
        return Scope(True, f"{state_name}'s ratification extends to {name} from {record.applies_from}. "
                     + (record.note or ""), sources)
    if state in kb.territories_of:
        listed = ", ".join(t.name for t in kb.territories_of[state])
        return Scope(None, f"{state_name} made territorial declarations for its ratification ({listed}); "
                     f"{name} is not among the territories the depositary record read lists, so whether "
                     "the Statute applies there is not settled by the recorded facts.")
    return Scope(True, f"{name} is a territory of {state_name}. No territorial declaration by "
                 f"{state_name} is recorded, and a treaty binds a party in respect of its entire "
                 "territory unless a different intention appears (Vienna Convention on the Law of "
                 "Treaties, art. 29).")
