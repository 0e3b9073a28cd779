"""A frame's projected outlines, drawing data and label places, kept on disk between processes.

Every `warrantwatch map` is a new process; without this, each one loads the boundaries, projects,
thins and writes out the outlines of its frame again, parses that path data back into Skia paths,
and imports shapely to place labels. The result for a frame depends only on the boundaries, the
frame and the code that computes it, so it is kept under `<cache>/warrantwatch/frames/` (the
knowledge-base cache's folder, `records.cache.cache_dir`):

- `<key>.frame`: what drawing the frame needs, read without numpy, shapely or pyproj: the SVG path
  data of each area, the area each shows (px²), the dots of areas smaller than a pixel, the marker
  point of each small area, and Skia's serialised path of each area (`paint.path_bytes`, read back
  with `readFromMemory`, which checks the bytes; no parsing of path text). Layout: b"WWF2", the
  BLAKE2b-256 of the rest, a 4-byte length, that much JSON, then the paths' bytes;
- `<key>.npz`: the rings themselves (numpy arrays only, read with `allow_pickle=False`: nothing in
  it can run code, and a hash of the arrays), loaded only when a new label must be placed or a
  route drawn;
- `<key>.labels.json`: where each label asked for so far goes;
- `choice-<key>.json`: small results that depend on the boundaries and the code only (the frame
  chosen for a pair of states, the region words of a frame), `remember` / `recall`.

The key hashes the level, the frame (projection, extent, size), the boundaries file and the code
of the modules that compute these. Anything in doubt (unreadable, another shape, a wrong hash)
means computing afresh, silently; at most `MAX_FRAMES` frames are kept (the oldest go first).
"""

from __future__ import annotations

import io
import json
import os
import struct
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np  # imported where used: drawing from the frame cache needs no numpy

FORMAT = 2
MAX_FRAMES = 64
MAX_CHOICES = 512
_MAGIC = b"WWF2"
_CODE = ("framecache.py", "framing.py", "geometry.py", "locator.py", "paint.py", "projection.py", "render.py",
         "svg.py", "caption.py")
_ARRAYS = ("points", "ring_offsets", "ring_area", "ring_exterior")


def _hash(data: bytes = b""):
    """BLAKE2b-256: catches truncated and corrupted files (not forgery: whoever can write the cache
    folder can write anything the user runs); CPython's own, no OpenSSL to load, ~4× SHA-256's speed."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover (other Pythons)
        from hashlib import blake2b
    return blake2b(data, digest_size=32)


def _folder() -> Path:
    """The frames' folder; an OSError when there is no cache folder (nothing is then kept)."""
    from warrantwatch.records.cache import cache_dir

    base = cache_dir()
    if base is None:
        raise OSError("no cache folder")
    return base / "frames"


@lru_cache(maxsize=1)
def _stamp() -> bytes:
    """What every entry depends on besides its own inputs: this code and the boundaries file."""
    from warrantwatch.geo.boundaries import DATA

    digest = _hash(f"frames {FORMAT}\0".encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    boundaries = DATA / "boundaries.npz"
    stat = os.stat(boundaries)
    digest.update(f"{boundaries}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.digest()


@lru_cache(maxsize=256)
def key(level: str, frame) -> str:
    return _hash(_stamp() + f"\0{level}\0{frame!r}\0".encode()).hexdigest()[:32]


# The frame: drawing data (no numpy needed to read it) --------------------------------------------

def read(level: str, frame) -> dict[str, Any] | None:
    """The frame's drawing data from disk: areas, size_px, dots, markers, d_of, paths; or None."""
    try:
        data = (_folder() / f"{key(level, frame)}.frame").read_bytes()
        if data[:4] != _MAGIC or _hash(data[36:]).digest() != data[4:36]:
            return None
        (length,) = struct.unpack_from(">I", data, 36)
        head = json.loads(data[40:40 + length].decode("utf-8"))
        blob = memoryview(data)[40 + length:]
        areas = [int(i) for i in head["areas"]]
        out = {
            "areas": frozenset(areas),
            "size_px": {int(i): float(v) for i, v in head["size_px"]},
            "dots": {int(i): (float(x), float(y)) for i, x, y in head["dots"]},
            "markers": {int(i): (float(x), float(y)) for i, x, y in head["markers"]},
            "d_of": {int(i): d for i, d in head["d"]},
            "paths": {},
        }
        for i, start, size in head["paths"]:
            if not (min(start, size) >= 0 and start + size <= len(blob)):
                return None
            out["paths"][int(i)] = bytes(blob[start:start + size])  # (Skia misreads a memoryview slice)
        if set(out["d_of"]) != out["areas"] or not all(isinstance(d, str) for d in out["d_of"].values()):
            return None
        return out
    except Exception:  # a cache in doubt is recomputed, whatever the doubt (ValueError, KeyError, ...)
        return None


def write(level: str, frame, *, by_area, size_px, dots, markers, d_of, paths) -> None:
    """Keep the frame on disk (atomically); a read-only or full disk only costs time later."""
    import numpy as np

    from warrantwatch.records.atomic import write_atomically_bytes

    blob, spans = bytearray(), []
    for i, data in paths.items():
        spans.append([i, len(blob), len(data)])
        blob += data
    head = json.dumps({
        "areas": sorted(by_area), "size_px": [[i, v] for i, v in size_px.items()],
        "dots": [[i, x, y] for i, (x, y) in dots.items()],
        "markers": [[i, x, y] for i, (x, y) in markers.items()],
        "d": [[i, d] for i, d in d_of.items()], "paths": spans,
    }).encode("utf-8")
    payload = struct.pack(">I", len(head)) + head + bytes(blob)
    rings = [(area, ring, exterior) for area, parts in by_area.items() for ring, exterior in parts]
    sizes = np.array([len(r) for _, r, _ in rings], dtype=np.int64)
    arrays = {
        "points": np.concatenate([r for _, r, _ in rings]) if rings else np.zeros((0, 2)),
        "ring_offsets": np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
        "ring_area": np.array([a for a, _, _ in rings], dtype=np.int64),
        "ring_exterior": np.array([e for _, _, e in rings], dtype=bool),
    }
    buffer = io.BytesIO()
    np.savez(buffer, digest=np.array(_digest(arrays)), **arrays)
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        name = key(level, frame)
        write_atomically_bytes(folder / f"{name}.npz", buffer.getvalue(), durable=False)
        write_atomically_bytes(folder / f"{name}.frame", _MAGIC + _hash(payload).digest() + payload,
                               durable=False)
        _prune(folder)
    except OSError:
        pass


# The frame's rings (numpy), for what the drawing data does not hold ---------------------------------

def _digest(arrays: dict[str, np.ndarray]) -> str:
    import numpy as np

    digest = _hash()
    for name in _ARRAYS:
        a = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}:{a.dtype.str}:{a.shape}".encode())
        digest.update(a.tobytes())
    return digest.hexdigest()


def read_rings(level: str, frame) -> dict[int, list[tuple[np.ndarray, bool]]] | None:
    """Each area's rings in pixels (ring, is exterior), from disk; or None."""
    import numpy as np

    try:
        path = _folder() / f"{key(level, frame)}.npz"
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in _ARRAYS}
            stored = str(npz["digest"])
        if stored != _digest(arrays):
            return None
        points, offsets = arrays["points"], arrays["ring_offsets"]
        if points.ndim != 2 or points.shape[1] != 2 or offsets[-1] != len(points):
            return None
        by_area: dict[int, list[tuple[np.ndarray, bool]]] = {}
        for i, (area, exterior) in enumerate(zip(arrays["ring_area"].tolist(), arrays["ring_exterior"].tolist(),
                                                 strict=True)):
            by_area.setdefault(area, []).append((points[offsets[i]:offsets[i + 1]], bool(exterior)))
        return by_area
    except Exception:  # a cache in doubt is recomputed, whatever the doubt (BadZipFile, ...)
        return None


def _prune(folder: Path) -> None:
    frames = sorted(folder.glob("*.frame"), key=lambda p: p.stat().st_mtime)
    for old in frames[:-MAX_FRAMES]:
        for suffix in (".frame", ".npz", ".labels.json"):
            old.with_suffix(suffix).unlink(missing_ok=True)


# Label places --------------------------------------------------------------------------------------

def labels(level: str, frame) -> dict[int, tuple[float, float, float, float] | None]:
    """The label places stored for the frame (each a 4-tuple of numbers, or None: no place)."""
    try:
        raw = json.loads((_folder() / f"{key(level, frame)}.labels.json").read_text(encoding="utf-8"))
        out: dict[int, tuple[float, float, float, float] | None] = {}
        for k, v in raw.items():
            if v is not None and not (isinstance(v, list) and len(v) == 4
                                      and all(isinstance(x, int | float) for x in v)):
                return {}
            out[int(k)] = tuple(float(x) for x in v) if v is not None else None
        return out
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def add_label(level: str, frame, index: int, place: tuple[float, float, float, float] | None) -> None:
    from warrantwatch.records.atomic import write_atomically_bytes

    try:
        folder = _folder()
        if not (folder / f"{key(level, frame)}.frame").exists():
            return  # labels only beside the frame they belong to
        known = labels(level, frame)
        known[index] = place
        text = json.dumps({str(k): (list(v) if v else None) for k, v in known.items()})
        write_atomically_bytes(folder / f"{key(level, frame)}.labels.json", text.encode(), durable=False)
    except OSError:
        pass


# Small results: a frame chosen for some states, the region words of a frame ----------------------------

def _choice_path(kind: str, inputs: str) -> Path:
    name = _hash(_stamp() + f"\0{kind}\0{inputs}".encode()).hexdigest()[:32]
    return _folder() / f"choice-{name}.json"


def recall(kind: str, inputs: str) -> Any:
    """What `remember(kind, inputs, value)` kept (JSON values), or None."""
    try:
        stored = json.loads(_choice_path(kind, inputs).read_text(encoding="utf-8"))
        if isinstance(stored, dict) and stored.get("kind") == kind and stored.get("inputs") == inputs:
            return stored.get("value")
    except (OSError, ValueError):
        pass
    return None


def remember(kind: str, inputs: str, value: Any) -> None:
    from warrantwatch.records.atomic import write_atomically_bytes

    try:
        path = _choice_path(kind, inputs)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"kind": kind, "inputs": inputs, "value": value})
        write_atomically_bytes(path, text.encode(), durable=False)
        choices = sorted(path.parent.glob("choice-*.json"), key=lambda p: p.stat().st_mtime)
        for old in choices[:-MAX_CHOICES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
