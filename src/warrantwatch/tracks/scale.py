"""The same landing rules on Dask, over Parquet partitions (`day=…/prefix=…`), for archives that do
not fit one machine. Each task runs the very SQL of `landings.events_sql` with an in-process DuckDB
on the files of one icao24 prefix (all days: a flight across midnight stays whole), so the two paths
cannot drift apart; airports and states are added once, on the client.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path


def _events_for(files: list[str]):
    import duckdb

    from warrantwatch.tracks.landings import raw_events
    from warrantwatch.tracks.store import POSITIONS

    con = duckdb.connect()
    con.execute("SET threads = 1")
    listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    # rows stored twice (overlapping files, repeats) are read once
    con.execute(f"CREATE TEMP TABLE positions AS SELECT DISTINCT ON (icao24, time) {POSITIONS} "
                f"FROM read_parquet([{listing}], hive_partitioning = false) ORDER BY icao24, time, lat, lon")
    frame = raw_events(con, "positions")
    con.close()
    return frame


def groups(root: Path) -> list[list[str]]:
    """Partition files grouped by icao24 prefix."""
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for f in sorted(Path(root).glob("day=*/prefix=*/*.parquet")):
        by_prefix[f.parent.name].append(str(f))
    return [by_prefix[k] for k in sorted(by_prefix)]


def raw_events_dask(root: Path, *, scheduler: str | None = None, client=None):
    """Raw events over every partition, computed on a Dask cluster (`scheduler` address, an existing
    `client`, or a local cluster for the duration of the call)."""
    import pandas as pd
    from distributed import Client

    work = groups(root)
    own = None
    if client is None:
        own = Client(scheduler) if scheduler else Client(processes=False, n_workers=1, threads_per_worker=2,
                                                         dashboard_address=None)
        client = own
    try:
        frames = client.gather(client.map(_events_for, work, pure=False)) if work else []
    finally:
        if own is not None:
            own.close()
    frames = [f for f in frames if len(f)]
    if not frames:
        import duckdb

        return duckdb.connect().sql("SELECT * FROM (SELECT 1) WHERE false").df()
    return pd.concat(frames, ignore_index=True)
