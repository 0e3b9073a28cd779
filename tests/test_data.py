"""The knowledge base validates, is canonical, and bad data is reported completely and precisely."""

from pathlib import Path

import pytest

from warrantwatch.errors import RecordInvalid
from warrantwatch.records.canonical import canonical_text
from warrantwatch.records.files import FILE_KINDS
from warrantwatch.records.knowledge import load
from warrantwatch.records.load import default_data_dir, files_of, read_file


def test_bundled_data_is_valid_and_covers_the_required_ground(kb):
    assert len([s for s in kb.states if s.un_member]) == 193
    assert {"PSE", "VAT", "XKX", "TWN"} <= set(kb.state_by_code)
    parties = [m for m in kb.memberships if m.entry_into_force]
    assert len(parties) >= 127  # 125 current parties plus Burundi and the Philippines
    for required in ("vladimir-putin", "maria-lvova-belova", "sergei-kobylash", "viktor-sokolov",
                     "sergei-shoigu", "valery-gerasimov", "benjamin-netanyahu", "yoav-gallant",
                     "mohammed-deif", "omar-al-bashir", "ahmad-harun",
                     "abdel-raheem-muhammad-hussein", "ali-kushayb", "saif-al-islam-gaddafi",
                     "joseph-kony", "rodrigo-duterte", "haibatullah-akhundzada",
                     "abdul-hakim-haqqani"):
        assert required in kb.warrants_of, required
    assert {r.resolution for r in kb.resolutions} == {1593, 1970}


def test_every_record_has_a_source(kb):
    for kind in ("states", "memberships", "withdrawals", "declarations", "situations",
                 "resolutions", "persons", "warrants", "visits", "findings", "aircraft"):
        for record in getattr(kb, kind):
            assert record.sources, (kind, record)


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda k: k.pattern)
def test_files_are_in_canonical_form(kind):
    root = default_data_dir()
    for path in files_of(kind, root):
        loaded, problems = read_file(path, kind, root)
        assert not problems
        expected = canonical_text(kind, [item.record for item in loaded])
        assert path.read_text(encoding="utf-8") == expected, f"run `warrantwatch data fmt` ({path})"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_all_problems_are_reported_at_once_with_file_and_line(data_copy):
    _replace(data_copy / "membership.yaml", "entry_into_force: 2024-02-01", "entry_into_force: 2024-03-01")
    _replace(data_copy / "warrants.yaml", "person: vladimir-putin", "person: vladimir-poutine")
    _replace(data_copy / "visits" / "vladimir-putin.yaml", "host: MNG", "host: XYZ")
    _replace(data_copy / "situations.yaml", "trigger: unsc_referral", "trigger: rumour")
    with pytest.raises(RecordInvalid) as info:
        load(data_copy)
    messages = [str(p) for p in info.value.problems]
    assert any(m.startswith("membership.yaml:") and "art. 126(2)" in m for m in messages)
    assert any("vladimir-poutine" in m and "not a known person" in m for m in messages)
    assert any("'XYZ' is not an ISO 3166-1" in m for m in messages)
    assert any(m.startswith("situations.yaml:") and "trigger" in m for m in messages)
    assert all(":" in m.split(" ")[0] for m in messages)  # file:line first


def test_malformed_yaml_and_duplicate_keys_are_errors_not_crashes(data_copy):
    (data_copy / "resolutions.yaml").write_text("- resolution: 1593\n  adopted: [unclosed\n")
    _replace(data_copy / "findings.yaml", "  chamber:", "  state: XXX\n  chamber:")
    with pytest.raises(RecordInvalid) as info:
        load(data_copy)
    messages = [str(p) for p in info.value.problems]
    assert any(m.startswith("resolutions.yaml:") and "not valid YAML" in m for m in messages)
    assert any(m.startswith("findings.yaml:") and "duplicate key" in m for m in messages)


def test_a_record_without_sources_is_rejected(data_copy):
    path = data_copy / "resolutions.yaml"
    text = path.read_text()
    start = text.index("  sources:", text.index("resolution: 1970"))
    path.write_text(text[:start])
    with pytest.raises(RecordInvalid, match="sources"):
        load(data_copy)


def test_fmt_rewrites_to_canonical_form_without_losing_anything(data_copy, capsys):
    from warrantwatch.cli import main

    path = data_copy / "withdrawals.yaml"
    original = load(data_copy).withdrawals
    records = path.read_text().split("\n- ")
    path.write_text("- " + "\n- ".join(reversed([r.removeprefix("- ").rstrip() for r in records])) + "\n")
    assert main(["data", "check", "--data", str(data_copy)]) == 1
    assert main(["data", "fmt", "--data", str(data_copy)]) == 0
    assert load(data_copy).withdrawals == original


def test_validated_cache_is_used_and_never_stale(data_copy, tmp_path, monkeypatch):
    from warrantwatch.records.knowledge import bundled

    monkeypatch.setenv("WARRANTWATCH_DATA", str(data_copy))
    monkeypatch.setenv("WARRANTWATCH_CACHE", str(tmp_path / "cache"))
    first = bundled.__wrapped__()
    cached = list((tmp_path / "cache" / "warrantwatch").glob("kb-*.json"))
    assert len(cached) == 1
    again = bundled.__wrapped__()
    assert again.counts() == first.counts()
    _replace(data_copy / "situations.yaml", "trigger: unsc_referral", "trigger: rumour")
    with pytest.raises(RecordInvalid):
        bundled.__wrapped__()  # changed data is validated again, not served from the cache


def test_aircraft_file_keeps_its_odbl_credit_and_checks_its_references(data_copy):
    text = (default_data_dir() / "aircraft.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Watched state aircraft.") and "Open Database License" in text
    _replace(data_copy / "aircraft.yaml", "person: benjamin-netanyahu", "person: benjamin-netanyahoo")
    _replace(data_copy / "aircraft.yaml", "icao24: 14fc08", "icao24: 14fc0z")
    with pytest.raises(RecordInvalid) as info:
        load(data_copy)
    messages = [str(p) for p in info.value.problems]
    assert any("aircraft.yaml:" in m and "'benjamin-netanyahoo' is not a known person" in m for m in messages)
    assert any("aircraft.yaml:" in m and "icao24" in m for m in messages)


def test_a_state_independent_since_a_day_names_the_state_it_was_part_of(data_copy):
    _replace(data_copy / "states.yaml", "  formerly_part_of: SDN\n", "")
    _replace(data_copy / "states.yaml", "  formerly_part_of: SRB\n", "  formerly_part_of: ATA\n")
    with pytest.raises(RecordInvalid) as info:
        load(data_copy)
    messages = [str(p) for p in info.value.problems]
    assert any(m.startswith("states.yaml:") and "formerly_part_of go together" in m for m in messages)
    assert any("formerly_part_of: 'ATA' is not in states.yaml" in m for m in messages)


def test_references_after_an_office_need_its_end(data_copy):
    # "the former Sudanese president" names al-Bashir from the day after his office ended: without `to`, no such day
    _replace(data_copy / "persons.yaml", "    to: 2019-04-11\n", "")
    with pytest.raises(RecordInvalid) as info:
        load(data_copy)
    assert any(str(p).startswith("persons.yaml:") and "has references_after but no 'to'" in str(p)
               for p in info.value.problems)
