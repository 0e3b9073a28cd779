"""Getting pages: over HTTP with a timeout, a delay between requests and an on-disk cache, or from a
folder of saved pages (offline). A failure is a `Page` with a `problem`, never an exception."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

USER_AGENT = "warrantwatch-data-update/0.1 (proposes changes to a reviewed legal dataset; polite, cached)"


@dataclass(frozen=True)
class Page:
    name: str  # the source's name: untc-status, icc-news, icc/<slug>
    url: str
    text: str | None = None
    problem: str | None = None
    origin: str = "web"  # web | cache | saved


def saved_name(name: str) -> str:
    """The file a saved page has under --from DIR: `icc/some-slug` → `icc/some-slug.html`."""
    return re.sub(r"[^A-Za-z0-9._/-]", "_", name) + ".html"


class Fetcher:
    """`with Fetcher(...) as fetch: page = fetch.get(name, url)`.

    Offline (`saved` set): pages are read from that folder and nothing is sent. Online: one request
    at a time, at least `delay_s` apart, each with `timeout_s`; answers are cached under `cache_dir`
    for `max_age_s`, so a rerun does not fetch the same page again."""

    def __init__(self, *, saved: Path | None = None, cache_dir: Path | None = None,
                 client: httpx.Client | None = None, timeout_s: float = 20.0, delay_s: float = 2.0,
                 max_age_s: float = 12 * 3600, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.saved, self.cache_dir = saved, cache_dir
        self.timeout_s, self.delay_s, self.max_age_s = timeout_s, delay_s, max_age_s
        self._clock, self._sleep, self._last = clock, sleep, None
        self._own_client = client is None and saved is None
        self.client = client if client is not None or saved is not None else httpx.Client(
            timeout=httpx.Timeout(timeout_s), follow_redirects=True, headers={"User-Agent": USER_AGENT})

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc) -> None:
        if self._own_client and self.client is not None:
            self.client.close()

    def get(self, name: str, url: str) -> Page:
        if self.saved is not None:
            path = self.saved / saved_name(name)
            if not path.is_file():
                return Page(name, url, problem=f"no saved page {path}")
            return Page(name, url, path.read_text(encoding="utf-8", errors="replace"), origin="saved")
        cached = self._cached(url)
        if cached is not None:
            return Page(name, url, cached, origin="cache")
        self._wait()
        try:
            response = self.client.get(url, timeout=self.timeout_s)
        except httpx.TimeoutException:
            return Page(name, url, problem=f"timed out after {self.timeout_s:g} s")
        except httpx.HTTPError as exc:
            return Page(name, url, problem=f"could not be fetched ({type(exc).__name__}: {exc})")
        if response.status_code >= 400:
            return Page(name, url, problem=f"HTTP {response.status_code}")
        self._store(url, response.text)
        return Page(name, url, response.text)

    def _wait(self) -> None:
        now = self._clock()
        if self._last is not None and now - self._last < self.delay_s:
            self._sleep(self.delay_s - (now - self._last))
        self._last = self._clock()

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(url.encode()).hexdigest()[:24] + ".html")

    def _cached(self, url: str) -> str | None:
        path = self._cache_path(url)
        if path is None or not path.is_file() or time.time() - path.stat().st_mtime > self.max_age_s:
            return None
        return path.read_text(encoding="utf-8", errors="replace")

    def _store(self, url: str, text: str) -> None:
        path = self._cache_path(url)
        if path is None:
            return
        from warrantwatch.records.canonical import write_atomically

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text)
        except OSError:
            pass  # a cache that cannot be written only costs a refetch
