"""The records of the knowledge base: one model per kind of fact, each with its sources.

Models are frozen; unknown fields are errors (a typo in a field name must not silently drop a fact).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from warrantwatch.records.dates import PartialDate

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Sources = Annotated[list[Text], Field(min_length=1)]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class State(Record):
    iso3: Iso3
    name: Text
    other_names: list[Text] = []
    adjectives: list[Text] = []  # "Uzbek", "Kyrgyz": for reading news ("the Uzbek capital")
    un_member: bool
    note: Text | None = None
    sources: Sources


class DepositKind(StrEnum):
    ratification = "ratification"
    accession = "accession"
    acceptance = "acceptance"
    approval = "approval"
    succession = "succession"


class Membership(Record):
    state: Iso3
    signed: PartialDate | None = None
    deposited: PartialDate | None = None
    deposit_kind: DepositKind | None = None
    entry_into_force: PartialDate | None = None
    signature_withdrawn: PartialDate | None = None
    note: Text | None = None
    sources: Sources


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


class Situation(Record):
    id: Slug
    name: Text
    icc_code: Text | None = None
    states: list[Iso3] = []
    trigger: Trigger
    referred: PartialDate | None = None
    # The Prosecutor's announcement of a preliminary examination: from then the matter is "under
    # consideration by the Court" for art. 127(2), as Pre-Trial Chamber I read it (Duterte, 2025).
    preliminary_examination: PartialDate | None = None
    investigation_opened: PartialDate | None = None
    note: Text | None = None
    sources: Sources


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


class Position(Record):
    title: Text
    state: Iso3 | None = None
    kind: PositionKind
    from_: PartialDate | None = Field(default=None, alias="from")
    to: PartialDate | None = None
    references: list[Text] = []
    note: Text | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Person(Record):
    id: Slug
    name: Text
    full_name: Text | None = None
    aliases: list[Text] = []
    nationality: Iso3 | None = None
    born: PartialDate | None = None  # only where a source gives it (`born_source`); else left out
    born_source: Text | None = None
    positions: list[Position] = []
    note: Text | None = None
    sources: Sources

    @model_validator(mode="after")
    def _born_has_a_source(self) -> Person:
        if (self.born is None) != (self.born_source is None):
            raise ValueError("born and born_source go together: a birth date needs its source")
        return self


class WarrantStatusKind(StrEnum):
    outstanding = "outstanding"
    in_custody = "in_custody"
    deceased = "deceased"
    terminated = "terminated"
    withdrawn = "withdrawn"


class WarrantStatus(Record):
    since: PartialDate
    status: WarrantStatusKind
    # in_custody: the state holding the person, where it is a state and not the Court (the person is
    # arrested but not yet surrendered: the warrant is not yet executed).
    held_by: Iso3 | None = None
    note: Text | None = None


class Warrant(Record):
    id: Slug
    person: Slug
    situation: Slug
    case: Text | None = None
    issued: PartialDate
    made_public: PartialDate
    role_when_issued: Text | None = None
    crimes: list[Text] = []
    # The period of the alleged crimes, where the warrant or the Court's announcement states it:
    # an art. 12(3) declaration covers the warrant only if its period covers these dates.
    crimes_from: PartialDate | None = None
    crimes_to: PartialDate | None = None
    status: Annotated[list[WarrantStatus], Field(min_length=1)]
    note: Text | None = None
    sources: Sources


class VisitKind(StrEnum):
    occurred = "occurred"
    arrest = "arrest"
    planned = "planned"
    cancelled = "cancelled"
    remote = "remote"


class Visit(Record):
    person: Slug
    host: Iso3
    start: PartialDate
    end: PartialDate | None = None
    kind: VisitKind
    occasion: Text | None = None
    note: Text | None = None
    sources: Sources


class Finding(Record):
    id: Slug
    state: Iso3
    person: Slug | None = None
    date: PartialDate
    chamber: Text
    document: Text | None = None
    title: Text | None = None
    non_compliance: bool
    referred_to: list[Text] = []
    visit: PartialDate | None = None
    appeal: Text | None = None
    topics: list[Slug] = []
    note: Text | None = None
    sources: Sources


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


class SourceRule(Record):
    """How sources are graded (data/source_rules.yaml): by web domain, or by document-reference pattern."""

    grade: SourceGrade
    domains: list[Text] = []  # a host (its subdomains too), or host/path-prefix for one part of a site
    documents: list[Text] = []  # regular expressions for references that are not URLs (ICC-..., S/RES/...)
    note: Text | None = None


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


class Territory(Record):
    """A territory for whose international relations a state is responsible, and whether (from when)
    that state's ratification of the Statute extends to it, from the depositary record."""

    code: Iso3  # the territory's own ISO 3166-1 alpha-3 code (GRL, BMU, ...)
    name: Text
    other_names: list[Text] = []
    state: Iso3
    applies_from: PartialDate | None = None  # None: the ratification does not extend to it
    note: Text | None = None
    sources: Sources


class Place(Record):
    """An occupied or contested place: the state the UN recognises as sovereign, and who controls it."""

    id: Slug
    name: Text
    other_names: list[Text] = []
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
