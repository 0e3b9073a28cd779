"""Where positions are kept: a DuckDB file (default) or Parquet partitions by day and icao24 prefix.

Both are idempotent: a file is known by the SHA-256 of its bytes, and a file already ingested adds
nothing; rows already stored from another file (same aircraft, same time) are not stored twice. Each file is written
in one transaction (DuckDB) or renamed into place before it is marked done (Parquet), so a crash or
`kill -9` loses at most the file being read, never what was stored before; running the same
command again completes the work.

DuckDB lets one process write a file at a time and no reader open it meanwhile: ingest releases
the file after each transaction (at most about a second of work), and readers wait for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from warrantwatch.errors import WarrantWatchError
from warrantwatch.tracks.formats import (
    ADDRESS_IF_VALID,
    ADDRESS_NUMBER,
    FIXED,
    VALID,
    VALID_ADDRESS,
    VALID_POSITION,
    BadFile,
    Table,
    address_sql,
    fixed_sql,
    quantized_sql,
    read_path,
    unfixed_sql,
)

POSITIONS = "icao24, time, lat, lon, alt_ft, gs_kt, track, vrate_fpm, on_ground, callsign, new_leg"
# The address is stored as its 24-bit number (formats.ADDRESS_NUMBER), read back as text by
# `formats.address_sql` and `landings.raw_events`; the numbers as integers in fixed units
# (formats.FIXED) in the table `position_rows`, read through the view `positions`, which gives
# every column in its unit (seconds, degrees, feet, knots) as before. Readers use the view.
STORED = {column: stored for column, stored, _, _ in FIXED}
ROW_COLUMNS = ", ".join(["icao24 UINTEGER"] + [f"{stored} {kind}" for _, stored, kind, _ in FIXED]
                        + ["on_ground BOOLEAN", "callsign VARCHAR", "new_leg BOOLEAN", "file_id INTEGER"])
ROW_NAMES = ", ".join(["icao24", *STORED.values(), "on_ground", "callsign", "new_leg", "file_id"])
VIEW = ("CREATE VIEW IF NOT EXISTS positions AS SELECT icao24, "
        + ", ".join(f"{unfixed_sql(column, stored)} AS {column}" for column, stored in STORED.items())
        + ", on_ground, callsign, new_leg, file_id FROM position_rows")
# Each position keeps the id of the file it came from (`files.id`), so that a track map can say
# where its positions come from (`sources`); `files.origin` says when a file is synthetic.
SCHEMA = """
CREATE TABLE IF NOT EXISTS files (sha256 VARCHAR PRIMARY KEY, path VARCHAR, format VARCHAR,
    rows BIGINT, bad_rows BIGINT, duplicates BIGINT, ingested_at TIMESTAMP, id INTEGER, origin VARCHAR);
CREATE TABLE IF NOT EXISTS registrations (icao24 VARCHAR PRIMARY KEY, registration VARCHAR);
CREATE TABLE IF NOT EXISTS alerts (id VARCHAR PRIMARY KEY, time DOUBLE, alert VARCHAR);
"""
# Stores written before positions kept their file: the columns are added (their old rows say nothing).
MIGRATE = """
ALTER TABLE positions ADD COLUMN IF NOT EXISTS file_id INTEGER;
ALTER TABLE files ADD COLUMN IF NOT EXISTS id INTEGER;
ALTER TABLE files ADD COLUMN IF NOT EXISTS origin VARCHAR;
"""
LOCK_WAIT_S = 60.0
READER_WINDOW_S = 0.05


@dataclass
class IngestReport:
    files_new: int = 0
    files_already: int = 0
    rows: int = 0
    bad_rows: int = 0
    duplicates: int = 0
    bad_files: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"files_new": self.files_new, "files_already_stored": self.files_already,
                "rows_stored": self.rows, "bad_rows": self.bad_rows, "duplicate_rows": self.duplicates,
                "bad_files": [{"path": p, "reason": r} for p, r in self.bad_files]}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def connect(path: Path | str, *, read_only: bool = False, wait_s: float = LOCK_WAIT_S):
    """Open the DuckDB file, waiting (with backoff) while another process holds its lock."""
    import duckdb

    path = Path(path)
    if read_only and not path.exists():
        raise WarrantWatchError(f"{path}: no such track store (run `warrantwatch tracks ingest` first)")
    deadline, pause = time.monotonic() + wait_s, 0.02
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            if not read_only:
                _schema(con, path)
                # rows may be written in any order (every reader sorts): lets both threads write
                con.execute("SET preserve_insertion_order = false")
            return con
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise WarrantWatchError(f"{path}: cannot open the track store ({exc})") from exc
        except duckdb.Error as exc:
            raise WarrantWatchError(f"{path}: not a track store ({exc})") from exc
        time.sleep(pause)
        pause = min(pause * 2, READER_WINDOW_S * 0.8)  # short enough to catch a writer's pause


def _schema(con, path: Path) -> None:
    """Create the tables of a new store, or bring a store written by an earlier version up to date."""
    con.execute(SCHEMA)
    kind = con.execute("SELECT any_value(table_type) FROM information_schema.tables WHERE table_name = 'positions' "
                       "AND table_catalog = current_database() AND table_schema = 'main'").fetchone()[0]
    if kind == "BASE TABLE":  # positions stored as doubles (before 2026-12-07)
        _check_fixed_point(con, path)  # before any change: a store refused is left as it was
        if not con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'positions' "
                           "AND column_name = 'file_id' AND database_name = current_database()").fetchone()[0]:
            con.execute(MIGRATE)
        _addresses_as_numbers(con, path)
        _numbers_as_fixed_point(con, path)
    elif kind is None:
        con.execute("BEGIN TRANSACTION")
        con.execute(f"CREATE TABLE IF NOT EXISTS position_rows ({ROW_COLUMNS})")
        con.execute(VIEW)
        con.execute("COMMIT")


def _numbers_as_fixed_point(con, path: Path) -> None:
    """Stores written before 2026-12-07 keep the numbers as doubles: converted to the fixed units of
    formats.FIXED in one transaction (every position then reads back within that resolution; a NaN or
    infinite value becomes unknown, as it would at ingest). A store holding a finite value the fixed
    point cannot hold (an altitude beyond 200 million feet, a time after year 9999) is refused, unchanged."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE TABLE position_rows ({ROW_COLUMNS})")
        con.execute(f"INSERT INTO position_rows ({ROW_NAMES}) SELECT icao24, "
                    + ", ".join(fixed_sql(column) for column, _, _, _ in FIXED)
                    + ", on_ground, callsign, new_leg, file_id FROM positions")
        con.execute("DROP TABLE positions")
        con.execute(VIEW)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _check_fixed_point(con, path: Path) -> None:
    """Refuse (see `_numbers_as_fixed_point`) a store with a finite number the fixed point cannot hold."""
    lost = " + ".join(f"count(*) FILTER ({column} IS NOT NULL AND isfinite({column}) AND {fixed_sql(column)} IS NULL)"
                      for column, _, _, _ in FIXED)
    odd = con.execute(f"SELECT {lost} FROM positions").fetchone()[0]
    if odd:
        con.close()
        raise WarrantWatchError(f"{path}: this track store cannot be converted to the current format: {odd:,} "
                                "stored values are beyond the range of its fixed-point numbers. Nothing was changed; "
                                "read it with the warrantwatch that wrote it, or ingest the original files into a "
                                "new store.")


def _addresses_as_numbers(con, path: Path) -> None:
    """Stores written before 2026-12 keep the address as text: converted in one transaction (every
    stored address passed VALID, so the conversion is exact). A store holding any other address is
    refused, unchanged, rather than have a position lost or its address misread."""
    kind = con.execute("SELECT data_type FROM duckdb_columns() WHERE table_name = 'positions' "
                       "AND column_name = 'icao24' AND database_name = current_database()").fetchone()[0]
    if kind == "UINTEGER":
        return
    odd = con.execute(f"SELECT count(*) FILTER (NOT coalesce({VALID_ADDRESS}, false)), "
                      "any_value(icao24) FILTER (NOT coalesce(" + VALID_ADDRESS + ", false)) FROM positions").fetchone()
    if kind != "VARCHAR" or odd[0]:
        con.close()
        why = (f"{odd[0]:,} stored positions have an address that is not six lowercase hex digits "
               f"(e.g. {odd[1]!r})" if odd[0] else f"its positions' address column is {kind}")
        raise WarrantWatchError(f"{path}: this track store cannot be converted to the current format: {why}. "
                                "Nothing was changed; read it with the warrantwatch that wrote it, or ingest "
                                "the original files into a new store.")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("ALTER TABLE positions ALTER icao24 SET DATA TYPE UINTEGER "
                    f"USING {ADDRESS_NUMBER.format('icao24')}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _relation(con, table: Table) -> str:
    """The file's rows as a relation with the positions columns (not yet validated)."""
    if table.arrow is not None:
        con.register("incoming", table.arrow)
        return f"(SELECT {POSITIONS} FROM incoming)"
    return f"(SELECT * FROM ({table.sql}) AS t({POSITIONS}))"


def _store_file(con, path: Path, sha: str, table: Table, report: IngestReport) -> None:
    """One file, one transaction: valid rows not stored before, and the file's row in `files`."""
    rel = _relation(con, table)
    con.execute("BEGIN TRANSACTION")
    try:
        # The file's size (Parquet: from its footer, no pass over the rows).
        total = con.execute(f"SELECT count(*) FROM {rel}").fetchone()[0]
        overlap = False
        if con.execute("SELECT EXISTS (SELECT 1 FROM position_rows)").fetchone()[0]:
            # rows already stored can only be in this file's time span (one pass over its time
            # column; invalid rows only widen the span, which makes the check stricter); the
            # anti-join below is skipped when none are, and for a store still empty
            t_min, t_max = con.execute(f"SELECT min({fixed_sql('time')}) FILTER (time > 0), "
                                       f"max({fixed_sql('time')}) FILTER (time > 0) FROM {rel}").fetchone()
            overlap = t_min is not None and con.execute(
                "SELECT count(*) FROM position_rows WHERE time_us BETWEEN ? AND ?", [t_min, t_max]).fetchone()[0]
        # only stored rows in the file's time span can match: the hash table is built from those alone
        # (the same time: the same microsecond, as stored)
        anti = ("AND NOT EXISTS (SELECT 1 FROM position_rows p WHERE p.time_us BETWEEN ? AND ? "
                "AND p.icao24 = s.icao24 AND p.time_us = s.time_us)" if overlap else "")
        # Within a JSON file (small), a position repeated at the same time is stored once. Within a
        # CSV or Parquet table (large) repeats are kept: removing them would cost more than the rest
        # of the ingest, and the landing rules read a repeated position as no change.
        once = ("QUALIFY row_number() OVER (PARTITION BY icao24, time_us ORDER BY lat_e7, lon_e7, alt_dft) = 1"
                if table.arrow is not None else "")
        file_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM files").fetchone()[0]
        # the rows are read, validated, put in the store's fixed point (formats.FIXED) and written in
        # this one statement (DuckDB's threads, no Python) (the address as a number, NULL unless
        # valid: formats.ADDRESS_IF_VALID)
        numbers = ", ".join(f"{fixed_sql(column)} AS {stored}" for column, stored, _, _ in FIXED)
        stored = con.execute(f"INSERT INTO position_rows ({ROW_NAMES}) SELECT * FROM ("
                             f"SELECT address AS icao24, {numbers}, on_ground, callsign, new_leg, {int(file_id)} "
                             f"FROM (SELECT {ADDRESS_IF_VALID} AS address, * FROM {rel}) "
                             f"WHERE address IS NOT NULL AND {VALID_POSITION}) s WHERE true {anti} {once}",
                             [t_min, t_max] if anti else []).fetchone()[0]
        valid = (con.execute(f"SELECT count(*) FILTER ({VALID}) FROM {rel}").fetchone()[0]
                 if anti or once else stored)  # without them every valid row was stored
        bad = table.skipped + (total - valid)
        for icao24, reg in (table.registration or {}).items():
            con.execute("INSERT OR REPLACE INTO registrations VALUES (?, ?)", [icao24, reg])
        con.execute("INSERT INTO files (sha256, path, format, rows, bad_rows, duplicates, ingested_at, id, origin) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [sha, str(path), table.format, stored, bad, valid - stored,
                     dt.datetime.now(dt.UTC).replace(tzinfo=None), file_id, table.origin])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        if table.arrow is not None:
            con.unregister("incoming")
    report.files_new += 1
    report.rows += stored
    report.bad_rows += bad
    report.duplicates += valid - stored


def _units(paths: Iterable[Path], report: IngestReport):
    """(label, sha256, loader) for each file, and for each trace inside a tar archive (adsb.lol's
    daily `globe_history` archives hold one `trace_full_<hex>.json` per aircraft)."""
    import tarfile

    from warrantwatch.tracks.formats import read_json_bytes

    for path in paths:
        if path.name.lower().endswith(".tar"):
            try:
                with tarfile.open(path) as archive:
                    for member in archive:
                        if not member.isfile() or not member.name.lower().endswith((".json", ".json.gz")):
                            continue
                        data = archive.extractfile(member).read()
                        yield (f"{path}:{member.name}", hashlib.sha256(data).hexdigest(),
                               lambda _con, name=member.name, data=data: read_json_bytes(name, data))
            except (tarfile.TarError, OSError, EOFError) as exc:
                report.bad_files.append((str(path), f"not a readable tar archive: {exc}"))
            continue
        try:
            sha = file_sha256(path)
        except OSError as exc:
            report.bad_files.append((str(path), f"cannot read: {exc.strerror or exc}"))
            continue
        yield path, sha, lambda con, path=path: read_path(path, con)


@dataclass(frozen=True)
class Source:
    """A file that positions came from: its name (no folders), format and origin, when recorded."""

    name: str | None  # None: stored before the store recorded each position's file
    format: str | None = None
    origin: str | None = None  # formats.SYNTHETIC when the file says the project generated it
    positions: int = 0


def _file_name(path: str) -> str:
    """The file's own name; a trace inside a tar archive as `archive.tar:trace.json`."""
    if ".tar:" in path:
        archive, member = path.split(".tar:", 1)
        return f"{Path(archive).name}.tar:{Path(member).name}"
    return Path(path).name


def sources(connection, icao24: str, t0: float, t1: float, source: str = "positions") -> list[Source]:
    """The files an aircraft's positions between t0 and t1 came from, most positions first: from a
    DuckDB store (`file_id` → `files`) or a Parquet archive read with `filename = true` (each
    partition file is named after its source's SHA-256, whose marker in `_files/` names it)."""
    columns = {row[0] for row in connection.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    key, _ = address_sql(connection, source)
    where = f"WHERE icao24 = {key} AND time BETWEEN ? AND ?"
    if "file_id" in columns:
        rows = connection.execute(f"""
            SELECT f.path, f.format, f.origin, count(*) FROM (SELECT file_id FROM {source} {where}) p
            LEFT JOIN files f ON f.id = p.file_id GROUP BY ALL ORDER BY 4 DESC, 1""", [icao24, t0, t1]).fetchall()
        return [Source(None if path is None else _file_name(path), fmt, origin, n) for path, fmt, origin, n in rows]
    if "filename" in columns:
        found: dict[tuple, int] = {}
        for filename, n in connection.execute(f"SELECT filename, count(*) FROM {source} {where} GROUP BY 1",
                                              [icao24, t0, t1]).fetchall():
            part = Path(filename)
            markers = sorted((part.parents[2] / "_files").glob(f"{part.name[:16]}*.done"))
            lines = markers[0].read_text(encoding="utf-8").splitlines() if markers else []
            key = (_file_name(lines[0]) if lines else None, lines[1] if len(lines) > 1 else None,
                   (lines[2] or None) if len(lines) > 2 else None)
            found[key] = found.get(key, 0) + n
        return [Source(*key, n) for key, n in sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0][0])))]
    return [Source(None, positions=n) for (n,) in connection.execute(
        f"SELECT count(*) FROM {source} {where}", [icao24, t0, t1]).fetchall() if n]


class Store:
    """`with Store.open("tracks.duckdb") as store: store.ingest(paths)`."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._con = None

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Store:
        store = cls(Path(path), read_only)
        store._con = connect(store.path, read_only=read_only)
        return store

    @property
    def connection(self):
        if self._con is None:
            self._con = connect(self.path, read_only=self.read_only)
        return self._con

    def release(self) -> None:
        """Close the file so that other processes can open it; reopened on next use."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    def ingest(self, paths: Iterable[Path], *, progress: Callable[[Path, str], None] | None = None,
               hold_s: float = 1.0) -> IngestReport:
        """Store every file not stored before; one transaction per file; bad files are reported.
        Between files, once the store has been held `hold_s`, it is released for a moment so that
        readers waiting for it get in (not after the last file: the caller may go on reading)."""
        report = IngestReport()
        held_since = time.monotonic()
        for label, sha, load in _units(paths, report):
            if time.monotonic() - held_since > hold_s:  # let readers in between transactions
                self.release()
                time.sleep(READER_WINDOW_S)  # a reader waiting for the lock gets it now
                held_since = time.monotonic()
            con = self.connection
            if con.execute("SELECT 1 FROM files WHERE sha256 = ?", [sha]).fetchall():
                report.files_already += 1
                status = "already stored"
            else:
                try:
                    _store_file(con, label, sha, load(con), report)
                    status = "stored"
                except BadFile as exc:
                    report.bad_files.append((str(label), str(exc)))
                    status = f"bad file: {exc}"
                except Exception as exc:  # DuckDB errors inside a file's data: report and go on
                    import duckdb

                    if not isinstance(exc, duckdb.Error):
                        raise
                    report.bad_files.append((str(label), f"unreadable: {exc}"))
                    status = "bad file"
            if progress:
                progress(Path(str(label)), status)
        return report

    def counts(self) -> dict[str, int]:
        con = self.connection
        positions, aircraft = con.execute("SELECT count(*), count(DISTINCT icao24) FROM positions").fetchone()
        files = con.execute("SELECT count(*) FROM files").fetchone()[0]
        return {"positions": positions, "aircraft": aircraft, "files": files}

    def save_alerts(self, alerts) -> int:
        """Keep alerts (as their JSON) for the feed; an alert already kept is not added again."""
        import json

        con, new = self.connection, 0
        con.execute("BEGIN TRANSACTION")
        for a in alerts:
            if not con.execute("SELECT 1 FROM alerts WHERE id = ?", [a.id]).fetchall():
                con.execute("INSERT INTO alerts VALUES (?, ?, ?)",
                            [a.id, a.event.time.timestamp(), json.dumps(a.to_dict(), ensure_ascii=False)])
                new += 1
        con.execute("COMMIT")
        return new

    def saved_alerts(self, limit: int = 100) -> list[dict]:
        import json

        rows = self.connection.execute("SELECT alert FROM alerts ORDER BY time DESC LIMIT ?", [limit]).fetchall()
        return [json.loads(r[0]) for r in rows]

    def registrations(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT icao24, registration FROM registrations").fetchall())


class ParquetArchive:
    """Positions as Parquet under `root/day=YYYY-MM-DD/prefix=X/` (first hex digit), for archives and Dask."""

    def __init__(self, root: Path):
        self.root = Path(root)
        (self.root / "_files").mkdir(parents=True, exist_ok=True)

    def ingest(self, paths: Iterable[Path], *, progress: Callable[[Path, str], None] | None = None
               ) -> IngestReport:
        import duckdb

        report = IngestReport()
        con = duckdb.connect()
        for path, sha, load in _units(paths, report):
            table = None
            marker = self.root / "_files" / f"{sha}.done"
            if marker.exists():
                report.files_already += 1
                continue
            tmp = self.root / f".tmp-{sha}"
            shutil.rmtree(tmp, ignore_errors=True)
            try:
                table = load(con)
                rel = _relation(con, table)
                total, valid = con.execute(f"SELECT count(*), count(*) FILTER ({VALID}) FROM {rel}").fetchone()
                # repeated positions are kept here and read once by the analysis (`scale._events_for`);
                # the numbers rounded as the DuckDB store keeps them (formats.FIXED), so that both read the same
                numbers = ", ".join(f"{quantized_sql(column)} AS {column}" for column, _, _, _ in FIXED)
                con.execute(f"""
                    COPY (SELECT icao24, {numbers}, on_ground, callsign, new_leg,
                                 strftime(to_timestamp(time), '%Y-%m-%d') AS day, left(icao24, 1) AS prefix
                          FROM (SELECT * FROM {rel} WHERE {VALID}))
                    TO '{tmp}' (FORMAT PARQUET, PARTITION_BY (day, prefix), FILENAME_PATTERN 'part{{i}}')""")
            except BadFile as exc:
                report.bad_files.append((str(path), str(exc)))
                continue
            except duckdb.Error as exc:
                report.bad_files.append((str(path), f"unreadable: {exc}"))
                shutil.rmtree(tmp, ignore_errors=True)
                continue
            finally:
                if table is not None and table.arrow is not None:
                    con.unregister("incoming")
            for part in sorted(tmp.rglob("*.parquet")):
                target = self.root / part.parent.relative_to(tmp) / f"{sha[:16]}-{part.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(part, target)
            shutil.rmtree(tmp, ignore_errors=True)
            stored = valid
            # the file's name, format and origin (read back by `sources`); partitions carry sha[:16]
            marker.write_text("\n".join([str(path), table.format, table.origin or ""]) + "\n", encoding="utf-8")
            report.files_new += 1
            report.rows += stored
            report.bad_rows += table.skipped + total - valid
            report.duplicates += valid - stored
            if progress:
                progress(path, "stored")
        con.close()
        return report

    def files(self) -> list[Path]:
        return sorted(self.root.glob("day=*/prefix=*/*.parquet"))
