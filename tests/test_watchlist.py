"""The watchlist (data/aircraft.yaml): real properties of the recorded aircraft, the checks that guard
the file, the `tracks watchlist` listing, and alerts raised from aircraft beyond the first three."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from types import SimpleNamespace

import duckdb
import pytest

from warrantwatch.cli import main
from warrantwatch.errors import RecordInvalid
from warrantwatch.records.checks import _overlap
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import load
from warrantwatch.records.registers import REGISTERS
from warrantwatch.tracks import alerts as alerting
from warrantwatch.tracks import synthetic as sy
from warrantwatch.tracks.landings import detect
from warrantwatch.tracks.watchlist import listing, watched

PLANE_ALERT_DB = "github.com/sdr-enthusiasts/plane-alert-db"
SFD = 'Special Flight Detachment "Rossiya"'
MONGOLIA_VISIT = dt.datetime(2024, 9, 2, 8, 0, tzinfo=dt.UTC)


def _events(table):
    con = duckdb.connect()
    con.register("positions", table)
    return detect(con)


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_address_is_in_its_states_icao_block_and_every_registration_carries_its_mark(kb):
    assert kb.aircraft
    for a in kb.aircraft:
        register = REGISTERS[a.state]
        assert register.holds(a.icao24), (a.registration, a.icao24)
        assert register.registration_ok(a.registration), a.registration


def test_every_aircraft_is_cross_checked_beyond_plane_alert_db(kb):
    """plane-alert-db (a reference) is cited for every address, and never alone: each aircraft also has a
    reputable or primary source that names it."""
    for a in kb.aircraft:
        assert any(PLANE_ALERT_DB in s for s in a.sources), a.registration
        others = [s for s in a.sources if PLANE_ALERT_DB not in s]
        assert any(kb.grader.grade(s) in ("reputable", "primary") for s in others), a.registration


def test_the_special_flight_detachments_il96_fleet_is_watched_and_sourced(kb):
    il96 = [a for a in kb.aircraft if a.operator == SFD and a.type.startswith("Ilyushin Il-96")]
    pu = [a for a in il96 if a.type == "Ilyushin Il-96-300PU"]
    assert len(pu) >= 5 and "RA-96022" in {a.registration for a in pu}
    for a in il96:
        assert a.state == "RUS" and a.registration.startswith("RA-960")
        assert a.sources and all(s.sources and s.note for s in a.persons)
        assert [s.person for s in a.persons] == ["vladimir-putin"]


def test_confidence_follows_the_sources(kb):
    """medium or high only with a reputable (or primary) report; every association says why (its note)."""
    for a in kb.aircraft:
        for s in a.persons:
            assert s.note and s.sources and s.person in kb.person_by_id
            if s.confidence.value in ("medium", "high"):
                assert any(kb.grader.grade(x) in ("reputable", "primary") for x in s.sources), a.registration
            if all(PLANE_ALERT_DB in x or kb.grader.grade(x) == "weak" for x in s.sources):
                assert s.confidence.value == "low", a.registration


def test_no_address_or_registration_is_on_two_records_at_once(kb):
    for field in ("icao24", "registration"):
        for x, y in itertools.combinations(kb.aircraft, 2):
            if getattr(x, field) == getattr(y, field):
                assert not _overlap(x, y), (field, getattr(x, field))


def test_overlap_of_validity_periods():
    def rec(start, end):
        return SimpleNamespace(valid_from=start and PartialDate.parse(start), valid_to=end and PartialDate.parse(end))

    assert _overlap(rec(None, None), rec("2020-01-01", None))  # an open period reaches everything
    assert not _overlap(rec(None, "2019-12-31"), rec("2020-01-01", None))
    assert _overlap(rec(None, "2020"), rec("2020-06-01", None))  # a year ends on 31 December
    assert not _overlap(rec("2021", None), rec(None, "2020"))


def test_data_check_refuses_foreign_addresses_bad_marks_reused_registrations_and_unknown_registers(data_copy):
    path = data_copy / "aircraft.yaml"
    _replace(path, "registration: 4X-ISR", "registration: 4Z-ISR")
    _replace(path, "registration: RA-96023", "registration: RA-96022")  # both open-ended: overlap
    _replace(path, "icao24: 14fc05", "icao24: 24fc05")
    _replace(path, "state: LBY", "state: EGY")
    with pytest.raises(RecordInvalid) as info:
        load(data_copy)
    messages = [str(p) for p in info.value.problems if "aircraft.yaml" in str(p)]
    assert any("'4Z-ISR' does not carry ISR's nationality mark (4X-" in m for m in messages)
    assert any("registration RA-96022 is also on 157716" in m for m in messages)
    assert any("icao24 24fc05 is outside RUS's ICAO address block (100000-1fffff)" in m for m in messages)
    assert any("state EGY: no nationality mark or ICAO address block is known" in m for m in messages)


def test_a_dated_record_is_listed_only_on_its_days(data_copy):
    path = data_copy / "aircraft.yaml"
    _replace(path, "registration: RA-96017\n", "registration: RA-96017\n  valid_to: 2020-01-01\n")
    kb = load(data_copy)
    assert watched(kb, "157711", dt.date(2019, 6, 1)).registration == "RA-96017"
    assert watched(kb, "157711", dt.date(2024, 9, 2)) is None
    assert "157711" not in {r["icao24"] for r in listing(kb, on=dt.date(2024, 9, 2))}
    assert "157711" in {r["icao24"] for r in listing(kb, on=dt.date(2019, 6, 1))}


def test_cli_lists_the_watchlist_with_its_credit(kb, capsys):
    assert main(["tracks", "watchlist", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["count"] == len(kb.aircraft) == len(doc["aircraft"])
    assert "Open Database License" in doc["credit"] and "never shows that the person is aboard" in doc["caveat"]
    ra96022 = next(r for r in doc["aircraft"] if r["registration"] == "RA-96022")
    assert ra96022["icao24"] == "157716" and ra96022["callsigns"] == ["RSD"]
    assert ra96022["valid_from"] is None and ra96022["persons"][0]["sources"]

    assert main(["tracks", "watchlist", "--person", "putin", "--json"]) == 0
    putin = json.loads(capsys.readouterr().out)["aircraft"]
    assert {r["icao24"] for r in putin} == {a.icao24 for a in kb.aircraft
                                           if any(s.person == "vladimir-putin" for s in a.persons)}
    assert "4X-ISR" not in {r["registration"] for r in putin}

    assert main(["tracks", "watchlist"]) == 0
    text = capsys.readouterr().out
    assert "4X-ISR" in text and "RA-96020" in text and "plane-alert-db" in text


def test_cli_watchlist_bad_input_is_a_clear_error(capsys):
    assert main(["tracks", "watchlist", "--person", "putn"]) == 2
    assert "did you mean: Vladimir Putin" in capsys.readouterr().err
    assert main(["tracks", "watchlist", "--on", "2024-13-01"]) == 2
    assert "no month 13" in capsys.readouterr().err


@pytest.fixture(scope="module")
def to_ulaanbaatar():
    return sy.airport("UUWW"), sy.airport("ZMCK")


@pytest.mark.parametrize(("icao24", "registration", "confidence"), [
    ("157714", "RA-96020", "medium"),  # the report of 2013 names it bringing Putin to London
    ("157711", "RA-96017", "low"),  # only a plane-alert-db tag ties it to Putin
])
def test_putin_in_mongolia_alerts_from_other_detachment_aircraft(kb, to_ulaanbaatar, icao24, registration,
                                                                 confidence):
    made = alerting.build(kb, _events(sy.flight(icao24, *to_ulaanbaatar, MONGOLIA_VISIT)))
    assert len(made) == 1
    d = made[0].to_dict()
    assert (d["person"], d["state"], d["date"]) == ("vladimir-putin", "MNG", "2024-09-02")
    assert d["assessment"]["outcome"] == "OBLIGED"
    assert d["headline"].startswith(f"{registration} (")
    assert "an aircraft associated with Vladimir Putin" in d["headline"] and "aboard" not in d["headline"]
    assert d["confidence"] == confidence and d["aircraft"]["association_confidence"] == confidence


def test_an_aircraft_associated_with_a_dead_man_alerts_only_while_his_warrant_was_in_force(kb):
    """5A-ONE was Gaddafi's: in August 2011 (warrant of 27 June 2011) its landing in France alerts, and so
    does its sighting on the ground in Libya (bound by Security Council resolution 1970); in 2024 nothing
    does (the case was terminated after his death)."""
    tripoli, paris = sy.airport("HLLM"), sy.airport("LFPG")
    then = [a.to_dict() for a in alerting.build(
        kb, _events(sy.flight("018021", tripoli, paris, dt.datetime(2011, 8, 1, 8, tzinfo=dt.UTC))))]
    assert {d["person"] for d in then} == {"muammar-gaddafi"}
    assert sorted((d["state"], d["kind"]) for d in then) == [("FRA", "landed"), ("LBY", "on-ground")]
    france = next(d for d in then if d["state"] == "FRA")
    assert france["assessment"]["outcome"] == "OBLIGED" and "an aircraft associated with Muammar Gaddafi" in \
        france["headline"]
    later = _events(sy.flight("018021", tripoli, paris, MONGOLIA_VISIT))
    assert [e.state for e in later if e.is_landing] == ["FRA"]
    assert alerting.build(kb, later) == []
