"""Where the time of DuckDB ingest + landings goes, part by part, on 10 M synthetic positions: how
far the 5 M positions/s target (10 M in 2 s of wall time, at most 4 s of CPU on 2 cores) is from
what DuckDB's write and the landing query cost alone.

Each part runs alone, `RUNS` rounds interleaved; the table gives the minimum wall time and the median
CPU time (user + system). The writes have no validation and no hash: they are the floor of the store's
ingest, not a way of ingesting. `python benchmarks/bench_tracks_floor.py [N [RUNS]]`.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from bench_tracks import load, timed

from warrantwatch.tracks import landings as L
from warrantwatch.tracks import store as S
from warrantwatch.tracks.formats import FIXED, fixed_sql
from warrantwatch.tracks.synthetic import fleet

DOUBLES = ("icao24 UINTEGER, time DOUBLE, lat DOUBLE, lon DOUBLE, alt_ft DOUBLE, gs_kt DOUBLE, track DOUBLE, "
           "vrate_fpm DOUBLE, on_ground BOOLEAN, callsign VARCHAR, new_leg BOOLEAN, file_id INTEGER")


def main(n: int, runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-tracks-floor-"))
    try:
        run(work, n, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, n: int, runs: int) -> None:
    from warrantwatch.geo.locate import locate
    from warrantwatch.records.knowledge import bundled
    from warrantwatch.tracks.pipeline import registrations

    source = work / "positions.parquet"
    pq.write_table(fleet(n), source, row_group_size=1 << 20)
    parquet = f"read_parquet('{source}')"
    L.nearest_airports([47.6], [106.8])
    locate(106.8, 47.6)
    kb = bundled()

    def fresh(name: str) -> str:
        for p in (work / name, work / f"{name}.wal"):
            p.unlink(missing_ok=True)
        return str(work / name)

    def write(columns: str, select: str, path: str) -> None:
        con = duckdb.connect(path)
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"CREATE TABLE t ({columns})")
        con.execute("BEGIN TRANSACTION")
        con.execute(f"INSERT INTO t {select} FROM {parquet}")
        con.execute("COMMIT")
        con.close()

    numbers = ", ".join(fixed_sql(column) for column, *_ in FIXED)
    doubles = "SELECT ('0x' || icao24)::UINTEGER, time, lat, lon, alt_ft, gs_kt, track, vrate_fpm, on_ground, " \
              "callsign, new_leg, 1"
    fixed = f"SELECT ('0x' || icao24)::UINTEGER, {numbers}, on_ground, callsign, new_leg, 1"
    found = {}

    def ingest() -> None:
        with S.Store.open(fresh("store.duckdb")) as store:
            store.ingest([source])

    def landing_sql() -> None:
        con = duckdb.connect(str(work / "store.duckdb"), read_only=True)
        found["frame"] = L.raw_events(con, "positions")
        con.close()

    parts = [
        ("SHA-256 of the file (one core)", lambda: S.file_sha256(source)),
        ("read the Parquet file, nothing written", lambda: duckdb.connect().execute(
            f"SELECT count(*), sum(hash(COLUMNS(*))) FROM {parquet}").fetchall()),
        ("write as doubles (no validation, no hash)", lambda: write(DOUBLES, doubles, fresh("w.duckdb"))),
        ("write as fixed point (no validation, no hash)", lambda: write(S.ROW_COLUMNS, fixed, fresh("w.duckdb"))),
        ("write as fixed point into memory (not durable)", lambda: write(S.ROW_COLUMNS, fixed, ":memory:")),
        ("Store.ingest: hash, validation, write, commit", ingest),
        ("landing SQL (store opened afresh)", landing_sql),
        ("airports, states, events (Python, one core)", lambda: L.confirm(found["frame"], registrations(kb))),
    ]
    print(f"{n:,} positions; before: {load()}", flush=True)
    wall: dict[str, list[float]] = {name: [] for name, _ in parts}
    cpu: dict[str, list[float]] = {name: [] for name, _ in parts}
    for _ in range(runs):
        for name, fn in parts:
            _, s, c = timed(fn)
            wall[name].append(s)
            cpu[name].append(c)
            print(f"  {name}: {s:.2f} s, CPU {c:.2f} s, {load()}", flush=True)
    print(f"after:  {load()}")
    print(f"{'part':48} {'min s':>6} {'CPU s (median)':>14}")
    for name, _ in parts:
        print(f"{name:48} {min(wall[name]):6.2f} {statistics.median(cpu[name]):14.2f}")
    print(f"(cores: {os.cpu_count()}; the target allows {2 * (os.cpu_count() or 1):.0f} s of CPU for ingest + landings "
          f"of 10 M positions)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
