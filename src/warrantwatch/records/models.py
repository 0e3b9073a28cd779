"""The records of the knowledge base: one frozen record class per kind of fact, each with its sources.

Unknown fields are errors (a typo in a field name must not silently drop a fact). The records are
msgspec Structs: frozen, keyword-only, slotted, and defined in C, so that a command that only reads
the knowledge base from its cache does not pay for generating dataclass methods (about 0.5 ms a
class). pydantic validates the data files (`records.load`) into these same classes, reading the
constraints below; it is imported only then.

No `from __future__ import annotations` here: the annotations are evaluated once, as the classes
are made, instead of being parsed back from text when the cache's decoder is built (~1.5 ms).
"""

import datetime as dt
from enum import Enum, StrEnum
from functools import cache
from typing import Annotated, Any

import msgspec

from warrantwatch.records.dates import PartialDate


class Constraint(msgspec.Struct, frozen=True):
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


def _empty() -> Any:
    return msgspec.field(default_factory=list)


def alias(name: str, default: Any = None) -> Any:
    """A field written under another name in the files (`from`, a Python keyword)."""
    return msgspec.field(default=default, name=name)


class Record(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """The base of every record: JSON-ready dictionaries, field order kept, empty values left out.

    Each record class says `kw_only=True` again (msgspec applies it to the fields a class defines).
    """

    def dump(self) -> dict[str, Any]:
        """As JSON: dates as ISO text, enums as their values, files' names (`from`), no None."""
        out: dict[str, Any] = {}
        for name, key in zip(self.__struct_fields__, self.__struct_encode_fields__, strict=True):
            value = getattr(self, name)
            if value is not None:
                out[key] = _json(value)
        return out

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Validation of the data files (records.load): pydantic validates a dataclass of the same
        fields, then the record is made from it; errors name the same fields and places."""
        from pydantic_core import core_schema

        names = cls.__struct_fields__

        def to_record(validated: Any) -> Record:
            return cls(**{name: getattr(validated, name) for name in names})

        return core_schema.no_info_after_validator_function(to_record, handler(_validated_form(cls)))


# Unknown fields are errors; `from` (the files' name) and `from_` (the field's) are both accepted.
_CONFIG = {"extra": "forbid", "validate_by_name": True, "validate_by_alias": True}


@cache
def _validated_form(model: type[Record]) -> type:
    """A frozen dataclass with the record's fields, types, defaults and file names: what pydantic
    validates (it validates dataclasses, not msgspec Structs), built only when files are validated."""
    import dataclasses
    import typing

    hints = typing.get_type_hints(model, include_extras=True)
    fields = []
    for f in msgspec.structs.fields(model):
        metadata = {"alias": f.encode_name} if f.encode_name != f.name else {}
        if f.default is not msgspec.NODEFAULT:
            spec = dataclasses.field(default=f.default, metadata=metadata)
        elif f.default_factory is not msgspec.NODEFAULT:
            spec = dataclasses.field(default_factory=f.default_factory, metadata=metadata)
        else:
            spec = dataclasses.field(metadata=metadata)
        fields.append((f.name, hints[f.name], spec))
    form = dataclasses.make_dataclass(model.__name__, fields, frozen=True, kw_only=True)
    form.__module__ = model.__module__
    form.__pydantic_config__ = _CONFIG  # type: ignore[attr-defined]
    return form


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


class State(Record, kw_only=True):
    iso3: Iso3
    name: Text
    other_names: list[Text] = _empty()
    adjectives: list[Text] = _empty()  # "Uzbek", "Kyrgyz": for reading news ("the Uzbek capital")
    un_member: bool
    # A state that became independent while the Statute was in force: before `independent_since` its
    # territory was part of `formerly_part_of` (South Sudan of Sudan until 9 July 2011), whose duties held there.
    independent_since: PartialDate | None = None
    formerly_part_of: Iso3 | None = None
    note: Text | None = None
    sources: Sources

    def part_of_on(self, on: dt.date) -> str | None:
        """The state whose territory this was on `on`, if it was not yet independent (else None)."""
        if self.independent_since is None or self.formerly_part_of is None or on >= self.independent_since.first_day:
            return None
        return self.formerly_part_of


class DepositKind(StrEnum):
    ratification = "ratification"
    accession = "accession"
    acceptance = "acceptance"
    approval = "approval"
    succession = "succession"


class Membership(Record, kw_only=True):
    state: Iso3
    signed: PartialDate | None = None
    deposited: PartialDate | None = None
    deposit_kind: DepositKind | None = None
    entry_into_force: PartialDate | None = None
    signature_withdrawn: PartialDate | None = None
    note: Text | None = None
    sources: Sources


class Withdrawal(Record, kw_only=True):
    state: Iso3
    notified: PartialDate
    effective: PartialDate | None = None
    revoked: PartialDate | None = None
    # False where a revocation is reported but not confirmed by the depositary: after the
    # effective date the state's standing is then undetermined, not guessed either way.
    revocation_confirmed: bool = True
    note: Text | None = None
    sources: Sources


class Declaration(Record, kw_only=True):
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


class Situation(Record, kw_only=True):
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


class Resolution(Record, kw_only=True):
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


class Position(Record, kw_only=True):
    title: Text
    state: Iso3 | None = None
    kind: PositionKind
    from_: PartialDate | None = alias("from")
    to: PartialDate | None = None
    references: list[Text] = _empty()
    # phrases that denote the person once the office ended ("the former Sudanese president"), from the day after `to`
    references_after: list[Text] = _empty()
    note: Text | None = None


class Pronoun(StrEnum):
    he = "he"
    she = "she"


class Person(Record, kw_only=True):
    id: Slug
    name: Text
    full_name: Text | None = None
    aliases: list[Text] = _empty()
    nationality: Iso3 | None = None
    born: PartialDate | None = None  # only where a source gives it (`born_source`); else left out
    born_source: Text | None = None
    positions: list[Position] = _empty()
    # "she" for a woman, so that "her visit" in a later sentence is read as hers and not as that of a man named
    # after her ("Simone Gbagbo ... among Laurent Gbagbo's supporters. ... who has completed her visit"); the rules
    # read a person without it as "he"
    pronoun: Pronoun | None = None
    note: Text | None = None
    sources: Sources


class WarrantStatusKind(StrEnum):
    outstanding = "outstanding"
    in_custody = "in_custody"
    deceased = "deceased"
    terminated = "terminated"
    withdrawn = "withdrawn"


class WarrantStatus(Record, kw_only=True):
    since: PartialDate
    status: WarrantStatusKind
    # in_custody: the state holding the person, where it is a state and not the Court (the person is
    # arrested but not yet surrendered: the warrant is not yet executed).
    held_by: Iso3 | None = None
    note: Text | None = None


class Warrant(Record, kw_only=True):
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


class Visit(Record, kw_only=True):
    person: Slug
    host: Iso3
    start: PartialDate
    end: PartialDate | None = None
    kind: VisitKind
    occasion: Text | None = None
    note: Text | None = None
    sources: Sources


class Finding(Record, kw_only=True):
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


class Association(Record, kw_only=True):
    """An aircraft reported as used by (or tagged for) a person: never proof that they are aboard."""

    person: Slug
    confidence: Confidence
    note: Text | None = None
    sources: Sources


class Aircraft(Record, kw_only=True):
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


class Review(Record, kw_only=True):
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


class SourceRule(Record, kw_only=True):
    """How sources are graded (data/source_rules.yaml): by web domain, or by document-reference pattern."""

    grade: SourceGrade
    domains: list[Text] = _empty()  # a host (its subdomains too), or host/path-prefix for one part of a site
    documents: list[Text] = _empty()  # regular expressions for references that are not URLs (ICC-..., S/RES/...)
    note: Text | None = None


class Request(Record, kw_only=True):
    """The Court's request to a state to arrest and surrender the person under a warrant (arts. 89(1),
    91): what makes a sealed warrant bind that state. `sent` where a source dates it; `executed` where
    the state arrested the person on it (proof that the request had reached it)."""

    warrant: Slug
    state: Iso3
    sent: PartialDate | None = None
    executed: PartialDate | None = None
    note: Text | None = None
    sources: Sources


class Territory(Record, kw_only=True):
    """A territory for whose international relations a state is responsible, and whether (from when)
    that state's ratification of the Statute extends to it, from the depositary record."""

    code: Iso3  # the territory's own ISO 3166-1 alpha-3 code (GRL, BMU, ...)
    name: Text
    other_names: list[Text] = _empty()
    state: Iso3
    applies_from: PartialDate | None = None  # None: the ratification does not extend to it
    note: Text | None = None
    sources: Sources


class Place(Record, kw_only=True):
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


class Venue(Record, kw_only=True):
    """A place that news names and the gazetteer's city list does not give (a seat of government, a resort, a town
    too small for the list, a spelling): the state it lies in, for reading news only."""

    name: Text
    other_names: list[Text] = _empty()
    state: Iso3
    note: Text | None = None
    sources: Sources


class Stance(StrEnum):
    would_arrest = "would_arrest"
    would_not_arrest = "would_not_arrest"
    immunity = "immunity"
    exemption_sought = "exemption_sought"
    explanation = "explanation"


class StatedPosition(Record, kw_only=True):
    """A government's public statement about executing a specific warrant: news, not law."""

    state: Iso3
    person: Slug
    date: PartialDate
    stance: Stance
    speaker: Text
    summary: Text
    note: Text | None = None
    sources: Sources
