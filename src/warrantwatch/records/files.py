"""Which file holds which kind of record, and how each file is ordered and labelled."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from warrantwatch.records.models import (
    Aircraft,
    Declaration,
    Finding,
    Membership,
    Person,
    Place,
    Record,
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

AIRCRAFT_HEADER = """\
# Watched state aircraft. ICAO 24-bit addresses, registrations, types and operators were checked
# against plane-alert-db (https://github.com/sdr-enthusiasts/plane-alert-db, commit c2709be,
# (c) SDR-Enthusiasts, Ramon F. Kolb (kx1t), and contributors), made available under the
# Open Database License (ODbL) v1.0: https://opendatacommons.org/licenses/odbl/1-0/ , its contents
# under the Database Contents License (DbCL) v1.0. This file is a derived database and is itself
# offered under the ODbL. Associations with persons come from the press reports cited per record;
# an association is never evidence that a person was aboard a flight.
"""


def _sortable(value: Any) -> Any:
    return "" if value is None else str(value)


class FileKind(msgspec.Struct, frozen=True):
    pattern: str  # a file name, or a glob under data/
    table: str  # the KnowledgeBase field that holds its records
    model: type[Record]
    sort_fields: tuple[str, ...]
    label: Callable[[Record], str]
    header: str = ""  # comment lines kept at the top of the file (licence credits)
    facts: bool = True  # False for files about the record itself (review stamps, source rules)

    @property
    def name(self) -> str:
        """The kind's name as used in reviews.yaml: the file or folder name without `.yaml`."""
        return self.pattern.split("/")[0].removesuffix(".yaml")

    def sort_key(self, record: Record) -> tuple:
        return tuple(_sortable(getattr(record, f)) for f in self.sort_fields)


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("states.yaml", "states", State, ("iso3",), lambda r: r.iso3),
    FileKind("membership.yaml", "memberships", Membership, ("state",), lambda r: r.state),
    FileKind("withdrawals.yaml", "withdrawals", Withdrawal, ("state", "notified"),
             lambda r: f"{r.state} withdrawal notified {r.notified}"),
    FileKind("declarations.yaml", "declarations", Declaration, ("state", "lodged"),
             lambda r: f"{r.state} art. 12(3) declaration {r.lodged}"),
    FileKind("situations.yaml", "situations", Situation, ("id",), lambda r: r.id),
    FileKind("resolutions.yaml", "resolutions", Resolution, ("resolution",),
             lambda r: f"resolution {r.resolution}"),
    FileKind("persons.yaml", "persons", Person, ("id",), lambda r: r.id),
    FileKind("warrants.yaml", "warrants", Warrant, ("id",), lambda r: r.id),
    FileKind("visits/*.yaml", "visits", Visit, ("start", "host"),
             lambda r: f"{r.person} in {r.host} {r.start}"),
    FileKind("findings.yaml", "findings", Finding, ("date", "state"), lambda r: r.id),
    FileKind("aircraft.yaml", "aircraft", Aircraft, ("icao24", "valid_from"),
             lambda r: f"{r.icao24} {r.registration}", header=AIRCRAFT_HEADER),
    FileKind("requests.yaml", "requests", Request, ("warrant", "state"),
             lambda r: f"request under {r.warrant} to {r.state}"),
    FileKind("territories.yaml", "territories", Territory, ("state", "code"), lambda r: f"{r.code} ({r.state})"),
    FileKind("places.yaml", "places", Place, ("id",), lambda r: r.id),
    FileKind("venues.yaml", "venues", Venue, ("name",), lambda r: r.name),
    FileKind("positions.yaml", "positions", StatedPosition, ("date", "state", "person"),
             lambda r: f"{r.state} on {r.person} {r.date}"),
    FileKind("reviews.yaml", "reviews", Review, ("kind",), lambda r: f"review of {r.kind}", facts=False),
    FileKind("source_rules.yaml", "source_rules", SourceRule, ("grade",), lambda r: f"{r.grade.value} sources",
             facts=False),
)


def default_data_dir() -> Path:
    """The bundled data: $WARRANTWATCH_DATA, the source checkout's data/, or the wheel's copy."""
    override = os.environ.get("WARRANTWATCH_DATA")
    if override:
        return Path(override)
    checkout = Path(__file__).resolve().parents[3] / "data"
    if (checkout / "states.yaml").exists():
        return checkout
    from importlib import resources  # only an installed wheel needs it

    return Path(str(resources.files("warrantwatch") / "_data"))
