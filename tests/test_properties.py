"""Invariants over the real knowledge base, explored with Hypothesis."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warrantwatch.law import assess
from warrantwatch.records.canonical import canonical_text, round_trips
from warrantwatch.records.files import FILE_KINDS
from warrantwatch.records.knowledge import bundled

KB = bundled()
PERSONS = sorted(KB.warrants_of)
STATES = sorted(KB.state_by_code)
DAYS = st.dates(min_value=dt.date(2002, 1, 1), max_value=dt.date(2027, 12, 31))


def boundaries(person: str, state: str) -> set[dt.date]:
    """Every day on which a fact that the outcome depends on starts or stops holding."""
    dates = []
    for w in KB.warrants_of[person]:
        dates += [w.issued, w.made_public, *(s.since for s in w.status)]
        dates += [r.sent for r in KB.requests_under.get(w.id, ()) if r.state == state and r.sent]
    m = KB.membership_of.get(state)
    if m:
        dates += [d for d in (m.signed, m.deposited, m.entry_into_force, m.signature_withdrawn) if d]
    for w in KB.withdrawals_of.get(state, ()):
        dates += [d for d in (w.notified, w.effective, w.revoked) if d]
    dates += [d.lodged for d in KB.declarations_of.get(state, ())]
    days = set()
    for d in dates:
        days |= {d.first_day, d.last_day + dt.timedelta(days=1)}
    return days


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(PERSONS), st.sampled_from(STATES), DAYS, st.integers(1, 500))
def test_outcome_changes_only_at_a_boundary(person, state, start, length):
    end = start + dt.timedelta(days=length)
    if any(start < b <= end for b in boundaries(person, state)):
        return
    assert assess(KB, person, state, start).outcome is assess(KB, person, state, end).outcome


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PERSONS), st.sampled_from(STATES), DAYS)
def test_a_duty_always_has_a_basis_and_sources(person, state, on):
    a = assess(KB, person, state, on)
    assert a.summary
    if a.outcome.duty:
        assert a.basis and a.sources


def test_every_file_round_trips_through_its_canonical_form():
    by_kind = {
        "State": KB.states, "Membership": KB.memberships, "Withdrawal": KB.withdrawals,
        "Declaration": KB.declarations, "Situation": KB.situations, "Resolution": KB.resolutions,
        "Person": KB.persons, "Warrant": KB.warrants, "Visit": KB.visits, "Finding": KB.findings,
        "Aircraft": KB.aircraft,
        "Request": KB.requests, "Territory": KB.territories, "Place": KB.places, "Venue": KB.venues,
        "StatedPosition": KB.positions,
        "Review": KB.reviews, "SourceRule": KB.source_rules,
    }
    for kind in FILE_KINDS:
        records = list(by_kind[kind.model.__name__])
        assert round_trips(kind, records, canonical_text(kind, records))
