"""`brief` and `watch` with --jobs: worker processes read and brief, the parent writes, in order; the
output is byte for byte that of --jobs 1, bad items give the same messages, memory stays bounded, and
a crashed worker, Ctrl-C or kill -9 leaves no process behind and nothing half written."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
import yaml

from warrantwatch.cli import main
from warrantwatch.news import parallel
from warrantwatch.news.reading import MAX_ARTICLE_BYTES, read_items

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data"
CLI = [sys.executable, "-c", "import sys; from warrantwatch.cli import main; sys.exit(main(sys.argv[1:]))"]


def _real_folder(folder: Path) -> Path:
    """The examples and the development items of tests/data/news as files of every kind a folder can
    hold: text, a saved HTML page, a feed inside the folder, and bad items (undecodable, UTF-16, binary,
    oversized, a feed line that is not JSON)."""
    folder.mkdir()
    for path in EXAMPLES.glob("*.txt"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    items = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / "news").glob("*.yaml"))]
    sub = folder / "dev"
    sub.mkdir()
    for item in items[:40]:
        (sub / f"{item['id']}.txt").write_text(f"{item['text']}", encoding="utf-8")
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as feed:
        for item in items[40:]:
            feed.write(json.dumps({"url": item["source"], "published": str(item["published"]), "title": item["title"],
                                   "text": item["text"]}) + "\n")
        feed.write("{not json\n")
    (folder / "page.html").write_text(f"<html><head><title>{items[1]['title']}</title></head><body><article>"
                                      f"<p>{items[1]['text']}</p></article></body></html>", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Putin will visit Mongolia on 3 septembre, à Oulan-Bator.".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("Putin will visit Mongolia.".encode("utf-16"))
    (folder / "binary.txt").write_bytes(b"Putin\x00\x01\x02")
    (folder / "huge.txt").write_bytes(b"Putin will visit Mongolia. " * (MAX_ARTICLE_BYTES // 27 + 2))
    return folder


@pytest.fixture(scope="module")
def real_folder(tmp_path_factory) -> Path:
    return _real_folder(tmp_path_factory.mktemp("jobs") / "news")


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_folder_holds_every_kind_of_item(real_folder):
    items = list(read_items(real_folder))
    assert len(items) >= 60
    reasons = " ".join(getattr(i, "reason", "") for i in items)
    for expected in ("not UTF-8", "UTF-16", "NUL bytes", "larger than", "not JSON"):
        assert expected in reasons


@pytest.mark.parametrize("form", [["--json"], [], ["--html"]])
def test_brief_over_a_real_folder_is_byte_for_byte_that_of_jobs_1(real_folder, capsys, form):
    argv = ["brief", str(real_folder), "--published", "2024-08-30", *form]
    one = _run(capsys, [*argv, "--jobs", "1"])
    two = _run(capsys, [*argv, "--jobs", "2"])
    assert one[0] == 2 and "could not be read" in one[2]  # the bad items: skipped, listed, exit 2
    assert one == two
    if form == ["--json"]:
        assert len(json.loads(one[1])) >= 55


@pytest.mark.parametrize("form", [["--json"], []])
def test_brief_over_a_feed_is_byte_for_byte_that_of_jobs_1(real_folder, capsys, form):
    argv = ["brief", str(real_folder / "feed.jsonl"), *form]
    one = _run(capsys, [*argv, "--jobs", "1"])
    assert one[0] == 2 and "feed.jsonl:" in one[2]  # the line that is not JSON
    assert _run(capsys, [*argv, "--jobs", "2"]) == one


def test_brief_files_with_jobs_are_the_same_files(real_folder, tmp_path, capsys):
    small = tmp_path / "small"
    small.mkdir()
    for path in sorted((real_folder / "dev").glob("*.txt"))[:3]:  # maps are drawn: a few events, kept fast
        (small / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(parallel.SMALL_RUN):
        (small / f"x{i:02d}.txt").write_text(f"Report {i}: the weather in Paris was fine.", encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code, printed, err = _run(capsys, ["brief", str(small), "--published", "2024-08-30", "-o", str(out),
                                           "--jobs", jobs])
        assert code == 0, err
        outputs[jobs] = (printed.replace(str(out), "OUT"),
                         {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    (said1, files1), (said2, files2) = outputs["1"], outputs["2"]
    assert said1 == said2 and files1.keys() == files2.keys()
    pngs = [p for p in files1 if p.suffix == ".png"]
    assert len(pngs) >= 2 and files1 == files2  # the maps' PNGs too, byte for byte (each drawn afresh)
    # and a map is the one the article's own brief draws
    first = next(p for p in pngs if p.parts[0] == "001")
    alone = tmp_path / "alone"
    code, _, err = _run(capsys, ["brief", str(sorted(small.glob("*.txt"))[0]), "--published", "2024-08-30", "-o",
                                 str(alone)])
    assert code == 0, err
    assert (alone / first.name).read_bytes() == files1[first]


def test_a_single_brief_and_no_brief_at_all_read_the_same(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    for i in range(25):
        (folder / f"{i:02d}.txt").write_bytes(b"\xff\xfe\xfd not text")
    argv = ["brief", str(folder), "--json"]
    nothing = _run(capsys, [*argv, "--jobs", "1"])
    assert nothing[0] == 2 and "no article could be read (25 skipped)" in nothing[2]
    named = {line.split(":")[0].rsplit("/", 1)[-1] for line in nothing[2].splitlines() if line.startswith("skipped ")}
    assert named == {f"{i:02d}.txt" for i in range(25)}  # every one of them, the first too
    assert _run(capsys, [*argv, "--jobs", "2"]) == nothing
    (folder / "99.txt").write_text((EXAMPLES / "seed-article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    single = _run(capsys, [*argv, "--published", "2024-08-30", "--jobs", "1"])
    assert single[0] == 2 and json.loads(single[1])["article"]["origin"].endswith("99.txt")  # one document
    assert _run(capsys, [*argv, "--published", "2024-08-30", "--jobs", "2"]) == single


def test_tiny_inputs_start_no_workers(real_folder, tmp_path, capsys, monkeypatch):
    small = tmp_path / "small"
    small.mkdir()
    for path in sorted((real_folder / "dev").glob("*.txt"))[: parallel.SMALL_RUN - 1]:
        (small / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")

    def no_pool(self):
        raise AssertionError("a pool was started for a tiny input")

    expected = _run(capsys, ["brief", str(small), "--json", "--jobs", "1"])
    monkeypatch.setattr(parallel.Workers, "__enter__", no_pool)
    assert _run(capsys, ["brief", str(small), "--json", "--jobs", "2"]) == expected
    assert _run(capsys, ["brief", str(small), "--json"]) == expected  # the default
    assert main(["watch", str(small), "--db", str(tmp_path / "s.duckdb"), "--json", "--jobs", "2"]) == 0


def test_jobs_must_be_one_or_more(capsys):
    assert main(["brief", str(EXAMPLES / "seed-article.txt"), "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_bad_input_fails_the_same_way(tmp_path, capsys):
    for argv in (["brief", str(tmp_path / "missing")], ["brief", str(tmp_path), "--published", "2024-02-30"],
                 ["watch", str(tmp_path / "missing"), "--db", str(tmp_path / "x.duckdb")]):
        assert _run(capsys, [*argv, "--jobs", "2"]) == _run(capsys, [*argv, "--jobs", "1"])


def _rows(db: Path) -> tuple:
    with duckdb.connect(str(db), read_only=True) as c:
        return (c.execute("SELECT key, url, title, published, origin, text FROM articles ORDER BY key").fetchall(),
                c.execute("SELECT * FROM events ORDER BY ALL").fetchall(),
                c.execute("SELECT key, origin, reason FROM rejected ORDER BY key").fetchall())


@pytest.mark.parametrize("form", [["--json"], []])
def test_watch_stores_the_same_rows_and_prints_the_same(real_folder, tmp_path, capsys, form):
    runs = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"{jobs}.duckdb"
        argv = ["watch", str(real_folder), "--db", str(db), "--published", "2024-08-30", "--batch", "7", *form,
                "--jobs", jobs]
        first, again = _run(capsys, argv), _run(capsys, argv)
        runs[jobs] = (first, again, _rows(db))
    assert runs["1"] == runs["2"]
    (first, again, (articles, events, rejected)) = runs["2"]
    assert first[0] == 2 and again[0] == 0  # the bad items: reported once, stored as rejected
    assert len(articles) >= 55 and len(events) >= 55 and len(rejected) >= 5
    if form:
        document = json.loads(first[1])
        assert document["alerts"] and json.loads(again[1])["already_stored"] == len(articles) + len(rejected)


def test_watch_starts_its_workers_before_it_opens_the_store(real_folder, tmp_path, capsys, monkeypatch):
    from warrantwatch.news import store

    order = []
    enter, open_ = parallel.Workers.__enter__, store.Store.open.__func__

    def workers_enter(self):
        order.append("workers")
        return enter(self)

    def store_open(cls, *a, **kw):
        order.append("store")
        return open_(cls, *a, **kw)

    monkeypatch.setattr(parallel.Workers, "__enter__", workers_enter)
    monkeypatch.setattr(store.Store, "open", classmethod(store_open))
    assert main(["watch", str(real_folder / "dev"), "--db", str(tmp_path / "s.duckdb"), "--jobs", "2",
                 "--json"]) == 0
    assert order == ["workers", "store"]


def test_in_flight_items_are_bounded(tmp_path):
    """The parent takes units from the input only as results go out: at most WINDOW * jobs chunks."""
    feed = tmp_path / "feed.jsonl"
    seed = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    feed.write_text("".join(json.dumps({"text": f"Story {i}. {seed[:400]}"}) + "\n" for i in range(300)),
                    encoding="utf-8")
    taken = 0
    most = 0

    def counted():
        nonlocal taken
        for unit in parallel.units(feed):
            taken += 1
            yield unit

    from warrantwatch.cli.news import _brief_task

    with parallel.Workers(_brief_task, (None, __import__("datetime").date(2024, 8, 30), "text", "json"), 2,
                          chunk=4) as workers:
        spool = Path(workers.spool)
        done = files = 0
        for _ in workers.map(counted()):
            done += 1
            most = max(most, taken - done)
            files = max(files, len(list(spool.iterdir())))
        assert not any(spool.iterdir())  # each chunk's results file is deleted once read
    assert done == 300
    assert most <= parallel.WINDOW * 2 * 4
    assert 0 < files <= parallel.WINDOW * 2
    assert not spool.exists()


def test_spawned_workers_give_the_same_output(real_folder, tmp_path, capsys, monkeypatch):
    """Where fork is not safe (another thread runs) the workers are spawned; the same output."""
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait, daemon=True)
    helper.start()
    try:
        assert parallel.start_method() == "spawn"
        argv = ["brief", str(real_folder / "dev"), "--published", "2024-08-30", "--json"]
        spawned = _run(capsys, [*argv, "--jobs", "2"])
    finally:
        stop.set()
        helper.join()
    alone = threading.active_count() == 1 and sys.platform.startswith("linux")  # (a test run may hold others)
    assert parallel.start_method() == ("fork" if alone else "spawn")
    assert spawned == _run(capsys, [*argv, "--jobs", "1"])


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # a thread that has ended
            found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _gone(pids: set[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def big_feed(tmp_path_factory) -> Path:
    feed = tmp_path_factory.mktemp("jobs-feed") / "feed.jsonl"
    seed = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    with feed.open("w", encoding="utf-8") as handle:
        for i in range(1500):
            handle.write(json.dumps({"url": f"https://example.org/{i}", "published": "2024-08-30",
                                     "text": f"Story {i}. {seed}"}) + "\n")
    return feed


def _started(feed: Path, *extra: str) -> tuple[subprocess.Popen, set[int]]:
    """`brief FEED --json --jobs 2` in its own session, once it has written its first line; its workers."""
    # (SIGINT restored to its default in the child: a command started in the background inherits it ignored, and the
    # Ctrl-C test would then see the run go on; a terminal's foreground job, which the test plays, never has it so)
    process = subprocess.Popen([*CLI, "brief", str(feed), "--json", "--jobs", "2", *extra], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert os.read(process.stdout.fileno(), 1) == b"["  # the workers are running (read unbuffered: see communicate)
    workers = _children(process.pid)
    assert len(workers) >= 2, workers
    return process, workers


def _complete_lines(first: bytes, rest: bytes) -> list:
    text = (first + rest).decode("utf-8")
    assert text.startswith("[")
    lines = text[1:].split(",\n")
    return [json.loads(line) for line in lines]  # each line whole: no line cut short


def test_a_killed_worker_stops_the_run_with_one_line_and_no_process_left(big_feed):
    process, workers = _started(big_feed)
    time.sleep(0.3)
    os.kill(min(workers), signal.SIGKILL)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    message = err.decode()
    assert "a worker process stopped" in message and "Traceback" not in message
    assert len(message.strip().splitlines()) == 1
    assert _gone(workers)
    briefs = _complete_lines(b"[", out)
    assert 0 < len(briefs) < 1500


def test_ctrl_c_stops_the_run_with_no_traceback_and_no_process_left(big_feed):
    process, workers = _started(big_feed)
    time.sleep(0.5)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole foreground group
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err  # as with --jobs 1 (typer's exit status for Ctrl-C), silently
    assert "Traceback" not in err.decode() and not err.strip()
    assert _gone(workers)
    assert _complete_lines(b"[", out)


def test_kill_9_of_the_parent_takes_its_workers(big_feed):
    process, workers = _started(big_feed)
    time.sleep(0.3)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert _gone(workers)


def test_the_spool_of_a_run_killed_with_kill_9_is_removed_by_the_next_run(big_feed, tmp_path, monkeypatch):
    spools = tmp_path / "tmp"
    spools.mkdir()
    process = subprocess.Popen([*CLI, "brief", str(big_feed), "--json", "--jobs", "2"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, "TMPDIR": str(spools)})
    assert os.read(process.stdout.fileno(), 1) == b"["
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    (left,) = list(spools.glob("warrantwatch-jobs-*"))  # the killed run's spool, named by its process id
    assert left.name.startswith(f"warrantwatch-jobs-{process.pid}-")
    alive = spools / f"warrantwatch-jobs-{os.getpid()}-other"  # a live run's spool is left alone
    alive.mkdir()
    monkeypatch.setenv("TMPDIR", str(spools))
    monkeypatch.setattr(parallel.tempfile, "tempdir", None)  # (tempfile caches the folder it chose)
    parallel._remove_stale_spools()
    assert not left.exists() and alive.exists()


# A worker killed while it writes a result bigger than a pipe holds. With results sent through the
# executor's shared pipe, this left half a message in the pipe and the run hung (CI, 2026-12-07). Here
# the worker given item 5 says so in a file, waits, then returns 50 MB; a thread of the parent, once it
# sees the file, keeps the interpreter's lock for 1.5 s (so that nothing in the parent reads the pipe
# and the worker's write stops when the pipe is full), kills that worker, and lets go.
_KILLED_MID_WRITE = """
import os, signal, sys, threading, time
from pathlib import Path
from warrantwatch.news.parallel import Workers, WorkerFailed

said = Path(sys.argv[1])

def factory():
    def task(item):
        if item == 5:
            said.write_text(str(os.getpid()))
            time.sleep(0.5)
            return "x" * 50_000_000
        return "small"
    return task

def kill_in_the_middle():
    while not said.exists() or not said.read_text():
        time.sleep(0.01)
    sys.setswitchinterval(100)  # no other thread of this process runs until the loop below ends
    start = time.monotonic()
    while time.monotonic() < start + 1.5:
        pass
    os.kill(int(said.read_text()), signal.SIGKILL)
    sys.setswitchinterval(0.005)

try:
    with Workers(factory, (), 2, chunk=1, method="fork") as workers:
        threading.Thread(target=kill_in_the_middle, daemon=True).start()
        for _ in workers.map(range(40)):
            pass
    print("finished")
except WorkerFailed:
    print("failed")
    sys.exit(1)
"""


def test_a_worker_killed_while_it_writes_a_big_result_stops_the_run(tmp_path):
    script = tmp_path / "killed.py"
    script.write_text(_KILLED_MID_WRITE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "pid")], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1 and done.stdout == "failed\n", (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr


def test_a_killed_worker_stops_watch_and_a_rerun_stores_everything_once(big_feed, tmp_path):
    db = tmp_path / "n.duckdb"
    argv = [*CLI, "watch", str(big_feed), "--db", str(db), "--json", "--batch", "50", "--jobs", "2"]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not db.exists() and time.monotonic() < deadline:  # the store is opened once the workers run
        time.sleep(0.02)
    time.sleep(0.5)
    workers = _children(process.pid)
    assert len(workers) == 2 and process.poll() is None
    os.kill(min(workers), signal.SIGKILL)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1 and "a worker process stopped" in err.decode() and "Traceback" not in err.decode()
    assert _gone(workers)
    with duckdb.connect(str(db), read_only=True) as c:
        stored = c.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored < 1500
    rerun = subprocess.run(argv, capture_output=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["already_stored"] == stored
    with duckdb.connect(str(db), read_only=True) as c:
        articles, keys = c.execute("SELECT count(*), count(DISTINCT key) FROM articles").fetchone()
        per_article = c.execute("SELECT min(c), max(c) FROM (SELECT a.key, count(e.article_key) AS c FROM "
                                "articles a LEFT JOIN events e ON e.article_key = a.key GROUP BY a.key)").fetchone()
    assert articles == keys == 1500 and per_article[0] == per_article[1] >= 1
