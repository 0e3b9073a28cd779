"""Articles from plain text, saved HTML pages (boilerplate stripped by trafilatura), folders of
them, JSON Lines feeds ({"url", "published", "title", "text"} per line), RSS and Atom feeds saved as
files (.xml, .rss, .atom: each entry an article, read by feedparser), and standard input ("-").

Every read is bounded whatever the file type: one article (a file, or one line of a feed) may
take at most `MAX_ARTICLE_BYTES`, its text at most `MAX_TEXT_CHARS`, and one input (a feed, or
standard input) at most `MAX_INPUT_BYTES`. Only regular files are opened: a FIFO, a device or a
socket is refused at once (it could block forever or never end); a stream is read through "-",
with the same limits.

A bad item — a line that is not JSON, a binary or non-UTF-8 file, a field of the wrong type —
becomes a `Rejected` (where, why, and a key from its bytes) and reading goes on: `read_items`
yields both, so that `watch` stores the rest and remembers what it rejected.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warrantwatch.errors import BadDate, WarrantWatchError, shown
from warrantwatch.records.dates import parse_day

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".jsonl", ".ndjson"}
XML_FEED_SUFFIXES = {".xml", ".rss", ".atom"}  # RSS 0.9x, 1.0 and 2.0, and Atom (feedparser)
# the files a folder is read for; feeds among them are split into their items where they are listed
LISTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | XML_FEED_SUFFIXES
MAX_ARTICLE_BYTES = 5_000_000  # one file, or one line of a feed, as stored on disk
MAX_TEXT_CHARS = 1_000_000  # one article's text (about 150,000 words: far beyond any news story)
MAX_INPUT_BYTES = 500_000_000  # one feed or stream, read line by line
MAX_XML_FEED_BYTES = 50_000_000  # an RSS or Atom file, parsed whole
MAX_TITLE_CHARS = 1_000
MAX_URL_CHARS = 2_000
STDIN = "-"
_BOMS = {b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16", b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32"}


class UnreadableInput(WarrantWatchError):
    pass


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    published: dt.date | None
    title: str | None = None
    url: str | None = None
    origin: str = ""  # file path, path:line for a JSON Lines feed, path#entry for an RSS or Atom feed
    dated_by: str | None = None  # where `published` came from: "meta" (an HTML page's) or "feed" (the item's)

    @property
    def key(self) -> str:
        """Identity for storage: the URL when known, else the text itself."""
        basis = self.url or self.text
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Rejected:
    """An item that could not be read as an article: where, why, and a key from its bytes."""

    origin: str
    reason: str
    key: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def _digest(*chunks: bytes) -> str:
    h = hashlib.sha256(b"rejected\0")
    for chunk in chunks:
        h.update(chunk)
    return h.hexdigest()[:32]


class _Bad(Exception):
    """One item is unreadable (internal: becomes a `Rejected`)."""


def _date_or_none(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _Bad(f"\"published\" must be a string YYYY-MM-DD, not {type(value).__name__}")
    try:
        return parse_day(value[:10])
    except BadDate as exc:
        raise _Bad(f"bad published date {shown(value)}: {exc.reason}") from exc


def _decode(data: bytes) -> str:
    for bom, name in sorted(_BOMS.items(), key=lambda b: -len(b[0])):
        if data.startswith(bom):
            raise _Bad(f"{name} text (byte order mark {data[:len(bom)]!r}); save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Bad(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if "\x00" in text:
        raise _Bad("binary data (NUL bytes), not text")
    return text


def _text(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise _Bad(f"article text longer than {MAX_TEXT_CHARS:,} characters")
    if not text.strip():
        raise _Bad("no text")
    return text


def from_html(html: str, origin: str) -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None or not getattr(document, "text", None):
        raise UnreadableInput(f"{origin}: no article text found in the HTML")
    try:
        published = _date_or_none(document.date, origin)
    except _Bad:
        published = None  # a page's own metadata date outside the supported range: ask for --published
    try:
        text = _text(document.text)
    except _Bad as exc:
        raise UnreadableInput(f"{origin}: {exc}") from exc
    return Article(text, published, document.title, document.url, origin, "meta" if published else None)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "special file"


def _open_regular(path: Path) -> BinaryIO:
    """Open `path` for reading only if it is a regular file; never blocks (O_NONBLOCK) on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot read ({exc.strerror})") from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise UnreadableInput(f"{path}: not a regular file but a {_kind(mode)}; to read a stream, "
                              f"pipe it in and give '{STDIN}' (at most {MAX_ARTICLE_BYTES:,} bytes)")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _read_bounded(handle: BinaryIO, origin: str) -> bytes:
    data = handle.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise _Bad(f"larger than {MAX_ARTICLE_BYTES:,} bytes; not an article")
    return data


def _article(data: bytes, origin: str, html: bool | None) -> Article:
    text = _decode(data)
    if html or (html is None and text.lstrip().lower().startswith(("<!doctype html", "<html"))):
        return from_html(text, origin)
    return Article(_text(text), None, origin=origin)


def read_items(path: Path | str) -> Iterator[Article | Rejected]:
    """Every article at `path` — a file, a folder (recursively, sorted), a feed, or "-" for
    standard input — and a `Rejected` for each item that cannot be read, in order."""
    if str(path) == STDIN:
        stream = sys.stdin.buffer
        try:
            data = _read_bounded(stream, "<stdin>")
            yield _article(data, "<stdin>", None)
        except (_Bad, UnreadableInput) as exc:
            yield Rejected("<stdin>", _reason(exc, "<stdin>"), _digest(b"<stdin>", str(exc).encode()))
        return
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise UnreadableInput(f"{path}: no such file or folder") from exc
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot read ({exc.strerror})") from exc
    if stat.S_ISDIR(info.st_mode):
        for child in listed(path):
            yield from read_folder_file(child)
        return
    suffix = path.suffix.lower()
    with _open_regular(path) as handle:
        if suffix in FEED_SUFFIXES:
            yield from _feed(handle, path)
            return
        if suffix in XML_FEED_SUFFIXES:
            yield from _xml_feed(handle, path)
            return
        data = b""
        try:
            data = _read_bounded(handle, str(path))
            yield _article(data, str(path), True if suffix in HTML_SUFFIXES else None)
        except (_Bad, UnreadableInput) as exc:
            yield Rejected(str(path), _reason(exc, str(path)), _digest(str(path).encode(), data[:65536]))


def listed(folder: Path) -> list[Path]:
    """The files of `folder` (recursively) that are read as articles or feeds, in the order they are read."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in LISTED_SUFFIXES and not p.is_dir())


def is_feed(path: Path) -> bool:
    """Whether the file is a feed, whose items are split where the folder is listed (cheap to read)."""
    return path.suffix.lower() in FEED_SUFFIXES | XML_FEED_SUFFIXES


def _reason(exc: Exception, origin: str) -> str:
    return str(exc).removeprefix(f"{origin}: ")


def read_folder_file(child: Path) -> Iterator[Article | Rejected]:
    """The items of one file found in a folder: a file that cannot be read (a FIFO, no permission) is
    one rejected item, so that the rest of the folder is still read."""
    try:
        yield from read_items(child)
    except UnreadableInput as exc:
        yield Rejected(str(child), _reason(exc, str(child)), _digest(str(child).encode()))


def read_path(path: Path | str) -> Iterator[Article]:
    """Every article at `path`; the first unreadable item raises `UnreadableInput`."""
    for item in read_items(path):
        if isinstance(item, Rejected):
            raise UnreadableInput(str(item))
        yield item


def read_feed(path: Path) -> Iterator[Article]:
    return read_path(path)


def _feed(handle: BinaryIO, path: Path) -> Iterator[Article | Rejected]:
    total = 0
    head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    for bom, name in _BOMS.items():
        if head.startswith(bom):
            yield Rejected(str(path), f"{name} text (byte order mark {bom!r}); save the feed as UTF-8",
                           _digest(str(path).encode(), head))
            return
    number = 0
    while True:
        line = handle.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        number += 1
        total += len(line)
        where = f"{path}:{number}"
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            digest = hashlib.sha256(b"rejected\0" + line)
            while line and not line.endswith(b"\n"):  # skip the rest of the line without keeping it
                line = handle.readline(1 << 20)
                total += len(line)
                digest.update(line)
            yield Rejected(where, f"line longer than {MAX_ARTICLE_BYTES:,} bytes", digest.hexdigest()[:32])
        elif line.strip():
            try:
                yield _feed_item(line, where)
            except _Bad as exc:
                yield Rejected(where, str(exc), _digest(line))
        if total > MAX_INPUT_BYTES:
            yield Rejected(f"{path}:{number + 1}", f"feed larger than {MAX_INPUT_BYTES:,} bytes; the rest "
                           "was not read", _digest(str(path).encode(), str(total).encode()))
            return


def _feed_item(line: bytes, where: str) -> Article:
    text = _decode(line.rstrip(b"\r\n"))
    try:
        item = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise _Bad("not JSON this program accepts (nested too deeply)") from exc
    if not isinstance(item, dict):
        raise _Bad(f"expected a JSON object, not {type(item).__name__}")
    if not isinstance(item.get("text"), str):
        raise _Bad("expected an object with a \"text\" string")
    for name, limit in (("title", MAX_TITLE_CHARS), ("url", MAX_URL_CHARS)):
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            raise _Bad(f"\"{name}\" must be a string, not {type(value).__name__}")
        if value is not None and len(value) > limit:
            raise _Bad(f"\"{name}\" longer than {limit} characters")
    published = _date_or_none(item.get("published"), where)
    return Article(_text(item["text"]), published, item.get("title") or None, item.get("url") or None, where,
                   "feed" if published else None)


def _xml_feed(handle: BinaryIO, path: Path) -> Iterator[Article | Rejected]:
    """The entries of an RSS or Atom file, each an article (its link, title and publication day kept)."""
    import io

    import feedparser

    data = handle.read(MAX_XML_FEED_BYTES + 1)
    if len(data) > MAX_XML_FEED_BYTES:
        yield Rejected(str(path), f"feed larger than {MAX_XML_FEED_BYTES:,} bytes", _digest(data[:65536]))
        return
    # (a stream, never a string: given a string, feedparser would open it as a URL or a file name; it does
    # not fetch external entities, and Python's expat limits entity expansion)
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.version and not parsed.entries:
        why = parsed.get("bozo_exception")
        yield Rejected(str(path), "not an RSS or Atom feed" + (f" ({shown(str(why), 120)})" if why else ""),
                       _digest(data[:65536]))
        return
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{path}#{number}"
        try:
            yield _xml_entry(entry, where)
        except _Bad as exc:
            yield Rejected(where, str(exc), _digest(where.encode(), str(entry.get("id") or entry.get("link")).encode()))


def _xml_entry(entry, where: str) -> Article:
    """One feed entry: its fullest content (or its summary) as text, its link, title and day."""
    bodies = [c for c in entry.get("content") or [] if c.get("value")]
    body = max(bodies, key=lambda c: len(c["value"])) if bodies else entry.get("summary_detail")
    if not body or not body.get("value"):
        raise _Bad("an entry with no text (no content and no summary)")
    value = body["value"]
    text = _fragment_text(value) if "html" in (body.get("type") or "") else value
    for name, limit in (("title", MAX_TITLE_CHARS), ("link", MAX_URL_CHARS)):
        if len(entry.get(name) or "") > limit:
            raise _Bad(f"{name} longer than {limit} characters")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = None
    if stamp:
        day = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        try:
            published = parse_day(day)
        except BadDate as exc:
            raise _Bad(f"bad published date {day}: {exc.reason}") from exc
    return Article(_text(text), published, entry.get("title") or None, entry.get("link") or None, where,
                   "feed" if published else None)


def _fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), a blank line after each block."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "br"):
        element.tail = ("\n" if element.tag == "br" else "\n\n") + (element.tail or "")
    return root.text_content().strip()
