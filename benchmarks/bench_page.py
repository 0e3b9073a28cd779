"""Web page benchmark: time until the page shows every state's outcome and the coloured world map,
in Debian's Chromium, cold (first load after start) and warm.

Baseline, measured in the same run: fetching the same data the page needs (/api/persons, /api/world
and /api/maps/world.svg) with a plain HTTP client, without a browser. Target: page ready < 1 s.

    python benchmarks/bench_page.py
"""

from __future__ import annotations

import shutil
import socket
import threading
import time

import httpx
import uvicorn
from playwright.sync_api import sync_playwright


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium (make test installs it)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config("warrantwatch.api.app:app", host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        page = browser.new_page()
        for _ in range(5):
            start = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("#map svg [data-iso3=MNG]")
            times.append(time.perf_counter() - start)
        browser.close()
    with httpx.Client(base_url=base) as client:
        start = time.perf_counter()
        for path in ("/api/persons", "/api/world?person=Vladimir%20Putin&on=2024-09-03",
                     "/api/maps/world.svg?person=vladimir-putin&on=2024-09-03"):
            client.get(path).raise_for_status()
        baseline = time.perf_counter() - start
    server.should_exit = True
    warm = sorted(times[1:])[len(times[1:]) // 2]
    print(f"page ready (state list and coloured map): cold {times[0]:.2f} s, warm {warm:.2f} s (target < 1 s)")
    print(f"baseline, the same data over plain HTTP: {baseline:.3f} s; page / baseline = {warm / baseline:.1f}x")


if __name__ == "__main__":
    main()
