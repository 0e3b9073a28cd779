"""The KnowledgeBase: every record, validated, immutable, indexed for the engine."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

import msgspec

from warrantwatch.errors import RecordInvalid
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.files import FILE_KINDS
from warrantwatch.records.models import (
    Aircraft,
    Declaration,
    Finding,
    Membership,
    Person,
    Place,
    Request,
    Resolution,
    Review,
    Situation,
    SourceRule,
    State,
    StatedPosition,
    Territory,
    Venue,
    Visit,
    Warrant,
    Withdrawal,
)


def _index(records: Iterable, key: str) -> Mapping:
    return MappingProxyType({getattr(r, key): r for r in records})


def _group(records: Iterable, key: str) -> Mapping:
    groups: dict[str, list] = defaultdict(list)
    for record in records:
        groups[getattr(record, key)].append(record)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


# eq=False: identity hashing, so per-KB caches (the resolver) are cheap to key; dict=True: room for
# the indexes (cached properties), built on first use; weakref=True: per-KB tables kept beside it.
class KnowledgeBase(msgspec.Struct, frozen=True, eq=False, dict=True, weakref=True):
    states: tuple[State, ...]
    memberships: tuple[Membership, ...] = ()
    withdrawals: tuple[Withdrawal, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    situations: tuple[Situation, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    persons: tuple[Person, ...] = ()
    warrants: tuple[Warrant, ...] = ()
    visits: tuple[Visit, ...] = ()
    findings: tuple[Finding, ...] = ()
    aircraft: tuple[Aircraft, ...] = ()
    requests: tuple[Request, ...] = ()
    territories: tuple[Territory, ...] = ()
    places: tuple[Place, ...] = ()
    venues: tuple[Venue, ...] = ()
    positions: tuple[StatedPosition, ...] = ()
    reviews: tuple[Review, ...] = ()
    source_rules: tuple[SourceRule, ...] = ()
    source_dir: Path | None = None
    # Derived, not facts: each state's ISO 3166 names (pycountry), for the name resolver. Kept
    # with the knowledge base so that a command read from the cache need not load pycountry.
    country_forms: Mapping[str, tuple[str, ...]] | None = None
    # Derived when the cache is built (records.cache), not facts, so that a command read from it
    # need not rebuild them: the name indexes of states and persons (records.resolve.NameTables)
    # and each record's evidence grade by table, in table order (records.sources.Evidence). None for
    # a knowledge base just validated: they are then built on first use, as they always were.
    name_tables: Mapping[str, Any] | None = None
    evidence: Mapping[str, tuple[Any, ...]] | None = None

    @cached_property
    def state_by_code(self) -> Mapping[str, State]:
        return _index(self.states, "iso3")

    @cached_property
    def membership_of(self) -> Mapping[str, Membership]:
        return _index(self.memberships, "state")

    @cached_property
    def withdrawals_of(self) -> Mapping[str, tuple[Withdrawal, ...]]:
        return _group(self.withdrawals, "state")

    @cached_property
    def declarations_of(self) -> Mapping[str, tuple[Declaration, ...]]:
        return _group(self.declarations, "state")

    @cached_property
    def situation_by_id(self) -> Mapping[str, Situation]:
        return _index(self.situations, "id")

    @cached_property
    def resolutions_for(self) -> Mapping[str, tuple[Resolution, ...]]:
        return _group(self.resolutions, "situation")

    @cached_property
    def person_by_id(self) -> Mapping[str, Person]:
        return _index(self.persons, "id")

    @cached_property
    def person_names(self) -> Mapping[str, str]:
        return MappingProxyType({p.id: p.name for p in self.persons})

    @cached_property
    def warrants_of(self) -> Mapping[str, tuple[Warrant, ...]]:
        return _group(self.warrants, "person")

    @cached_property
    def visits_of(self) -> Mapping[str, tuple[Visit, ...]]:
        return _group(self.visits, "person")

    @cached_property
    def visits_to(self) -> Mapping[str, tuple[Visit, ...]]:
        return _group(sorted(self.visits, key=lambda v: v.start.sort_key), "host")

    @cached_property
    def findings_against(self) -> Mapping[str, tuple[Finding, ...]]:
        return _group(self.findings, "state")

    @cached_property
    def aircraft_by_icao24(self) -> Mapping[str, tuple[Aircraft, ...]]:
        return _group(self.aircraft, "icao24")

    @cached_property
    def requests_under(self) -> Mapping[str, tuple[Request, ...]]:
        return _group(self.requests, "warrant")

    @cached_property
    def territory_by_code(self) -> Mapping[str, Territory]:
        return _index(self.territories, "code")

    @cached_property
    def territories_of(self) -> Mapping[str, tuple[Territory, ...]]:
        """States whose ratification's territorial scope the depositary record defines."""
        return _group(self.territories, "state")

    @cached_property
    def place_by_id(self) -> Mapping[str, Place]:
        return _index(self.places, "id")

    @cached_property
    def positions_of(self) -> Mapping[str, tuple[StatedPosition, ...]]:
        return _group(sorted(self.positions, key=lambda p: p.date.sort_key), "state")

    @cached_property
    def latest_fact(self) -> dt.date | None:
        """The most recent dated fact: how far the data reaches, for "as of" statements."""
        dates = [v.end or v.start for v in self.visits] + [f.date for f in self.findings]
        dates += [s.since for w in self.warrants for s in w.status]
        dates += [w.made_public for w in self.warrants]
        dates += [m.deposited for m in self.memberships if m.deposited]
        dates += [p.date for p in self.positions]
        dates += [d for r in self.requests for d in (r.sent, r.executed) if d]
        return max((d.last_day for d in dates), default=None)

    @cached_property
    def review_of(self) -> Mapping[str, Review]:
        return _index(self.reviews, "kind")

    @cached_property
    def reviewed(self) -> dt.date | None:
        """The day the record as a whole was last reviewed: the oldest of the per-kind stamps."""
        return min((r.reviewed.first_day for r in self.reviews), default=None)

    @cached_property
    def evidence_to(self) -> PartialDate | None:
        """The newest evidence the reviews found, where they say it ends before the review day."""
        named = [r.evidence_to for r in self.reviews if r.evidence_to is not None]
        return max(named, key=lambda d: d.sort_key, default=None)

    @cached_property
    def grader(self):
        """Grades sources and records by the rules in source_rules.yaml (records.sources)."""
        from warrantwatch.records.sources import Grader

        known = None
        if self.evidence is not None:  # graded when the cache was built
            known = {tuple(r.sources): grade for name, grades in self.evidence.items()
                     for r, grade in zip(getattr(self, name), grades, strict=True)}
        return Grader(self.source_rules, known)

    def tables(self, owner: str) -> dict:
        """A dictionary kept with this knowledge base for tables a layer above derives from it (the
        engine's per-state tables of standing changes and host records: law.membership,
        law.obligation), made empty on first use. Cheaper to reach than a weak-keyed registry: the
        engine asks for it once per state in world()."""
        found = self.__dict__.get(owner)
        if found is None:
            found = self.__dict__[owner] = {}
        return found

    def counts(self) -> dict[str, int]:
        return {
            "states": len(self.states),
            "states_with_rome_statute_records": len(self.memberships),
            "withdrawals": len(self.withdrawals),
            "declarations_12_3": len(self.declarations),
            "situations": len(self.situations),
            "resolutions": len(self.resolutions),
            "persons": len(self.persons),
            "warrants": len(self.warrants),
            "visits": len(self.visits),
            "findings": len(self.findings),
            "aircraft": len(self.aircraft),
            "requests": len(self.requests),
            "territories": len(self.territories),
            "places": len(self.places),
            "venues": len(self.venues),
            "stated_positions": len(self.positions),
        }


def load(data_dir: Path | str | None = None) -> KnowledgeBase:
    """Read and validate a data directory; `RecordInvalid` lists every problem found."""
    from warrantwatch.records.checks import check_all
    from warrantwatch.records.iso import country_forms
    from warrantwatch.records.load import default_data_dir, read_all

    path = Path(data_dir) if data_dir is not None else default_data_dir()
    loaded, problems = read_all(path)
    problems += check_all(loaded)
    if problems:
        raise RecordInvalid(problems)
    records = {kind.table: tuple(i.record for i in loaded[kind]) for kind in FILE_KINDS}
    return KnowledgeBase(
        **records,
        source_dir=path,
        country_forms=MappingProxyType({s.iso3: tuple(country_forms(s.iso3)) for s in records["states"]}),
    )


@cache
def bundled() -> KnowledgeBase:
    """The knowledge base shipped with warrantwatch, loaded once per process.

    Validating the YAML files takes a tenth of a second or more; the validated records are kept on
    disk as JSON (`records.cache`: nothing in it can run code), matched to the data files and this
    package's code by their names, sizes and times (their contents where those cannot vouch for
    them), and rebuilt silently when anything about it is in doubt.
    """
    from warrantwatch.records import cache
    from warrantwatch.records.files import default_data_dir

    data_dir = default_data_dir()
    tables, kb = cache.load(data_dir, lambda: load(data_dir))
    return KnowledgeBase(**tables, source_dir=data_dir) if tables is not None else kb
