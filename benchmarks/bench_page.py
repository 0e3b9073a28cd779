"""Web page benchmark: time until the page is ready — every state's outcome listed and the world map
coloured — in Debian's Chromium, with the server's start-up reported apart.

- server start: from launching `uvicorn` (a separate process, as a user runs it) to its first answer.
- cold: the first page load after that start, in a fresh browser context (empty HTTP cache): the
  server builds the timeline and draws the map for the first time.
- first visit: a fresh browser context (empty HTTP cache) on a server that has answered before.
- warm: the same context loading the page again (its HTTP cache holds the answers).
"Ready" is the page's own performance mark, set in the frame after the list is shown and the map
coloured (navigation start = 0); the time the test driver sees, with its round trips, is printed too.
Each is the min and median of >= 5 runs (cold: 5 server starts).

Baseline, measured in the same run: the same data the page needs (/api/persons, /api/world/timeline,
/api/maps/world.svg) fetched with a plain HTTP client, without a browser. Target: ready < 0.5 s.

    python benchmarks/bench_page.py
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from common import Row, Timing
from common import emit as emit_rows
from playwright.sync_api import sync_playwright

VIEW = "/?person=vladimir-putin&on=2024-09-03"
READY = "#map svg .o-OBLIGED"  # the map is coloured by the page's data
LISTED = "#state-list li[data-iso3=MNG]"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server() -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    uvicorn = str(Path(sys.executable).with_name("uvicorn"))
    start = time.perf_counter()
    proc = subprocess.Popen([uvicorn, "warrantwatch.api.app:app", "--port", str(port), "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = start + 60
    while True:
        try:
            httpx.get(base + "/api/health", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            if time.perf_counter() > deadline:
                proc.kill()
                raise SystemExit("server did not start") from None
            time.sleep(0.02)
    return proc, base, time.perf_counter() - start


def load(page, base: str) -> tuple[float, float]:
    """(seconds from navigation start to the page's own "ready" mark, painted; seconds as the test
    driver sees it, which adds the automation's round trips)."""
    start = time.perf_counter()
    page.goto(base + VIEW, wait_until="commit")
    page.wait_for_selector("body[data-map=ready]", state="attached")
    page.wait_for_selector(READY, state="attached")
    page.wait_for_selector(LISTED)
    outside = time.perf_counter() - start
    inside = page.evaluate("performance.getEntriesByName('ww-ready')[0].startTime") / 1000
    return inside, outside


def fmt(samples: list) -> str:
    if samples and isinstance(samples[0], tuple):
        inside, outside = [s[0] for s in samples], [s[1] for s in samples]
        return (f"min {min(inside):.3f} s, median {statistics.median(inside):.3f} s in the page "
                f"(seen by the driver: median {statistics.median(outside):.3f} s)")
    return f"min {min(samples):.3f} s, median {statistics.median(samples):.3f} s"


def measure(runs: int = 5) -> dict[str, list]:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium (make test installs it)")
    starts, cold, first, warm, baseline = [], [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        for _ in range(runs):
            proc, base, started = start_server()
            try:
                starts.append(started)
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                cold.append(load(context.new_page(), base))
                context.close()
                for _ in range(2):
                    context = browser.new_context(viewport={"width": 1440, "height": 900})
                    page = context.new_page()
                    first.append(load(page, base))
                    warm.append(load(page, base))
                    context.close()
                with httpx.Client(base_url=base) as client:
                    t = time.perf_counter()
                    for path in ("/api/about", "/api/persons",
                                 "/api/world/timeline?person=vladimir-putin&from=2002-07-01",
                                 "/api/maps/world.svg?person=vladimir-putin&on=2024-09-03"):
                        client.get(path).raise_for_status()
                    baseline.append(time.perf_counter() - t)
            finally:
                proc.terminate()
                proc.wait(timeout=10)
        browser.close()
    return {"starts": starts, "cold": cold, "first": first, "warm": warm, "baseline": baseline}


def _timing(samples: list) -> Timing:
    inside = sorted(s[0] if isinstance(s, tuple) else s for s in samples)
    return Timing(inside[0], statistics.median(inside), None, len(inside))


def rows(quick: bool = False) -> list[Row]:
    m = measure(3 if quick else 5)
    plain = _timing(m["baseline"])
    base = "the same data over plain HTTP, server warm"
    return [
        Row("page", "server start (process launch to first answer)", "process", "", _timing(m["starts"]),
            cache="knowledge-base cache on disk; server caches empty", ratio_kind="cost"),
        Row("page", "page ready (state list and coloured map), first load after a server start",
            "browser, cold", "< 0.5 s", _timing(m["cold"]), base, plain,
            "server just started (warm-up counted in its start); empty browser cache", ratio_kind="cost"),
        Row("page", "page ready, first visit", "browser, server warm", "< 0.5 s", _timing(m["first"]), base,
            plain, "server caches in memory; empty browser cache", ratio_kind="cost"),
        Row("page", "page ready, warm", "browser, warm", "< 0.5 s", _timing(m["warm"]), base, plain,
            "server caches in memory; browser cache holds the answers", ratio_kind="cost"),
    ]


def main() -> None:
    m = measure()
    starts, cold, first, warm, baseline = m["starts"], m["cold"], m["first"], m["warm"], m["baseline"]
    print(f"server start (process launch to first answer): {fmt(starts)}")
    print(f"page ready, cold (first load after a server start, empty browser cache): {fmt(cold)} (target < 0.5 s)")
    print(f"page ready, first visit (server warm, empty browser cache): {fmt(first)} (target < 0.5 s)")
    print(f"page ready, warm (browser cache holds the answers): {fmt(warm)} (target < 0.5 s)")
    print(f"baseline, the same data over plain HTTP, server warm: {fmt(baseline)}; "
          f"first visit / baseline = {statistics.median([f[0] for f in first]) / statistics.median(baseline):.1f}x")
    print(f"machine load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    if "--rows" in sys.argv:
        emit_rows(rows("--quick" in sys.argv))
    else:
        main()
