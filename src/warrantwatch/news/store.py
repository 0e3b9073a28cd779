"""The watch store: articles and their events in an embedded DuckDB file.

Articles are written with their events in batches, one transaction each, so a crash leaves either a
whole batch or none of it; an article already stored (same URL, or same text when it has none) is
skipped. Items that could not be read are stored as rejected (where, why), so that a rerun neither
stops on them nor reports them again.

One writer at a time: `Store.open(path)` takes a lock beside the file (`PATH.lock`, held by the
operating system, so a killed writer never leaves it behind) that says who holds it, and opens the
database itself only while writing a batch, so that readers (`Store.open(path, read_only=True)`,
the `alerts` command) get in between and see every committed article while `watch` runs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from warrantwatch.errors import WarrantWatchError

if TYPE_CHECKING:
    from warrantwatch.news.brief import Brief
    from warrantwatch.news.reading import Rejected

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, published DATE, origin VARCHAR,
    text VARCHAR NOT NULL, stored_at TIMESTAMP NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    article_key VARCHAR NOT NULL, person VARCHAR NOT NULL, host VARCHAR NOT NULL,
    date VARCHAR, kind VARCHAR NOT NULL, outcome VARCHAR NOT NULL, evidence VARCHAR NOT NULL);
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place VARCHAR;
CREATE TABLE IF NOT EXISTS rejected (
    key VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL, reason VARCHAR NOT NULL, stored_at TIMESTAMP NOT NULL);
"""
EVENT_COLUMNS = "(article_key, person, host, date, kind, outcome, evidence, confidence, place)"
# A batch goes in as one statement of column lists (`unnest`), not a statement per row (`executemany`):
# about 13 times less work for DuckDB, the same rows.
_INSERT_ARTICLES = ("INSERT INTO articles SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                    "unnest(?::DATE[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::TIMESTAMP[])")
_INSERT_EVENTS = (f"INSERT INTO events {EVENT_COLUMNS} SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                  "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                  "unnest(?::VARCHAR[]), unnest(?::DOUBLE[]), unnest(?::VARCHAR[])")


# `json.dumps(evidence, ensure_ascii=False)`, whose encoder is made anew on each call
_evidence = json.JSONEncoder(ensure_ascii=False).encode


def _columns(rows: list[list]) -> list[list]:
    return [list(column) for column in zip(*rows, strict=True)]


def rows_of(brief: Brief) -> tuple[list, list[list]]:
    """A brief's rows for the store: its article's (without the time it is stored) and its events'."""
    a = brief.article
    key = a.key  # a digest of the URL or text: made once per article
    return ([key, a.url, a.title, brief.published, a.origin, a.text],
            [[key, i.event.person, i.event.host, i.event.date.isoformat() if i.event.date else None,
              i.event.kind, i.assessment.outcome.name, _evidence(list(i.event.evidence)), i.event.confidence,
              i.event.place]
             for i in brief.items])


WAIT_SECONDS = 10.0  # how long to wait for the database while another process has it open


class StoreBusy(WarrantWatchError):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _connect(path: Path, read_only: bool, wait: float = WAIT_SECONDS):
    """A DuckDB connection, waiting (briefly, with retries) while another process holds the file."""
    import duckdb

    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise WarrantWatchError(f"{path}: cannot open the store ({str(exc).splitlines()[0]})") from exc
            time.sleep(0.05)
        except duckdb.Error as exc:
            raise WarrantWatchError(f"{path}: cannot open the store ({str(exc).splitlines()[0]})") from exc


class _WriterLock:
    """An exclusive lock on PATH.lock, recording the holder's pid, host and start time."""

    def __init__(self, path: Path):
        import fcntl

        self.path = path.with_name(path.name + ".lock")
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise WarrantWatchError(f"{self.path}: cannot create the lock ({exc.strerror})") from exc
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._holder()
            os.close(self.fd)
            raise StoreBusy(f"{path} is being updated by another watch ({holder}); readers can still "
                            "use it, writers must wait until it ends") from None
        os.ftruncate(self.fd, 0)
        os.write(self.fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                      "since": _now().isoformat(timespec="seconds")}).encode())

    def _holder(self) -> str:
        try:
            info = json.loads(os.pread(self.fd, 4096, 0) or b"{}")
            return f"pid {int(info['pid'])} on {str(info['host'])[:64]}, since {str(info['since'])[:32]}"
        except (OSError, ValueError, KeyError, TypeError):
            return "holder unknown"

    def release(self) -> None:
        os.close(self.fd)  # closing the descriptor releases the lock


class Store:
    """`with Store.open(path) as store:` for the single writer; `read_only=True` for readers."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self._lock: _WriterLock | None = None
        self.connection = None
        if read_only:
            if not path.exists():
                raise WarrantWatchError(f"{path}: no such store; `warrantwatch watch` creates it")
            self.connection = _connect(path, read_only=True)
            return
        self._lock = _WriterLock(path)
        try:
            with self.writing() as c:
                c.execute(SCHEMA)
        except BaseException:
            self._lock.release()
            raise

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Store:
        return cls(Path(path), read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @contextmanager
    def writing(self) -> Iterator[object]:
        """The database, open for a batch of writes and closed after (a reader can get in between)."""
        if self.read_only:
            raise WarrantWatchError(f"{self.path}: opened read-only")
        if self.connection is not None:  # nested use
            yield self.connection
            return
        self.connection = _connect(self.path, read_only=False)
        try:
            yield self.connection
        finally:
            self.connection.close()
            self.connection = None

    def _query(self, sql: str, params: list | None = None) -> list[tuple]:
        if self.connection is not None:
            return self.connection.execute(sql, params or []).fetchall()
        with self.writing() as c:
            return c.execute(sql, params or []).fetchall()

    def keys(self) -> set[str]:
        """Every stored article's and rejected item's key (to skip them without a query each)."""
        return {k for (k,) in self._query("SELECT key FROM articles UNION ALL SELECT key FROM rejected")}

    def has(self, key: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE key = ? UNION ALL SELECT 1 FROM rejected "
                                "WHERE key = ? LIMIT 1", [key, key]))

    def add(self, brief: Brief) -> bool:
        """Store the article and its events; False when it was already stored."""
        with self.writing():
            if self.has(brief.article.key):
                return False
            self.add_batch([brief])
            return True

    def add_batch(self, briefs: list[Brief]) -> None:
        """Store new articles with their events in one transaction: all of the batch or none of it
        (a kill -9 loses at most the batch being written, which a rerun reads again)."""
        self.add_rows([rows_of(b) for b in briefs])

    def add_rows(self, rows: list[tuple[list, list[list]]]) -> None:
        """`add_batch` from each brief's `rows_of` (made where the brief was made: `watch --jobs`)."""
        if not rows:
            return
        now = _now().replace(tzinfo=None)
        articles, events = [], []
        for article, article_events in rows:
            articles.append([*article, now])
            events += article_events
        with self.writing() as c:
            c.execute("BEGIN TRANSACTION")
            try:
                c.execute(_INSERT_ARTICLES, _columns(articles))
                if events:
                    c.execute(_INSERT_EVENTS, _columns(events))
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise

    def reject(self, item: Rejected) -> bool:
        """Remember an unreadable item; False when it was already remembered."""
        with self.writing():
            if self.has(item.key):
                return False
            self.reject_all([item])
            return True

    def reject_all(self, items: list[Rejected]) -> None:
        """Remember unreadable items (new ones: the caller checks `keys`), in one transaction."""
        if not items:
            return
        now = _now().replace(tzinfo=None)
        with self.writing() as c:
            c.executemany("INSERT INTO rejected VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                          [[r.key, r.origin, r.reason, now] for r in items])

    def counts(self) -> tuple[int, int]:
        (articles,), = self._query("SELECT count(*) FROM articles")
        (events,), = self._query("SELECT count(*) FROM events")
        return articles, events

    def rejected_count(self) -> int:
        (count,), = self._query("SELECT count(*) FROM rejected")
        return count

    def planned_events(self) -> list[dict]:
        """Every stored planned visit with the outcome recorded when it was read, newest article first
        (articles stored in the same batch by their origin, so that the order does not depend on where
        the batches fell)."""
        rows = self._query(
            "SELECT a.origin, a.url, a.published, e.person, e.host, e.date, e.kind, e.outcome, e.evidence, "
            "e.confidence, e.place "
            "FROM events e JOIN articles a ON a.key = e.article_key WHERE e.kind = 'planned' "
            "ORDER BY a.stored_at DESC, a.origin, a.key, e.person, e.host, e.date")
        names = ("article", "url", "published", "person", "host", "date", "kind", "outcome", "evidence", "confidence",
                 "place")
        out = []
        for row in rows:
            record = dict(zip(names, row, strict=True))
            record["published"] = record["published"].isoformat() if record["published"] else None
            record["evidence"] = json.loads(record["evidence"])
            out.append(record)
        return out
