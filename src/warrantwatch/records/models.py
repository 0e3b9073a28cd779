"""The records of the knowledge base: one frozen data@record
class per kind of fact, each with its sources.

Unknown fields are errors (a typo in a field name must not silently drop a fact). The records are
plain dataclasses: the engine reads them without pydantic. pydantic validates the data files
(`records.load`) into these same classes, reading the constraints below; it is imported only then.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Annotated, Any

from warrantwatch.records.dates import PartialDate


@dataclass(frozen=True, slots=True)
class Constraint:
    """Constraints on a str or list field, as pydantic-core's schema keys (pattern, min_length, ...)."""

    keys: tuple[tuple[str, Any], ...]

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), **dict(self.keys)}


def _constraint(**keys: Any) -> Constraint:
    return Constraint(tuple(keys.items()))


Iso3 = Annotated[str, _constraint(pattern=r"^[A-Z]{3}$")]
Slug = Annotated[str, _constraint(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, _constraint(min_length=1, strip_whitespace=True)]
Sources = Annotated[list[Text], _constraint(min_length=1)]

# Every record: frozen, keyword-only, unknown fields refused when the files are validated.
record = dataclass(frozen=True, kw_only=True, slots=True)
_CONFIG = {"extra": "forbid", "validate_by_name": True, "validate_by_alias": True}


def _empty() -> Any:
    return dataclasses.field(default_factory=list)


def alias(name: str, default: Any = None) -> Any:
    """A field written under another name in the files (`from`, a Python keyword)."""
    return dataclasses.field(default=default, metadata={"alias": name})


class Record:
    """The base of every record: JSON-ready dictionaries, field order kept, empty values left out."""

    __slots__ = ()
    __pydantic_config__ = _CONFIG

    def dump(self) -> dict[str, Any]:
        """As JSON: dates as ISO text, enums as their values, files' names (`from`), no None."""
        out: dict[str, Any] = {}
        for name, key in _fields_of(type(self)):
            value = getattr(self, name)
            if value is not None:
                out[key] = _json(value)
        return out


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _fields_of(kind: type) -> tuple[tuple[str, str], ...]:
    """(attribute, name in JSON) of each field of a record class, found once per class."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple((f.name, f.metadata.get("alias", f.name))
                                      for f in dataclasses.fields(kind))  # type: ignore[arg-type]
    return found


_PLAIN = frozenset({str, int, float, bool})


def _json(value: Any) -> Any:
    kind = type(value)  # the common cases first, by exact type (a str or int subclass takes the long way)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        return [_json(v) for v in value]
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, Record):
        return value.dump()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


@record
class State(Record):
    iso3: Iso3
    name: Text
    other_names: list[Text] = _empty()
    adjectives: list[Text] = _empty()  # "Uzbek", "Kyrgyz": for reading news ("the Uzbek capital")
    un_member: bool
    note: Text | None = None
    sources: Sources


class DepositKind(StrEnum):
    ratification = "ratification"
    accession = "accession"
    acceptance = "acceptance"
    approval = "approval"
    succession = "succession"


@record
class Membership(Record):
    state: Iso3
    signed: PartialDate | None = None
    deposited: PartialDate | None = None
    deposit_kind: DepositKind | None = None
    entry_into_force: PartialDate | None = None
    signature_withdrawn: PartialDate | None = None
    note: Text | None = None
    sources: Sources


@record
class Withdrawal(Record):
    state: Iso3
    notified: PartialDate
    effective: PartialDate | None = None
    revoked: PartialDate | None = None
    # False where a revocation is reported but not confirmed by the depositary: after the
    # effective date the state's standing is then undetermined, not guessed either way.
    revocation_confirmed: bool = True
    note: Text | None = None
    sources: Sources


@record
class Declaration(Record):
    state: Iso3
    lodged: PartialDate
    period_from: PartialDate | None = None
    period_to: PartialDate | None = None
    situation: Slug | None = None
    note: Text | None = None
    sources: Sources


class Trigger(StrEnum):
    state_referral = "state_referral"
    unsc_referral = "unsc_referral"
    proprio_motu = "proprio_motu"
    declaration = "declaration"


@record
class Situation(Record):
    id: Slug
    name: Text
    icc_code: Text | None = None
    states: list[Iso3] = _empty()
    trigger: Trigger
    referred: PartialDate | None = None
    # The Prosecutor's announcement of a preliminary examination: from then the matter is "under
    # consideration by the Court" for art. 127(2), as Pre-Trial Chamber I read it (Duterte, 2025).
    preliminary_examination: PartialDate | None = None
    investigation_opened: PartialDate | None = None
    note: Text | None = None
    sources: Sources


@record
class Resolution(Record):
    resolution: int
    adopted: PartialDate
    situation: Slug
    binds: list[Iso3]
    binding_text: Text
    urges_text: Text | None = None
    note: Text | None = None
    sources: Sources


class PositionKind(StrEnum):
    head_of_state = "head_of_state"
    head_of_government = "head_of_government"
    foreign_minister = "foreign_minister"
    minister = "minister"
    official = "official"
    military = "military"
    armed_group = "armed_group"


@record
class Position(Record):
    title: Text
    state: Iso3 | None = None
    kind: PositionKind
    from_: PartialDate | None = alias("from")
    to: PartialDate | None = None
    references: list[Text] = _empty()
    note: Text | None = None


@record
class Person(Record):
    id: Slug
    name: Text
    full_name: Text | None = None
    aliases: list[Text] = _empty()
    nationality: Iso3 | None = None
    born: PartialDate | None = None  # only where a source gives it (`born_source`); else left out
    born_source: Text | None = None
    positions: list[Position] = _empty()
    note: Text | None = None
    sources: Sources


class WarrantStatusKind(StrEnum):
    outstanding = "outstanding"
    in_custody = "in_custody"
    deceased = "deceased"
    terminated = "terminated"
    withdrawn = "withdrawn"


@record
class WarrantStatus(Record):
    since: PartialDate
    status: WarrantStatusKind
    # in_custody: the state holding the person, where it is a state and not the Court (the person is
    # arrested but not yet surrendered: the warrant is not yet executed).
    held_by: Iso3 | None = None
    note: Text | None = None


@record
class Warrant(Record):
    id: Slug
    person: Slug
    situation: Slug
    case: Text | None = None
    issued: PartialDate
    made_public: PartialDate
    role_when_issued: Text | None = None
    crimes: list[Text] = _empty()
    # The period of the alleged crimes, where the warrant or the Court's announcement states it:
    # an art. 12(3) declaration covers the warrant only if its period covers these dates.
    crimes_from: PartialDate | None = None
    crimes_to: PartialDate | None = None
    status: Annotated[list[WarrantStatus], _constraint(min_length=1)]
    note: Text | None = None
    sources: Sources


class VisitKind(StrEnum):
    occurred = "occurred"
    arrest = "arrest"
    planned = "planned"
    cancelled = "cancelled"
    remote = "remote"


@record
class Visit(Record):
    person: Slug
    host: Iso3
    start: PartialDate
    end: PartialDate | None = None
    kind: VisitKind
    occasion: Text | None = None
    note: Text | None = None
    sources: Sources


@record
class Finding(Record):
    id: Slug
    state: Iso3
    person: Slug | None = None
    date: PartialDate
    chamber: Text
    document: Text | None = None
    title: Text | None = None
    non_compliance: bool
    referred_to: list[Text] = _empty()
    visit: PartialDate | None = None
    appeal: Text | None = None
    topics: list[Slug] = _empty()
    note: Text | None = None
    sources: Sources


class Confidence(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


Icao24 = Annotated[str, _constraint(pattern=r"^[0-9a-f]{6}$")]


@record
class Association(Record):
    """An aircraft reported as used by (or tagged for) a person: never proof that they are aboard."""

    person: Slug
    confidence: Confidence
    note: Text | None = None
    sources: Sources


@record
class Aircraft(Record):
    """A watched state aircraft: its ICAO 24-bit address and registration, as long as they are valid."""

    icao24: Icao24
    registration: Text
    type: Text
    operator: Text
    state: Iso3  # the state that operates it
    valid_from: PartialDate | None = None  # None: not known (addresses and registrations get reused)
    valid_to: PartialDate | None = None
    callsigns: list[Text] = _empty()  # callsign prefixes reported in the press, e.g. "RSD"
    persons: list[Association] = _empty()
    note: Text | None = None
    sources: Sources


@record
class Review(Record):
    """The last day the facts of one kind of record were checked against sources (data/reviews.yaml)."""

    kind: Slug  # the file kind: states, membership, ..., visits (every kind has one review)
    reviewed: PartialDate  # to the day
    evidence_to: PartialDate | None = None  # the newest evidence the review found, when earlier
    scope: Text | None = None  # what was checked
    note: Text | None = None
    sources: Sources  # what was consulted


class SourceGrade(StrEnum):
    primary = "primary"  # the depositary, the Court, the UN, governments: documents speaking for themselves
    reputable = "reputable"  # press of record, wire agencies, established NGOs and academic publishers
    reference = "reference"  # encyclopaedias, compilations, document hosts: leads, not a sole basis
    weak = "weak"  # aggregators, mirrors, content farms, AI-written news, propaganda outlets


@record
class SourceRule(Record):
    """How sources are graded (data/source_rules.yaml): by web domain, or by document-reference pattern."""

    grade: SourceGrade
    domains: list[Text] = _empty()  # a host (its subdomains too), or host/path-prefix for one part of a site
    documents: list[Text] = _empty()  # regular expressions for references that are not URLs (ICC-..., S/RES/...)
    note: Text | None = None


@record
class Request(Record):
    """The Court's request to a state to arrest and surrender the person under a warrant (arts. 89(1),
    91): what makes a sealed warrant bind that state. `sent` where a source dates it; `executed` where
    the state arrested the person on it (proof that the request had reached it)."""

    warrant: Slug
    state: Iso3
    sent: PartialDate | None = None
    executed: PartialDate | None = None
    note: Text | None = None
    sources: Sources


@record
class Territory(Record):
    """A territory for whose international relations a state is responsible, and whether (from when)
    that state's ratification of the Statute extends to it, from the depositary record."""

    code: Iso3  # the territory's own ISO 3166-1 alpha-3 code (GRL, BMU, ...)
    name: Text
    other_names: list[Text] = _empty()
    state: Iso3
    applies_from: PartialDate | None = None  # None: the ratification does not extend to it
    note: Text | None = None
    sources: Sources


@record
class Place(Record):
    """An occupied or contested place: the state the UN recognises as sovereign, and who controls it."""

    id: Slug
    name: Text
    other_names: list[Text] = _empty()
    state: Iso3  # the territorial state recognised by the UN
    controlled_by: Iso3 | None = None  # the state exercising control, where one does
    control: Text  # who controls the place, in words
    control_from: PartialDate | None = None
    note: Text | None = None
    sources: Sources


class Stance(StrEnum):
    would_arrest = "would_arrest"
    would_not_arrest = "would_not_arrest"
    immunity = "immunity"
    exemption_sought = "exemption_sought"
    explanation = "explanation"


@record
class StatedPosition(Record):
    """A government's public statement about executing a specific warrant: news, not law."""

    state: Iso3
    person: Slug
    date: PartialDate
    stance: Stance
    speaker: Text
    summary: Text
    note: Text | None = None
    sources: Sources
