"""The validated knowledge base kept on disk between runs, in a form that cannot run code.

Validating the YAML files (pydantic and pycountry loaded, every record validated and checked)
costs more than a whole command should; every command needs the result. It is
kept under `$WARRANTWATCH_CACHE/warrantwatch` (else `$XDG_CACHE_HOME`, else `~/.cache`) as one
file, `kb-<stamp>.json`:

    {"format": 5, "stamp": "...", "fingerprint": "...", "newest": NS, "built": NS, "crc32": C, "size": N}\n
    <N bytes: the records as JSON, {"states": [...], ..., "findings": [...], "country_forms": {...},
     "name_tables": {...}, "evidence": {...}}>

- Which cache belongs to the files is decided from their metadata, not their bytes: the stamp
  hashes, for every input (the data files, the code of `records/` that reads and checks them),
  its name, size, inode, modification and change times (nanoseconds), which pycountry gave the
  states' ISO names, and the Python (its Unicode tables normalise the names). Editing, replacing,
  adding or removing a file changes the stamp: any write sets the change time (ctime), which no
  tool can set back, and the same name with other bytes needs a new write. Reading ~40 files'
  times costs ~0.3 ms; hashing their ~1 MB cost 3-4 ms.
- Where the stamp cannot be trusted, the contents decide: a file written within the same tick of
  the file system's clock as an earlier write could keep its times, so when any input changed
  less than `RACY_NS` (5 s) before the cache was built, the reader hashes the files (SHA-256, the
  `fingerprint` taken when the cache was built, before and after the files were read) and
  compares. Once they are older than that, the verified cache is stamped again and later
  readers trust the times. (This is how git decides whether its index is "racily clean".) The
  rule assumes the data folder's file system keeps time with this machine's clock to within
  those 5 s; on a network file system whose clock is behind by more, an edit made in the same
  tick as the previous one could go unseen: `warrantwatch data check` always validates the files.
- Beside the records, what is derived from them and from the same code (records/): the name
  indexes of states and persons (records.resolve) and each record's evidence grade
  (records.sources), so that a command need not rebuild them (~5 ms and ~10 ms a process).
- `crc32` checks the payload, so a truncated or damaged payload is noticed before it is read.
- The payload is read by msgspec into the record Structs with their declared types (an enum
  must be one of its values, a date must be a day of the calendar); JSON has no way to name code
  to run.
- At most `MAX_CACHES` caches are kept (the least recently written go first): each edit of the
  data makes a new one.
- Anything in doubt (missing, unreadable, too large, another format, a wrong checksum, wrong
  types) means the files are validated again and the cache rewritten, silently. A cache can slow
  a command down; it can never run code or break one.

The checks catch stale, truncated and corrupted caches, not forgery: whoever can write to the
cache folder could write a well-formed cache with other facts, as they could edit the data files.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
import zlib
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import msgspec

from warrantwatch.records.resolve import NameTables, name_tables
from warrantwatch.records.sources import Evidence

# CPython's own SHA-256: the same digests as hashlib's, without loading OpenSSL (2–3 ms less per
# process, measured as whole processes).
try:
    from _sha2 import sha256  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # another interpreter
        from hashlib import sha256

from warrantwatch.records.files import FILE_KINDS

FORMAT = 5
# Inputs changed less than this before the cache was built are checked by their contents (above).
RACY_NS = 5_000_000_000
MAX_BYTES = 64 * 1024 * 1024  # the payload is about 1 MB; anything far larger is not ours
MAX_CACHES = 16  # one per checkout and Python in use at once, with room to spare
# The knowledge base's tables, each a tuple of one kind of record, one per data file
# (records.knowledge.KnowledgeBase; a test checks that every table of it is here).
TABLES: dict[str, type] = {kind.table: kind.model for kind in FILE_KINDS}


class Header(msgspec.Struct, forbid_unknown_fields=True):
    format: int
    stamp: str  # the inputs' names, sizes and times (Stamp.key)
    fingerprint: str  # SHA-256 of the inputs' bytes when the cache was built
    newest: int  # the latest modification or change time of an input then (ns)
    built: int  # the clock when the inputs' times were read for the build (ns)
    crc32: int  # of the payload
    size: int  # of the payload


class Stamp(NamedTuple):
    """What the inputs' metadata says: `key` hashes every input's name, size, inode and times;
    `newest` is the latest modification or change time among them (ns)."""

    key: str
    newest: int


# The tables that carry sources, whose records' evidence grades the cache keeps.
GRADED = tuple(name for name, kind in TABLES.items() if "sources" in kind.__struct_fields__)
NAMED = ("states", "persons")  # the name indexes the cache keeps (records.resolve.name_tables)

_Tables = msgspec.defstruct(
    "Tables", [*((name, tuple[kind, ...]) for name, kind in TABLES.items()),
               ("country_forms", dict[str, tuple[str, ...]]),
               ("name_tables", dict[str, NameTables]),
               ("evidence", dict[str, tuple[Evidence, ...]])], forbid_unknown_fields=True)


# Every type in the tables is one msgspec reads and writes itself (Structs, enums, PartialDate as
# [year, month, day]): no hook, so the ~2,000 records and ~1,000 dates are made in C.
_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(_Tables)
_HEADER = msgspec.json.Decoder(Header)


def cache_dir() -> Path | None:
    """$WARRANTWATCH_CACHE, else $XDG_CACHE_HOME, else ~/.cache, + /warrantwatch; None when there
    is no home to put it in (then nothing is cached: the files are validated every time)."""
    base = os.environ.get("WARRANTWATCH_CACHE") or os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
    return Path(base) / "warrantwatch"


def _inputs(data_dir: Path) -> list[tuple[str, str]]:
    """(name, path) of every file the cached tables come from: the code of `records/` (a changed
    model must not read an old cache) and the data files, in a fixed order."""
    code = sorted((entry.name, entry.path) for entry in os.scandir(Path(__file__).parent)
                  if entry.name.endswith(".py"))
    data: list[tuple[str, str]] = []
    folders = [(data_dir, "")]
    while folders:
        folder, prefix = folders.pop()
        for entry in os.scandir(folder):
            if entry.is_dir():
                folders.append((Path(entry.path), f"{prefix}{entry.name}/"))
            elif entry.name.endswith(".yaml"):
                data.append((prefix + entry.name, entry.path))
    return [*code, *sorted(data)]


def stamp(data_dir: Path) -> Stamp:
    """The inputs' metadata (cheap: no file is read). `OSError` if one vanishes meanwhile."""
    parts = [f"warrantwatch-kb {FORMAT}", _pycountry_stamp(), sys.version]
    newest = 0
    for name, path in _inputs(data_dir):
        st = os.stat(path)
        parts.append(f"{name}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_ctime_ns}")
        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
    return Stamp(sha256("\n".join(parts).encode()).hexdigest(), newest)


def fingerprint(data_dir: Path) -> str:
    """A hash of every input's name and content (and of which pycountry is installed)."""
    digest = sha256(f"warrantwatch-kb {FORMAT}\0".encode())
    for name, path in _inputs(data_dir):
        with open(path, "rb") as handle:
            digest.update(name.encode() + b"\0" + handle.read())
    digest.update(_pycountry_stamp().encode() + sys.version.encode())
    return digest.hexdigest()


def _pycountry_stamp() -> str:
    """Which pycountry the ISO names came from (its file's place, size and time; not imported)."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or spec.origin is None:
        return "no pycountry"
    stat = os.stat(spec.origin)
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


def cache_path(stamp_: Stamp) -> Path | None:
    folder = cache_dir()
    return folder / f"kb-{stamp_.key[:24]}.json" if folder else None


def encode(kb: Any, stamp_: Stamp, fingerprint_: str, built: int) -> bytes:
    """A cache file's bytes for a knowledge base: its tables, its states' ISO names, and what is
    derived from them: the name indexes and each record's evidence grade."""
    tables = {name: getattr(kb, name) for name in TABLES}
    evidence = {name: tuple(kb.grader.of(r) for r in getattr(kb, name)) for name in GRADED}
    payload = _ENCODER.encode({**tables, "country_forms": dict(kb.country_forms or {}),
                               "name_tables": name_tables(kb), "evidence": evidence})
    return _header(stamp_, fingerprint_, built, payload) + payload


def _header(stamp_: Stamp, fingerprint_: str, built: int, payload: bytes) -> bytes:
    header = Header(FORMAT, stamp_.key, fingerprint_, stamp_.newest, built, zlib.crc32(payload), len(payload))
    return msgspec.json.encode(header) + b"\n"


def decode(blob: bytes, stamp_: Stamp, data_dir: Path | None = None) -> dict[str, Any]:
    """The tables from a cache file's bytes (keyword arguments of `KnowledgeBase`); `ValueError`
    on any doubt about them. A cache built too soon after its inputs changed is checked against
    their contents (in `data_dir`); without `data_dir` it is refused."""
    header, payload = _split(blob, stamp_)
    if _racy(header) and (data_dir is None or fingerprint(data_dir) != header.fingerprint):
        raise ValueError("the inputs changed too close to the build, and their contents differ")
    return _tables(payload)


def _split(blob: bytes, stamp_: Stamp) -> tuple[Header, bytes]:
    head, newline, payload = blob.partition(b"\n")
    if not newline:
        raise ValueError("no header line")
    try:
        header = _HEADER.decode(head)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise ValueError(str(exc)) from exc
    if header.format != FORMAT or header.stamp != stamp_.key:
        raise ValueError("another format, or other inputs")
    if header.size != len(payload) or zlib.crc32(payload) != header.crc32:
        raise ValueError("payload does not match its checksum (truncated or damaged)")
    return header, payload


def _racy(header: Header) -> bool:
    """Could an input have changed since the build without changing its times (same clock tick)?"""
    return header.newest >= header.built - RACY_NS


def _tables(payload: bytes) -> dict[str, Any]:
    try:
        tables = _DECODER.decode(payload)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as exc:
        raise ValueError(str(exc)) from exc
    if set(tables.name_tables) != set(NAMED) or set(tables.evidence) != set(GRADED) or any(
            len(grades) != len(getattr(tables, name)) for name, grades in tables.evidence.items()):
        raise ValueError("the derived tables do not match the records")
    return {**{name: getattr(tables, name) for name in TABLES},
            "country_forms": MappingProxyType(tables.country_forms),
            "name_tables": MappingProxyType(tables.name_tables),
            "evidence": MappingProxyType(tables.evidence)}


def read(path: Path | None, stamp_: Stamp, data_dir: Path, now: int | None = None) -> dict[str, Any] | None:
    """The cached tables, or None when there are none or anything about them is in doubt.

    `now`: the clock when `stamp_` was taken. A cache verified by its contents whose inputs are
    by then older than `RACY_NS` is stamped again (`built` = now), so later runs trust the times.
    """
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            blob = handle.read(MAX_BYTES + 1)
        if len(blob) > MAX_BYTES:
            return None
        header, payload = _split(blob, stamp_)
        if _racy(header):
            if fingerprint(data_dir) != header.fingerprint:
                return None
            now = time.time_ns() if now is None else now
            if stamp_.newest < now - RACY_NS:  # verified, and now old enough for the times to hold
                _write_bytes(path, _header(stamp_, header.fingerprint, now, payload) + payload)
        return _tables(payload)
    except (OSError, ValueError, TypeError):
        return None


def write(path: Path | None, kb: Any, stamp_: Stamp, fingerprint_: str, built: int) -> None:
    """Write atomically; a read-only or full disk only means validating again next time.

    `built`: the clock before `stamp_` was taken; `fingerprint_`: the inputs' contents, the same
    before and after `kb` was read from them."""
    if path is None:
        return
    _write_bytes(path, encode(kb, stamp_, fingerprint_, built))


def _write_bytes(path: Path, blob: bytes) -> None:
    from warrantwatch.records.canonical import write_atomically_bytes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically_bytes(path, blob)
        for legacy in path.parent.glob("kb-*.pickle"):  # the unsafe format of earlier versions
            legacy.unlink(missing_ok=True)
        _prune(path)
    except OSError:
        pass


def _prune(kept: Path) -> None:
    """Keep the `MAX_CACHES` most recently written caches: every edit of a data file writes a new
    one, and without this a lawyer correcting the YAML would fill the disk a megabyte at a time. A
    cache still in use that is pruned costs one rebuild (a reader that finds it gone builds anew)."""
    def written(path: Path) -> int:
        try:
            return path.stat().st_mtime_ns
        except OSError:  # removed meanwhile by another process's pruning
            return -1

    others = sorted((p for p in kept.parent.glob("kb-*.json") if p != kept), key=written, reverse=True)
    for old in others[MAX_CACHES - 1:]:
        old.unlink(missing_ok=True)


def load(data_dir: Path, build: Any) -> tuple[dict[str, Any] | None, Any]:
    """(the cached tables, None), or (None, `build()`'s knowledge base, now cached): the one way
    the knowledge base is read through the cache (records.knowledge.bundled)."""
    began = time.time_ns()
    try:
        stamp_ = stamp(data_dir)
    except OSError:  # a file vanished while its folder was listed: read the files as they are
        return None, build()
    path = cache_path(stamp_)
    tables = read(path, stamp_, data_dir, began)
    if tables is not None:
        return tables, None
    before = fingerprint(data_dir)
    kb = build()  # RecordInvalid on bad data: that is the user's to fix, not the cache's
    if fingerprint(data_dir) == before:  # else the files changed while read: cache nothing
        write(path, kb, stamp_, before, began)
    return None, kb
