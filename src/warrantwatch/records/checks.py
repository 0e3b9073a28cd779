"""Consistency rules across records. Each returns problems; none stops at the first."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

import pycountry

from warrantwatch.errors import Problem
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.files import FILE_KINDS, FileKind
from warrantwatch.records.load import LoadedRecord
from warrantwatch.records.registers import REGISTERS
from warrantwatch.records.treaty import entry_into_force_for, withdrawal_effective_for

# Codes outside ISO 3166-1 that the knowledge base uses on purpose.
USER_ASSIGNED_CODES = {"XKX": "Kosovo (user-assigned code, used by the EU and IMF)"}
# Territories without an ISO 3166-1 code, named by the codes of the boundary data (Natural Earth).
TERRITORY_CODES = {"WSB": "Akrotiri Sovereign Base Area", "ESB": "Dhekelia Sovereign Base Area"}

Loaded = dict[FileKind, list[LoadedRecord]]


def _kind(name: str) -> FileKind:
    return next(k for k in FILE_KINDS if k.pattern.split("/")[0].startswith(name))


def _problem(item: LoadedRecord, kind: FileKind, message: str) -> Problem:
    return Problem(item.file, item.line, kind.label(item.record), message)


def _before(a: PartialDate | None, b: PartialDate | None) -> bool:
    """True when a is certainly after b: an ordering error."""
    return a is not None and b is not None and a.first_day > b.last_day


def check_all(loaded: Loaded) -> list[Problem]:
    return [
        *required_records(loaded),
        *unique_ids(loaded),
        *sorted_files(loaded),
        *known_codes(loaded),
        *references(loaded),
        *aircraft_identities(loaded),
        *treaty_dates(loaded),
        *ordered_dates(loaded),
        *withdrawals_follow_deposits(loaded),
        *births_have_sources(loaded),
        *plausible_visits(loaded),
        *review_stamps(loaded),
        *source_rules(loaded),
        *new_kinds(loaded),
    ]


def unique_ids(loaded: Loaded) -> Iterator[Problem]:
    for kind, field in (("states", "iso3"), ("membership", "state"), ("situations", "id"),
                        ("resolutions", "resolution"), ("persons", "id"), ("warrants", "id"),
                        ("findings", "id")):
        seen: dict[object, LoadedRecord] = {}
        file_kind = _kind(kind)
        for item in loaded[file_kind]:
            key = getattr(item.record, field)
            if key in seen:
                yield _problem(item, file_kind,
                               f"duplicate {field} {key!r} (first at line {seen[key].line})")
            else:
                seen[key] = item


def sorted_files(loaded: Loaded) -> Iterator[Problem]:
    for kind in FILE_KINDS:
        by_file: dict[str, list[LoadedRecord]] = defaultdict(list)
        for item in loaded[kind]:
            by_file[item.file].append(item)
        for items in by_file.values():
            for prev, item in itertools.pairwise(items):
                if kind.sort_key(item.record) < kind.sort_key(prev.record):
                    yield _problem(item, kind, "out of order: records are sorted by "
                                   + ", ".join(kind.sort_fields) + " (run `warrantwatch data fmt`)")


def _state_fields(record) -> Iterator[tuple[str, str]]:
    for field in ("iso3", "state", "host", "nationality", "controlled_by", "formerly_part_of"):
        value = getattr(record, field, None)
        if isinstance(value, str) and len(value) == 3 and value.isupper():
            yield field, value
    for field in ("states", "binds"):
        for value in getattr(record, field, None) or ():
            yield field, value
    for position in getattr(record, "positions", None) or ():
        if getattr(position, "state", None):
            yield "positions.state", position.state


def known_codes(loaded: Loaded) -> Iterator[Problem]:
    states = {item.record.iso3 for item in loaded[_kind("states")]}
    for kind in FILE_KINDS:
        for item in loaded[kind]:
            for field, code in _state_fields(item.record):
                if code not in USER_ASSIGNED_CODES and not pycountry.countries.get(alpha_3=code):
                    yield _problem(item, kind, f"{field}: {code!r} is not an ISO 3166-1 alpha-3 code")
                elif (kind.model.__name__ != "State" or field == "formerly_part_of") and code not in states:
                    yield _problem(item, kind, f"{field}: {code!r} is not in states.yaml")
    for item in loaded[_kind("states")]:
        state = item.record
        paired = (state.independent_since is None) == (state.formerly_part_of is None)
        if not paired or state.formerly_part_of == state.iso3:
            yield _problem(item, _kind("states"), "independent_since and formerly_part_of go together, and name "
                                                  "another state")


def references(loaded: Loaded) -> Iterator[Problem]:
    persons = {item.record.id for item in loaded[_kind("persons")]}
    situations = {item.record.id for item in loaded[_kind("situations")]}
    for name, field, known in (("warrants", "person", persons), ("warrants", "situation", situations),
                               ("visits", "person", persons), ("findings", "person", persons),
                               ("declarations", "situation", situations),
                               ("resolutions", "situation", situations)):
        kind = _kind(name)
        for item in loaded[kind]:
            value = getattr(item.record, field)
            if value is not None and value not in known:
                yield _problem(item, kind, f"{field}: {value!r} is not a known {field}")
    people = _kind("persons")
    for item in loaded[people]:
        for position in item.record.positions:
            if position.references_after and position.to is None:
                yield _problem(item, people, f"positions: {position.title!r} has references_after but no 'to': "
                               "they name the person once the office ended")
    aircraft = _kind("aircraft")
    previous: LoadedRecord | None = None
    for item in loaded[aircraft]:  # sorted by icao24, valid_from: a reused address must not overlap
        a = item.record
        if previous is not None and previous.record.icao24 == a.icao24:
            end, start = previous.record.valid_to, a.valid_from
            if end is None or start is None or start.first_day <= end.last_day:
                yield _problem(item, aircraft, f"icao24 {a.icao24} is also valid at line {previous.line}: "
                               "give valid_from/valid_to that do not overlap")
        previous = item
        for association in item.record.persons:
            if association.person not in persons:
                yield _problem(item, aircraft, f"persons: {association.person!r} is not a known person")
    visits = _kind("visits")
    for item in loaded[visits]:
        expected = f"visits/{item.record.person}.yaml"
        if item.file != expected:
            yield _problem(item, visits, f"a visit by {item.record.person} belongs in {expected}")
    starts = {(v.record.person, v.record.host, v.record.start) for v in loaded[visits]}
    findings = _kind("findings")
    for item in loaded[findings]:
        f = item.record
        if f.visit is not None and f.person is not None and (f.person, f.state, f.visit) not in starts:
            yield _problem(item, findings, f"visit {f.visit}: no visit by {f.person} to {f.state} "
                           "starting that day in visits/ (the two must agree)")
    warranted = {item.record.person for item in loaded[_kind("warrants")]}
    people = _kind("persons")
    for item in loaded[people]:
        if item.record.id not in warranted:
            yield _problem(item, people, "no warrant in warrants.yaml names this person")


def _overlap(a, b) -> bool:
    """Do two aircraft records' validity periods share a day? An open end (None) reaches forever."""
    def ends_before(x, y) -> bool:
        return x.valid_to is not None and y.valid_from is not None and x.valid_to.last_day < y.valid_from.first_day
    return not (ends_before(a, b) or ends_before(b, a))


def aircraft_identities(loaded: Loaded) -> Iterator[Problem]:
    """Each address lies in its operating state's ICAO block and each registration carries the state's
    nationality mark (records/registers.py); one registration is never on two addresses at once."""
    kind = _kind("aircraft")
    by_registration: dict[str, list[LoadedRecord]] = defaultdict(list)
    for item in loaded[kind]:
        a = item.record
        register = REGISTERS.get(a.state)
        if register is None:
            yield _problem(item, kind, f"state {a.state}: no nationality mark or ICAO address block is known "
                           "for it: add them to records/registers.py (with the ICAO reference)")
        else:
            if not register.holds(a.icao24):
                yield _problem(item, kind, f"icao24 {a.icao24} is outside {a.state}'s ICAO address block "
                               f"({register.block()}): check the address against the source")
            if not register.registration_ok(a.registration):
                marks = " or ".join(f"{m}-" for m in register.marks)
                yield _problem(item, kind, f"registration {a.registration!r} does not carry {a.state}'s "
                               f"nationality mark ({marks} followed by up to 5 letters or digits)")
        by_registration[a.registration].append(item)
    for items in by_registration.values():
        for first, second in itertools.combinations(items, 2):
            if _overlap(first.record, second.record):
                yield _problem(second, kind, f"registration {second.record.registration} is also on "
                               f"{first.record.icao24} (line {first.line}) in an overlapping period: give "
                               "valid_from/valid_to that do not overlap")


def treaty_dates(loaded: Loaded) -> Iterator[Problem]:
    kind = _kind("membership")
    for item in loaded[kind]:
        m = item.record
        if m.deposited and m.entry_into_force and m.deposited.is_exact \
                and m.deposit_kind != "succession":
            computed = entry_into_force_for(m.deposited.first_day)
            if m.entry_into_force != PartialDate.parse(computed):
                yield _problem(item, kind, f"entry_into_force {m.entry_into_force} differs from "
                               f"art. 126(2) ({computed}): check the deposit date and the depositary")
        if m.entry_into_force and not m.deposited:
            yield _problem(item, kind, "entry_into_force without a deposit date")
    kind = _kind("withdrawals")
    for item in loaded[kind]:
        w = item.record
        if w.effective and w.notified.is_exact:
            computed = withdrawal_effective_for(w.notified.first_day)
            if w.effective.first_day < computed:
                yield _problem(item, kind, f"effective {w.effective} is earlier than art. 127(1) "
                               f"allows ({computed})")
            elif w.effective != PartialDate.parse(computed) and not w.note:
                yield _problem(item, kind, f"effective {w.effective} is not one year after "
                               f"notification ({computed}); explain why in `note`")
        if not w.effective and not w.revoked:
            yield _problem(item, kind, "a withdrawal needs `effective` or `revoked`")
        if w.revoked and w.revoked.first_day >= withdrawal_effective_for(w.notified.last_day):
            yield _problem(item, kind, f"revoked {w.revoked}: a withdrawal can only be revoked "
                           "before it takes effect (one year after notification)")


_ORDERS = {
    "membership": (("signed", "deposited"), ("deposited", "entry_into_force")),
    "withdrawals": (("notified", "effective"), ("notified", "revoked"), ("revoked", "effective")),
    "declarations": (("period_from", "period_to"),),
    "warrants": (("issued", "made_public"),),
    "visits": (("start", "end"),),
    "aircraft": (("valid_from", "valid_to"),),
}


def ordered_dates(loaded: Loaded) -> Iterator[Problem]:
    for name, pairs in _ORDERS.items():
        kind = _kind(name)
        for item in loaded[kind]:
            if getattr(item.record, "deposit_kind", None) == "succession":
                continue  # a successor state is bound from independence, before its notification
            for first, second in pairs:
                a, b = getattr(item.record, first), getattr(item.record, second)
                if _before(a, b):
                    yield _problem(item, kind, f"{first} {a} is after {second} {b}")
    kind = _kind("warrants")
    for item in loaded[kind]:
        w = item.record
        if _before(w.issued, w.status[0].since):
            yield _problem(item, kind, f"status starts {w.status[0].since}, before issue {w.issued}")
        for prev, nxt in zip(w.status, w.status[1:], strict=False):
            if _before(prev.since, nxt.since):
                yield _problem(item, kind, f"status history out of order at {nxt.since}")
    kind = _kind("persons")
    for item in loaded[kind]:
        for position in item.record.positions:
            if _before(position.from_, position.to):
                yield _problem(item, kind, f"position {position.title!r} ends before it starts")


def review_stamps(loaded: Loaded) -> Iterator[Problem]:
    """Every kind of record has one review stamp, to the day, not before the evidence it names."""
    reviews = _kind("reviews")
    names = {kind.name for kind in FILE_KINDS if kind.facts}
    seen: dict[str, LoadedRecord] = {}
    for item in loaded[reviews]:
        r = item.record
        if r.kind not in names:
            yield _problem(item, reviews, f"kind: {r.kind!r} is not a kind of record; choose from: "
                           + ", ".join(sorted(names)))
        elif r.kind in seen:
            yield _problem(item, reviews, f"duplicate review of {r.kind} (first at line "
                           f"{seen[r.kind].line})")
        else:
            seen[r.kind] = item
        if not r.reviewed.is_exact:
            yield _problem(item, reviews, f"reviewed: {r.reviewed} must be a day (YYYY-MM-DD)")
        if _before(r.evidence_to, r.reviewed):
            yield _problem(item, reviews, f"evidence_to {r.evidence_to} is after reviewed {r.reviewed}")
    for name in sorted(names - seen.keys()):
        yield Problem("reviews.yaml", None, f"review of {name}",
                      f"no review stamp for {name}: add one (the last day its facts were checked)")


def source_rules(loaded: Loaded) -> Iterator[Problem]:
    """Each grade once; a domain or pattern in one grade only; patterns are valid expressions."""
    import re

    rules = _kind("source_rules")
    grades: dict[str, LoadedRecord] = {}
    owner: dict[str, str] = {}
    for item in loaded[rules]:
        r = item.record
        if r.grade.value in grades:
            yield _problem(item, rules, f"duplicate grade {r.grade.value!r} (first at line "
                           f"{grades[r.grade.value].line})")
        grades.setdefault(r.grade.value, item)
        for entry in [*r.domains, *r.documents]:
            key = entry.lower()
            if key in owner and owner[key] != r.grade.value:
                yield _problem(item, rules, f"{entry!r} is also listed as {owner[key]}")
            owner.setdefault(key, r.grade.value)
        for pattern in r.documents:
            try:
                re.compile(pattern)
            except re.error as exc:
                yield _problem(item, rules, f"documents: {pattern!r} is not a valid expression ({exc})")


def new_kinds(loaded: Loaded) -> Iterator[Problem]:
    """Requests name a known warrant; territories are not states; positions name a known person."""
    warrants = {item.record.id for item in loaded[_kind("warrants")]}
    persons = {item.record.id for item in loaded[_kind("persons")]}
    states = {item.record.iso3 for item in loaded[_kind("states")]}
    kind = _kind("requests")
    for item in loaded[kind]:
        r = item.record
        if r.warrant not in warrants:
            yield _problem(item, kind, f"warrant: {r.warrant!r} is not in warrants.yaml")
        if r.sent is None and r.executed is None:
            yield _problem(item, kind, "a request needs `sent` or `executed` (else nothing proves it)")
        if _before(r.sent, r.executed):
            yield _problem(item, kind, f"sent {r.sent} is after executed {r.executed}")
    kind = _kind("territories")
    for item in loaded[kind]:
        t = item.record
        if not pycountry.countries.get(alpha_3=t.code) and t.code not in TERRITORY_CODES:
            yield _problem(item, kind, f"code: {t.code!r} is not an ISO 3166-1 alpha-3 code")
        if t.code in states:
            yield _problem(item, kind, f"code: {t.code!r} is a state in states.yaml, not a territory")
    kind = _kind("positions")
    for item in loaded[kind]:
        if item.record.person not in persons:
            yield _problem(item, kind, f"person: {item.record.person!r} is not in persons.yaml")


# Kinds without which the knowledge base cannot answer anything: an empty data folder is an error,
# not "ok, 0 states".
REQUIRED_KINDS = ("states", "membership", "situations", "persons", "warrants")


def required_records(loaded: Loaded) -> Iterator[Problem]:
    for name in REQUIRED_KINDS:
        kind = _kind(name)
        if not loaded.get(kind):
            yield Problem(kind.pattern, None, "file", f"no {name} records: the file is missing or empty "
                          "(is this the data folder?)")


def withdrawals_follow_deposits(loaded: Loaded) -> Iterator[Problem]:
    """A withdrawal (art. 127) presupposes a deposit: by a state that deposited, and after it."""
    deposits = {item.record.state: item.record.deposited for item in loaded[_kind("membership")]}
    kind = _kind("withdrawals")
    for item in loaded[kind]:
        w = item.record
        deposited = deposits.get(w.state)
        if deposited is None:
            yield _problem(item, kind, f"{w.state} never deposited an instrument of ratification or "
                           "accession (membership.yaml), so it cannot withdraw")
            continue
        for field in ("notified", "effective"):
            value = getattr(w, field)
            if value is not None and value.last_day <= deposited.first_day:
                yield _problem(item, kind, f"{field} {value} is not after the deposit {deposited}")


def births_have_sources(loaded: Loaded) -> Iterator[Problem]:
    kind = _kind("persons")
    for item in loaded[kind]:
        if (item.record.born is None) != (item.record.born_source is None):
            yield _problem(item, kind, "born and born_source go together: a birth date needs its source")


PHYSICAL_VISITS = {"occurred", "arrest", "planned"}  # not a cancelled trip, not a video link


def _certain_days(visit) -> tuple | None:
    """The days a visit certainly covers (None when its dates are too coarse to tell)."""
    first, last = visit.start.last_day, (visit.end or visit.start).first_day
    return (first, last) if first <= last else None


def plausible_visits(loaded: Loaded) -> Iterator[Problem]:
    """Visits after the person's birth (where known) and after the Statute's adoption; no exact
    duplicates; no two trips of one person that certainly overlap by more than a day of travel."""
    from warrantwatch.records.dates import FIRST_DAY

    born = {item.record.id: item.record.born for item in loaded[_kind("persons")]}
    kind = _kind("visits")
    by_person: dict[str, list[LoadedRecord]] = defaultdict(list)
    seen: dict[str, LoadedRecord] = {}
    for item in loaded[kind]:
        v = item.record
        birth = born.get(v.person)
        if birth is not None and v.start.first_day <= birth.last_day:
            yield _problem(item, kind, f"start {v.start} is not after {v.person}'s birth ({birth})")
        if v.start.last_day < FIRST_DAY:
            yield _problem(item, kind, f"start {v.start} is before the Rome Statute was adopted ({FIRST_DAY})")
        same = repr(v.dump())
        if same in seen:
            yield _problem(item, kind, f"exact duplicate of the visit at line {seen[same].line}")
            continue
        seen[same] = item
        if v.kind.value in PHYSICAL_VISITS and _certain_days(v):
            by_person[v.person].append(item)
    for items in by_person.values():
        items.sort(key=lambda i: _certain_days(i.record))
        for i, a in enumerate(items):
            a_last = _certain_days(a.record)[1]
            for b in items[i + 1:]:
                if _certain_days(b.record)[0] >= a_last:  # sorted: from here on at most a shared day of travel
                    break
                if a.record.host == b.record.host and a.record.kind != b.record.kind:
                    continue  # one trip recorded twice, as planned and as it happened
                yield _problem(b, kind, f"overlaps {a.record.person}'s visit to {a.record.host} "
                               f"{a.record.start} (line {a.line}): one person cannot be in two places")
