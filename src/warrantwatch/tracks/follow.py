"""Live mode: poll a readsb/tar1090-compatible `aircraft.json` endpoint, store each snapshot, and
alert on new landings of watched aircraft. A recorded replay (a folder of snapshots) runs the same
loop without the network, for tests and demonstrations.

Politeness: at least `MIN_INTERVAL_S` between requests; on an error or HTTP 429/5xx the wait
doubles (up to `MAX_BACKOFF_S`) and a server's `Retry-After` is obeyed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warrantwatch.errors import WarrantWatchError

MIN_INTERVAL_S = 1.0
MAX_BACKOFF_S = 300.0


@dataclass
class Poll:
    ok: bool
    data: bytes | None = None
    error: str | None = None
    retry_after_s: float | None = None


def fetch(url: str, timeout_s: float = 10.0) -> Poll:
    request = urllib.request.Request(url, headers={"User-Agent": "warrantwatch-tracks (follow)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            return Poll(True, response.read())
    except urllib.error.HTTPError as exc:
        after = exc.headers.get("Retry-After") if exc.headers else None
        return Poll(False, error=f"HTTP {exc.code}",
                    retry_after_s=float(after) if after and after.isdigit() else None)
    except (urllib.error.URLError, OSError) as exc:
        return Poll(False, error=str(getattr(exc, "reason", exc)))


def endpoint_words(source: str) -> str:
    """How an alert names where its live positions came from: the endpoint without user, password,
    query or fragment (they may hold a key), or the replayed folder's name."""
    if Path(source).is_dir():
        return f"recorded snapshots replayed from {Path(source).name}/, not live"
    parts = urllib.parse.urlsplit(source)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return f"live positions from {urllib.parse.urlunsplit((parts.scheme, host, parts.path, '', ''))}"


def _tag(source: str) -> str:
    """Snapshots are named after their endpoint (a short hash), so that an alert can tell this
    session's snapshots from other files in the store, from other endpoints or sessions."""
    return hashlib.sha256(source.encode()).hexdigest()[:8]


def track_line(connection, alert, source: str) -> str:
    """The alert's provenance line (as `trackmap.provenance` gives other alerts): the endpoint the
    track's positions were polled from, and any other stored files that contributed to it."""
    from warrantwatch.tracks.store import sources
    from warrantwatch.tracks.trackmap import TRACK_HOURS, provenance

    until = alert.event.time.timestamp()
    found = sources(connection, alert.event.icao24, until - TRACK_HOURS * 3600, until + 600)
    mine = re.compile(rf"aircraft-{_tag(source)}-\d{{8}}T\d{{12}}-\d{{6}}\.json")
    live = [s for s in found if s.name and mine.fullmatch(s.name)]
    other = [s for s in found if not (s.name and mine.fullmatch(s.name))]
    line = (f"Track: {endpoint_words(source)} ({sum(s.positions for s in live):,} positions in "
            f"{len(live)} snapshots)")
    if other:
        line += "; also " + provenance(other).removeprefix("Track: ")
    return line


def replay(folder: Path) -> Iterator[Poll]:
    """Recorded snapshots in name order, as if polled."""
    files = sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix in (".json", ".gz"))
    if not files:
        raise WarrantWatchError(f"{folder}: no recorded snapshots (*.json) to replay")
    for f in files:
        yield Poll(True, f.read_bytes())


def follow(source: str, db: Path, *, interval_s: float = 10.0, polls: int | None = None,
           on_alert: Callable | None = None, on_poll: Callable[[int, str], None] | None = None,
           sleep: Callable[[float], None] = time.sleep) -> dict:
    """Poll `source` (a URL, or a folder to replay), ingest, alert. Returns counts."""
    from dataclasses import replace

    from warrantwatch.records.canonical import write_atomically_bytes
    from warrantwatch.records.knowledge import bundled
    from warrantwatch.tracks import alerts as alerting
    from warrantwatch.tracks.landings import confirm, raw_events
    from warrantwatch.tracks.pipeline import registrations
    from warrantwatch.tracks.store import Store

    kb = bundled()
    folder = Path(source)
    is_replay = folder.is_dir()
    stream = replay(folder) if is_replay else None
    spool = Path(str(db) + ".snapshots")
    spool.mkdir(parents=True, exist_ok=True)
    interval_s = max(interval_s, MIN_INTERVAL_S)
    counts = {"polls": 0, "errors": 0, "snapshots": 0, "alerts": 0}
    wait = interval_s
    while polls is None or counts["polls"] < polls:
        if stream is not None:
            poll = next(stream, None)
            if poll is None:
                break
        else:
            poll = fetch(source)
        counts["polls"] += 1
        if not poll.ok or not poll.data:
            counts["errors"] += 1
            wait = min(max(wait * 2, poll.retry_after_s or 0), MAX_BACKOFF_S)
            if on_poll:
                on_poll(counts["polls"], f"error: {poll.error}; next try in {wait:.0f} s")
            sleep(wait)
            continue
        wait = interval_s
        name = f"aircraft-{_tag(source)}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%f}-{counts['polls']:06d}.json"
        snapshot = spool / name
        write_atomically_bytes(snapshot, poll.data)
        with Store.open(db) as store:
            report = store.ingest([snapshot])
            status = "stored" if report.files_new else ("bad snapshot" if report.bad_files else "unchanged")
            counts["snapshots"] += report.files_new
            events = confirm(raw_events(store.connection, "positions"),
                             registrations(kb, store.registrations()))
            new_alerts = [replace(a, track=track_line(store.connection, a, source))
                          for a in alerting.build(kb, events, connection=store.connection)
                          if not store.connection.execute("SELECT 1 FROM alerts WHERE id = ?", [a.id]).fetchall()]
            store.save_alerts(new_alerts)
        counts["alerts"] += len(new_alerts)
        for a in new_alerts:
            if on_alert:
                on_alert(a)
        if on_poll:
            on_poll(counts["polls"], f"{status}: {report.rows} position(s), {len(new_alerts)} new alert(s)")
        if not is_replay:
            sleep(interval_s)
    return counts


