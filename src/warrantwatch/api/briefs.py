"""Briefs made on the page, kept so that a link (`/?brief=ID`) restores them.

The id is derived from the article's text and publication date, so the same article always gets the
same link. Each brief's input is one JSON file, written atomically (a crash never leaves half a file);
the brief itself is rebuilt from it, so a data correction shows in every old link. The folder keeps
at most MAX_KEPT briefs (each at most the API's 256 KB body limit): past that the oldest go, so a flood
of requests cannot fill the disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from warrantwatch.errors import WarrantWatchError

ID = re.compile(r"^[0-9a-f]{16}$")
MAX_KEPT = 1000


class UnknownBrief(WarrantWatchError):
    pass


def folder() -> Path:
    base = os.environ.get("WARRANTWATCH_BRIEFS")
    if base:
        return Path(base)
    from warrantwatch.records.cache import cache_dir

    base = cache_dir()
    return (base if base is not None else Path(tempfile.gettempdir()) / "warrantwatch") / "briefs"


def brief_id(text: str, published: str) -> str:
    return hashlib.sha256(f"{published}\0{text}".encode()).hexdigest()[:16]


def save(request: dict[str, Any]) -> str:
    ident = brief_id(request["text"], request["published"])
    target = folder() / f"{ident}.json"
    if target.exists():
        return ident
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False,
                                     suffix=".tmp") as tmp:
        json.dump(request, tmp, ensure_ascii=False)
        tmp.flush()
        os.fsync(tmp.fileno())
    os.replace(tmp.name, target)
    _forget_oldest(target.parent)
    return ident


def _forget_oldest(where: Path) -> None:
    kept = list(where.glob("*.json"))
    if len(kept) <= MAX_KEPT:
        return
    kept.sort(key=lambda p: p.stat().st_mtime_ns)
    for old in kept[: len(kept) - MAX_KEPT]:
        old.unlink(missing_ok=True)  # another request may have removed it first


def load(ident: str) -> dict[str, Any]:
    if not ID.match(ident):
        raise UnknownBrief(f"no brief {ident!r}: a brief id is 16 hexadecimal characters")
    try:
        return json.loads((folder() / f"{ident}.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UnknownBrief(f"no brief {ident!r} is stored on this server") from None
