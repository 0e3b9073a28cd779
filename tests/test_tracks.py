"""Tracks: readers, the store (idempotent, crash-safe, readable during ingest), landing rules on
synthetic flights and a real readsb trace, alerts and their channels, Dask parity."""

from __future__ import annotations

import datetime as dt
import gzip
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar

import duckdb
import pytest

from warrantwatch.cli import main
from warrantwatch.records.knowledge import bundled
from warrantwatch.tracks import alerts as alerting
from warrantwatch.tracks import synthetic as sy
from warrantwatch.tracks.landings import detect
from warrantwatch.tracks.pipeline import alerts, events, ingest
from warrantwatch.tracks.store import Store, connect

DATA = Path(__file__).parent / "data" / "tracks"
DEPART = dt.datetime(2024, 9, 2, 8, 0, tzinfo=dt.UTC)
PUTIN_IL96 = "157716"  # RA-96022 in data/aircraft.yaml
PUTIN_IL96_B = "14fc08"  # RA-64520


@pytest.fixture(scope="module")
def route():
    return sy.airport("UUWW"), sy.airport("ZMCK")


def _events(table):
    con = duckdb.connect()
    con.register("positions", table)
    return detect(con)


def _kinds(found):
    return [(e.kind, e.airport) for e in found if e.kind != "seen-on-ground" or e.airport != "UUWW"]


def test_moscow_to_ulaanbaatar_lands_at_zmck_in_mongolia(route):
    found = _events(sy.flight(PUTIN_IL96, *route, DEPART, callsign="RSD001"))
    assert _kinds(found) == [("takeoff", "UUWW"), ("landing", "ZMCK")]
    landing = found[-1]
    assert landing.state == "MNG" and landing.confidence == "high"
    assert dt.datetime(2024, 9, 2, 13, 0, tzinfo=dt.UTC) < landing.time < dt.datetime(2024, 9, 2, 15, 0, tzinfo=dt.UTC)
    d = landing.to_dict()
    assert {"icao24", "registration", "airport", "state", "time", "confidence"} <= set(d)
    assert d["time"].endswith("Z") and d["airport"] == "ZMCK" and d["state"] == "MNG"


def test_a_coverage_gap_is_not_a_landing(route):
    cruise_gap = sy.flight(PUTIN_IL96, *route, DEPART, gaps=((3600, 9000),))
    assert _kinds(_events(cruise_gap)) == [("takeoff", "UUWW"), ("landing", "ZMCK")]
    # coverage lost at cruise, next seen on the ground: the arrival was not observed
    lost = sy.flight(PUTIN_IL96, *route, DEPART, gaps=((15000, 20700),))
    assert _kinds(_events(lost)) == [("takeoff", "UUWW"), ("seen-on-ground", "ZMCK")]
    assert not [e for e in _events(lost) if e.is_landing]


def test_a_go_around_is_not_a_landing(route):
    found = _events(sy.flight(PUTIN_IL96, *route, DEPART, go_around=True))
    plain = _events(sy.flight(PUTIN_IL96, *route, DEPART))
    assert _kinds(found) == [("takeoff", "UUWW"), ("landing", "ZMCK")]
    assert found[-1].time - plain[-1].time > dt.timedelta(minutes=5)  # the second approach


def test_a_touch_and_go_is_not_a_landing(route):
    found = _events(sy.flight(PUTIN_IL96, *route, DEPART, touch_and_go=True))
    assert _kinds(found) == [("takeoff", "UUWW"), ("touch-and-go", "ZMCK"), ("landing", "ZMCK")]


def test_two_aircraft_in_formation_are_two_landings_and_the_alert_says_so(route):
    import pyarrow as pa

    both = pa.concat_tables([sy.flight(PUTIN_IL96, *route, DEPART),
                             sy.flight(PUTIN_IL96_B, *route, DEPART, delay_s=40, side_km=0.3)])
    con = duckdb.connect()
    con.register("positions", both)
    found = detect(con)
    landings = [e for e in found if e.is_landing]
    assert sorted(e.icao24 for e in landings) == [PUTIN_IL96_B, PUTIN_IL96]
    assert all(e.airport == "ZMCK" for e in landings)
    made = alerting.build(bundled(), found, connection=con)
    assert len(made) == 2
    assert any("RA-64520" in n for n in made[0].notes + made[1].notes)
    assert all("Any one of them, or none" in " ".join(a.notes) for a in made)


def test_real_readsb_trace_landings_and_the_new_leg_flag_after_a_gap(tmp_path):
    report = ingest([DATA / "trace_full_ac671b.json"], db=tmp_path / "t.duckdb")
    assert report.files_new == 1 and report.rows == 2499
    found = events(db=tmp_path / "t.duckdb")
    landings = [(e.airport, e.state, e.time.strftime("%Y-%m-%dT%H:%M")) for e in found if e.is_landing]
    assert landings == [("KMSP", "USA", "2025-02-05T01:12"), ("KMSP", "USA", "2025-02-05T17:00"),
                        ("KDEN", "USA", "2025-02-05T19:54")]
    # readsb flags a new leg near Spokane after an 8-hour gap: no event there at all
    assert not [e for e in found if e.lon < -110 and e.lat > 46]
    assert found[0].registration == "N899DN"


def test_alert_for_putin_in_mongolia_from_a_watchlist_aircraft(tmp_path, route):
    trace = sy.to_trace(sy.flight(PUTIN_IL96, *route, DEPART, callsign="RSD001"), "RA-96022")
    (tmp_path / "trace_full_157716.json.gz").write_bytes(gzip.compress(json.dumps(trace).encode()))
    db = tmp_path / "t.duckdb"
    ingest([tmp_path], db=db)
    made = alerts(db=db, maps=tmp_path / "maps")
    assert len(made) == 1
    alert, paths = made[0]
    d = alert.to_dict()
    assert d["person"] == "vladimir-putin" and d["state"] == "MNG" and d["date"] == "2024-09-02"
    assert d["assessment"]["outcome"] == "OBLIGED" and "art. 89(1)" in " ".join(d["assessment"]["basis"])
    assert "an aircraft associated with Vladimir Putin" in d["headline"]
    assert "aboard" not in d["headline"] and "cannot show whether Vladimir Putin was aboard" in d["cannot_show"]
    assert d["confidence"] == "medium"  # the association is medium, the landing high
    assert d["evidence"] and d["aircraft"]["association_sources"]
    svg = paths[0].read_text(encoding="utf-8")
    assert 'id="area-MNG"' in svg and 'class="arc"' in svg and paths[1].read_bytes()[:4] == b"\x89PNG"
    # the map says where its positions come from: on the map, in its alt text (<desc>)
    said = "Track: synthetic, generated by warrantwatch (trace_full_157716.json.gz); not an observation"
    assert svg.count(said) == 2 and "SYNTHETIC track generated by warrantwatch" in svg
    # ... and so does the alert itself, wherever it is shown (JSON, the feed), not only its map
    assert d["track"] == said and said in alerting.atom([alert])
    # saved for the feed, once
    assert len(Store.open(db, read_only=True).saved_alerts()) == 1
    alerts(db=db)
    assert len(Store.open(db, read_only=True).saved_alerts()) == 1


def test_track_map_names_its_source_file_escaped_from_a_store_or_an_archive(tmp_path, route):
    import xml.etree.ElementTree as ET

    from warrantwatch.tracks.formats import SYNTHETIC_KEY
    from warrantwatch.tracks.store import Source, sources
    from warrantwatch.tracks.trackmap import provenance

    trace = sy.to_trace(sy.flight(PUTIN_IL96, *route, DEPART, callsign="RSD001"), "RA-96022")
    del trace[SYNTHETIC_KEY]  # as a receiver would write it: not marked synthetic
    name = 'trace_<b>&"x"<i>.json'
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text(json.dumps(trace))
    db = tmp_path / "t.duckdb"
    ingest([tmp_path / "in"], db=db)
    ((alert, paths),) = alerts(db=db, maps=tmp_path / "maps", save=False)
    assert alert.to_dict()["track"] == f"Track: {name} (readsb trace)"
    svg = paths[0].read_text(encoding="utf-8")
    root = ET.fromstring(svg)  # well-formed: the name is escaped, not markup
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert f"Track: {name} (readsb trace)" in texts and "<b>" not in svg and "SYNTHETIC" not in svg
    desc = "".join(next(root.iter("{http://www.w3.org/2000/svg}desc")).itertext())
    assert desc.endswith(f"Track: {name} (readsb trace).")
    # the same file in a Parquet archive: named from the partition files' SHA-256 markers
    ingest([tmp_path / "in"], parquet=tmp_path / "archive")
    glob = str(tmp_path / "archive" / "day=*" / "prefix=*" / "*.parquet")
    con = duckdb.connect()
    found = sources(con, PUTIN_IL96, 0, 2e9, f"read_parquet('{glob}', hive_partitioning = false, filename = true)")
    assert [(s.name, s.format, s.origin) for s in found] == [(name, "readsb-trace", None)]
    # several files, some synthetic; positions stored before files were recorded
    many = [Source(f"f{k}.json", "csv", "synthetic" if k else None, 10) for k in range(4)] + [Source(None)]
    assert provenance(many) == ("Track: f0.json, f1.json and 2 more files (CSV); 3 of 4 files synthetic, "
                                "generated by warrantwatch; some positions from files not recorded")
    assert provenance([Source(None, positions=5)]).startswith("Track: source file not recorded")


def test_a_store_from_before_file_provenance_is_migrated(tmp_path, route):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE positions (icao24 VARCHAR, time DOUBLE, lat DOUBLE, lon DOUBLE, alt_ft DOUBLE, "
                "gs_kt DOUBLE, track DOUBLE, vrate_fpm DOUBLE, on_ground BOOLEAN, callsign VARCHAR, new_leg BOOLEAN)")
    con.execute("CREATE TABLE files (sha256 VARCHAR PRIMARY KEY, path VARCHAR, format VARCHAR, rows BIGINT, "
                "bad_rows BIGINT, duplicates BIGINT, ingested_at TIMESTAMP)")
    con.execute("INSERT INTO positions VALUES ('abcdef', 1e9, 1, 2, NULL, 10, 0, 0, true, NULL, false)")
    con.close()
    trace = sy.to_trace(sy.flight(PUTIN_IL96, *route, DEPART))
    (tmp_path / "trace_full_157716.json").write_text(json.dumps(trace))
    assert ingest([tmp_path / "trace_full_157716.json"], db=db).rows > 1000
    con = connect(db, read_only=True)
    assert con.execute("SELECT count(*) FILTER (file_id IS NULL), count(DISTINCT file_id) FROM positions"
                       ).fetchone() == (1, 1)
    from warrantwatch.tracks.formats import SYNTHETIC

    assert con.execute("SELECT id, origin FROM files").fetchall() == [(1, SYNTHETIC)]


def _text_address_store(db: Path, table) -> None:
    """A store as warrantwatch wrote it before addresses were kept as numbers (icao24 VARCHAR)."""
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE positions (icao24 VARCHAR, time DOUBLE, lat DOUBLE, lon DOUBLE, alt_ft DOUBLE, "
                "gs_kt DOUBLE, track DOUBLE, vrate_fpm DOUBLE, on_ground BOOLEAN, callsign VARCHAR, new_leg BOOLEAN, "
                "file_id INTEGER)")
    con.execute("CREATE TABLE files (sha256 VARCHAR PRIMARY KEY, path VARCHAR, format VARCHAR, rows BIGINT, "
                "bad_rows BIGINT, duplicates BIGINT, ingested_at TIMESTAMP, id INTEGER, origin VARCHAR)")
    con.execute("CREATE TABLE registrations (icao24 VARCHAR PRIMARY KEY, registration VARCHAR)")
    con.execute("CREATE TABLE alerts (id VARCHAR PRIMARY KEY, time DOUBLE, alert VARCHAR)")
    con.register("flight", table)
    con.execute("INSERT INTO positions SELECT *, 1 FROM flight")
    con.execute("INSERT INTO files VALUES ('0', 'old.parquet', 'csv', 1, 0, 0, now()::TIMESTAMP, 1, NULL)")
    con.close()


def test_a_store_with_addresses_as_text_is_read_then_converted_without_loss(tmp_path, route):
    import pyarrow as pa

    flight = sy.flight("00f0a1", *route, DEPART)  # leading zeros: the text must come back exactly
    other = sy.flight(PUTIN_IL96, route[1], route[0], DEPART + dt.timedelta(days=1))
    db = tmp_path / "old.duckdb"
    _text_address_store(db, pa.concat_tables([flight, other.select(flight.column_names)]))
    expected = [(e.icao24, e.kind, e.airport, e.time) for e in _events(flight) + _events(other)]
    expected.sort(key=lambda e: (e[3], e[0], e[1]))

    def found():
        return [(e.icao24, e.kind, e.airport, e.time) for e in events(db=db)]

    assert found() == expected  # read as it is (read-only: nothing converted yet)
    con = duckdb.connect(str(db), read_only=True)
    before = con.execute("SELECT icao24, time, lat FROM positions ORDER BY ALL").fetchall()
    assert con.execute("SELECT typeof(icao24) FROM positions LIMIT 1").fetchone() == ("VARCHAR",)
    con.close()
    with Store.open(db) as store:  # opened to write: converted
        assert store.counts()["positions"] == len(before)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT typeof(icao24) FROM positions LIMIT 1").fetchone() == ("UINTEGER",)
    after = con.execute("SELECT printf('%06x', icao24), time, lat FROM positions ORDER BY ALL").fetchall()
    con.close()
    # the numbers now in the store's fixed point (formats.FIXED): within its step of what they were
    assert [a for a, _, _ in after] == [a for a, _, _ in before]
    assert max(abs(x[1] - y[1]) for x, y in zip(after, before, strict=True)) < 1e-6
    assert max(abs(x[2] - y[2]) for x, y in zip(after, before, strict=True)) < 1e-7
    assert found() == expected and {e[0] for e in expected} == {"00f0a1", PUTIN_IL96}
    import pyarrow.parquet as pq

    pq.write_table(other, tmp_path / "again.parquet")  # the same positions, from another file: nothing added
    again = ingest([tmp_path / "again.parquet"], db=db)
    assert (again.rows, again.duplicates) == (0, other.num_rows) and found() == expected


@pytest.mark.parametrize(("spoil", "message"), [
    ("icao24 = '~1577'", r"1 stored positions.*'~1577'"),  # not a 24-bit address
    ("alt_ft = 1e12", r"1 stored values are beyond"),  # no fixed-point integer holds it
])
def test_a_store_that_cannot_be_converted_is_refused_unchanged(tmp_path, route, spoil, message):
    from warrantwatch.errors import WarrantWatchError

    db = tmp_path / "odd.duckdb"
    _text_address_store(db, sy.flight(PUTIN_IL96, *route, DEPART))
    con = duckdb.connect(str(db))
    con.execute(f"UPDATE positions SET {spoil} WHERE time = (SELECT min(time) FROM positions)")
    con.close()
    size = db.stat().st_size
    with pytest.raises(WarrantWatchError, match=rf"cannot be converted.*{message}.*Nothing was"):
        Store.open(db)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute(f"SELECT typeof(icao24), count(*) FILTER ({spoil}) FROM positions GROUP BY 1"
                       ).fetchall() == [("VARCHAR", 1)]
    con.close()
    assert db.stat().st_size == size


def test_positions_read_back_within_the_stated_resolution(tmp_path):
    """The store keeps numbers in fixed units (formats.FIXED); every value read back (through the
    `positions` view, and from a Parquet archive) differs from what the file said by less than a step, both
    paths read identical numbers, and values no integer holds are stored as unknown."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from warrantwatch.tracks.formats import RESOLUTION, SCHEMA

    rng = np.random.default_rng(7)
    n = 5000
    t = pa.table({
        "icao24": [f"{i:06x}" for i in rng.integers(0, 1 << 24, n)],
        "time": 1.7e9 + rng.random(n) * 1e6, "lat": rng.uniform(-90, 90, n), "lon": rng.uniform(-180, 180, n),
        "alt_ft": rng.uniform(-1500, 60000, n), "gs_kt": rng.uniform(0, 700, n), "track": rng.uniform(0, 360, n),
        "vrate_fpm": rng.uniform(-8000, 8000, n), "on_ground": rng.random(n) < 0.5, "callsign": ["RSD001"] * n,
        "new_leg": [False] * n}, schema=SCHEMA)
    odd = pa.table({c: [t[c][0].as_py()] for c in SCHEMA.names}, schema=SCHEMA)
    odd = odd.set_column(0, "icao24", pa.array(["abcdef"])).set_column(4, "alt_ft", pa.array([1e12]))
    pq.write_table(pa.concat_tables([t, odd]), tmp_path / "p.parquet")
    ingest([tmp_path / "p.parquet"], db=tmp_path / "s.duckdb")
    ingest([tmp_path / "p.parquet"], parquet=tmp_path / "archive")
    columns = [c for c in RESOLUTION]
    con = duckdb.connect()
    con.execute(f"ATTACH '{tmp_path / 's.duckdb'}' AS s (READ_ONLY)")
    con.register("given", t)
    order = "ORDER BY icao24, time, lat"
    stored = con.execute(f"SELECT printf('%06x', icao24) AS icao24, {', '.join(columns)} FROM s.positions "
                         f"WHERE icao24 <> 11259375 {order}").df()
    archived = con.execute(f"SELECT icao24, {', '.join(columns)} FROM read_parquet("
                           f"'{tmp_path / 'archive'}/day=*/prefix=*/*.parquet', hive_partitioning = false) "
                           f"WHERE icao24 <> 'abcdef' {order}").df()
    given = con.execute(f"SELECT icao24, {', '.join(columns)} FROM given {order}").df()
    assert len(stored) == len(given) == n and stored.equals(archived)
    for c, step in RESOLUTION.items():
        error = (stored[c] - given[c]).abs().max()
        assert error < step, (c, error, step)
        assert error < {"time": 1e-5, "lat": 1e-6, "lon": 1e-6, "alt_ft": 25, "gs_kt": 1, "track": 0.1,
                        "vrate_fpm": 64}[c]  # finer than ADS-B's own resolution
    # an altitude no integer holds: the position is kept, its altitude unknown
    assert con.execute("SELECT alt_ft FROM s.positions WHERE icao24 = 11259375").fetchall() == [(None,)]


def test_no_alert_when_the_host_has_no_duty_or_the_aircraft_is_not_watched(route):
    kb = bundled()
    pek = sy.airport("ZBAA")
    to_china = _events(sy.flight(PUTIN_IL96, route[0], pek, DEPART))
    assert [e.state for e in to_china if e.is_landing] == ["CHN"]
    assert alerting.build(kb, to_china) == []
    stranger = _events(sy.flight("abcdef", *route, DEPART))
    assert alerting.build(kb, stranger) == []


def test_heading_alert_for_an_aircraft_still_airborne(route):
    import pyarrow.compute as pc

    table = sy.flight(PUTIN_IL96, *route, DEPART)
    landed = next(e for e in _events(table) if e.is_landing).time.timestamp()
    airborne = table.filter(pc.less(table["time"], landed - 75 * 60))  # last seen 75 min out, over Russia
    con = duckdb.connect()
    con.register("positions", airborne)
    made = alerting.heading(bundled(), con, horizon_min=60)
    assert [(a.kind, a.event.state, a.confidence) for a in made] == [("heading", "MNG", "low")]


def _formats(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    now = 1725285600.0
    (folder / "aircraft.json").write_text(json.dumps({"now": now, "aircraft": [
        {"hex": PUTIN_IL96, "lat": 47.6, "lon": 106.8, "alt_baro": "ground", "gs": 12, "seen_pos": 1.5,
         "flight": "RSD001  ", "r": "RA-96022"},
        {"hex": "4ca7b4", "alt_baro": 3000},  # no position: skipped, not bad
        "garbage"]}))
    (folder / "opensky.csv").write_text(
        "time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,baroaltitude,"
        "geoaltitude,lastposupdate,lastcontact\n"
        "1725285600,3c6444,50.0,8.5,200.0,90,0,DLH1,false,false,false,1000,10000,10100,1725285600,1725285600\n"
        "1725285610,3c6444,50.0,8.6,200.0,90,0,DLH1,false,false,false,1000,10000,10100,1725285610,1725285610\n"
        "1725285620,3c6444,999,8.7,200.0,90,0,DLH1,false,false,false,1000,10000,10100,1725285620,1725285620\n")
    (folder / "plain.csv").write_text("icao24,time,lat,lon,altitude,groundspeed,on_ground\n"
                                      "a1b2c3,2024-09-02T10:00:00Z,40.0,-3.0,35000,450,false\n"
                                      "a1b2c3,not-a-time,40.1,-3.1,35000,450,false\n")
    (folder / "messages.jsonl").write_text(
        '{"timestamp": 1725285600.5, "icao24": "40621d", "df": "17", "bds": "05", "altitude": 38000, '
        '"latitude": 51.5, "longitude": -0.4}\n{"timestamp": 1725285601, "icao24": "40621d", "bds": "09", '
        '"groundspeed": 440}\nnot json\n')
    (folder / "broken.json").write_text("{not json")
    (folder / "empty.csv").write_text("")
    return folder


def test_only_six_lowercase_hex_digits_are_a_valid_address():
    import re

    from warrantwatch.tracks.formats import ADDRESS_IF_VALID, VALID

    candidates = ["abcdef", "157716", "000000", "ffffff", "ABCDEF", "12_345", "1_2345", " 12345", "12345 ",
                  "+12345", "-12345", "00000g", "0x1234", "0b1010", "1e5000", "12.345", "１２３４５６", "abcde",
                  "abcdef0", "", None, "~12345", "12345\n", "ab cd"]
    con = duckdb.connect()
    con.execute("CREATE TABLE t (icao24 VARCHAR, time DOUBLE, lat DOUBLE, lon DOUBLE)")
    con.executemany("INSERT INTO t VALUES (?, 1e9, 0, 0)", [[c] for c in candidates])
    kept = sorted(r[0] for r in con.execute(f"SELECT icao24 FROM t WHERE {VALID}").fetchall())
    assert kept == sorted(c for c in candidates if c is not None and re.fullmatch(r"[0-9a-f]{6}", c))
    assert kept == ["000000", "0b1010", "157716", "1e5000", "abcdef", "ffffff"]
    # the store's form of the same check gives the number of exactly these addresses
    numbers = con.execute(f"SELECT icao24, {ADDRESS_IF_VALID} AS n FROM t WHERE n IS NOT NULL").fetchall()
    assert sorted(numbers) == [(a, int(a, 16)) for a in kept]


def test_every_format_is_read_and_bad_rows_and_files_are_counted(tmp_path):
    folder = _formats(tmp_path)
    db = tmp_path / "t.duckdb"
    report = ingest([folder], db=db)
    assert report.files_new == 4 and report.rows == 5
    assert report.bad_rows == 4  # a non-object aircraft, latitude 999, a bad time, a line that is not JSON
    assert sorted(Path(p).name for p, _ in report.bad_files) == ["broken.json", "empty.csv"]
    con = connect(db, read_only=True)
    rows = con.execute("SELECT printf('%06x', icao24), round(alt_ft), round(gs_kt), on_ground FROM positions "
                       "ORDER BY icao24, time").fetchall()
    con.close()
    assert (PUTIN_IL96, None, 12.0, True) in rows and ("3c6444", 32808.0, 389.0, False) in rows
    assert ("40621d", 38000.0, None, None) in rows and ("a1b2c3", 35000.0, 450.0, False) in rows
    again = ingest([folder], db=db)  # idempotent
    assert again.files_new == 0 and again.files_already == 4 and again.rows == 0


def test_cli_reports_bad_input_in_one_line(tmp_path, capsys):
    assert main(["tracks", "landings", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such track store" in capsys.readouterr().err
    assert main(["tracks", "ingest", str(tmp_path / "missing")]) == 2
    assert main(["tracks", "ingest", str(DATA), "--db", str(tmp_path / "t.duckdb"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows_stored"] == 2499
    assert main(["tracks", "landings", "--db", str(tmp_path / "t.duckdb"), "--json"]) == 0
    assert [d["airport"] for d in json.loads(capsys.readouterr().out)] == ["KMSP", "KMSP", "KDEN"]


WRITER = """
import sys, time
from pathlib import Path
from warrantwatch.tracks.store import Store
files = sorted(Path(sys.argv[2]).glob("*.json"))
with Store.open(sys.argv[1]) as store:
    store.ingest(files, progress=lambda p, s: (print(s, p.name, flush=True), time.sleep(float(sys.argv[3]))),
                 hold_s=0.0)
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def many_traces(tmp_path_factory, route):
    folder = tmp_path_factory.mktemp("traces")
    for k in range(12):
        t = sy.flight(f"{0xa00000 + k:06x}", *route, DEPART, step_s=4)
        (folder / f"trace_full_{k:02d}.json").write_text(json.dumps(sy.to_trace(t)))
    return folder


def test_rows_already_stored_from_another_file_are_not_stored_again(tmp_path, route):
    import pyarrow as pa
    import pyarrow.parquet as pq

    a = sy.flight(PUTIN_IL96, *route, DEPART)
    b = sy.flight(PUTIN_IL96_B, route[1], route[0], DEPART + dt.timedelta(hours=2))
    pq.write_table(a, tmp_path / "a.parquet")
    half = a.slice(a.num_rows // 2)  # the second half of a, then a later flight: a wider time span
    pq.write_table(pa.concat_tables([half, b.select(a.column_names)]), tmp_path / "b.parquet")
    db = tmp_path / "t.duckdb"
    ingest([tmp_path / "a.parquet"], db=db)
    report = ingest([tmp_path / "b.parquet"], db=db)
    assert (report.rows, report.duplicates) == (b.num_rows, half.num_rows)
    with Store.open(db, read_only=True) as store:
        assert store.counts()["positions"] == a.num_rows + b.num_rows


def test_ingest_then_events_on_one_connection_equals_the_two_steps(tmp_path, route):
    from warrantwatch.tracks.pipeline import ingest_then_events

    first = tmp_path / "trace_full_157716.json"
    first.write_text(json.dumps(sy.to_trace(sy.flight(PUTIN_IL96, *route, DEPART))))
    second = tmp_path / "trace_full_14fc08.json"
    second.write_text(json.dumps(sy.to_trace(sy.flight(PUTIN_IL96_B, route[1], route[0], DEPART))))
    report, found = ingest_then_events([first], db=tmp_path / "a.duckdb")
    assert report.files_new == 1 and [e.kind for e in found if e.is_landing] == ["landing"]
    assert found == events(db=tmp_path / "a.duckdb")
    # a later file: the events are over the whole store, not the new file alone
    report, found = ingest_then_events([first, second], db=tmp_path / "a.duckdb", progress=lambda *a: None)
    assert (report.files_new, report.files_already) == (1, 1)
    ingest([first, second], db=tmp_path / "b.duckdb")
    assert found == events(db=tmp_path / "b.duckdb") and sum(e.is_landing for e in found) == 2


def test_kill_9_during_ingest_loses_nothing_stored_and_a_rerun_completes(tmp_path, many_traces):
    db = tmp_path / "t.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(many_traces), "0"],
                            stdout=subprocess.PIPE, text=True)
    stored = 0
    for output in proc.stdout:
        stored += output.startswith("stored")
        if stored == 3:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = connect(db, read_only=True)
    files, rows = con.execute("SELECT count(*), coalesce(sum(rows), 0) FROM files").fetchone()
    positions = con.execute("SELECT count(*) FROM positions").fetchone()[0]
    con.close()
    assert 3 <= files < 12 and positions == rows  # whole files only, nothing half-written
    report = ingest([many_traces], db=db)
    assert report.files_already == files and report.files_new == 12 - files
    clean = tmp_path / "clean.duckdb"
    ingest([many_traces], db=clean)
    count = "SELECT count(*), bit_xor(hash(icao24, time, lat, lon, alt_ft)) FROM positions"
    assert connect(db, read_only=True).execute(count).fetchone() == connect(clean, read_only=True).execute(
        count).fetchone()


def test_readers_can_read_while_ingest_runs(tmp_path, many_traces):
    db = tmp_path / "t.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(many_traces), "0.3"],
                            stdout=subprocess.PIPE, text=True)  # a slow ingest: 0.3 s between files
    for output in proc.stdout:
        if output.startswith("stored"):
            break
    con = connect(db, read_only=True, wait_s=30)
    seen = con.execute("SELECT count(*) FROM files").fetchone()[0]
    con.close()
    still_running = proc.poll() is None
    rest = proc.stdout.read()
    proc.wait()
    assert seen >= 1 and still_running and "done" in rest


def test_dask_gives_the_same_landings_as_duckdb(tmp_path, many_traces, route):
    from distributed import Client

    files = sorted(many_traces.glob("*.json"))[:6]
    import pyarrow as pa

    extra = tmp_path / "extra"
    extra.mkdir()
    both = pa.concat_tables([sy.flight(PUTIN_IL96, *route, DEPART, touch_and_go=True),
                             sy.flight("15abcd", route[1], route[0], DEPART, gaps=((4000, 9000),))])
    for icao in (PUTIN_IL96, "15abcd"):
        part = both.filter(pa.compute.equal(both["icao24"], icao))
        (extra / f"trace_full_{icao}.json").write_text(json.dumps(sy.to_trace(part)))
    inputs = [*files, *sorted(extra.glob("*.json"))]
    ingest(inputs, db=tmp_path / "t.duckdb")
    ingest(inputs, parquet=tmp_path / "archive")
    assert ingest(inputs, parquet=tmp_path / "archive").files_already == len(inputs)
    assert list((tmp_path / "archive").glob("day=2024-09-02/prefix=1/*.parquet"))
    with Client(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as client:
        on_dask = events(parquet=tmp_path / "archive", client=client)
    on_duckdb = events(db=tmp_path / "t.duckdb")
    assert [e.to_dict() for e in on_dask] == [e.to_dict() for e in on_duckdb]
    assert len([e for e in on_duckdb if e.is_landing]) == 8


class _Hook(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list] = []
    failures = 2

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if _Hook.failures > 0:
            _Hook.failures -= 1
            self.send_response(503)
            self.end_headers()
            return
        _Hook.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_webhook_is_retried_until_accepted_and_atom_escapes(route):
    con = duckdb.connect()
    con.register("positions", sy.flight(PUTIN_IL96, *route, DEPART))
    (alert,) = alerting.build(bundled(), detect(con), connection=con)
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status = alerting.post(f"http://127.0.0.1:{server.server_port}/hook", alert, backoff_s=0.01)
    finally:
        server.shutdown()
    assert status == 204 and _Hook.failures == 0
    assert _Hook.received[0]["headline"].startswith("RA-96022 (Ilyushin Il-96-300PU), an aircraft associated")
    feed = alerting.atom([{**alert.to_dict(), "headline": "<script>x</script> & co"}])
    assert "<script>" not in feed and "&lt;script&gt;" in feed and feed.count("<entry>") == 1


def test_follow_replays_recorded_snapshots_and_alerts_once(tmp_path, route):
    table = sy.flight(PUTIN_IL96, *route, DEPART, step_s=60).to_pylist()
    snaps = tmp_path / "recorded"
    snaps.mkdir()
    for i, p in enumerate(table[-20:]):  # the last 20 minutes, one snapshot a minute
        a = {"hex": p["icao24"], "lat": p["lat"], "lon": p["lon"], "gs": p["gs_kt"], "seen_pos": 0,
             "alt_baro": "ground" if p["on_ground"] else p["alt_ft"]}
        (snaps / f"{i:04d}.json").write_text(json.dumps({"now": p["time"], "aircraft": [a]}))
    got = []
    from warrantwatch.tracks.follow import follow

    db = tmp_path / "live.duckdb"
    counts = follow(str(snaps), db, on_alert=got.append, sleep=lambda s: None)
    assert counts["polls"] == 20 and counts["alerts"] == 1 and got[0].event.airport == "ZMCK"
    # like every alert, it says where its track comes from: here a replay, not live data
    assert got[0].track == "Track: recorded snapshots replayed from recorded/, not live (15 positions in 15 snapshots)"
    assert got[0].to_dict()["track"] == got[0].track
    with Store.open(db, read_only=True) as store:
        assert store.saved_alerts()[0]["track"] == got[0].track  # the Atom feed's copy too


def test_api_serves_the_watchlist_and_the_atom_feed(tmp_path, route, monkeypatch):
    from fastapi.testclient import TestClient

    from warrantwatch.api.app import create_app

    trace = sy.to_trace(sy.flight(PUTIN_IL96, *route, DEPART))
    (tmp_path / "trace_full_157716.json").write_text(json.dumps(trace))
    db = tmp_path / "t.duckdb"
    ingest([tmp_path / "trace_full_157716.json"], db=db)
    alerts(db=db)
    monkeypatch.setenv("WARRANTWATCH_TRACKS_DB", str(db))
    client = TestClient(create_app())
    feed = client.get("/api/alerts.atom")
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
    assert "an aircraft associated with Vladimir Putin" in feed.text and feed.text.count("<entry>") == 1
    data = client.get("/api/aircraft").json()
    assert any(a["registration"] == "4X-ISR" for a in data["aircraft"]) and data["alerts"][0]["outcome"] == "OBLIGED"
    assert "tracks.js" in client.get("/").text
    monkeypatch.setenv("WARRANTWATCH_TRACKS_DB", str(tmp_path / "none.duckdb"))
    assert client.get("/api/alerts.atom").text.count("<entry>") == 0
    time.sleep(0)


def test_opensky_parquet_with_timestamps_and_the_cli_on_a_dask_scheduler(tmp_path, capsys, route):
    import pandas as pd
    from distributed import LocalCluster

    t = sy.flight("3c6444", *route, DEPART).to_pandas()
    frame = pd.DataFrame({  # the columns pyopensky returns, in its units (metres, m/s)
        "time": pd.to_datetime(t.time, unit="s", utc=True), "icao24": t.icao24, "lat": t.lat, "lon": t.lon,
        "velocity": t.gs_kt / 1.943844492, "heading": t.track, "vertrate": t.vrate_fpm / 196.8503937,
        "callsign": "DLH1", "onground": t.on_ground, "alert": False, "spi": False, "squawk": "1000",
        "baroaltitude": t.alt_ft / 3.280839895, "geoaltitude": t.alt_ft / 3.280839895,
        "lastposupdate": t.time, "lastcontact": t.time})
    frame.to_parquet(tmp_path / "states.parquet")
    assert main(["tracks", "ingest", str(tmp_path / "states.parquet"), "--parquet", str(tmp_path / "arc")]) == 0
    capsys.readouterr()
    with LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        code = main(["tracks", "landings", "--parquet", str(tmp_path / "arc"), "--scheduler",
                     cluster.scheduler_address, "--json"])
    assert code == 0
    (landing,) = json.loads(capsys.readouterr().out)
    assert (landing["icao24"], landing["airport"], landing["state"]) == ("3c6444", "ZMCK", "MNG")


def test_a_globe_history_tar_is_read_trace_by_trace_and_resumes(tmp_path, route):
    import io
    import tarfile

    archive = tmp_path / "v2024.09.02-planes-readsb-prod-0.tar"
    with tarfile.open(archive, "w") as tar:
        for icao in (PUTIN_IL96, "4ca7b4"):
            data = gzip.compress(json.dumps(sy.to_trace(sy.flight(icao, *route, DEPART, step_s=30))).encode())
            info = tarfile.TarInfo(f"traces/{icao[-2:]}/trace_full_{icao}.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo("traces/zz/trace_full_ffffff.json")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"{x]"))
    db = tmp_path / "t.duckdb"
    report = ingest([archive], db=db)
    assert report.files_new == 2 and len(report.bad_files) == 1 and "trace_full_ffffff" in report.bad_files[0][0]
    assert ingest([archive], db=db).files_already == 2
    assert sorted(e.icao24 for e in events(db=db) if e.is_landing) == ["157716", "4ca7b4"]


def test_a_webhook_that_never_answers_is_reported_not_a_traceback(route):
    from warrantwatch.tracks.alerts import DeliveryFailed

    con = duckdb.connect()
    con.register("positions", sy.flight(PUTIN_IL96, *route, DEPART))
    (alert,) = alerting.build(bundled(), detect(con), connection=con)
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hook)
    port = server.server_port
    server.server_close()  # nothing listens there now
    with pytest.raises(DeliveryFailed, match="failed after 3 attempts"):
        alerting.post(f"http://127.0.0.1:{port}/hook", alert, retries=2, backoff_s=0.01)


def test_events_do_not_depend_on_row_order_or_repeated_rows(route):
    import numpy as np
    import pyarrow as pa

    table = pa.concat_tables([sy.flight(PUTIN_IL96, *route, DEPART, touch_and_go=True),
                              sy.flight("abcdef", route[1], route[0], DEPART, gaps=((5000, 9000),))])
    shuffled = table.take(np.random.default_rng(3).permutation(table.num_rows))
    repeated = pa.concat_tables([shuffled, table.slice(100, 500)])

    def key(t):
        return [(e.icao24, e.kind, e.time, e.airport) for e in _events(t)]

    assert key(shuffled) == key(table) == key(repeated)


class _Receiver(http.server.BaseHTTPRequestHandler):
    """A readsb-like endpoint: busy (503, then 429 with Retry-After) before it serves snapshots."""

    script: ClassVar[list] = []

    def do_GET(self):
        status, body = _Receiver.script.pop(0) if _Receiver.script else (200, b'{"now": 1, "aircraft": []}')
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "7")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_follow_polls_a_live_endpoint_with_backoff(tmp_path):
    from warrantwatch.tracks.follow import follow

    snapshot = json.dumps({"now": 1725285600.0, "aircraft": [
        {"hex": PUTIN_IL96, "lat": 47.6, "lon": 106.8, "alt_baro": "ground", "gs": 10, "seen_pos": 0}]}).encode()
    _Receiver.script = [(503, b""), (429, b""), (200, snapshot), (200, snapshot)]
    server = http.server.HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    waits: list[float] = []
    got = []
    try:
        counts = follow(f"http://127.0.0.1:{server.server_port}/data/aircraft.json?key=secret#x",
                        tmp_path / "live.duckdb",
                        interval_s=2, polls=4, sleep=waits.append, on_alert=got.append)
    finally:
        server.shutdown()
    assert counts == {"polls": 4, "errors": 2, "snapshots": 1, "alerts": 1}  # the repeat adds nothing
    # on the ground at Ulaanbaatar, arrival not seen: an alert, at low confidence, saying so
    assert (got[0].kind, got[0].confidence, got[0].event.airport) == ("on-ground", "low", "ZMCK")
    assert "when it arrived was not observed" in " ".join(got[0].notes)
    # where the positions come from, without the key in the query string
    assert got[0].track == (f"Track: live positions from http://127.0.0.1:{server.server_port}/data/aircraft.json "
                            "(1 positions in 1 snapshots)")
    assert waits == [4, 8, 2, 2]  # doubled after the 503, then at least Retry-After, then the interval


def test_nearest_airports_at_once_equal_one_by_one():
    import numpy as np

    from warrantwatch.tracks.landings import airports, nearest_airport, nearest_airports

    a = airports()
    rng = np.random.default_rng(5)
    n_points = 1500
    pick = rng.choice(len(a.lat), n_points)
    lats = np.clip(a.lat[pick] + rng.normal(0, 0.05, n_points), -90, 90)
    lons = (a.lon[pick] + rng.normal(0, 0.05, n_points) + 180) % 360 - 180
    lats[:200], lons[:200] = a.lat[pick[:200]], a.lon[pick[:200]]  # on an airport: ties where two share a place
    lats[200:210], lons[200:210] = 89.99, np.linspace(-180, 180, 10)  # the pole and the date line
    _, first, count = np.unique(np.column_stack([a.lat, a.lon]), axis=0, return_index=True, return_counts=True)
    shared = first[count > 1][:5]  # airports that share their coordinates with another: an exact tie
    assert len(shared)
    lats[210:210 + len(shared)], lons[210:210 + len(shared)] = a.lat[shared], a.lon[shared]
    together = nearest_airports(lats, lons)
    assert len(together) > 1000
    for n in range(n_points):
        alone = nearest_airport(lats[n], lons[n])
        assert (alone is None) == (n not in together)
        if alone:
            assert alone[0] == together[n][0] and abs(alone[1] - together[n][1]) < 1e-6


def test_landing_sql_on_run_candidates_finds_what_sorting_every_position_finds():
    """The candidate shortcut (only first/last points of each 300 s bucket, every point of a bucket
    where the ground flag changes) gives exactly the events of the window functions over every
    position: random tracks with ground flickers, unknown ground, repeated rows and gaps just
    under, at and over GAP_S, many of them across bucket edges."""
    import numpy as np

    from warrantwatch.tracks.landings import BUCKET_S, GAP_S, events_sql

    rng = np.random.default_rng(15)
    rows = []
    for a in range(60):
        icao24 = f"{a:06x}"
        t = float(rng.integers(0, 3) * BUCKET_S - rng.choice([0.0, 0.25, 7.0]))
        ground = bool(rng.integers(0, 2))
        for _ in range(int(rng.integers(5, 400))):
            if rows and rows[-1][0] == icao24 and rng.random() < 0.03:
                rows.append(rows[-1])  # the same position stored twice
                continue
            t += float(rng.choice([1.0, 8.0, 30.0, 120.0, GAP_S - 0.5, GAP_S, GAP_S + 0.5, 2 * GAP_S],
                                  p=[0.3, 0.3, 0.15, 0.1, 0.04, 0.04, 0.04, 0.03]))
            if rng.random() < 0.08:
                ground = not ground
            on_ground = None if rng.random() < 0.1 else ground
            gs = None if rng.random() < 0.05 else (float(rng.uniform(0, 39)) if ground else float(rng.uniform(41, 300)))
            rows.append((icao24, 1.7e9 + t, float(rng.uniform(40, 41)), float(rng.uniform(10, 11)),
                         None if ground else float(rng.uniform(0, 9000)), gs, on_ground, f"CS{a}"))
    con = duckdb.connect()
    con.execute("CREATE TABLE positions (icao24 VARCHAR, time DOUBLE, lat DOUBLE, lon DOUBLE, alt_ft DOUBLE, "
                "gs_kt DOUBLE, on_ground BOOLEAN, callsign VARCHAR)")
    con.executemany("INSERT INTO positions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def found(candidates):
        return sorted(con.execute(f"SELECT icao24, kind, time, lat, lon, prev_time FROM "
                                  f"({events_sql('positions', candidates=candidates)})").fetchall())

    shortcut, reference = found(True), found(False)
    assert len(reference) > 50
    assert shortcut == reference


def test_a_position_is_filed_under_the_day_its_stored_time_falls_on(tmp_path):
    """The archive keeps time to the microsecond (formats.FIXED); a position 0.4 µs before midnight is
    stored as midnight, and its `day=` folder is the next day's, the day every reader sees (the folder's
    day comes from the unrounded time, which DuckDB's `to_timestamp` rounds to the same microsecond)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from warrantwatch.tracks.formats import SCHEMA

    midnight = dt.datetime(2024, 9, 3, tzinfo=dt.UTC).timestamp()
    rows = {"icao24": ["155f01", "155f01"], "time": [midnight - 0.0000004, midnight - 60.0],
            "lat": [47.84, 47.84], "lon": [106.76, 106.76], "alt_ft": [0.0, 0.0], "gs_kt": [0.0, 0.0],
            "track": [0.0, 0.0], "vrate_fpm": [0.0, 0.0], "on_ground": [True, True],
            "callsign": ["RSD001", "RSD001"], "new_leg": [False, False]}
    pq.write_table(pa.table(rows, schema=SCHEMA), tmp_path / "p.parquet")
    ingest([tmp_path / "p.parquet"], parquet=tmp_path / "archive")
    con = duckdb.connect()
    filed = con.execute(
        f"SELECT regexp_extract(filename, 'day=([0-9-]+)', 1) AS day, time FROM read_parquet("
        f"'{tmp_path / 'archive'}/day=*/prefix=*/*.parquet', hive_partitioning = false, filename = true) "
        "ORDER BY time").fetchall()
    assert filed == [("2024-09-02", midnight - 60.0), ("2024-09-03", midnight)]
