"""The canonical text of a data file: field order of the model, sorted records, no empty fields.

`warrantwatch data fmt` writes it; a test checks every file already is in this form, so a
reviewer's diff shows facts, never formatting.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import msgspec
import yaml

from warrantwatch.records.dates import PartialDate
from warrantwatch.records.files import FileKind
from warrantwatch.records.models import Record


def _plain(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.first_day if value.is_exact else value.isoformat()
    if isinstance(value, Record):
        return plain(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def plain(record: Record) -> dict[str, Any]:
    """Field order of the model, aliases as written in the files, defaults (empty) left out."""
    out: dict[str, Any] = {}
    for field in msgspec.structs.fields(record):
        value = getattr(record, field.name)
        default = field.default_factory() if field.default_factory is not msgspec.NODEFAULT \
            else field.default
        if value == default or value is None:
            continue
        out[field.encode_name] = _plain(value)
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(dt.date, _date)


def canonical_text(kind: FileKind, records: list[Record]) -> str:
    ordered = sorted(records, key=kind.sort_key)
    if not ordered:
        return kind.header + "[]\n"
    return kind.header + yaml.dump([plain(r) for r in ordered], Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, width=100, default_flow_style=False)


# Moved to records.atomic (a cache writes without importing PyYAML); still importable from here.
from warrantwatch.records.atomic import write_atomically, write_atomically_bytes  # noqa: E402, F401


def round_trips(kind: FileKind, records: list[Record], text: str) -> bool:
    """Does `text` read back as exactly these records? `fmt` writes nothing unless it does."""
    from warrantwatch.records.load import validate

    raw = yaml.safe_load(text) or []
    try:
        again = [validate(kind.model, item) for item in raw]
    except ValueError:
        return False
    return sorted(again, key=kind.sort_key) == sorted(records, key=kind.sort_key)
