import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warrantwatch.errors import BadDate
from warrantwatch.records.dates import PartialDate, parse_day


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2024-09-03", "day", "2024-09-03", "2024-09-03"),
        ("2016-10", "month", "2016-10-01", "2016-10-31"),
        ("2024-02", "month", "2024-02-01", "2024-02-29"),
        ("2008", "year", "2008-01-01", "2008-12-31"),
    ],
)
def test_partial_dates_cover_their_interval(text, precision, first, last):
    date = PartialDate.parse(text)
    assert date.precision == precision
    assert date.first_day == dt.date.fromisoformat(first)
    assert date.last_day == dt.date.fromisoformat(last)
    assert date.isoformat() == text


def test_comparison_inside_a_partial_date_is_undecided():
    month = PartialDate.parse("2016-10")
    assert month.on_or_before(dt.date(2016, 11, 1)) is True
    assert month.on_or_before(dt.date(2016, 9, 30)) is False
    assert month.on_or_before(dt.date(2016, 10, 15)) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-02-30", "February 2024 has 29 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2024-13-01", "there is no month 13"),
        ("03/09/2024", "expected YYYY"),
        ("tomorrow", "expected YYYY"),
    ],
)
def test_impossible_dates_say_why(text, reason):
    with pytest.raises(BadDate, match=reason):
        parse_day(text)


def test_a_full_date_is_required_where_a_day_is_needed():
    with pytest.raises(BadDate, match="full date"):
        parse_day("2024-09")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_exact_dates_round_trip(value):
    parsed = PartialDate.parse(value.isoformat())
    assert parsed.first_day == parsed.last_day == value
    assert PartialDate.parse(parsed.isoformat()) == parsed
