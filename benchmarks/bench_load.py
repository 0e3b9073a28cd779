"""Load benchmark of the API server, on 127.0.0.1 only, bounded in requests and time.

Two bursts, each against a fresh server process (`uvicorn warrantwatch.api.app:app`, one worker), so
that each peak RSS (the kernel's VmHWM of the server process) belongs to one burst:

1. `/api/assess` — ASSESS_REQUESTS requests over random persons, states and days, at concurrency 50.
2. PNG maps of 50 distinct frames — locator maps of 50 different pairs of states, each requested
   PNG_REPEATS times in a shuffled order (so concurrent requests for a frame never drawn before are
   common), at concurrency 50. Every answer for one URL must be the same bytes.
3. PNG world maps of 50 distinct persons and days — one frame, 50 colourings, each requested
   PNG_REPEATS times: the frame is measured once and then only recoloured.

Reports requests/s, p50/p99 latency, errors (any status but 200, or a failed request) and peak RSS.
Target (issue 10): PNG burst peak RSS < 600 MB, 0 errors, one distinct body per URL.

    python benchmarks/bench_load.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import socket
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

CONCURRENCY = 50
ASSESS_REQUESTS = 2000
PNG_FRAMES = 50
PNG_REPEATS = 4
TIMEOUT_S = 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb(pid: int) -> float:
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024
    return float("nan")


def _rss_mb(pid: int) -> float:
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmRSS:"):
            return int(row.split()[1]) / 1024
    return float("nan")


class Server:
    """`uvicorn` in its own process on 127.0.0.1, stopped (by its pid) when the block ends."""

    def __enter__(self) -> Server:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "warrantwatch.api.app:app", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.process.kill()
                raise SystemExit("the server did not start")
            time.sleep(0.1)
        httpx.get(self.base + "/api/assess?person=putin&state=MNG&on=2024-09-03", timeout=30)  # load the KB
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def _burst(base: str, urls: list[str]) -> tuple[list[float], int, dict[str, set[str]], float]:
    latencies: list[float] = []
    errors = 0
    bodies: dict[str, set[str]] = defaultdict(set)
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=TIMEOUT_S) as client:

        async def worker() -> None:
            nonlocal errors
            while not queue.empty():
                url = queue.get_nowait()
                start = time.perf_counter()
                try:
                    response = await client.get(url)
                    ok = response.status_code == 200
                    if ok:
                        bodies[url].add(hashlib.sha256(response.content).hexdigest())
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - start)
                errors += not ok

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        elapsed = time.perf_counter() - start
    return latencies, errors, bodies, elapsed


def _report(name: str, server: Server, urls: list[str]) -> dict:
    rss_before = _rss_mb(server.process.pid)
    latencies, errors, bodies, elapsed = asyncio.run(_burst(server.base, urls))
    latencies.sort()
    row = {"name": name, "requests": len(urls), "rps": len(urls) / elapsed,
           "p50_ms": 1000 * latencies[len(latencies) // 2],
           "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
           "errors": errors, "rss_before_mb": rss_before, "peak_rss_mb": _peak_rss_mb(server.process.pid),
           "rss_after_mb": _rss_mb(server.process.pid),
           "urls_with_differing_bodies": sum(len(b) > 1 for b in bodies.values())}
    print(f"{name}: {row['requests']} requests at concurrency {CONCURRENCY} in {elapsed:.1f} s — "
          f"{row['rps']:.1f} req/s, p50 {row['p50_ms']:.0f} ms, p99 {row['p99_ms']:.0f} ms, "
          f"{errors} error(s); server RSS {rss_before:.0f} MB before, peak {row['peak_rss_mb']:.0f} MB, "
          f"{row['rss_after_mb']:.0f} MB after; URLs with differing bodies: "
          f"{row['urls_with_differing_bodies']}", flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the requests (a smoke run)")
    args = parser.parse_args()
    rng = random.Random(10)
    os.environ.setdefault("WARRANTWATCH_TODAY", "2026-12-01")
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    persons = [p.id for p in kb.persons]
    states = [s.iso3 for s in kb.states]
    n_assess = ASSESS_REQUESTS // (10 if args.quick else 1)
    assess = [f"/api/assess?person={rng.choice(persons)}&state={rng.choice(states)}"
              f"&on={2002 + rng.randrange(24)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
              for _ in range(n_assess)]
    hosts = [s for s in states if s != "RUS"]
    pairs = rng.sample(hosts, PNG_FRAMES)
    png = [f"/api/maps/locator.png?home=RUS&host={host}" for host in pairs] * PNG_REPEATS
    rng.shuffle(png)
    world = [f"/api/maps/world.png?person={rng.choice(persons)}&on={2010 + rng.randrange(16)}-"
             f"{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}" for _ in range(PNG_FRAMES)] * PNG_REPEATS
    rng.shuffle(world)
    if args.quick:
        png, world = png[: len(png) // 4], world[: len(world) // 4]
    print(f"warrantwatch load benchmark, 127.0.0.1, {os.cpu_count()} CPU(s)")
    rows = []
    with Server() as server:
        rows.append(_report("/api/assess", server, assess))
    with Server() as server:
        rows.append(_report(f"PNG maps, {PNG_FRAMES} distinct frames", server, png))
    png_row = rows[-1]
    with Server() as server:
        rows.append(_report(f"PNG world maps, {PNG_FRAMES} persons and days on one frame", server, world))
    verdict = ("met" if png_row["peak_rss_mb"] < 600 and png_row["errors"] == 0
               and png_row["urls_with_differing_bodies"] == 0 else "NOT met")
    print(f"target (PNG burst peak RSS < 600 MB, 0 errors, same bytes per URL): {verdict}")


if __name__ == "__main__":
    main()
