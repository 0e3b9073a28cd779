"""What each command loads: heavy libraries only where a command uses them (speed lives in
benchmarks/; this checks the imports that decide it, in a fresh process)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from warrantwatch.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules)), file=sys.stderr)
"""


def _loaded(argv: list[str], tmp_path) -> set[str]:
    env = {"WARRANTWATCH_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-c", PROBE.format(argv=argv)]
    subprocess.run(run, env=env, capture_output=True, timeout=120, check=True)  # builds the cache
    done = subprocess.run(run, env=env, capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(("argv", "absent"), [
    (["--help"], ["pydantic", "numpy", "yaml", "rich.markdown", "warrantwatch.law",
                  "warrantwatch.records.models"]),
    (["check", "putin", "mongolia", "--on", "2024-09-03", "--json"],
     ["pydantic", "numpy", "yaml", "pycountry", "rapidfuzz", "rich", "warrantwatch.maps", "_hashlib"]),
    (["world", "putin", "--on", "2024-09-03", "--json"],
     ["pydantic", "numpy", "yaml", "pycountry", "rapidfuzz", "rich", "warrantwatch.maps", "_hashlib"]),
    (["map", "--home", "RUS", "--host", "MNG", "-o", "{out}"],
     ["pydantic", "yaml", "pycountry", "shapely", "rich", "warrantwatch.law", "warrantwatch.news"]),
])
def test_commands_load_only_what_they_use(argv, absent, tmp_path):
    argv = [a.replace("{out}", str(tmp_path / "x.png")) for a in argv]
    loaded = _loaded(argv, tmp_path)
    assert "warrantwatch.cli" in loaded
    assert not [m for m in absent if m in loaded]


def test_the_cache_hashes_as_hashlib_does():
    """records.cache takes CPython's own SHA-256 (not OpenSSL's, ~9 ms to load): same digests."""
    import hashlib

    from warrantwatch.records.cache import sha256

    for blob in (b"", b"warrantwatch", bytes(range(256)) * 4000):
        assert sha256(blob).hexdigest() == hashlib.sha256(blob).hexdigest()


def test_the_top_level_help_lists_what_the_whole_app_would(capsys):
    """`warrantwatch --help` registers commands without their parameters (cli._Listing): the text
    must be the whole app's, command for command."""
    from warrantwatch.cli import main, make_app

    assert main(["--help"]) == 0
    listed = capsys.readouterr().out
    with contextlib.suppress(SystemExit):
        make_app()(args=["--help"], prog_name="warrantwatch", standalone_mode=False)
    whole = capsys.readouterr().out
    assert listed == whole
    assert "check" in listed and "tracks" in listed
