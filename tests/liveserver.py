"""A real HTTP server on 127.0.0.1 for the browser tests, and their Chromium requirement."""

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> None:
    """Skip the calling module without Chromium, unless the run requires the browser (make test)."""
    if not CHROMIUM:
        if os.environ.get("WARRANTWATCH_REQUIRE_BROWSER"):
            raise RuntimeError("Chromium is required (make test installs Debian's chromium)")
        pytest.skip("Chromium not installed", allow_module_level=True)


@contextmanager
def running(app):
    """Serve `app` (an ASGI app or its import string) with uvicorn in a thread; yields its base URL."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)
