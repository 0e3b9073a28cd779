"""Ingest + landing detection on 10 M synthetic positions, in one run:

* DuckDB: `pipeline.ingest_then_events`: `Store.ingest` of a Parquet file into a new store, then the
  landing SQL and airports on the same connection (ingest alone, and landings alone on a store opened
  afresh, are timed apart as well);
* pandas: the same rules written with sort/shift/cumsum the way a competent engineer would;
* Dask LocalCluster with 1 and 2 workers: `ParquetArchive.ingest` (day/prefix partitions), then the
  landing SQL per prefix on the cluster, airports on the client.

Each reports positions/s over the whole (ingest + detection) and checks that the landings agree.
Every pipeline runs `RUNS` times (rounds interleaved, each on a fresh store); the table gives the
minimum and the median wall time, the median CPU time (user + system, of this process and of the
processes it waited for: the CLI, Dask's workers), with the load average before and after (timings
on a shared 2-core machine are noisy; CPU time much less so).
`python benchmarks/bench_tracks.py [N [RUNS]]` (default 10,000,000 positions, 3 runs).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from warrantwatch.tracks import landings as L
from warrantwatch.tracks.pipeline import events, ingest_then_events
from warrantwatch.tracks.store import ParquetArchive, Store
from warrantwatch.tracks.synthetic import fleet


def pandas_events(path: Path) -> pd.DataFrame:
    """The baseline: the same rules as `landings.events_sql`, in pandas."""
    df = pd.read_parquet(path, columns=["icao24", "time", "lat", "lon", "alt_ft", "gs_kt", "on_ground", "callsign"])
    valid = df.icao24.str.fullmatch(r"[0-9a-f]{6}") & df.lat.between(-90, 90) & df.lon.between(-180, 180)
    df = df[valid & (df.time > 0)].drop_duplicates(["icao24", "time"])
    ground = df.on_ground.astype("boolean").fillna(df.gs_kt < L.GROUND_KT)
    df = df.assign(ground=ground)[ground.notna()].sort_values(["icao24", "time"], kind="stable")
    ac, t, g = df.icao24.to_numpy(), df.time.to_numpy(), df.ground.to_numpy(dtype=bool)
    first = np.r_[True, ac[1:] != ac[:-1]]
    last = np.r_[ac[1:] != ac[:-1], True]
    starts = first | np.r_[True, np.diff(t) > L.GAP_S] | np.r_[True, g[1:] != g[:-1]]
    ends = last | np.r_[np.diff(t) > L.GAP_S, True] | np.r_[g[1:] != g[:-1], True]
    s, e = df[starts], df[ends]
    runs = pd.DataFrame({
        "icao24": s.icao24.to_numpy(), "ground": s.ground.to_numpy(dtype=bool), "t0": s.time.to_numpy(),
        "lat0": s.lat.to_numpy(), "lon0": s.lon.to_numpy(), "cs0": s.callsign.to_numpy(),
        "t1": e.time.to_numpy(), "lat1": e.lat.to_numpy(), "lon1": e.lon.to_numpy(), "gs1": e.gs_kt.to_numpy(),
        "alt1": e.alt_ft.to_numpy()})
    same_prev = np.r_[False, runs.icao24.to_numpy()[1:] == runs.icao24.to_numpy()[:-1]]
    same_next = np.r_[same_prev[1:], False]
    prev = runs.shift(1).where(pd.Series(same_prev, index=runs.index), axis=0)
    nxt = runs.shift(-1).where(pd.Series(same_next, index=runs.index), axis=0)
    pg, ng = prev.ground.astype("boolean"), nxt.ground.astype("boolean")
    gr = runs.ground.to_numpy()
    contact = (gr & (pg == False) & (runs.t0 - prev.t1 <= L.GAP_S)).fillna(False).to_numpy(dtype=bool)  # noqa: E712
    liftoff = (gr & (ng == False) & (nxt.t0 - runs.t1 <= L.GAP_S)).fillna(False).to_numpy(dtype=bool)  # noqa: E712

    def km(la1, lo1, la2, lo2):
        la1, lo1, la2, lo2 = (np.radians(x.astype(float)) for x in (la1, lo1, la2, lo2))
        h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
        return 2 * 6371.0088 * np.arcsin(np.sqrt(h))

    dist = km(prev.lat1, prev.lon1, runs.lat0, runs.lon0)
    tng = contact & liftoff & ((runs.t1 - runs.t0) < L.TOUCH_S).to_numpy() & (runs.gs1.fillna(999) >= L.APPROACH_KT
                                                                             ).to_numpy()
    pgs_ok = (prev.gs1.fillna(999) >= L.APPROACH_KT).to_numpy()
    after_gap = ((pg == False).fillna(False).to_numpy(dtype=bool) & ((runs.t0 - prev.t1) > L.GAP_S).to_numpy()  # noqa: E712
                 & (prev.alt1.fillna(0) <= L.AFTER_GAP_FT).to_numpy() & (dist <= L.AFTER_GAP_KM))
    still = pg.fillna(False).to_numpy(dtype=bool) & (dist <= L.AFTER_GAP_KM)
    kind = np.select([tng, contact & pgs_ok, contact, after_gap, still],
                     ["touch-and-go", "landing", None, "landing-after-gap", None], "seen-on-ground")
    kind = np.where(gr, kind, None)
    out = pd.DataFrame({"icao24": runs.icao24, "kind": kind, "time": runs.t0, "lat": runs.lat0, "lon": runs.lon0,
                        "prev_time": prev.t1, "prev_lat": prev.lat1, "prev_lon": prev.lon1, "prev_alt_ft": prev.alt1,
                        "prev_gs_kt": prev.gs1, "gap_s": runs.t0 - prev.t1, "callsign": runs.cs0})
    out = out[out.kind.notna()]
    take = gr & liftoff & ~tng
    off = pd.DataFrame({"icao24": runs.icao24[take], "kind": "takeoff", "time": nxt.t0[take], "lat": nxt.lat0[take],
                        "lon": nxt.lon0[take], "prev_time": runs.t1[take], "prev_lat": runs.lat1[take],
                        "prev_lon": runs.lon1[take], "prev_alt_ft": np.nan, "prev_gs_kt": runs.gs1[take],
                        "gap_s": nxt.t0[take] - runs.t1[take], "callsign": nxt.cs0[take]})
    return pd.concat([out, off], ignore_index=True)


def cpu_s() -> float:
    """User + system CPU seconds of this process and of its children that have been waited for."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn):
    start, cpu = time.perf_counter(), cpu_s()
    result = fn()
    return result, time.perf_counter() - start, cpu_s() - cpu


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(n: int, runs: int = 3) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-tracks-"))
    try:
        run(work, n, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, n: int, runs: int) -> None:
    import json
    import subprocess

    from distributed import Client, LocalCluster

    table, gen_s, _ = timed(lambda: fleet(n))
    source = work / "positions.parquet"
    pq.write_table(table, source, row_group_size=1 << 20)
    print(f"{table.num_rows:,} synthetic positions, {len(set(table['icao24'].to_pylist())):,} aircraft "
          f"(generated in {gen_s:.1f} s)", flush=True)
    # airports (and their k-d tree), boundaries and the knowledge base loaded once, outside every timing
    L.nearest_airports([47.6], [106.8])
    from warrantwatch.geo.locate import locate
    from warrantwatch.records.knowledge import bundled

    locate(106.8, 47.6)
    bundled()
    exe = str(Path(sys.executable).parent / "warrantwatch")

    def fresh(path: Path) -> Path:
        shutil.rmtree(path, ignore_errors=True)
        for p in (path, path.with_name(path.name + ".wal")):
            p.unlink(missing_ok=True)
        return path

    def duck():
        return ingest_then_events([source], db=fresh(work / "t.duckdb"))[1]

    def duck_ingest():
        with Store.open(fresh(work / "i.duckdb")) as store:
            store.ingest([source])

    def duck_landings():
        return events(db=work / "i.duckdb")

    def cli():
        db = fresh(work / "cli.duckdb")
        subprocess.run([exe, "tracks", "ingest", str(source), "--db", str(db)], check=True, capture_output=True)
        out = subprocess.run([exe, "tracks", "landings", "--all", "--json", "--db", str(db)], check=True,
                             capture_output=True, text=True).stdout
        return [L.Event(d["icao24"], d["kind"], pd.Timestamp(d["time"]).to_pydatetime(), d["lat"], d["lon"],
                        d["airport"], None, None, d["state"], d["confidence"]) for d in json.loads(out)]

    def dask(workers: int):
        archive = fresh(work / f"archive-{workers}")
        ParquetArchive(archive).ingest([source])
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
                Client(c) as client:
            return events(parquet=archive, client=client)

    pipelines = [
        ("DuckDB, in process (ingest, then landings)", duck),
        ("  ingest alone (a Parquet file into a new store)", duck_ingest),
        ("  landings alone (store opened afresh)", duck_landings),
        ("DuckDB, whole process (CLI ingest + CLI landings)", cli),
        ("pandas baseline (read + landings)", lambda: L.confirm(pandas_events(source))),
        ("Dask LocalCluster, 1 worker (archive + landings)", lambda: dask(1)),
        ("Dask LocalCluster, 2 workers (archive + landings)", lambda: dask(2)),
    ]
    print(f"before: {load()}", flush=True)
    seconds: dict[str, list[float]] = {name: [] for name, _ in pipelines}
    cpu: dict[str, list[float]] = {name: [] for name, _ in pipelines}
    found: dict[str, list] = {}
    for _ in range(runs):
        for name, fn in pipelines:
            result, s, c = timed(fn)
            seconds[name].append(s)
            cpu[name].append(c)
            if result is not None:
                found[name] = result
            print(f"  {name}: {s:.2f} s, CPU {c:.2f} s, {load()}", flush=True)
    print(f"after:  {load()}", flush=True)

    def key(events_found):
        return sorted((e.icao24, e.kind, round(e.time.timestamp(), 2)) for e in events_found)

    reference = key(found[pipelines[0][0]])
    base = statistics.median(seconds["pandas baseline (read + landings)"])
    print(f"{'pipeline':52} {'min s':>6} {'median s':>8} {'CPU s':>6} {'positions/s (min)':>17} {'(median)':>11} "
          f"{'vs pandas':>9} {'landings':>8} same")
    for name, _ in pipelines:
        lo, mid, c = min(seconds[name]), statistics.median(seconds[name]), statistics.median(cpu[name])
        landed = same = ""
        if name in found:
            landed = f"{sum(e.is_landing for e in found[name]):,}"
            same = "yes" if key(found[name]) == reference else "NO"
        print(f"{name:52} {lo:6.2f} {mid:8.2f} {c:6.2f} {table.num_rows / lo:17,.0f} {table.num_rows / mid:11,.0f} "
              f"{base / mid:8.2f}x {landed:>8} {same}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
