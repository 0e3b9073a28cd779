"""The knowledge-base cache: JSON that cannot run code, verified, rebuilt silently on any doubt."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from warrantwatch.cli import main
from warrantwatch.records import cache
from warrantwatch.records.knowledge import bundled

TABLES = tuple(cache.TABLES)


class _WritesMarker:
    """Unpickling this runs `touch MARKER`: what a crafted pickle cache could do to a user."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def cache_env(tmp_path, monkeypatch):
    monkeypatch.setenv("WARRANTWATCH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "warrantwatch"


def _cache_file() -> Path:
    from warrantwatch.records.files import default_data_dir

    return cache.cache_path(cache.stamp(default_data_dir()))


def _same_records(kb, other) -> bool:
    return all(getattr(kb, name) == getattr(other, name) for name in TABLES)


def _with_payload(payload: bytes, blob: bytes) -> bytes:
    """A cache file whose header is consistent with `payload` (checksum and size recomputed)."""
    header = json.loads(blob.partition(b"\n")[0])
    header.update(crc32=zlib.crc32(payload), size=len(payload))
    return json.dumps(header).encode() + b"\n" + payload


def test_the_cache_holds_every_table_of_the_knowledge_base():
    import msgspec

    from warrantwatch.records.knowledge import KnowledgeBase

    derived = {"source_dir", "country_forms", "name_tables", "evidence"}
    tables = {f.name for f in msgspec.structs.fields(KnowledgeBase)} - derived
    assert tables == set(cache.TABLES)


def test_cache_is_json_and_reads_back_the_same_records(cache_env, kb):
    first = bundled.__wrapped__()
    path = _cache_file()
    assert path.parent == cache_env and path.suffix == ".json"
    header, _, payload = path.read_bytes().partition(b"\n")
    assert json.loads(header)["format"] == cache.FORMAT
    assert set(json.loads(payload)) == {*TABLES, "country_forms", "name_tables", "evidence"}
    again = bundled.__wrapped__()
    assert _same_records(again, kb) and _same_records(first, kb)
    assert again.country_forms["MNG"] == first.country_forms["MNG"]


def _crafted(kind: str, valid: bytes, marker: Path) -> bytes:
    header, _, payload = valid.partition(b"\n")
    evil = pickle.dumps(_WritesMarker(marker))
    match kind:
        case "pickle":
            return evil
        case "pickle-after-header":
            return header + b"\n" + evil
        case "truncated":
            return valid[: len(valid) // 2]
        case "header-only":
            return header
        case "empty":
            return b""
        case "wrong-hash":
            return header + b"\n" + payload.replace(b'"MNG"', b'"MNX"', 1)
        case "wrong-types":  # consistent hash, but a bool where a text is due
            return _with_payload(payload.replace(b'"name":"Mongolia"', b'"name":true', 1), valid)
        case "bad-date":
            return _with_payload(payload.replace(b'[2002,7,1]', b'[2002,13,1]', 1), valid)
        case "bad-enum":
            return _with_payload(payload.replace(b'"kind":"occurred"', b'"kind":"exec"', 1), valid)
        case "unknown-field":
            return _with_payload(payload.replace(b'{"states":', b'{"__reduce__":1,"states":', 1), valid)
        case "deep-nesting":
            return _with_payload(b"[" * 100_000 + b"]" * 100_000, valid)
        case "not-utf8":
            return header + b"\n\xff\xfe" + payload[2:]
        case "other-format":
            return valid.replace(b'"format":5', b'"format":4', 1)
        case "other-stamp":
            return valid.replace(b'"stamp":"', b'"stamp":"0', 1)
    raise AssertionError(kind)


CRAFTED = ["pickle", "pickle-after-header", "truncated", "header-only", "empty", "wrong-hash",
           "wrong-types", "bad-date", "bad-enum", "unknown-field", "deep-nesting", "not-utf8",
           "other-format", "other-stamp"]


@pytest.mark.parametrize("kind", CRAFTED)
def test_a_crafted_cache_runs_nothing_and_is_rebuilt(kind, cache_env, tmp_path, kb, capsys):
    bundled.__wrapped__()
    path = _cache_file()
    marker = tmp_path / "marker"
    crafted = _crafted(kind, path.read_bytes(), marker)
    path.write_bytes(crafted)
    (cache_env / f"{path.stem}.pickle").write_bytes(pickle.dumps(_WritesMarker(marker)))  # old name
    stamp = cache.stamp(kb.source_dir)
    assert cache.read(path, stamp, kb.source_dir) is None  # refused, not read
    rebuilt = bundled.__wrapped__()
    assert _same_records(rebuilt, kb)
    assert not marker.exists()
    assert cache.read(path, stamp, kb.source_dir) is not None  # rewritten, trusted again
    assert not list(cache_env.glob("*.pickle"))  # the unsafe legacy files are removed


def test_a_cache_that_cannot_be_read_or_written_only_costs_time(cache_env, kb, monkeypatch):
    path = _cache_file()
    path.mkdir(parents=True)  # a directory where the file should be: neither read nor replaced
    assert _same_records(bundled.__wrapped__(), kb)
    huge = cache_env / "huge"
    monkeypatch.setattr(cache, "MAX_BYTES", 10)
    huge.write_bytes(b"x" * 11)
    assert cache.read(huge, cache.stamp(kb.source_dir), kb.source_dir) is None


def test_the_command_line_survives_a_crafted_pickle_cache(tmp_path):
    """The real entry point in a fresh process, with every cache file name a pickle payload."""
    cache_root = tmp_path / "cache"
    env = {**os.environ, "WARRANTWATCH_CACHE": str(cache_root)}
    args = [sys.executable, "-c", "from warrantwatch.cli import main; main()",
            "check", "putin", "mongolia", "--on", "2024-09-03", "--json"]
    subprocess.run(args, env=env, check=True, capture_output=True, timeout=120)
    marker = tmp_path / "marker"
    for path in (cache_root / "warrantwatch").glob("kb-*"):
        path.write_bytes(pickle.dumps(_WritesMarker(marker)))
        path.with_suffix(".pickle").write_bytes(pickle.dumps(_WritesMarker(marker)))
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "OBLIGED"
    assert not marker.exists()
    assert main(["check", "putin", "mongolia", "--on", "2024-09-03"]) == 0



# Which cache belongs to the files: their names, sizes, inodes and times (cache.stamp), and their
# contents where those times are too recent to vouch for them (cache.RACY_NS).

@pytest.fixture
def own_data(data_copy, cache_env, monkeypatch):
    monkeypatch.setenv("WARRANTWATCH_DATA", str(data_copy))
    return data_copy


def _rename_mongolia(data: Path) -> None:
    """An edit of the same number of bytes, the file's modification time set back as it was."""
    path = data / "states.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert text.count("name: Mongolia\n") == 1
    path.write_text(text.replace("name: Mongolia\n", "name: Mongolix\n"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def _header(path: Path) -> dict:
    return json.loads(path.read_bytes().partition(b"\n")[0])


def test_an_edit_that_keeps_size_and_modification_time_is_seen(own_data, monkeypatch):
    monkeypatch.setattr(cache, "RACY_NS", 0)  # the times trusted at once: the edit must show in them
    assert bundled.__wrapped__().state_by_code["MNG"].name == "Mongolia"
    assert not cache._racy(cache.Header(**_header(_cache_file())))
    _rename_mongolia(own_data)  # its change time (ctime) moves: no tool can set that back
    assert bundled.__wrapped__().state_by_code["MNG"].name == "Mongolix"


def test_when_the_times_cannot_vouch_for_the_files_their_contents_decide(own_data, monkeypatch):
    """Two writes within one tick of the file system's clock can leave a file's times as they were:
    an input changed less than RACY_NS before the build is checked by its bytes."""
    assert bundled.__wrapped__().state_by_code["MNG"].name == "Mongolia"  # copied just now: racy
    frozen = cache.stamp(own_data)
    assert cache._racy(cache.Header(**_header(cache.cache_path(frozen))))
    _rename_mongolia(own_data)
    monkeypatch.setattr(cache, "stamp", lambda data_dir: frozen)  # as if the times had not moved
    assert bundled.__wrapped__().state_by_code["MNG"].name == "Mongolix"


def test_a_verified_cache_is_stamped_again_once_its_files_are_old_enough(own_data, monkeypatch):
    bundled.__wrapped__()
    stamp = cache.stamp(own_data)
    path = cache.cache_path(stamp)
    too_soon = stamp.newest + 1
    assert cache.read(path, stamp, own_data, too_soon) is not None  # verified by contents
    assert cache._racy(cache.Header(**_header(path)))  # and not stamped again: too soon
    later = stamp.newest + cache.RACY_NS + 1
    assert cache.read(path, stamp, own_data, later) is not None
    assert _header(path)["built"] == later and not cache._racy(cache.Header(**_header(path)))

    def no_reading(data_dir):
        raise AssertionError("the contents were read although the times vouch for them")

    monkeypatch.setattr(cache, "fingerprint", no_reading)
    assert cache.read(path, stamp, own_data) is not None


def test_files_that_change_while_they_are_read_are_not_cached(own_data, cache_env):
    from warrantwatch.records.knowledge import load

    def build():
        kb = load(own_data)
        _rename_mongolia(own_data)
        return kb

    tables, kb = cache.load(own_data, build)
    assert tables is None and kb.state_by_code["MNG"].name == "Mongolia"
    assert not list(cache_env.glob("kb-*.json"))
    assert bundled.__wrapped__().state_by_code["MNG"].name == "Mongolix"


def test_the_command_line_never_answers_from_an_old_cache(data_copy, tmp_path):
    """Whole processes, as a user edits a data file between two commands."""
    env = {**os.environ, "WARRANTWATCH_CACHE": str(tmp_path / "cache"), "WARRANTWATCH_DATA": str(data_copy)}
    args = [sys.executable, "-c", "from warrantwatch.cli import main; main()",
            "check", "putin", "MNG", "--on", "2024-09-03", "--json"]
    names = []
    for edit in (None, _rename_mongolia, None):
        if edit:
            edit(data_copy)
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=True)
        names.append(json.loads(done.stdout)["state_name"])
    assert names == ["Mongolia", "Mongolix", "Mongolix"]
    assert len(list((tmp_path / "cache" / "warrantwatch").glob("kb-*.json"))) == 2

# The frame cache of maps (maps.framecache): numpy arrays read without pickle, verified by hash.

def _seed_frame():
    from warrantwatch.maps.locator import choose_frame

    return choose_frame(["RUS", "MNG"], 1600, 1000)


def _forget_in_memory() -> None:
    from warrantwatch.maps import layers, raster, render

    render._projected.cache_clear()
    render._label_place.cache_clear()
    raster.forget_paths()
    layers.forget_layers()  # a second draw in one process would use measured layers


def test_frame_cache_gives_the_same_map_and_survives_crafted_files(cache_env, tmp_path):
    from warrantwatch.maps import framecache, render
    from warrantwatch.maps.geometry import level_for
    from warrantwatch.maps.locator import locator_map

    _forget_in_memory()
    made = locator_map("RUS", "MNG")
    first, svg = made.png(), made.svg
    frame = _seed_frame()
    level = level_for(frame)
    drawing = cache_env / "frames" / f"{framecache.key(level, frame)}.frame"
    rings = drawing.with_suffix(".npz")
    assert drawing.exists() and framecache.read(level, frame) is not None
    assert rings.exists() and framecache.read_rings(level, frame) is not None
    outlined = set(render._project(level, frame)[0].by_area)
    _forget_in_memory()
    again = locator_map("RUS", "MNG")
    assert again.svg == svg and again.png() == first  # drawn from the disk: the same bytes

    marker = tmp_path / "marker"
    evil_npz = tmp_path / "evil.npz"
    import numpy as np

    np.savez(evil_npz, points=np.array([_WritesMarker(marker)], dtype=object))
    for path, reader in ((drawing, framecache.read), (rings, framecache.read_rings)):
        valid = path.read_bytes()
        middle = len(valid) // 2
        for crafted in (pickle.dumps(_WritesMarker(marker)), evil_npz.read_bytes(), valid[:middle],
                        valid[:middle] + bytes([valid[middle] ^ 1]) + valid[middle + 1:], b""):
            path.write_bytes(crafted)
            (cache_env / "frames" / f"{framecache.key(level, frame)}.labels.json").write_text('{"1": "x"}')
            assert reader(level, frame) is None or crafted == valid
            assert framecache.labels(level, frame) == {}
            _forget_in_memory()
            again = locator_map("RUS", "MNG")  # labels placed again: the rings are read or projected
            assert again.svg == svg and again.png() == first
            assert set(render._projected(level, frame).by_area) == outlined
            assert not marker.exists()
        path.write_bytes(valid)


def test_skia_paths_written_without_skia_are_skias_own(cache_env):
    """The frame cache's paths (`paint.path_bytes`, from the rings) equal Skia's serialisation of
    the path parsed from the SVG text, byte for byte, for a regional and a world frame."""
    from warrantwatch.maps import paint, render
    from warrantwatch.maps.framing import world_frame
    from warrantwatch.maps.geometry import level_for

    assert paint._serial_format_ok()
    for frame in (_seed_frame(), world_frame(800)):
        level = level_for(frame)
        projected, paths = render._project(level, frame)
        drawn = {i for i, d in projected.d_of.items() if d}
        assert set(paths) == drawn and len(drawn) > 50
        assert all(paths[i] == paint.serialise(projected.d_of[i]) for i in drawn)


def test_a_map_from_the_frame_cache_loads_no_numpy_shapely_or_outlines(cache_env, tmp_path):
    """The second `warrantwatch map` of a frame draws from the frame cache alone, the same PNG."""
    script = ("import sys; from warrantwatch.cli import main; code = main(sys.argv[1:]); "
              "print(sorted(m for m in ('numpy', 'shapely', 'pyproj', 'geopandas') if m in sys.modules)); "
              "sys.exit(code)")
    outputs = []
    for run in range(2):
        out = tmp_path / f"map{run}.png"
        done = subprocess.run([sys.executable, "-c", script, "map", "--home", "RUS", "--host", "MNG", "-o", str(out)],
                              capture_output=True, text=True, timeout=120, env=os.environ.copy())
        assert done.returncode == 0, done.stderr
        outputs.append((done.stdout.strip().splitlines()[-1], out.read_bytes()))
    assert outputs[0][0] != "[]"  # the first run projects the outlines (numpy, shapely for labels)
    assert outputs[1][0] == "[]"
    assert outputs[1][1] == outputs[0][1]


def test_without_a_home_nothing_is_cached_and_everything_works(monkeypatch, kb):
    from pathlib import Path

    from warrantwatch.maps import render
    from warrantwatch.maps.locator import locator_map

    def no_home():
        raise RuntimeError("Could not determine home directory")

    monkeypatch.delenv("WARRANTWATCH_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache.cache_dir() is None
    assert _same_records(bundled.__wrapped__(), kb)
    render._projected.cache_clear()
    render._label_place.cache_clear()
    assert locator_map("RUS", "MNG", width=400, height=250).png().startswith(b"\x89PNG")


def test_what_the_cache_derives_is_what_the_records_give(cache_env, kb):
    """The name indexes and evidence grades read from the cache equal those built from the
    validated records (records.resolve, records.sources)."""
    from warrantwatch.records.knowledge import load
    from warrantwatch.records.resolve import person_index, state_index
    from warrantwatch.records.sources import Grader

    bundled.__wrapped__()  # writes the cache
    cached = bundled.__wrapped__()
    assert cached.name_tables is not None and cached.evidence is not None
    fresh = load(kb.source_dir)
    assert fresh.name_tables is None and fresh.evidence is None
    assert state_index(cached) == state_index(fresh) and person_index(cached) == person_index(fresh)
    graded = Grader(fresh.source_rules)
    for name in cache.GRADED:
        for record in getattr(cached, name):
            assert cached.grader.of(record) is graded.of(record)
    assert any(cached.grader.of(v).value == "single_source" for v in cached.visits)


def test_old_caches_are_pruned_so_edits_do_not_fill_the_disk(cache_env, kb):
    cache_env.mkdir(parents=True)
    stale = []
    for age in range(cache.MAX_CACHES + 5):  # caches of earlier edits, the oldest last
        old = cache_env / f"kb-{age:024x}.json"
        old.write_bytes(b"{}\n")
        os.utime(old, ns=(1_000_000_000 * (10_000 - age),) * 2)
        stale.append(old)
    unrelated = cache_env / "notes.json"
    unrelated.write_text("{}")
    assert _same_records(bundled.__wrapped__(), kb)  # builds and writes this checkout's cache
    left = sorted(cache_env.glob("kb-*.json"))
    assert len(left) == cache.MAX_CACHES
    assert _cache_file() in left
    assert [p for p in stale if p.exists()] == stale[:cache.MAX_CACHES - 1]  # the newest stay
    assert unrelated.exists()
