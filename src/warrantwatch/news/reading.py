"""Articles from plain text, saved HTML pages (boilerplate stripped by trafilatura), folders of
them, and JSON Lines feeds ({"url", "published", "title", "text"} per line)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warrantwatch.errors import BadDate, WarrantWatchError
from warrantwatch.records.dates import parse_day

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".jsonl", ".ndjson"}
MAX_ARTICLE_BYTES = 5_000_000


class UnreadableInput(WarrantWatchError):
    pass


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    published: dt.date | None
    title: str | None = None
    url: str | None = None
    origin: str = ""  # file path, or path:line for a feed

    @property
    def key(self) -> str:
        """Identity for storage: the URL when known, else the text itself."""
        basis = self.url or self.text
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def _date_or_none(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    text = str(value)[:10]
    try:
        return parse_day(text)
    except BadDate as exc:
        raise UnreadableInput(f"{where}: bad published date {value!r}: {exc.reason}") from exc


def _read_text(path: Path) -> str:
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise UnreadableInput(f"{path}: larger than {MAX_ARTICLE_BYTES} bytes; not an article")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"{path}: not UTF-8 text ({exc.reason})") from exc


def from_html(html: str, origin: str) -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None or not getattr(document, "text", None):
        raise UnreadableInput(f"{origin}: no article text found in the HTML")
    return Article(document.text, _date_or_none(document.date, origin), document.title,
                   document.url, origin)


def read_path(path: Path) -> Iterator[Article]:
    """Every article at `path`: a file, a folder (recursively, sorted), or a feed."""
    if not path.exists():
        raise UnreadableInput(f"{path}: no such file or folder")
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES:
                yield from read_path(child)
        return
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        yield from read_feed(path)
    elif suffix in HTML_SUFFIXES:
        yield from_html(_read_text(path), str(path))
    else:
        text = _read_text(path)
        if text.lstrip().lower().startswith(("<!doctype html", "<html")):
            yield from_html(text, str(path))
        else:
            yield Article(text, None, origin=str(path))


def read_feed(path: Path) -> Iterator[Article]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UnreadableInput(f"{where}: not JSON ({exc.msg})") from exc
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise UnreadableInput(f"{where}: expected an object with a \"text\" string")
            yield Article(item["text"], _date_or_none(item.get("published"), where),
                          item.get("title"), item.get("url"), where)
