import datetime as dt

import pytest

from warrantwatch.records.treaty import entry_into_force_for, withdrawal_effective_for


@pytest.mark.parametrize(
    ("deposited", "in_force"),
    [
        ("2002-04-11", "2002-07-01"),  # among the first 60 instruments
        ("2002-07-01", "2002-09-01"),  # Australia: 60th day is 30 August
        ("2023-11-14", "2024-02-01"),  # Armenia: 60th day is 13 January
        ("2024-10-25", "2025-01-01"),  # Ukraine: 60th day is 24 December
        ("2015-01-02", "2015-04-01"),  # Palestine: 60th day is 3 March
        ("2003-11-02", "2004-02-01"),  # 60th day is 1 January: the month after it
    ],
)
def test_article_126_entry_into_force(deposited, in_force):
    assert entry_into_force_for(dt.date.fromisoformat(deposited)) == dt.date.fromisoformat(in_force)


def test_article_127_withdrawal_takes_a_year():
    assert withdrawal_effective_for(dt.date(2016, 10, 27)) == dt.date(2017, 10, 27)
    assert withdrawal_effective_for(dt.date(2024, 2, 29)) == dt.date(2025, 3, 1)


def test_every_recorded_entry_into_force_agrees_with_article_126(kb):
    for m in kb.memberships:
        if m.deposited and m.deposited.is_exact and m.entry_into_force:
            computed = entry_into_force_for(m.deposited.first_day)
            # A successor state is bound from its independence, not by art. 126(2).
            assert m.entry_into_force.first_day == computed or m.deposit_kind == "succession", m.state


def test_every_party_is_bound_from_entry_into_force_not_a_day_before(kb):
    from warrantwatch.law.membership import Standing, standing_on

    checked = 0
    for m in kb.memberships:
        if not (m.entry_into_force and m.entry_into_force.is_exact):
            continue
        eif = m.entry_into_force.first_day
        assert standing_on(kb, m.state, eif).standing in (Standing.PARTY, Standing.WITHDRAWN)
        assert standing_on(kb, m.state, eif - dt.timedelta(days=1)).standing is not Standing.PARTY
        checked += 1
    assert checked >= 125
