"""The locator map: a home state and a host state, framed together, for a news story or a filing."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import TYPE_CHECKING

from warrantwatch.errors import WarrantWatchError
from warrantwatch.maps import framecache
from warrantwatch.maps.caption import join_words, region_phrase
from warrantwatch.maps.geometry import Frame
from warrantwatch.maps.palette import OUTCOME_LABELS
from warrantwatch.maps.palette import palette as get_palette
from warrantwatch.maps.render import Label, Map, Scene, render, with_desc
from warrantwatch.records.knowledge import KnowledgeBase, bundled
from warrantwatch.records.resolve import resolver_for

if TYPE_CHECKING:
    import numpy as np  # imported where used: a map whose frame was chosen before needs no numpy

# What the border policy does that a reader of a map showing this spot should be told.
POLICY_NOTES = (
    (34.1, 45.0, "Crimea is shown as part of Ukraine"),
    (35.8, 33.0, "the Golan Heights as part of Syria"),
    (35.25, 31.9, "the West Bank with East Jerusalem, and Gaza, as Palestine"),
    (33.6, 35.25, "northern Cyprus as part of Cyprus"),
    (41.0, 43.0, "Abkhazia and South Ossetia as part of Georgia"),
    (29.5, 47.0, "Transnistria as part of Moldova"),
    (45.0, 9.5, "Somaliland as part of Somalia"),
    (-13.0, 24.5, "Western Sahara as a territory of undetermined status"),
    (21.0, 42.6, "Kosovo separately"),
    (121.0, 23.7, "Taiwan separately"),
    (75.0, 34.5, "Kashmir along the lines of actual control"),
)


def policy_sentence(frame: Frame) -> str:
    """The border choices visible in the frame, as one sentence (for alt text and filings)."""
    notes = _frame_words(frame, "policy")
    return "Borders follow UN positions: " + join_words(notes) + "." if notes else ""


def _policy_notes(frame: Frame) -> list[str]:
    notes = []
    for lon, lat, text in POLICY_NOTES:
        x, y = frame.lonlat_to_px(lon, lat)
        if 0 <= x[0] <= frame.width and 0 <= y[0] <= frame.height:
            notes.append(text)
    return notes


@lru_cache(maxsize=256)
def _frame_words(frame: Frame, kind: str) -> list[str]:
    """What a frame's captions say about it: "regions", the region words with a good share of its
    land (`_regions_ranked`), or "policy", the border choices it shows; kept on disk
    (`framecache.remember`), as they take numpy (and the regions the world's outlines) to find."""
    stored = framecache.recall(kind, repr(frame))
    if isinstance(stored, list) and all(isinstance(w, str) for w in stored):
        return stored
    words = _regions_ranked(frame) if kind == "regions" else _policy_notes(frame)
    framecache.remember(kind, repr(frame), words)
    return words


def resolve_state(kb: KnowledgeBase, name: str) -> str:
    return resolver_for(kb).state(name)


def parse_extent(text: str | tuple | None) -> tuple[float, float, float, float] | None:
    """"west,south,east,north" in degrees (east < west crosses the antimeridian)."""
    if text is None or isinstance(text, tuple):
        return text
    try:
        values = tuple(float(v) for v in text.replace(" ", "").split(","))
    except ValueError:
        values = ()
    if len(values) != 4:
        raise WarrantWatchError(f"bad extent {text!r}: give west,south,east,north in degrees, "
                                "e.g. -25,30,60,72")
    west, south, east, north = values
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south < north <= 90):
        raise WarrantWatchError(f"bad extent {text!r}: longitudes within ±180, south < north within ±90")
    return west, south, east, north


def choose_frame(codes: list[str], width: int, height: int, extent=None,
                 projection: str | None = None) -> Frame:
    from warrantwatch.maps.projection import PROJECTIONS

    if projection is not None and projection not in PROJECTIONS:
        raise WarrantWatchError(f"unknown projection {projection!r}; one of: {', '.join(PROJECTIONS)}")
    return _chosen(tuple(codes), width, height, tuple(extent) if extent is not None else None, projection)


@lru_cache(maxsize=256)
def _chosen(codes: tuple[str, ...], width: int, height: int, extent, projection: str | None) -> Frame:
    """The frame for these states (or this extent): from memory, else from disk (the choice takes
    the states' outlines and numpy; `framecache.remember`), else chosen."""
    inputs = json.dumps([list(codes), width, height, extent, projection])
    frame = _frame_of(framecache.recall("frame", inputs), width, height)
    if frame is None:
        chosen = _choose(list(codes), width, height, extent, projection)
        p = chosen.projection
        # Through JSON and back, as the next process reads it: the same numbers (plain floats, not
        # numpy's), so the same frame and the same frame-cache key in both.
        stored = json.loads(json.dumps({"projection": p.name, "lon0": p.lon0, "lat0": p.lat0, "x0": chosen.x0,
                                        "y0": chosen.y0, "x1": chosen.x1, "y1": chosen.y1}))
        frame = _frame_of(stored, width, height)
        if frame is None or frame != chosen:  # cannot happen; if it did, nothing is kept
            return chosen
        framecache.remember("frame", inputs, stored)
    return frame


def _frame_of(stored, width: int, height: int) -> Frame | None:
    """A frame as `_chosen` keeps it, or None if what is stored is not one."""
    from warrantwatch.maps.projection import PROJECTIONS

    names = ("lon0", "lat0", "x0", "y0", "x1", "y1")
    if not (isinstance(stored, dict) and stored.get("projection") in PROJECTIONS
            and all(type(stored.get(k)) in (int, float) and math.isfinite(stored[k]) for k in names)):
        return None
    return Frame(PROJECTIONS[stored["projection"]](lon0=stored["lon0"], lat0=stored["lat0"]), stored["x0"],
                 stored["y0"], stored["x1"], stored["y1"], width, height)


def _choose(codes: list[str], width: int, height: int, extent=None, projection: str | None = None) -> Frame:
    import numpy as np

    from warrantwatch.maps.framing import extent_points, frame_for, main_parts

    if extent is not None:
        return frame_for(extent_points(extent), width, height, projection, pad=0.0, min_span=0.0)
    points = np.concatenate([main_parts(c) for c in codes])
    return frame_for(points, width, height, projection)


def locator_map(home: str, host: str, *, kb: KnowledgeBase | None = None, palette: str = "story",
                width: int = 1600, height: int = 1000, extent=None, projection: str | None = None,
                title: str | None = None, outcome: str | None = None) -> Map:
    """`locator_map("RUS", "MNG")`: home state and host state, framed together, labelled.

    `outcome` (an Outcome name, from the engine's assessment of the visit) colours the host by what
    it means everywhere (green: bound to arrest; grey: no duty; ...); without it the host takes the
    palette's neutral host colour, which no outcome uses. When home and host are the same state (an
    arrest at home) the map shows that one state, in the home colour (the outcome is the brief's text)."""
    kb = kb or bundled()
    home_code, host_code = resolve_state(kb, home), resolve_state(kb, host)
    pal = get_palette(palette)
    _check_outcome(pal, outcome)
    names = {c: kb.state_by_code[c].name for c in (home_code, host_code)}
    codes = [home_code] if home_code == host_code else [home_code, host_code]
    frame = choose_frame(codes, width, height, parse_extent(extent), projection)
    world = _is_world(frame)
    host_cls = f"o-{outcome}" if outcome else "host"
    if home_code == host_code:
        fills = {home_code: "home"}
        labels = (Label(home_code, names[home_code]),)
        legend = (("home", f"{names[home_code]} (home state, where the event took place)"),
                  ("other", "other states and territories"))
        doc_title = names[home_code]
    else:
        fills = {home_code: "home", host_code: host_cls}
        labels = (Label(home_code, names[home_code]), Label(host_code, names[host_code]))
        host_meaning = f": {OUTCOME_LABELS[outcome]}" if outcome else ""
        legend = (("home", f"{names[home_code]} (home state)"),
                  (host_cls, f"{names[host_code]} (host state){host_meaning}"),
                  ("other", "other states and territories"))
        doc_title = f"{names[home_code]} and {names[host_code]}"
    scene = Scene(
        frame=frame, palette=pal, fills=fills,
        colours={"home": pal.home, host_cls: pal.outcomes[outcome] if outcome else pal.host, "other": pal.land},
        doc_title=doc_title, desc="", outline=tuple(codes), labels=labels, legend=legend,
        title=title, world=world)
    first = render(scene)
    if extent is None and projection is None:
        caption, alt = locator_text(home_code, host_code, palette, width, height, kb=kb, outcome=outcome)
    else:
        caption, alt = _texts(names[home_code], names[host_code], home_code == host_code, pal, frame,
                              region_phrase(first.regions, world), outcome)
    return Map(with_desc(first.svg, alt), caption, alt, width, height, frame)


def _check_outcome(pal, outcome: str | None) -> None:
    if outcome is not None and outcome not in pal.outcomes:
        raise WarrantWatchError(f"unknown outcome {outcome!r}; one of: {', '.join(pal.outcomes)}")


def _is_world(frame: Frame) -> bool:
    return frame.projection.name != "azimuthal" and frame.x1 - frame.x0 > 4.0


def _texts(home: str, host: str, one: bool, pal, frame: Frame, regions: str,
           outcome: str | None = None) -> tuple[str, str]:
    """Caption and alt text, in the palette's words: the host's colour and, with an outcome, what it
    means (the same words as the map's legend)."""
    where = f"Map of {regions} ({frame.projection.describe()}). "
    if one:
        caption = (f"A map highlighting {home} (in {pal.home_word}), the home state, where the event "
                   f"took place, with other states in grey.")
        alt = (where + f"{home}, the home state and where the event took place, is shaded {pal.home_word} "
               f"and labelled. Other states are grey and the sea light blue. " + policy_sentence(frame))
    else:
        host_words = f"{pal.outcome_words[outcome]}, {OUTCOME_LABELS[outcome]}" if outcome else pal.host_word
        caption = (f"A map highlighting {home} (in {pal.home_word}) and {host} (in {host_words}), with other "
                   f"states in grey.")
        alt = (where + f"{home}, the home state, is shaded {pal.home_word}; {host}, the host "
               f"state, is shaded {host_words}; both are labelled. Other states are grey and the sea "
               f"light blue. " + policy_sentence(frame))
    return caption, alt.strip()


@lru_cache(maxsize=4096)
def _cached_text(home_code: str, host_code: str, palette: str, width: int, height: int,
                 kb: KnowledgeBase, outcome: str | None = None) -> tuple[str, str]:
    pal = get_palette(palette)
    codes = [home_code] if home_code == host_code else [home_code, host_code]
    frame = choose_frame(codes, width, height)
    regions = region_phrase(_frame_words(frame, "regions"), _is_world(frame))
    return _texts(kb.state_by_code[home_code].name, kb.state_by_code[host_code].name, home_code == host_code,
                  pal, frame, regions, outcome)


@lru_cache(maxsize=1)
def _land_samples() -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[str, ...]]:
    """Every vertex of the coarsest outlines' exteriors with a share of its ring's area (the
    equal-area projections keep these shares), and the index of its region word. All rings at once
    (one shoelace sum per ring with `np.add.reduceat`), not ring by ring."""
    import numpy as np

    from warrantwatch.geo.boundaries import load

    b = load("110m")
    names: dict[str, int] = {}
    region_of_area = np.array([names.setdefault(a.region, len(names))
                               if a.region and a.region not in ("the oceans", "Antarctica") else -1
                               for a in b.areas], dtype=np.int64)
    starts, ends = b.ring_start[:-1], b.ring_start[1:]
    rings = np.flatnonzero(b.ring_is_exterior & (region_of_area[b.ring_area] >= 0) & (ends - starts >= 3))
    sizes = ends[rings] - starts[rings]
    take = np.repeat(starts[rings] - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes) + np.arange(sizes.sum())
    xy = b.xy[take]
    x, y = xy[:, 0], xy[:, 1]
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    nxt = np.arange(1, len(xy) + 1)
    nxt[first + sizes - 1] = first  # each ring's last vertex is followed by its first
    cross = np.add.reduceat(x * y[nxt], first) - np.add.reduceat(y * x[nxt], first)
    mean_lat = np.add.reduceat(y, first) / sizes
    true_area = 0.5 * np.abs(cross) * np.maximum(0.05, np.cos(np.radians(mean_lat)))
    weight = np.repeat(true_area / sizes, sizes)
    region = np.repeat(region_of_area[b.ring_area[rings]], sizes)
    # Region words numbered in the order the rings first show them (as the captions always had).
    order = list(dict.fromkeys(region.tolist()))
    renumber = np.zeros(len(names), dtype=np.int64)
    renumber[order] = np.arange(len(order))
    by_number = {v: k for k, v in names.items()}
    return x, y, weight, renumber[region], tuple(by_number[i] for i in order)  # type: ignore[return-value]


def _regions_ranked(frame: Frame, share: float = 0.15) -> list[str]:
    """The region words with at least `share` of the land in the frame, largest first (at most
    three), measured on sample points of the coarsest outlines instead of drawing them: the same
    words for the drawn map and for a brief that writes only the text."""
    import numpy as np

    lon, lat, weight, region, names = _land_samples()
    x, y = frame.lonlat_to_px(lon, lat)
    inside = np.isfinite(x) & np.isfinite(y) & (x >= 0) & (x <= frame.width) & (y >= 0) & (y <= frame.height)
    land = np.bincount(region[inside], weights=weight[inside], minlength=len(names))
    whole = land.sum() or 1.0
    return [names[i] for i in np.argsort(-land, kind="stable") if land[i] / whole >= share][:3]


def locator_text(home: str, host: str, palette: str = "story", width: int = 1600, height: int = 1000, *,
                 kb: KnowledgeBase | None = None, outcome: str | None = None) -> tuple[str, str]:
    """The caption and alt text of `locator_map(home, host, outcome=...)`, without drawing it (a brief
    in JSON): the same palette words (the host's outcome colour and meaning) as the drawn map."""
    kb = kb or bundled()
    _check_outcome(get_palette(palette), outcome)
    return _cached_text(resolve_state(kb, home), resolve_state(kb, host), palette, width, height, kb, outcome)
