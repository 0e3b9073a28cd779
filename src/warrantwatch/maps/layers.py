"""Recolourable layers: a run of outlines drawn once per frame, then only recoloured.

Drawing a path with coverage a over a pixel d gives c·a + d·(1 − a): every pixel of a run of
filled and stroked outlines is a weighted sum of the run's colours and of what lay beneath, and
the weights depend on the geometry alone. Maps of one frame (every obligation map of the world,
every map of Russia and Mongolia) share their geometry and differ in colours, so the weights are
worth keeping: a run seen twice is measured once (each outline's coverage rendered by Skia into a
mask) and from then on drawn by a table look-up for the pixels one colour covers wholly and a
weighted sum for the few at edges. The result equals drawing the run outline by outline up to
Skia's 8-bit rounding (tests compare the two).

Under concurrency (the API server draws in many threads) three rules keep memory bounded and answers
stable: a run is measured by one thread only while the others wait for its result (single flight);
the layers kept fit in `BUDGET_BYTES`; and the server fixes, per kind of map, whether a frame is
measured at first sight or never (`measuring`), so that it is never drawn afresh once and recoloured
the next time: the same URL gives the same bytes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

import msgspec

from warrantwatch.maps.paint import colour, fill_paint, parse_path, stroke_paint

if TYPE_CHECKING:
    import numpy as np  # imported where used: drawing from the frame cache needs no numpy

try:  # CPython's own BLAKE2: the same digests as hashlib's, without loading OpenSSL (~3 ms a process)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover (other Pythons)
    from hashlib import blake2b

NEGLIGIBLE = 1 / 1024  # a weight below this changes no 8-bit channel
CACHE_SIZE = 8  # runs kept at most: up to about 16 MB each for a 1600 × 1000 map mostly of land
BUDGET_BYTES = 160 * 2**20  # and at most this much memory for all of them
MAX_PIXELS = 4_000_000  # larger images (posters) are drawn afresh: measuring them would take ~1 GB
_SEEN: OrderedDict[bytes, bool] = OrderedDict()  # runs drawn once, not yet measured
_LAYERS: OrderedDict[bytes, Layer] = OrderedDict()
_MEASURING: dict[bytes, threading.Event] = {}  # runs being measured now, by one thread each
_LOCK = threading.Lock()  # the API server draws in several threads
_POLICY: ContextVar[str] = ContextVar("layer_policy", default="second")


@contextmanager
def measuring(when: str) -> Iterator[None]:
    """Within this block (in this thread or task), when a run is measured: "second" (the default: a
    one-off map does not pay for measuring), "first" (every drawing of a frame takes the same path and
    gives the same pixels: the server's world maps, which share one frame), or "never" (drawn outline
    by outline: the server's locator maps, whose frames are rarely drawn twice)."""
    if when not in ("first", "second", "never"):
        raise ValueError(f"measuring: {when!r}")
    token = _POLICY.set(when)
    try:
        yield
    finally:
        _POLICY.reset(token)


class Run:
    @staticmethod
    def takes(style: dict[str, str]) -> bool:
        """Whether a path with this style can join a recolourable run: opaque fill (or none) and an
        opaque stroke (or none) without dashes."""
        return float(style.get("fill-opacity", 1)) == 1 and not style.get("stroke-dasharray")


class Layer(msgspec.Struct, frozen=True):  # (a Struct: no dataclass code to generate per process)
    """The weights of a run over a canvas. Slot 2i is outline i's fill, slot 2i + 1 its stroke."""

    solid_index: np.ndarray  # (s,) flat indices of the pixels one slot alone colours
    solid_slot: np.ndarray  # (s,) that slot
    mixed_index: np.ndarray  # (m,) flat indices of the pixels that blend colours
    below_weight: np.ndarray  # (m, 1) what lay beneath still shows through this much
    part_pixel: np.ndarray  # (z,) position in mixed_index of each part of a blend
    part_slot: np.ndarray  # (z,)
    part_weight: np.ndarray  # (z, 1)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.solid_index, self.solid_slot, self.mixed_index, self.below_weight,
                                      self.part_pixel, self.part_slot, self.part_weight))

    def paint(self, pixels: np.ndarray, colours: np.ndarray) -> None:
        """Draw onto `pixels` ((h, w, 4) RGBA, opaque) with slot colours ((2n, 3) uint8)."""
        import numpy as np

        h, w, _ = pixels.shape
        rgba = np.empty((len(colours), 4), dtype=np.uint8)
        rgba[:, :3], rgba[:, 3] = colours, 255
        words = rgba.view(np.uint32).ravel()  # a colour as one number: gathers move 4 bytes at once
        pixel_words = pixels.view(np.uint32).reshape(h * w)
        pixel_words[self.solid_index] = words[self.solid_slot]
        if not len(self.mixed_index):
            return
        # same-type arithmetic throughout: numpy is slow at mixing uint8 and float32 while broadcasting
        blend = pixel_words[self.mixed_index].view(np.uint8).reshape(-1, 4).astype(np.float32)
        blend *= self.below_weight
        parts = words[self.part_slot].view(np.uint8).reshape(-1, 4).astype(np.float32)
        parts *= self.part_weight
        for channel in range(3):
            blend[:, channel] += np.bincount(self.part_pixel, weights=parts[:, channel],
                                             minlength=len(self.mixed_index))
        blend[:, 3] = 255
        blend += 0.5
        pixel_words[self.mixed_index] = blend.astype(np.uint8).view(np.uint32).ravel()


def _key(painter, run) -> bytes:
    """A digest of what the run's weights depend on: canvas size, transform and each outline's shape
    and line style (not its colours). A digest, not the tuple itself: that would keep megabytes of
    path data alive per frame."""
    m = painter.canvas.getTotalMatrix()
    h = blake2b(digest_size=20)
    h.update(repr((painter.dims, m.getScaleX(), m.getSkewX(), m.getTranslateX(), m.getSkewY(),
                   m.getScaleY(), m.getTranslateY())).encode())
    for element, style in run:
        h.update(element.get("d", "").encode())
        h.update(repr((style.get("fill-rule") == "evenodd", style.get("fill", "#000000") != "none",
                       style.get("stroke", "none") != "none", style.get("stroke-width"),
                       style.get("stroke-linejoin"), style.get("stroke-linecap"))).encode())
    return h.digest()


def _colours(run) -> np.ndarray:
    import numpy as np

    out = np.zeros((2 * len(run), 3), dtype=np.uint8)
    for i, (_, style) in enumerate(run):
        for slot, value in ((2 * i, style.get("fill", "#000000")), (2 * i + 1, style.get("stroke"))):
            argb = colour(value)
            if argb is not None:
                out[slot] = ((argb >> 16) & 255, (argb >> 8) & 255, argb & 255)
    return out


def draw_run(painter, run) -> None:
    """Draw a run of paths: from its layer if this frame was measured, else outline by outline."""
    h, w, _ = painter.dims
    worth_it = painter.use_layers and not _cheap(run) and h * w <= MAX_PIXELS
    layer = _layer_for(painter, run) if worth_it else None
    if layer is None:
        for element, style in run:
            painter.path(element, style)
    else:
        layer.paint(painter.pixels, _colours(run))


def _layer_for(painter, run) -> Layer | None:
    """The run's layer: None the first time a run is seen (a one-off map should not pay for
    measuring; see `measuring` for the other policies), measured the second time, reused from then on.
    One thread measures a run; the others asking for it meanwhile wait and reuse its result."""
    policy = _POLICY.get()
    if policy == "never":
        return None
    key = _key(painter, run)
    while True:
        with _LOCK:
            layer = _LAYERS.get(key)
            if layer is not None:
                _LAYERS.move_to_end(key)
                return layer
            pending = _MEASURING.get(key)
            if pending is None:
                if policy == "second" and not _SEEN.pop(key, False):
                    _SEEN[key] = True
                    while len(_SEEN) > 4 * CACHE_SIZE:
                        _SEEN.popitem(last=False)
                    return None
                _SEEN.pop(key, None)
                done = _MEASURING[key] = threading.Event()
                break
        pending.wait()  # another thread is measuring this run: wait, then take its layer
    try:
        layer = _measure(painter, run)
        with _LOCK:
            _LAYERS[key] = layer
            _keep_within_budget()
        return layer
    finally:
        with _LOCK:
            del _MEASURING[key]
        done.set()


def _keep_within_budget() -> None:
    """Drop the least recently used layers beyond CACHE_SIZE or BUDGET_BYTES (the newest stays)."""
    total = sum(layer.nbytes for layer in _LAYERS.values())
    while len(_LAYERS) > 1 and (len(_LAYERS) > CACHE_SIZE or total > BUDGET_BYTES):
        _, dropped = _LAYERS.popitem(last=False)
        total -= dropped.nbytes


def cached_bytes() -> int:
    with _LOCK:
        return sum(layer.nbytes for layer in _LAYERS.values())


def _cheap(run) -> bool:
    """A single outline without a stroke: Skia fills it faster than a layer would recolour it."""
    return len(run) == 1 and run[0][1].get("stroke", "none") == "none"


def forget_layers() -> None:
    with _LOCK:
        _SEEN.clear()
        _LAYERS.clear()


def cached_layers() -> int:
    return len(_LAYERS)


def _coverage(path, paint, matrix, box) -> np.ndarray:
    """What `path` drawn with `paint` covers in `box` (x0, y0, x1, y1 device pixels), 0..1."""
    import numpy as np
    import skia

    x0, y0, x1, y1 = box
    mask = np.zeros((y1 - y0, x1 - x0), dtype=np.uint8)
    surface = skia.Surface(mask, skia.ColorType.kAlpha_8_ColorType, skia.AlphaType.kPremul_AlphaType)
    canvas = surface.getCanvas()
    canvas.translate(-x0, -y0)
    canvas.concat(matrix)
    canvas.drawPath(path, paint)
    del canvas, surface
    return mask.astype(np.float32) / 255


def _measure(painter, run) -> Layer:
    """Weights of every slot at every pixel, outline by outline in drawing order."""
    import numpy as np

    h, w, _ = painter.dims
    matrix = painter.canvas.getTotalMatrix()
    below = np.ones((h, w), dtype=np.float32)
    boxes: list[tuple[int, int, int, int]] = []
    weights: list[np.ndarray | None] = []  # per slot, over its outline's box
    for element, style in run:
        path = parse_path(element.get("d", ""), style.get("fill-rule") == "evenodd")
        fill, stroke = fill_paint(style), stroke_paint(style)
        reach = (stroke.getStrokeWidth() if stroke is not None else 0) * max(abs(matrix.getScaleX()), 1e-9)
        r = matrix.mapRect(path.getBounds())
        box = (max(0, int(np.floor(r.left() - reach)) - 2), max(0, int(np.floor(r.top() - reach)) - 2),
               min(w, int(np.ceil(r.right() + reach)) + 2), min(h, int(np.ceil(r.bottom() + reach)) + 2))
        if box[0] >= box[2] or box[1] >= box[3]:
            boxes.append((0, 0, 0, 0))
            weights += [None, None]
            continue
        alpha = _coverage(path, fill, matrix, box) if fill is not None else None
        beta = _coverage(path, stroke, matrix, box) if stroke is not None else None
        keep = np.ones((box[3] - box[1], box[2] - box[0]), dtype=np.float32)
        if alpha is not None:
            keep *= 1 - alpha
        if beta is not None:
            keep *= 1 - beta
        x0, y0, x1, y1 = box
        for i, (bx0, by0, bx1, by1) in enumerate(boxes):  # earlier outlines now partly covered
            ox0, oy0, ox1, oy1 = max(x0, bx0), max(y0, by0), min(x1, bx1), min(y1, by1)
            if ox0 >= ox1 or oy0 >= oy1:
                continue
            part = keep[oy0 - y0:oy1 - y0, ox0 - x0:ox1 - x0]
            for slot in (2 * i, 2 * i + 1):
                if weights[slot] is not None:
                    weights[slot][oy0 - by0:oy1 - by0, ox0 - bx0:ox1 - bx0] *= part
        below[y0:y1, x0:x1] *= keep
        boxes.append(box)
        weights.append(alpha * (1 - beta) if alpha is not None and beta is not None else alpha)
        weights.append(beta)
    return _compact(h, w, below, boxes, weights)


def _compact(h, w, below, boxes, weights) -> Layer:
    import numpy as np

    pixels, slots, values = [], [], []
    for slot, weight in enumerate(weights):
        if weight is None:
            continue
        x0, y0 = boxes[slot // 2][:2]
        ys, xs = np.nonzero(weight > NEGLIGIBLE)
        pixels.append((ys + y0) * w + (xs + x0))
        slots.append(np.full(len(ys), slot, dtype=np.int16))
        values.append(weight[ys, xs])
    pixel = np.concatenate(pixels) if pixels else np.zeros(0, dtype=np.int64)
    slot = np.concatenate(slots) if slots else np.zeros(0, dtype=np.int16)
    value = np.concatenate(values) if values else np.zeros(0, dtype=np.float32)
    below = below.ravel()
    solid_part = (value >= 1 - NEGLIGIBLE) & (below[pixel] <= NEGLIGIBLE)
    solid_slot = np.full(h * w, -1, dtype=np.int16)
    solid_slot[pixel[solid_part]] = slot[solid_part]
    touched = np.zeros(h * w, dtype=bool)
    touched[pixel] = True
    mixed = touched & (solid_slot < 0)
    mixed_index = np.flatnonzero(mixed)
    position = np.full(h * w, -1, dtype=np.int64)
    position[mixed_index] = np.arange(len(mixed_index))
    parts = mixed[pixel]
    solid_index = np.flatnonzero(solid_slot >= 0)
    return Layer(
        solid_index=solid_index.astype(np.intp), solid_slot=solid_slot[solid_index].astype(np.intp),
        mixed_index=mixed_index,
        below_weight=below[mixed_index].astype(np.float32)[:, None], part_pixel=position[pixel[parts]],
        part_slot=slot[parts].astype(np.intp), part_weight=value[parts].astype(np.float32)[:, None],
    )
