"""The watch store: articles and their events in an embedded DuckDB file.

Articles are written with their events in batches, one transaction each, so a crash leaves either a
whole batch or none of it; an article already stored (same URL, or same text when it has none) is
skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import TracebackType

from warrantwatch.errors import WarrantWatchError
from warrantwatch.news.brief import Brief

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, published DATE, origin VARCHAR,
    text VARCHAR NOT NULL, stored_at TIMESTAMP NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    article_key VARCHAR NOT NULL, person VARCHAR NOT NULL, host VARCHAR NOT NULL,
    date VARCHAR, kind VARCHAR NOT NULL, outcome VARCHAR NOT NULL, evidence VARCHAR NOT NULL);
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
"""
EVENT_COLUMNS = "(article_key, person, host, date, kind, outcome, evidence, confidence)"


class Store:
    def __init__(self, path: Path):
        import duckdb

        try:
            self.connection = duckdb.connect(str(path))
            self.connection.execute(SCHEMA)
        except duckdb.Error as exc:
            raise WarrantWatchError(f"{path}: cannot open the store ({exc})") from exc

    @classmethod
    def open(cls, path: Path | str) -> Store:
        return cls(Path(path))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.connection.close()

    def has(self, key: str) -> bool:
        return self.connection.execute("SELECT 1 FROM articles WHERE key = ?", [key]).fetchone() is not None

    def keys(self) -> set[str]:
        """The keys of every stored article, read once (a run checks new articles against this set)."""
        return {row[0] for row in self.connection.execute("SELECT key FROM articles").fetchall()}

    def add(self, brief: Brief) -> bool:
        """Store the article and its events; False when it was already stored."""
        if self.has(brief.article.key):
            return False
        self.add_batch([brief])
        return True

    def add_batch(self, briefs: list[Brief]) -> None:
        """Store new articles with their events in one transaction: all of the batch or none of it
        (a kill -9 loses at most the batch being written, which a rerun reads again)."""
        if not briefs:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        articles = [[b.article.key, b.article.url, b.article.title, b.published, b.article.origin, b.article.text,
                     now] for b in briefs]
        events = [[b.article.key, i.event.person, i.event.host, i.event.date.isoformat() if i.event.date else None,
                   i.event.kind, i.assessment.outcome.name, json.dumps(list(i.event.evidence), ensure_ascii=False),
                   i.event.confidence] for b in briefs for i in b.items]
        c = self.connection
        c.execute("BEGIN TRANSACTION")
        try:
            c.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", articles)
            if events:
                c.executemany(f"INSERT INTO events {EVENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events)
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def counts(self) -> tuple[int, int]:
        articles = self.connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = self.connection.execute("SELECT count(*) FROM events").fetchone()[0]
        return articles, events
