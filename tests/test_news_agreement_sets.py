"""The second labellings of tests/data/agreement hold the same items as the sets they relabel."""

from __future__ import annotations

from pathlib import Path

import pytest

from warrantwatch.news.evaluate import agreement, load_items
from warrantwatch.records.knowledge import bundled

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["news-final6", "news-final7"])
def test_a_second_labelling_covers_its_set_with_known_persons_and_states(name):
    kb = bundled()
    first, second = load_items(DATA / name), load_items(DATA / "agreement" / f"{name}-second")
    report = agreement(first, second)  # refuses a missing item, an extra one or another publication day
    assert report.scores["event"].expected == sum(len(item.expected) for item in first)
    for item in second:
        for person, host, _, kind in item.expected:
            assert person in kb.person_by_id and host in kb.state_by_code and kind in (
                "planned", "occurred", "cancelled", "remote", "arrest"), (item.id, person, host, kind)
