"""The validated knowledge base kept on disk between runs, in a form that cannot run code.

Validating the YAML files (pydantic and pycountry loaded, every record validated and checked)
costs more than a whole command should; every command needs the result. It is
kept under `$WARRANTWATCH_CACHE/warrantwatch` (else `$XDG_CACHE_HOME`, else `~/.cache`) as one
file, `kb-<fingerprint>.json`:

    {"format": 2, "fingerprint": "...", "sha256": "...", "size": N}\\n
    <N bytes: the records as JSON, {"states": [...], ..., "findings": [...], "country_forms": {...}}>

- The fingerprint hashes the data files (names and bytes), the code of `records/` (the record
  types, the validation and this file) and which pycountry gave the states' ISO names, so
  changed data or code never reads an old cache.
- `sha256` hashes the payload, so a truncated or altered payload is noticed before it is read.
- The payload is read by msgspec into the record dataclasses with their declared types (an
  enum must be one of its values, a date must parse); JSON has no way to name code to run.
- Anything in doubt (missing, unreadable, too large, another format, a wrong hash, wrong types)
  means the files are validated again and the cache rewritten, silently. A cache can slow a
  command down; it can never run code or break one.

The hashes catch stale, truncated and corrupted caches, not forgery: whoever can write to the
cache folder could write a well-formed cache with other facts, as they could edit the data files.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import msgspec

# CPython's own SHA-256: the same digests as hashlib's, without loading OpenSSL (2–3 ms less per
# process, measured as whole processes).
try:
    from _sha2 import sha256  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # another interpreter
        from hashlib import sha256

from warrantwatch.errors import BadDate
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.models import (
    Aircraft,
    Declaration,
    Finding,
    Membership,
    Person,
    Place,
    Request,
    Resolution,
    Review,
    Situation,
    SourceRule,
    State,
    StatedPosition,
    Territory,
    Visit,
    Warrant,
    Withdrawal,
)

FORMAT = 2
MAX_BYTES = 64 * 1024 * 1024  # the payload is about 1 MB; anything far larger is not ours
# The knowledge base's tables, each a tuple of one kind of record (records.knowledge.KnowledgeBase;
# a test checks that every table of it is here).
TABLES: dict[str, type] = {
    "states": State, "memberships": Membership, "withdrawals": Withdrawal, "declarations": Declaration,
    "situations": Situation, "resolutions": Resolution, "persons": Person, "warrants": Warrant,
    "visits": Visit, "findings": Finding, "requests": Request, "territories": Territory, "places": Place,
    "positions": StatedPosition, "reviews": Review, "source_rules": SourceRule, "aircraft": Aircraft,
}


class Header(msgspec.Struct, forbid_unknown_fields=True):
    format: int
    fingerprint: str
    sha256: str
    size: int


_Tables = msgspec.defstruct(
    "Tables", [*((name, tuple[kind, ...]) for name, kind in TABLES.items()),
               ("country_forms", dict[str, tuple[str, ...]])], forbid_unknown_fields=True)


def _encode_hook(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.iso
    raise NotImplementedError(f"cannot cache {type(value).__name__}")


@lru_cache(maxsize=8192)
def _day(text: str) -> PartialDate:
    """A cached date's text parsed once: a PartialDate is immutable, so the ~1,000 dates of the
    knowledge base (many the same day) can share one instance per text."""
    return PartialDate.parse(text)


def _decode_hook(kind: type, value: Any) -> Any:
    if kind is PartialDate and isinstance(value, str):
        try:
            return _day(value)
        except BadDate as exc:  # msgspec turns ValueError into its ValidationError
            raise ValueError(exc.reason) from exc
    raise TypeError(f"cannot read {kind!r} from {type(value).__name__}")


_ENCODER = msgspec.json.Encoder(enc_hook=_encode_hook)
_DECODER = msgspec.json.Decoder(_Tables, dec_hook=_decode_hook)
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


def fingerprint(data_dir: Path) -> str:
    """A hash of every data file's name and content, and of the code that reads and checks them."""
    digest = sha256(f"warrantwatch-kb {FORMAT}\0".encode())
    for code in sorted(Path(__file__).parent.glob("*.py")):  # a changed model invalidates the cache
        digest.update(code.name.encode() + b"\0" + code.read_bytes())
    for path in sorted(data_dir.rglob("*.yaml")):
        digest.update(str(path.relative_to(data_dir)).encode() + b"\0" + path.read_bytes())
    digest.update(_pycountry_stamp().encode())
    return digest.hexdigest()


def _pycountry_stamp() -> str:
    """Which pycountry the ISO names came from (its file's place, size and time; not imported)."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or spec.origin is None:
        return "no pycountry"
    stat = os.stat(spec.origin)
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


def cache_path(data_dir: Path, fingerprint_: str | None = None) -> Path | None:
    folder = cache_dir()
    return folder / f"kb-{(fingerprint_ or fingerprint(data_dir))[:24]}.json" if folder else None


def encode(kb: Any, fingerprint_: str) -> bytes:
    """A cache file's bytes for a knowledge base (its tables and its states' ISO names)."""
    tables = {name: getattr(kb, name) for name in TABLES}
    payload = _ENCODER.encode({**tables, "country_forms": dict(kb.country_forms or {})})
    header = Header(FORMAT, fingerprint_, sha256(payload).hexdigest(), len(payload))
    return msgspec.json.encode(header) + b"\n" + payload


def decode(blob: bytes, fingerprint_: str) -> dict[str, Any]:
    """The tables from a cache file's bytes (keyword arguments of `KnowledgeBase`); `ValueError`
    on any doubt about them."""
    head, newline, payload = blob.partition(b"\n")
    if not newline:
        raise ValueError("no header line")
    try:
        header = _HEADER.decode(head)
        if header.format != FORMAT or header.fingerprint != fingerprint_:
            raise ValueError("another format, data or code")
        if header.size != len(payload) or sha256(payload).hexdigest() != header.sha256:
            raise ValueError("payload does not match its hash (truncated or altered)")
        tables = _DECODER.decode(payload)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as exc:
        raise ValueError(str(exc)) from exc
    return {**{name: getattr(tables, name) for name in TABLES},
            "country_forms": MappingProxyType(tables.country_forms)}


def read(path: Path | None, fingerprint_: str) -> dict[str, Any] | None:
    """The cached tables, or None when there are none or anything about them is in doubt."""
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            blob = handle.read(MAX_BYTES + 1)
        if len(blob) > MAX_BYTES:
            return None
        return decode(blob, fingerprint_)
    except (OSError, ValueError, TypeError):  # ValueError: also a date that does not parse
        return None


def write(path: Path | None, kb: Any, fingerprint_: str) -> None:
    """Write atomically; a read-only or full disk only means validating again next time."""
    from warrantwatch.records.canonical import write_atomically_bytes

    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically_bytes(path, encode(kb, fingerprint_))
        for legacy in path.parent.glob("kb-*.pickle"):  # the unsafe format of earlier versions
            legacy.unlink(missing_ok=True)
    except OSError:
        pass
