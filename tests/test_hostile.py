"""The hostile suite (issue 10): every item replayed through the CLI (a real process) and the API
(in process, and over real HTTP on 127.0.0.1 where the item needs it). Each asserts no traceback in
any output, no 5xx, exit status 2 (1 for invalid data) or a 4xx with one line, and bounded time and
memory. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from warrantwatch.api.app import MAX_BODY_BYTES, app

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).parent / "warrantwatch")
SEED = ROOT / "examples" / "seed-article.txt"
PUTIN_TRIP = "Russian President Vladimir Putin will visit Mongolia on September 3."
END_DATES = ["0000-01-01", "0001-01-01", "9999-12-25", "9999-12-31"]
OTHER_DIGITS = ["２０２４-０９-０３", "٢٠٢٤-٠٩-٠٣"]  # fullwidth, Arabic-Indic
client = TestClient(app, raise_server_exceptions=False)


class Ran:
    def __init__(self, code: int, out: str, err: str, seconds: float):
        self.code, self.out, self.err, self.seconds = code, out, err, seconds

    def clean(self, code: int = 2) -> Ran:
        """Exit `code`, no traceback anywhere, and the failure told in one short line."""
        assert "Traceback" not in self.out + self.err, self.err[-2000:]
        assert self.code == code, (self.code, self.err[-500:])
        if code:
            errors = [line for line in self.err.splitlines() if line.startswith("error:")]
            assert len(errors) == 1 and len(errors[0]) < 400, self.err[-1000:]
        return self


def cli(*args: str, stdin: bytes | int | None = None, env: dict | None = None, limit_mb: int | None = None,
        timeout: float = 60, cwd: Path | None = None) -> Ran:
    """Run the installed `warrantwatch` in a process of its own, its address space limited to
    `limit_mb` when given (memory bounded: past it, allocation fails and the run could not end cleanly)."""
    def limit() -> None:
        if limit_mb:
            resource.setrlimit(resource.RLIMIT_AS, (limit_mb * 2**20, limit_mb * 2**20))

    start = time.monotonic()
    process = subprocess.Popen([CLI, *args], stdin=subprocess.PIPE if isinstance(stdin, bytes) else stdin,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit, cwd=cwd,
                               env={**os.environ, "WARRANTWATCH_TODAY": "2026-12-01", **(env or {})})
    try:
        out, err = process.communicate(stdin if isinstance(stdin, bytes) else None, timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise AssertionError(f"warrantwatch {' '.join(args)[:200]} did not end within {timeout} s") from None
    return Ran(process.returncode, out.decode(errors="replace"), err.decode(errors="replace"),
               time.monotonic() - start)


def api_clean(response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.text[:300])
    body = response.json()
    message = body["error"]["message"]
    assert "Traceback" not in response.text and "\n" not in message and len(message) < 400
    return body


SAMPLES = {"person": "putin", "state": "MNG", "home": "RUS", "host": "MNG", "fmt": "png", "width": "300"}


def get_routes(with_param: str | None = None) -> list[str]:
    """A sample URL for every GET route of the API (so that a route added later is covered too)."""
    urls = []
    for route in app.routes:
        if "GET" not in getattr(route, "methods", ()) or not hasattr(route, "dependant"):
            continue
        names = {p.name for p in route.dependant.query_params}
        required = {p.name for p in route.dependant.query_params + route.dependant.path_params
                    if p.field_info.is_required()}
        if (with_param and with_param not in names) or not required <= set(SAMPLES):
            continue
        path = route.path
        for p in route.dependant.path_params:
            path = path.replace("{" + p.name + "}", SAMPLES[p.name])
        query = "&".join(f"{n}={SAMPLES[n]}" for n in sorted(names & set(SAMPLES)))
        urls.append(path + ("?" + query if query else ""))
    return urls


def feed(path: Path, *lines: str | bytes) -> Path:
    path.write_bytes(b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines) + b"\n")
    return path


def item(url: str, text: str = PUTIN_TRIP, **more) -> str:
    return json.dumps({"url": url, "published": "2024-08-30", "text": text, **more})


# -- A server of its own on 127.0.0.1, for what needs real HTTP (chunked bodies, keep-alive) -----------


@pytest.fixture(scope="module")
def server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "warrantwatch.api.app:app", "--host",
                                "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)
    yield base, process
    process.terminate()
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    assert b"Traceback" not in err, err.decode(errors="replace")[-2000:]


def _rss_mb(pid: int) -> float:
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmRSS:"):
            return int(row.split()[1]) / 1024
    raise AssertionError("no VmRSS")


# -- 1. The knowledge-base cache runs nothing ---------------------------------------------------------


def test_1_a_crafted_cache_runs_nothing(tmp_path):
    cache = tmp_path / "cache"
    env = {"WARRANTWATCH_CACHE": str(cache), "XDG_CACHE_HOME": str(cache)}
    cli("check", "putin", "mongolia", "--on", "2024-09-03", env=env).clean(0)
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert files, "the first run wrote no cache"
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    import pickle

    for path in files:  # every cache file replaced by a pickle that would run a command
        path.write_bytes(pickle.dumps(Payload()))
    ran = cli("check", "putin", "mongolia", "--on", "2024-09-03", env=env).clean(0)
    assert "OBLIGED" in ran.out
    assert not marker.exists(), "the crafted cache ran a command"


# -- 2. Links and Markdown from feeds ---------------------------------------------------------------


def test_2_only_http_links_and_escaped_markdown(tmp_path):
    hostile = feed(tmp_path / "f.jsonl", item("javascript:alert(1)//", "<script>alert(1)</script> " + PUTIN_TRIP,
                                               title="<img src=x onerror=alert(2)>"))
    page = cli("brief", str(hostile), "--html").clean(0).out
    assert "href='javascript" not in page.lower() and "<script>alert" not in page and "<img src=x" not in page
    markdown = cli("brief", str(hostile)).clean(0).out
    assert "<script>" not in markdown and "\\<script\\>" in markdown and "\\<img" in markdown
    response = client.post("/api/brief", json={"text": "<script>x</script> " + PUTIN_TRIP, "published": "2024-08-30",
                                               "url": "javascript:alert(1)//"})
    assert response.status_code == 200


# -- 3. The body limit counts the bytes read ------------------------------------------------------


def test_3_a_chunked_body_over_the_limit_is_refused_without_reading_it(server):
    base, process = server
    port = int(base.rsplit(":", 1)[1])
    before = _rss_mb(process.pid)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"POST /api/brief HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (65536, b"x" * 65536)
        sent = 0
        try:
            while sent < 128 * 2**20:  # up to 128 MB, unless the server stops reading first
                sock.sendall(chunk)
                sent += 65536
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass
        answer = b""
        try:
            while b"\r\n\r\n" not in answer:
                part = sock.recv(65536)
                if not part:
                    break
                answer += part
        except (ConnectionResetError, TimeoutError):
            pass
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert _rss_mb(process.pid) - before < 64, "the server kept the body"
    assert httpx.get(base + "/api/health").status_code == 200
    big = client.post("/api/brief", content=b"x" * (MAX_BODY_BYTES + 1),
                      headers={"content-type": "application/json", "content-length": "10"})
    api_clean(big, 413)


# -- 4. Web hardening -----------------------------------------------------------------------------------


def test_4_security_headers_cors_head_and_offline_docs():
    for path in ("/", "/api/persons", "/api/assess?person=putin&state=MNG&on=2024-09-03", "/docs", "/redoc",
                 "/api/nowhere"):
        r = client.get(path)
        assert r.status_code < 500
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert "unsafe-eval" not in csp and ("script-src 'self'" in csp)
    # CORS: read-only GETs from any origin, without credentials; nothing else across origins
    r = client.get("/api/persons", headers={"Origin": "https://news.example"})
    assert r.headers["access-control-allow-origin"] == "*" and "access-control-allow-credentials" not in r.headers
    preflight = client.options("/api/brief", headers={"Origin": "https://news.example",
                                                      "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 400 and "POST" not in preflight.headers.get("access-control-allow-methods", "")
    # HEAD on every GET route: the GET's status and headers, no body
    for path in ("/", "/openapi.json", *get_routes()):
        head, get = client.head(path), client.get(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    # /docs and /redoc: every asset from this server
    for path in ("/docs", "/redoc"):
        html = client.get(path).text
        assert "cdn" not in html and "https://" not in html and "http://" not in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"):
        assert client.get(f"/docs-assets/{asset}").status_code == 200


# -- 5. Bounded reads, whatever the file type --------------------------------------------------------


def test_5_a_device_is_refused_at_once_within_300_mb():
    ran = cli("brief", "/dev/zero", limit_mb=300, timeout=20).clean(2)
    assert ran.seconds < 2 + 2  # 2 s, with room for a machine shared with other work
    assert "not a regular file" in ran.err


def test_5_a_fifo_never_blocks(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    cli("brief", str(fifo), "--published", "2024-08-30", timeout=20).clean(2)
    ran = cli("watch", str(tmp_path), "--db", str(tmp_path / "n.duckdb"), "--published", "2024-08-30",
              timeout=20).clean(2)  # a FIFO inside a folder: one rejected item, the rest goes on
    assert "not a regular file" in ran.err


def test_5_standard_input_is_read_with_the_same_limit():
    with open("/dev/zero", "rb") as zero:
        ran = cli("brief", "-", "--published", "2024-08-30", stdin=zero, limit_mb=300, timeout=20).clean(2)
    assert "larger than" in ran.err
    ran = cli("brief", "-", "--published", "2024-08-30", "--json", stdin=PUTIN_TRIP.encode()).clean(0)
    assert json.loads(ran.out)["events"][0]["host"] == "MNG"


def test_5_a_50_mb_feed_line_is_skipped_in_bounded_time_and_memory(tmp_path):
    big = tmp_path / "big.jsonl"
    with big.open("w") as handle:
        handle.write(json.dumps({"url": "https://a.example/big", "published": "2024-08-30",
                                 "text": "Putin visits. " * 3_600_000}) + "\n")
        handle.write(item("https://a.example/small") + "\n")
    ran = cli("brief", str(big), limit_mb=300).clean(2)  # it took 55 s and 883 MB before
    assert "Mongolia" in ran.out and "big.jsonl:1: line longer than" in ran.err and ran.seconds < 10
    ran = cli("watch", str(big), "--db", str(tmp_path / "n.duckdb"), "--json").clean(2)
    report = json.loads(ran.out)
    assert report["new_articles"] == 1 and report["rejected"][0]["origin"].endswith("big.jsonl:1")
    assert ran.seconds < 30


# -- 6. Error messages are cut ----------------------------------------------------------------------------


def test_6_a_huge_argument_gives_a_short_error():
    huge = "x" * 131_000
    ran = cli("check", huge, "mongolia").clean(2)
    assert len(ran.err) < 400
    ran = cli("map", "--person", "putin", "--width", huge, "-o", "/tmp/never.png").clean(2)
    assert len(ran.err) < 400
    body = api_clean(client.get("/api/assess", params={"person": "y" * 150, "state": "MNG"}), 404)
    assert len(body["error"]["message"]) < 200
    api_clean(client.get("/api/assess", params={"person": huge[:20_000], "state": "MNG"}), 422)


# -- 7. PNG maps under concurrency ------------------------------------------------------------------------


def test_7_one_measurement_per_frame_and_the_same_bytes_per_url(monkeypatch):
    from warrantwatch.api import app as api
    from warrantwatch.maps import layers

    layers.forget_layers()
    api._ANSWERS.done.clear()
    measured: list[bytes] = []
    measure = layers._measure

    def counting(painter, run):
        measured.append(layers._key(painter, run))
        return measure(painter, run)

    monkeypatch.setattr(layers, "_measure", counting)

    async def burst(url: str, n: int) -> list[bytes]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            responses = await asyncio.gather(*(c.get(url) for _ in range(n)))
        assert all(r.status_code == 200 for r in responses)
        return [r.content for r in responses]

    # World maps share one frame: measured once, by one request, while eleven others wait for it
    world = "/api/maps/world.png?person=putin&on=2024-09-03&width=500"
    first = asyncio.run(burst(world, 12))
    assert len(set(first)) == 1
    assert measured and len(measured) == len(set(measured)), "a run was measured more than once"
    other = asyncio.run(burst("/api/maps/world.png?person=netanyahu&on=2025-04-03&width=500", 4))
    assert len(set(other)) == 1 and len(measured) == len(set(measured))  # runs seen before: not measured again
    api._ANSWERS.done.clear()  # drawn again from the layers kept: still the same bytes
    assert asyncio.run(burst(world, 1)) == first[:1]
    runs = len(measured)
    # A locator map's frame is drawn outline by outline, every time: the same bytes too
    locator = "/api/maps/locator.png?home=RUS&host=KAZ&width=500"
    once = asyncio.run(burst(locator, 6))
    api._ANSWERS.done.clear()
    assert len(set(once)) == 1 and asyncio.run(burst(locator, 1)) == once[:1] and len(measured) == runs
    assert layers.cached_bytes() <= layers.BUDGET_BYTES


# -- 8. and 9. Dates at the ends of the calendar; one digit rule ------------------------------------


@pytest.mark.parametrize("day", END_DATES + OTHER_DIGITS)
def test_8_9_out_of_range_and_non_ascii_dates_are_bad_input_everywhere(day):
    routes = get_routes(with_param="on")
    assert len(routes) >= 7, routes
    for path in routes:
        api_clean(client.get(path, params={"on": day}), 422)
    api_clean(client.post("/api/brief", json={"text": PUTIN_TRIP, "published": day}), 422)


def test_8_9_the_cli_says_so_in_one_line(tmp_path):
    for day in ("0000-01-01", "9999-12-31", "２０２４-０９-０３"):
        cli("check", "putin", "mongolia", "--on", day).clean(2)
    cli("world", "putin", "--on", "0001-01-01").clean(2)
    cli("map", "--person", "putin", "--on", "9999-12-25", "-o", str(tmp_path / "m.png")).clean(2)
    cli("brief", str(SEED), "--published", "9999-12-31").clean(2)
    for command in (["check", "putin", "mongolia"], ["world", "putin"], ["map", "--person", "putin", "-o",
                                                                         str(tmp_path / "w.svg")]):
        ran = cli(*command, env={"WARRANTWATCH_TODAY": "0000-01-01"}).clean(2)
        assert "WARRANTWATCH_TODAY" in ran.err
    api_clean(client.get("/api/maps/world.png", params={"person": "putin", "width": "５００"}), 422)
    cli("map", "--person", "putin", "--width", "٥٠٠", "-o", str(tmp_path / "d.png")).clean(2)
    api_clean(client.get("/api/assess?person=putin&state=MNG&on=1998-07-16"), 422)
    assert client.get("/api/assess?person=putin&state=MNG&on=2100-12-31").status_code == 200


def test_8_an_error_keeps_the_connection_alive(server):
    import http.client

    base, _ = server
    connection = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=30)
    for day, status in (("9999-12-31", 422), ("0000-01-01", 422), ("2024-09-03", 200)):
        connection.request("GET", f"/api/assess?person=putin&state=MNG&on={day}")
        response = connection.getresponse()
        response.read()
        assert response.status == status and not response.will_close  # the same connection goes on
    connection.close()


# -- 10. and 11. Bad feed items: reported, skipped, the rest goes in ------------------------------------


def test_10_11_bad_items_are_reported_and_the_rest_is_stored(tmp_path):
    bad = feed(tmp_path / "feed.jsonl",
               item("https://a.example/1"),
               '{"url": "https://a.example/2", "text": "unterminated',
               item("https://a.example/3", "Putin will visit South Africa next week."),
               json.dumps({"url": 123, "published": "2024-08-30", "text": "x"}),
               json.dumps({"url": "https://a.example/5", "title": {"a": 1}, "text": PUTIN_TRIP}),
               "[" * 100_000,
               b"\xff\xfe\x00 not utf-8",
               json.dumps({"url": "https://a.example/8", "published": "9999-12-31", "text": PUTIN_TRIP}))
    db = tmp_path / "news.duckdb"
    ran = cli("watch", str(bad), "--db", str(db), "--json").clean(2)  # 2: this run met bad items
    report = json.loads(ran.out)
    assert report["new_articles"] == 2 and report["stored"]["articles"] == 2
    reasons = {r["origin"].rsplit(":", 1)[1]: r["reason"] for r in report["rejected"]}
    assert set(reasons) == {"2", "4", "5", "6", "7", "8"}
    assert "not JSON" in reasons["2"] and "url" in reasons["4"] and "title" in reasons["5"]
    assert "deep" in reasons["6"] and "UTF" in reasons["7"] and "out of range" in reasons["8"]
    again = json.loads(cli("watch", str(bad), "--db", str(db), "--json").clean(0).out)
    assert again["new_articles"] == 0 and again["rejected"] == [] and again["already_stored"] == 8
    ran = cli("brief", str(bad)).clean(2)  # brief: the good ones printed, the bad ones named, status 2
    assert "Mongolia" in ran.out and "skipped" in ran.err and "feed.jsonl:2" in ran.err
    utf16 = feed(tmp_path / "utf16.jsonl", "\ufeff".encode("utf-16-le") + item("https://a.example/x").encode("utf-16-le"))
    assert "UTF-16" in cli("brief", str(utf16)).clean(2).err


def test_10_a_binary_file_in_a_folder_does_not_stop_watch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(os.urandom(4096))
    (folder / "b.txt").write_text(PUTIN_TRIP, encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00" * 100)
    db = str(tmp_path / "n.duckdb")
    report = json.loads(cli("watch", str(folder), "--db", db, "--published", "2024-08-30", "--json").clean(2).out)
    assert report["new_articles"] == 1 and len(report["rejected"]) == 2
    again = json.loads(cli("watch", str(folder), "--db", db, "--json").clean(0).out)  # nothing new: status 0
    assert again["new_articles"] == 0 and again["already_stored"] == 3


def test_11_the_api_and_output_paths(tmp_path):
    r = client.post("/api/brief", content=b"[" * 100_000, headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500
    r = client.post("/api/brief", content=b"\xff\xfe{\x00", headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500
    api_clean(client.post("/api/brief", json={"text": PUTIN_TRIP, "published": "2024-08-30", "url": 123}), 422)
    api_clean(client.post("/api/brief", json={"text": PUTIN_TRIP, "published": "2024-08-30", "title": {"a": 1}}),
              422)
    assert "/proc/x" in cli("brief", str(SEED), "--published", "2024-08-30", "-o", "/proc/x").clean(2).err
    cli("map", "--home", "RUS", "--host", "MNG", "-o", "/proc/x/map.png").clean(2)


# -- 12. watch's lock, and readers while it runs ---------------------------------------------------------


def test_12_readers_read_while_watch_holds_the_lock(tmp_path):
    from warrantwatch.news.store import Store

    db = tmp_path / "news.duckdb"
    source = feed(tmp_path / "f.jsonl", item("https://a.example/1"))
    cli("watch", str(source), "--db", str(db)).clean(0)
    with Store.open(db):  # this process is now the writer
        ran = cli("alerts", "--db", str(db), "--json").clean(0)
        assert json.loads(ran.out)["alerts"][0]["host"] == "MNG"
        busy = cli("watch", str(source), "--db", str(db)).clean(2)
        assert f"pid {os.getpid()}" in busy.err and "since" in busy.err
    cli("watch", str(source), "--db", str(db)).clean(0)  # released


# -- 13. data check -------------------------------------------------------------------------------------


def test_13_data_check_catches_impossible_records(tmp_path):
    from warrantwatch.records.load import default_data_dir

    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    visits = data / "visits" / "omar-al-bashir.yaml"
    text = visits.read_text(encoding="utf-8")
    first = "- person:" + text.split("- person:")[1]
    year = first.split("start: ")[1][:4]
    visits.write_text(first.replace(f"start: {year}", "start: 1850", 1) + text + first, encoding="utf-8")
    shoigu = data / "visits" / "sergei-shoigu.yaml"
    shoigu.write_text(shoigu.read_text(encoding="utf-8") + (
        "- person: sergei-shoigu\n  host: IRN\n  start: 2024-09-01\n  end: 2024-09-05\n  kind: occurred\n"
        "  sources:\n  - x\n- person: sergei-shoigu\n  host: PRK\n  start: 2024-09-03\n  end: 2024-09-04\n"
        "  kind: occurred\n  sources:\n  - x\n"), encoding="utf-8")
    withdrawals = data / "withdrawals.yaml"
    withdrawals.write_text(withdrawals.read_text(encoding="utf-8") + (
        "- state: USA\n  notified: 2003-01-01\n  effective: 2004-01-01\n  sources:\n  - x\n"
        "- state: ZMB\n  notified: 1990-01-01\n  effective: 1991-01-01\n  sources:\n  - x\n"), encoding="utf-8")
    ran = cli("data", "check", "--data", str(data))
    assert ran.code == 1 and "Traceback" not in ran.err
    assert "before the Rome Statute was adopted" in ran.err and "birth (1944-01-01)" in ran.err
    assert "exact duplicate" in ran.err
    assert "overlaps sergei-shoigu's visit to IRN" in ran.err
    assert "USA never deposited" in ran.err and "notified 1990-01-01 is not after the deposit" in ran.err
    empty = tmp_path / "empty"
    empty.mkdir()
    ran = cli("data", "check", "--data", str(empty))
    assert ran.code == 1 and "no states records" in ran.err and "ok" not in ran.out


def test_13_a_yaml_error_points_at_the_bad_scalar(tmp_path):
    from warrantwatch.records.files import FILE_KINDS
    from warrantwatch.records.load import read_file

    kind = next(k for k in FILE_KINDS if k.pattern == "persons.yaml")
    path = tmp_path / "persons.yaml"
    path.write_text('- id: a\n  name: "Vladimir\n  note: x\n  sources:\n  - y\n- id: b\n  name: c\n  sources: [z]\n',
                    encoding="utf-8")
    _, (problem,) = read_file(path, kind, tmp_path)
    assert problem.line == 2 and "never closed" in problem.message
