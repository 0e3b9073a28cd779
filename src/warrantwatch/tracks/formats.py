"""Reading position data into one table: each format becomes the same columns.

Columns (the `positions` schema): `icao24` (6 lowercase hex digits), `time` (UTC, seconds since the
epoch), `lat`, `lon`, `alt_ft` (barometric altitude in feet; NULL when unknown or on the ground),
`gs_kt` (ground speed, knots), `track` (degrees), `vrate_fpm` (feet per minute), `on_ground`
(NULL when the source does not say), `callsign`, `new_leg` (readsb's "start of a new leg" flag,
kept as evidence only: it is not a landing).

Formats: readsb/tar1090 `trace_full_<hex>.json` (gzip or not), readsb `aircraft.json` snapshots,
OpenSky state vectors (CSV or Parquet, the columns pyopensky returns), plain CSV
(`icao24,time,lat,lon,altitude,groundspeed,on_ground`), decoded Mode S JSON Lines as rs1090/jet1090
write them. A bad row is counted and skipped; a bad file is counted and reported; neither stops
the run.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

SCHEMA = pa.schema([
    ("icao24", pa.string()), ("time", pa.float64()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("alt_ft", pa.float64()), ("gs_kt", pa.float64()), ("track", pa.float64()),
    ("vrate_fpm", pa.float64()), ("on_ground", pa.bool_()), ("callsign", pa.string()),
    ("new_leg", pa.bool_()),
])
COLUMNS = tuple(SCHEMA.names)
SQL_COLUMNS = ("icao24 VARCHAR, time DOUBLE, lat DOUBLE, lon DOUBLE, alt_ft DOUBLE, gs_kt DOUBLE, "
               "track DOUBLE, vrate_fpm DOUBLE, on_ground BOOLEAN, callsign VARCHAR, new_leg BOOLEAN")
# A row is kept only if this holds (SQL over the columns above). The address: six lowercase hex
# digits, tested by parsing it as hexadecimal (DuckDB's cast also takes capitals and "_" between
# digits, hence the last two tests). Alone, on 10 M addresses in one thread, it takes 0.24 s of CPU
# where `ltrim(icao24, '0123456789abcdef') = ''` took 0.62 s. (The DuckDB store's ingest applies the
# same address test as one expression, ADDRESS_IF_VALID below, which is cheaper there.)
VALID_ADDRESS = ("length(icao24) = 6 AND try_cast('0x' || icao24 AS UINTEGER) IS NOT NULL AND strpos(icao24, '_') = 0 "
                 "AND icao24 = lower(icao24)")
# (a time from year 10000 on is no time: Python's datetime stops at 9999, and the store's fixed point, FIXED)
LAST_TIME = 253_402_300_800  # 10000-01-01T00:00:00Z
VALID_POSITION = (f"time IS NOT NULL AND isfinite(time) AND time > 0 AND time < {LAST_TIME} "
                  "AND lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180")
VALID = f"{VALID_ADDRESS} AND {VALID_POSITION}"
HEX = re.compile(r"^[0-9a-f]{6}$")
# The DuckDB store keeps the address as the 24-bit number it is (`UINTEGER`: 4 bytes instead of six
# characters; less to write and cheaper to group and join on), Parquet archives and stores written
# before 2026-12 as text. A valid address (VALID) converts both ways without loss.
ADDRESS_NUMBER = "CAST('0x' || {} AS UINTEGER)"
ADDRESS_TEXT = "printf('%06x', {})"
# The DuckDB store keeps every number as an integer in a fixed unit finer than ADS-B's own resolution
# (position ~5 m after CPR decoding, altitude 25 ft, ground speed 1 kt, vertical rate 64 fpm): time in
# microseconds, latitude and longitude in 1e-7 degree (about 1 cm, as OpenStreetMap), altitude and
# ground speed in tenths of a foot and of a knot, track in hundredths of a degree, vertical rate in
# whole feet per minute. Integers take half the space of doubles and cost less to write and read;
# readers see the same units as ever (the store's `positions` view divides them back), and the
# Parquet archive keeps the same rounded values as doubles, so both paths read identical numbers.
# A value out of an integer's range (an altitude of a billion feet), NaN or infinite is stored as
# unknown (NULL). (column, stored column, type, units per one)
FIXED = (
    ("time", "time_us", "BIGINT", 1_000_000),
    ("lat", "lat_e7", "INTEGER", 10_000_000),
    ("lon", "lon_e7", "INTEGER", 10_000_000),
    ("alt_ft", "alt_dft", "INTEGER", 10),
    ("gs_kt", "gs_dkt", "INTEGER", 10),
    ("track", "track_cdeg", "INTEGER", 100),
    ("vrate_fpm", "vrate_ifpm", "INTEGER", 1),
)
RESOLUTION = {column: 1 / scale for column, _, _, scale in FIXED}


def fixed_sql(column: str, expr: str | None = None) -> str:
    """SQL giving `expr` (by default the column itself) as the store's integer for `column`: DuckDB's
    cast rounds to the nearest integer (a tie to the even one), NULL when out of range or not finite
    (an explicit `round` first gives the same values within the resolution and costs 0.1-0.2 s more
    CPU on 10 M positions)."""
    _, _, kind, scale = next(f for f in FIXED if f[0] == column)
    return f"try_cast({expr or column} * {scale} AS {kind})"


def unfixed_sql(column: str, stored: str) -> str:
    """SQL giving a stored integer back in the column's unit (a DOUBLE)."""
    scale = next(f[3] for f in FIXED if f[0] == column)
    return f"(CAST({stored} AS DOUBLE) / CAST({scale} AS DOUBLE))"


def quantized_sql(column: str, expr: str | None = None) -> str:
    """SQL giving `expr` rounded as the store keeps it, as a DOUBLE: exactly what the store reads back."""
    return unfixed_sql(column, fixed_sql(column, expr))


# The number when VALID_ADDRESS holds, else NULL: what the store's ingest selects and filters on. As one
# expression in the projection (not four tests in the filter) DuckDB evaluates it once per distinct
# address of a dictionary-encoded column: about 0.3-0.6 s less CPU on 10 M rows (same rows kept; tested).
ADDRESS_IF_VALID = ("if(length(icao24) = 6 AND strpos(icao24, '_') = 0 AND icao24 = lower(icao24), "
                    "try_cast('0x' || icao24 AS UINTEGER), NULL)")


def address_sql(connection, source: str) -> tuple[str, str]:
    """For a relation with an `icao24` column, numeric or text: SQL comparing the column with a `?`
    parameter holding a 6-hex-digit address, and SQL giving the column as that text."""
    kind = next((str(row[1]) for row in connection.execute(f"DESCRIBE SELECT icao24 FROM {source}").fetchall()), "")
    if "INT" in kind.upper():
        return ADDRESS_NUMBER.format("?"), ADDRESS_TEXT.format("icao24")
    return "?", "icao24"
M_TO_FT = 3.280839895
MS_TO_KT = 1.943844492
MS_TO_FPM = 196.8503937
# Data the project generates says so: a readsb trace with this key, a Parquet file with this key in its
# metadata (`synthetic.to_trace`, `synthetic.flight`/`fleet`). The store keeps the file's origin and
# track maps name it.
SYNTHETIC_KEY = "synthetic"
SYNTHETIC = "synthetic, generated by warrantwatch; not an observation"


class BadFile(Exception):
    """A file that cannot be read as any known format (reported, never fatal)."""


@dataclass
class Table:
    """Rows read from one file: either an Arrow table, or SQL that DuckDB reads the file with."""

    format: str
    arrow: pa.Table | None = None
    sql: str | None = None
    skipped: int = 0  # rows dropped while reading (malformed), before validation
    registration: dict[str, str] | None = None  # icao24 → registration when the file names it
    origin: str | None = None  # where the positions come from when the file says (SYNTHETIC)


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    return None


def _text(data: bytes) -> str:
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise BadFile(f"corrupt gzip: {exc}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadFile("not UTF-8 text") from exc


def _table(rows: dict[str, list], fmt: str, skipped: int, registration=None, origin=None) -> Table:
    return Table(fmt, pa.table(rows, schema=SCHEMA), skipped=skipped, registration=registration, origin=origin)


def _empty() -> dict[str, list]:
    return {c: [] for c in COLUMNS}


def read_trace(doc: dict) -> Table:
    """readsb/tar1090 trace: rows `[dt, lat, lon, alt|"ground", gs, track, flags, vrate, details, …]`."""
    hex_ = str(doc.get("icao", "")).lower().lstrip("~")
    base = _num(doc.get("timestamp"))
    trace = doc.get("trace")
    if base is None or not isinstance(trace, list):
        raise BadFile("a trace needs a numeric 'timestamp' and a 'trace' list")
    cols, skipped, callsign = _empty(), 0, None
    for row in trace:
        if not isinstance(row, list) or len(row) < 7:
            skipped += 1
            continue
        offset, lat, lon = _num(row[0]), _num(row[1]), _num(row[2])
        if offset is None or lat is None or lon is None:
            skipped += 1
            continue
        alt = row[3]
        flags = row[6] if isinstance(row[6], int) and not isinstance(row[6], bool) else 0
        details = row[8] if len(row) > 8 and isinstance(row[8], dict) else None
        if details and isinstance(details.get("flight"), str):
            callsign = details["flight"].strip() or callsign
        cols["icao24"].append(hex_)
        cols["time"].append(base + offset)
        cols["lat"].append(lat)
        cols["lon"].append(lon)
        cols["alt_ft"].append(None if alt == "ground" else _num(alt))
        cols["gs_kt"].append(_num(row[4]))
        cols["track"].append(_num(row[5]))
        cols["vrate_fpm"].append(_num(row[7]) if len(row) > 7 else None)
        cols["on_ground"].append(alt == "ground" if alt is not None else None)
        cols["callsign"].append(callsign)
        cols["new_leg"].append(bool(flags & 2))
    reg = doc.get("r")
    return _table(cols, "readsb-trace", skipped, {hex_: reg} if isinstance(reg, str) and reg else None,
                  SYNTHETIC if doc.get(SYNTHETIC_KEY) else None)


def read_snapshot(doc: dict) -> Table:
    """readsb `aircraft.json`: `now` and `aircraft` with `hex`, `lat`, `lon`, `alt_baro`, `seen_pos`, …"""
    now = _num(doc.get("now"))
    if now is None or not isinstance(doc.get("aircraft"), list):
        raise BadFile("an aircraft.json snapshot needs a numeric 'now' and an 'aircraft' list")
    cols, skipped, regs = _empty(), 0, {}
    for a in doc["aircraft"]:
        if not isinstance(a, dict):
            skipped += 1
            continue
        lat, lon = _num(a.get("lat")), _num(a.get("lon"))
        if lat is None or lon is None:
            continue  # no position in this message: nothing to store, not an error
        hex_ = str(a.get("hex", "")).lower()
        alt = a.get("alt_baro")
        cols["icao24"].append(hex_)
        cols["time"].append(now - (_num(a.get("seen_pos")) or 0.0))
        cols["lat"].append(lat)
        cols["lon"].append(lon)
        cols["alt_ft"].append(None if alt == "ground" else _num(alt))
        cols["gs_kt"].append(_num(a.get("gs")))
        cols["track"].append(_num(a.get("track")))
        cols["vrate_fpm"].append(_num(a.get("baro_rate")) or _num(a.get("geom_rate")))
        cols["on_ground"].append(True if alt == "ground" else (False if alt is not None else None))
        flight = a.get("flight")
        cols["callsign"].append(flight.strip() if isinstance(flight, str) and flight.strip() else None)
        cols["new_leg"].append(False)
        if isinstance(a.get("r"), str) and a["r"]:
            regs[hex_] = a["r"]
    return _table(cols, "readsb-aircraft-json", skipped, regs or None)


def _epoch(value: Any) -> float | None:
    number = _num(value)
    if number is not None:
        return number / 1000.0 if number > 1e11 else number  # milliseconds
    if isinstance(value, str):
        try:
            t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if t.tzinfo is None:
            t = t.replace(tzinfo=dt.UTC)
        return t.timestamp()
    return None


def read_jsonl(text: str) -> Table:
    """Decoded Mode S messages, one JSON object a line (rs1090/jet1090): positions only."""
    cols, skipped = _empty(), 0
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            m = json.loads(line)
        except json.JSONDecodeError:
            skipped += 1
            continue
        if not isinstance(m, dict):
            skipped += 1
            continue
        lat, lon = _num(m.get("latitude", m.get("lat"))), _num(m.get("longitude", m.get("lon")))
        if lat is None or lon is None:
            continue  # identification, velocity or other messages without a position
        surface = str(m.get("bds", "")) == "06" or m.get("on_ground") is True
        cols["icao24"].append(str(m.get("icao24", "")).lower())
        cols["time"].append(_epoch(m.get("timestamp")))
        cols["lat"].append(lat)
        cols["lon"].append(lon)
        cols["alt_ft"].append(None if surface else _num(m.get("altitude")))
        cols["gs_kt"].append(_num(m.get("groundspeed")))
        cols["track"].append(_num(m.get("track")))
        cols["vrate_fpm"].append(_num(m.get("vertical_rate")))
        cols["on_ground"].append(True if surface else None)
        cs = m.get("callsign")
        cols["callsign"].append(cs.strip() if isinstance(cs, str) and cs.strip() else None)
        cols["new_leg"].append(False)
    return _table(cols, "mode-s-jsonl", skipped)


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _tabular_sql(path: Path, names: set[str], reader: str) -> tuple[str, str]:
    """SQL mapping an OpenSky or plain table's columns onto the positions schema."""
    if {"icao24", "lat", "lon", "time", "baroaltitude"} <= names or {"velocity", "onground"} <= names:
        time = "epoch(time)" if reader == "parquet" else "epoch(try_cast(time AS TIMESTAMPTZ))"
        if reader != "parquet":
            time = f"coalesce(try_cast(time AS DOUBLE), {time})"
        sql = (f"SELECT lower(trim(CAST(icao24 AS VARCHAR))), CAST({time} AS DOUBLE), "
               f"try_cast(lat AS DOUBLE), try_cast(lon AS DOUBLE), "
               f"try_cast(baroaltitude AS DOUBLE) * {M_TO_FT}, try_cast(velocity AS DOUBLE) * {MS_TO_KT}, "
               f"try_cast(heading AS DOUBLE), try_cast(vertrate AS DOUBLE) * {MS_TO_FPM}, "
               f"try_cast(onground AS BOOLEAN), nullif(trim(CAST(callsign AS VARCHAR)), ''), false")
        return "opensky", sql
    if {"icao24", "time", "lat", "lon"} <= names:
        def col(*options: str, kind: str = "DOUBLE") -> str:
            found = next((o for o in options if o in names), None)
            return f"try_cast({found} AS {kind})" if found else f"CAST(NULL AS {kind})"
        time = ("CAST(epoch(time) AS DOUBLE)" if reader == "parquet" else
                "coalesce(try_cast(time AS DOUBLE), epoch(try_cast(time AS TIMESTAMPTZ)))")
        sql = (f"SELECT lower(trim(CAST(icao24 AS VARCHAR))), {time}, try_cast(lat AS DOUBLE), "
               f"try_cast(lon AS DOUBLE), {col('altitude', 'alt_ft', 'altitude_ft')}, "
               f"{col('groundspeed', 'ground_speed', 'gs', 'gs_kt')}, {col('track', 'heading')}, "
               f"{col('vertical_rate', 'vrate_fpm', 'vertrate')}, {col('on_ground', 'ground', kind='BOOLEAN')}, "
               f"{col('callsign', kind='VARCHAR')}, false")
        return "csv", sql
    raise BadFile("a table needs at least the columns icao24, time, lat, lon")


def read_path(path: Path, connection) -> Table:
    """Read one file; `BadFile` when it is no known format."""
    name = path.name.lower()
    try:
        if name.endswith(".parquet"):
            src = f"read_parquet({_quote(path)})"
            try:
                described = connection.sql(f"DESCRIBE SELECT * FROM {src}").fetchall()
            except Exception as exc:  # duckdb raises many kinds for a corrupt file
                raise BadFile(f"not a readable Parquet file: {exc}") from exc
            names = {row[0].lower() for row in described}
            time_type = next((str(row[1]) for row in described if row[0].lower() == "time"), "")
            fmt, select = _tabular_sql(path, names, "parquet" if "TIMESTAMP" in time_type.upper() else "csv")
            marked = connection.execute(f"SELECT count(*) FROM parquet_kv_metadata({_quote(path)}) "
                                        "WHERE decode(key) = ?", [SYNTHETIC_KEY]).fetchone()[0]
            return Table(fmt, sql=f"{select} FROM {src}", origin=SYNTHETIC if marked else None)
        if name.endswith((".csv", ".csv.gz")):
            src = (f"read_csv({_quote(path)}, header=true, all_varchar=true, ignore_errors=true, "
                   f"null_padding=true)")
            try:
                names = {d[0].lower() for d in connection.sql(f"SELECT * FROM {src} LIMIT 0").description}
            except Exception as exc:
                raise BadFile(f"not a readable CSV file: {exc}") from exc
            fmt, select = _tabular_sql(path, names, "csv")
            return Table(fmt, sql=f"{select} FROM {src}")
        data = path.read_bytes()
    except OSError as exc:
        raise BadFile(f"cannot read: {exc.strerror or exc}") from exc
    return read_json_bytes(name, data)


def read_json_bytes(name: str, data: bytes) -> Table:
    """A JSON document or JSON Lines (gzip or not): trace, snapshot or Mode S messages."""
    name = name.lower()
    text = _text(data)
    stripped = text.lstrip()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")) or (stripped.startswith("{") and "\n{" in stripped
                                                             and not stripped.startswith('{"icao"')):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError:
            return read_jsonl(text)
    else:
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadFile(f"not valid JSON (line {exc.lineno})") from exc
    if isinstance(doc, dict) and "trace" in doc:
        return read_trace(doc)
    if isinstance(doc, dict) and "aircraft" in doc:
        return read_snapshot(doc)
    if isinstance(doc, dict) and ("icao24" in doc or "latitude" in doc):
        return read_jsonl(text)
    raise BadFile("JSON, but neither a readsb trace, an aircraft.json snapshot nor Mode S JSON Lines")


def iter_files(path: Path) -> list[Path]:
    """A file, or every data file under a folder (sorted, hidden files skipped)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        from warrantwatch.errors import WarrantWatchError

        raise WarrantWatchError(f"{path}: no such file or folder")
    suffixes = (".json", ".json.gz", ".gz", ".jsonl", ".ndjson", ".csv", ".parquet", ".tar")
    return sorted(p for p in path.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(path).parts) and p.name.lower().endswith(suffixes))
