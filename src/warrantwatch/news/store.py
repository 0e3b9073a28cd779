"""The watch store: articles and their events in an embedded DuckDB file.

Each article is written with its events in one transaction, so a crash leaves either both or
neither; an article already stored (same URL, or same text when it has none) is skipped.
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
"""


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

    def add(self, brief: Brief) -> bool:
        """Store the article and its events; False when it was already stored."""
        a = brief.article
        if self.has(a.key):
            return False
        c = self.connection
        c.execute("BEGIN TRANSACTION")
        try:
            c.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                      [a.key, a.url, a.title, brief.published, a.origin, a.text,
                       dt.datetime.now(dt.UTC).replace(tzinfo=None)])
            for item in brief.items:
                e = item.event
                c.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [a.key, e.person, e.host, e.date.isoformat() if e.date else None, e.kind,
                           item.assessment.outcome.name, json.dumps(list(e.evidence), ensure_ascii=False)])
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return True

    def counts(self) -> tuple[int, int]:
        articles = self.connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = self.connection.execute("SELECT count(*) FROM events").fetchone()[0]
        return articles, events
