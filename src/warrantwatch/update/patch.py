"""A patch to data/ in canonical form for the proposals that can be written as they stand.

The patch is a unified diff (`git apply` reads it). It is built on a copy of the data and validated
there first, so a patch that would not pass `data check` is never written.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
from pathlib import Path

import msgspec

from warrantwatch.records.canonical import canonical_text
from warrantwatch.records.files import FILE_KINDS
from warrantwatch.records.load import files_of, read_file, validate
from warrantwatch.records.models import Membership, Person, Warrant, WarrantStatus, Withdrawal
from warrantwatch.update.propose import Proposal


def _kind(file: str):
    return next(k for k in FILE_KINDS if k.pattern == file)


def _plus(sources: list[str], source: str) -> list[str]:
    return list(sources) if source in sources else [*sources, source]


def _apply(records: list, p: Proposal) -> list:
    if p.file == "membership.yaml":
        fields = {k: v for k, v in p.fields.items()}
        for i, r in enumerate(records):
            if r.state == p.key:
                data = r.dump()
                records[i] = validate(Membership, {**data, **fields,
                                                  "sources": _plus(r.sources, p.source)})
                return records
        return [*records, validate(Membership, {"state": p.key, **fields, "sources": [p.source]})]
    if p.file == "withdrawals.yaml":
        if p.status == "new":
            return [*records, validate(Withdrawal, {**p.fields, "sources": [p.source]})]
        state, notified = p.key.split(" ", 1)
        for i, r in enumerate(records):
            if r.state == state and str(r.notified) == notified:
                data = r.dump()
                records[i] = validate(Withdrawal, {**data, **p.fields, "sources": _plus(r.sources, p.source)})
        return records
    if p.file == "persons.yaml":
        return [*records, validate(Person, {**p.fields, "sources": [p.source]})]
    if p.file == "warrants.yaml":
        if p.status == "new":
            fields = {**p.fields, "status": [{"since": p.fields["issued"], "status": "outstanding"}],
                      "sources": [p.source]}
            return [*records, validate(Warrant, fields)]
        for i, r in enumerate(records):
            if r.id == p.key:
                status = [*r.status, validate(WarrantStatus, p.fields["status"])]
                records[i] = msgspec.structs.replace(r, status=status, sources=_plus(r.sources, p.source))
        return records
    raise ValueError(f"cannot write proposals for {p.file}")


def build_patch(data_dir: Path, proposals: list[Proposal]) -> tuple[str, list[Proposal]]:
    """(unified diff, the proposals it leaves out because they need a reviewer's hand)."""
    from warrantwatch.records.knowledge import load

    writable = [p for p in proposals if p.status != "known" and p.needs is None]
    skipped = [p for p in proposals if p.status != "known" and p.needs is not None]
    changed: dict[str, tuple[str, str]] = {}
    for file in sorted({p.file for p in writable}):
        kind = _kind(file)
        path = files_of(kind, data_dir)[0]
        loaded, _ = read_file(path, kind, data_dir)
        records = [item.record for item in loaded]
        for p in (p for p in writable if p.file == file):
            records = _apply(records, p)
        changed[file] = (path.read_text(encoding="utf-8"), canonical_text(kind, records))
    with tempfile.TemporaryDirectory() as tmp:  # validate the result before writing any patch
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy)
        for file, (_, new) in changed.items():
            (copy / file).write_text(new, encoding="utf-8")
        load(copy)
    diff = "".join(
        "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                     fromfile=f"a/data/{file}", tofile=f"b/data/{file}"))
        for file, (old, new) in changed.items())
    return diff, skipped
