"""A frame's projected outlines and label places, kept on disk between processes.

Every `warrantwatch map` is a new process; without this, each one projects, thins and writes out
the outlines of its frame again, and imports shapely to place labels. The result for a frame
depends only on the boundaries, the frame and the code that projects, so it is kept under
`<cache>/warrantwatch/frames/` (the knowledge-base cache's folder, `records.cache.cache_dir`):

- `<key>.npz`: numpy arrays only, read with `allow_pickle=False` (nothing in it can run code):
  the rings' points and offsets, each ring's area and exterior flag, the areas' sizes and dots,
  the SVG path data of each area (UTF-8 JSON bytes), and a SHA-256 of all of these;
- `<key>.labels.json`: where each label asked for so far goes.

The key hashes the level, the frame (projection, extent, size), the boundaries file and the code
of the modules that compute these. Anything in doubt (unreadable, another shape, a wrong hash)
means computing afresh, silently; at most `MAX_FRAMES` frames are kept (the oldest go first).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import numpy as np

FORMAT = 1
MAX_FRAMES = 64
_CODE = ("framecache.py", "geometry.py", "projection.py", "render.py", "svg.py")
_ARRAYS = ("points", "ring_offsets", "ring_area", "ring_exterior", "size_index", "size_px", "dot_index",
           "dot_xy", "d_json")


def _folder() -> Path:
    """The frames' folder; an OSError when there is no cache folder (nothing is then kept)."""
    from warrantwatch.records.cache import cache_dir

    base = cache_dir()
    if base is None:
        raise OSError("no cache folder")
    return base / "frames"


def key(level: str, frame) -> str:
    from importlib import resources

    digest = hashlib.sha256(f"frame {FORMAT}\0{level}\0{frame!r}\0".encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    boundaries = resources.files("warrantwatch.geo").joinpath("data/boundaries.npz")
    stat = os.stat(str(boundaries))
    digest.update(f"{boundaries}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def _digest(arrays: dict[str, np.ndarray]) -> str:
    digest = hashlib.sha256()
    for name in _ARRAYS:
        a = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}:{a.dtype.str}:{a.shape}".encode())
        digest.update(a.tobytes())
    return digest.hexdigest()


def read(level: str, frame):
    """(by_area, size_px, dots, d_of) of the frame from disk, or None."""
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
        size_px = dict(zip(arrays["size_index"].tolist(), arrays["size_px"].tolist(), strict=True))
        dots = {i: (float(x), float(y)) for i, (x, y) in zip(arrays["dot_index"].tolist(),
                                                             arrays["dot_xy"].tolist(), strict=True)}
        d_of = {int(k): v for k, v in json.loads(arrays["d_json"].tobytes().decode("utf-8")).items()}
        if not all(isinstance(v, str) for v in d_of.values()) or set(d_of) != set(by_area):
            return None
        return by_area, size_px, dots, d_of
    except Exception:  # a cache in doubt is recomputed, whatever the doubt (BadZipFile, ...)
        return None


def write(level: str, frame, by_area, size_px, dots, d_of) -> None:
    """Keep the frame on disk (atomically); a read-only or full disk only costs time later."""
    from warrantwatch.records.canonical import write_atomically_bytes

    rings = [(area, ring, exterior) for area, parts in by_area.items() for ring, exterior in parts]
    sizes = np.array([len(r) for _, r, _ in rings], dtype=np.int64)
    arrays = {
        "points": np.concatenate([r for _, r, _ in rings]) if rings else np.zeros((0, 2)),
        "ring_offsets": np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
        "ring_area": np.array([a for a, _, _ in rings], dtype=np.int64),
        "ring_exterior": np.array([e for _, _, e in rings], dtype=bool),
        "size_index": np.array(list(size_px), dtype=np.int64),
        "size_px": np.array(list(size_px.values()), dtype=np.float64),
        "dot_index": np.array(list(dots), dtype=np.int64),
        "dot_xy": np.array(list(dots.values()), dtype=np.float64).reshape(-1, 2),
        "d_json": np.frombuffer(json.dumps({str(k): v for k, v in d_of.items()}).encode("utf-8"), dtype=np.uint8),
    }
    buffer = io.BytesIO()
    np.savez(buffer, digest=np.array(_digest(arrays)), **arrays)
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically_bytes(folder / f"{key(level, frame)}.npz", buffer.getvalue())
        _prune(folder)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    frames = sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime)
    for old in frames[:-MAX_FRAMES]:
        old.unlink(missing_ok=True)
        old.with_suffix(".labels.json").unlink(missing_ok=True)


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
    from warrantwatch.records.canonical import write_atomically

    try:
        folder = _folder()
        if not (folder / f"{key(level, frame)}.npz").exists():
            return  # labels only beside the frame they belong to
        known = labels(level, frame)
        known[index] = place
        write_atomically(folder / f"{key(level, frame)}.labels.json",
                         json.dumps({str(k): (list(v) if v else None) for k, v in known.items()}))
    except OSError:
        pass
