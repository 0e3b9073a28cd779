"""Web page: time until the page shows every state's outcome and the coloured world map, in
Debian's Chromium.

Cold counts from starting the server (`warrantwatch serve`, a fresh process, knowledge-base cache
on disk) to the page ready in a browser already running: what the first visitor after a restart
waits for. Warm: the median of the next loads (server caches in memory, browser cache kept).
Baseline, measured in the same run: fetching the same data the page needs (/api/persons,
/api/world and /api/maps/world.svg) with a plain HTTP client, without a browser.

    python benchmarks/bench_page.py [--rows] [--quick]
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time

from common import WARRANTWATCH, Row, Timing
from common import emit as emit_rows


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rows(quick: bool) -> list[Row]:
    import httpx
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium (make test installs it)")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    times: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        page = browser.new_page()
        start = time.perf_counter()
        server = subprocess.Popen([WARRANTWATCH, "serve", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:  # the server is up when it accepts a connection
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if server.poll() is not None:
                        raise RuntimeError("warrantwatch serve exited") from None
                    time.sleep(0.01)
            for _ in range(3 if quick else 6):
                page.goto(base + "/")
                page.wait_for_selector("#map svg [data-iso3=MNG]")
                times.append(time.perf_counter() - start)
                start = time.perf_counter()
            browser.close()
            with httpx.Client(base_url=base) as client:
                start = time.perf_counter()
                for path in ("/api/persons", "/api/world?person=Vladimir%20Putin&on=2024-09-03",
                             "/api/maps/world.svg?person=vladimir-putin&on=2024-09-03"):
                    client.get(path).raise_for_status()
                baseline = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=10)
    warm = sorted(times[1:])
    warm_timing = Timing(warm[0], warm[len(warm) // 2], None, len(warm))
    plain = Timing(baseline, baseline, None, 1)
    return [
        Row("page", "page ready (state list and coloured map), from server start", "process + browser, cold",
            "< 1 s", Timing(times[0], times[0], None, 1), "the same data over plain HTTP, server warm", plain,
            "knowledge-base cache on disk; server caches empty", ratio_kind="cost"),
        Row("page", "page ready (state list and coloured map)", "browser, warm", "< 1 s", warm_timing,
            "the same data over plain HTTP, server warm", plain, "server caches in memory; browser cache",
            ratio_kind="cost"),
    ]


if __name__ == "__main__":
    emit_rows(rows("--quick" in sys.argv))
