"""Folder and feed runs on several cores: articles read and briefed in worker processes, handed back
in the input's order, never more than a bounded number in flight.

`units(source)` splits an input the way `reading.read_items` reads it: each text or HTML file of a
folder as its path (a worker reads it: the bytes, the decoding, trafilatura for a page), each item
of a feed as read here (one line of JSON, cheap), a single file or standard input as read here.
`read_unit` turns a unit into the items `read_items` gives for it, so that a run over the units
sees exactly the items, messages and order of a run over `read_items(source)`.

`Workers(factory, args, jobs).map(units)` maps a task over the units in `jobs` worker processes
(`concurrent.futures.ProcessPoolExecutor`) and yields each unit's results in the input's order.
At most `WINDOW * jobs` chunks of `CHUNK` units are in flight (submitted and not yet yielded), so
memory does not grow with the run. The task is `factory(*args)`: a function of one item, built once
per process. A worker never receives Ctrl-C (the parent alone stops the run and the pool with it),
and dies with the parent even when the parent is killed with `kill -9` (Linux: PR_SET_PDEATHSIG;
elsewhere a worker notices at its next chunk). A worker that dies makes the run stop with
`WorkerFailed`; the others are stopped by the executor.

Results come back through files, not through the executor's pipe. The executor's workers share one
result pipe; a worker killed in the middle of writing a result larger than the pipe's atomic size
(4 KB on Linux) leaves half a message in it, and the executor's reader then waits for the rest for
ever while the other worker waits for the lock the dead one held: the run hung (CI, 2026-12-07;
tests/test_news_jobs.py kills a worker while its 50 MB result is half written, which hung the old code
every time). So a worker pickles a
chunk's results to a file of the run's spool folder and sends back only its name, a message far
below 4 KB that is written whole or not at all: a dead worker is then always seen by its sentinel.
The parent reads each file and deletes it; the folder goes when the run ends. The folder's name holds
the parent's process id (`warrantwatch-jobs-<pid>-…`), so that the folder of a run killed with `kill -9`
(at most `WINDOW * jobs` files) is removed by the next run that finds no such process.

Start method. On Linux the workers are forked from the parent once it has loaded the knowledge base
and read one short article (which builds the gazetteer, the cue-word index and the learned stage):
each worker starts with all of it, shared copy-on-write, at no cost of its own. Measured on the
2-core machine (2026-12-07, load 2.1-2.6; benchmarks/bench_jobs_start.py and a scratch run before
it: 2 workers, until each has briefed one article): fork 0.11-0.15 s, all of it the parent's loading
and warm-up, which `--jobs 1` pays too on its first article, and no CPU time in the workers;
forkserver 0.33-0.37 s and spawn 0.19-0.39 s, each worker spending 0.15-0.17 s of CPU importing
warrantwatch, loading the knowledge base and building the gazetteer again. Fork is
safe only in a process with one thread and no open database: `Workers` forks every worker as it is
entered (a forking executor launches them all at its first submission, before its own threads
start, and never forks again), callers enter it before opening the store (`watch`), and where
another thread is already running (a test runner's server, say) or on another system, the workers
are spawned instead, each building its task from `args`. A run of fewer than `SMALL_RUN` units
starts no workers at all.
"""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from warrantwatch.errors import WarrantWatchError
from warrantwatch.news.reading import (
    STDIN,
    Article,
    Rejected,
    is_feed,
    listed,
    read_folder_file,
    read_items,
)

CHUNK = 8  # units per task sent to a worker: ~30 ms of work for full-length articles
WINDOW = 2  # chunks in flight per worker: one being worked on, one waiting
# Fewer units than this: no pool. Over 20 full-length articles, in process, --jobs 2 and --jobs 1 took
# about the same time (0.28 s against 0.21-0.28 s, load 3.4 on 2 cores): the break-even point.
SMALL_RUN = 20


class WorkerFailed(WarrantWatchError):
    """A worker process stopped in the middle of the run (killed, or out of memory)."""

    exit_code = 1


def cpus() -> int:
    """The CPUs this process may use (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


Unit = Path | Article | Rejected


def units(source: Path | str) -> Iterator[Unit]:
    """The input at `source` as units of work, in the order `read_items(source)` reads it."""
    path = Path(source)
    if str(source) == STDIN or not path.is_dir():
        yield from read_items(source)  # one file (or a feed's lines), read here
        return
    # as `read_items` lists a folder
    for child in listed(path):
        if is_feed(child):
            yield from read_folder_file(child)  # a feed inside the folder: its items are read here
        else:
            yield child


def read_unit(unit: Unit) -> list[Article | Rejected]:
    """The items of one unit (a file of a folder gives one)."""
    return list(read_folder_file(unit)) if isinstance(unit, Path) else [unit]


def start_method() -> str:
    """"fork" on Linux in a process with no other thread; else "spawn" (see the module's notes)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


_TASK: Callable | None = None  # the worker's task, built once per process (inherited when forked)


def _die_with(parent: int) -> None:
    """A worker: ignore Ctrl-C (the parent handles it) and end when the parent ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # no prctl: the check in `_run` remains
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _start(parent: int, factory: Callable, args: tuple) -> None:
    global _TASK
    _die_with(parent)
    if _TASK is None:  # spawned: build the task here (forked: it came with the parent's memory)
        _TASK = factory(*args)


_WRITTEN = 0  # chunks this worker has written to the spool (names its files)


def _run(parent: int, spool: str, chunk: list[Unit]) -> str:
    """Do one chunk; its results go to a file of `spool` (see the module's notes), named in the reply."""
    global _WRITTEN
    if os.getppid() != parent:  # pragma: no cover - the parent is gone (systems without PDEATHSIG)
        os._exit(1)
    task = _TASK
    results = [task(item) for unit in chunk for item in read_unit(unit)]
    _WRITTEN += 1
    path = os.path.join(spool, f"{os.getpid()}-{_WRITTEN}")
    with open(path, "wb") as handle:
        pickle.dump(results, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _collect(path: str) -> list:
    """The results a worker wrote to `path`; the file is deleted."""
    with open(path, "rb") as handle:
        results = pickle.load(handle)
    os.unlink(path)
    return results


def _ready() -> int:
    return os.getpid()


SPOOL_PREFIX = "warrantwatch-jobs-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _remove_stale_spools() -> None:
    """Remove the spool folders of runs whose process is gone (killed with `kill -9`)."""
    root = Path(tempfile.gettempdir())
    for folder in root.glob(f"{SPOOL_PREFIX}*-*"):
        pid = folder.name[len(SPOOL_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and folder.is_dir() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


class Workers:
    """`with Workers(factory, args, jobs) as workers: for result in workers.map(units): ...`: the
    worker processes of one run. Every worker is started on entering (forked, where that is safe,
    from this process as it is then: see the module's notes), so that what must not be forked, such
    as a database, is opened after. Leaving stops them: at once after an error or Ctrl-C (what is
    queued is dropped; a worker finishes the chunk in hand, then exits), else once all is done."""

    def __init__(self, factory: Callable, args: tuple, jobs: int, *, chunk: int = CHUNK,
                 method: str | None = None) -> None:
        self.factory, self.args, self.jobs, self.chunk = factory, args, jobs, chunk
        self.method = method or start_method()
        self.pool = None
        self.spool: str | None = None

    def __enter__(self) -> Workers:
        import concurrent.futures as cf
        import multiprocessing

        global _TASK
        if self.method == "fork":
            _TASK = self.factory(*self.args)  # built (and warmed) once, here, and inherited by every worker
        parent = os.getpid()
        _remove_stale_spools()
        self.spool = tempfile.mkdtemp(prefix=f"{SPOOL_PREFIX}{parent}-")
        self.pool = cf.ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(self.method),
                                           initializer=_start, initargs=(parent, self.factory, self.args))
        try:
            # A forking executor launches every worker at its first submission; a spawning one as
            # tasks come: one task each starts them all, now.
            for started in [self.pool.submit(_ready) for _ in range(self.jobs)]:
                started.result()
        except BaseException as exc:
            self.__exit__(type(exc), exc, None)
            raise self._failed(exc) from exc
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        global _TASK
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=kind is not None)
            self.pool = None
        if self.spool is not None:
            shutil.rmtree(self.spool, ignore_errors=True)
            self.spool = None
        if self.method == "fork":
            _TASK = None

    @staticmethod
    def _failed(exc: BaseException) -> BaseException:
        import concurrent.futures as cf

        if isinstance(exc, cf.process.BrokenProcessPool):
            return WorkerFailed("a worker process stopped in the middle of the run (killed, or out of memory); "
                                "nothing after the last item written was done; run it again, or with --jobs 1")
        return exc

    def map(self, source: Iterable[Unit]) -> Iterator:
        """The task's result for every item of every unit of `source`, in order; at most
        `WINDOW * jobs` chunks of `chunk` units in flight."""
        parent, pending = os.getpid(), deque()
        feed = iter(source)
        try:
            for piece in iter(lambda: list(islice(feed, self.chunk)), []):
                pending.append(self.pool.submit(_run, parent, self.spool, piece))
                if len(pending) >= WINDOW * self.jobs:
                    yield from _collect(pending.popleft().result())
            while pending:
                yield from _collect(pending.popleft().result())
        except Exception as exc:
            failed = self._failed(exc)
            if failed is exc:
                raise
            raise failed from exc
