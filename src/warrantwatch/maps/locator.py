"""The locator map: a home state and a host state, framed together, for a news story or a filing."""

from __future__ import annotations

import numpy as np

from warrantwatch.errors import WarrantWatchError
from warrantwatch.maps.caption import join_words, region_phrase
from warrantwatch.maps.framing import extent_points, frame_for, main_parts
from warrantwatch.maps.geometry import Frame
from warrantwatch.maps.palette import palette as get_palette
from warrantwatch.maps.render import Label, Map, Scene, render, with_desc
from warrantwatch.records.knowledge import KnowledgeBase, bundled
from warrantwatch.records.resolve import resolver_for

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
    notes = []
    for lon, lat, text in POLICY_NOTES:
        x, y = frame.lonlat_to_px(lon, lat)
        if 0 <= x[0] <= frame.width and 0 <= y[0] <= frame.height:
            notes.append(text)
    return "Borders follow UN positions: " + join_words(notes) + "." if notes else ""


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
    palette's neutral host colour, which no outcome uses."""
    from warrantwatch.maps.palette import OUTCOME_LABELS
    kb = kb or bundled()
    home_code, host_code = resolve_state(kb, home), resolve_state(kb, host)
    if home_code == host_code:
        raise WarrantWatchError(f"home and host are the same state ({home_code})")
    pal = get_palette(palette)
    names = {c: kb.state_by_code[c].name for c in (home_code, host_code)}
    frame = choose_frame([home_code, host_code], width, height, parse_extent(extent), projection)
    world = frame.projection.name != "azimuthal" and frame.x1 - frame.x0 > 4.0
    if outcome is not None and outcome not in pal.outcomes:
        raise WarrantWatchError(f"unknown outcome {outcome!r}; one of: {', '.join(pal.outcomes)}")
    host_cls = f"o-{outcome}" if outcome else "host"
    host_colour = pal.outcomes[outcome] if outcome else pal.host
    host_word = pal.outcome_words[outcome] if outcome else pal.host_word
    host_meaning = f": {OUTCOME_LABELS[outcome]}" if outcome else ""
    host_words = f"{host_word}, {OUTCOME_LABELS[outcome]}" if outcome else host_word
    scene = Scene(
        frame=frame, palette=pal,
        fills={home_code: "home", host_code: host_cls},
        colours={"home": pal.home, host_cls: host_colour, "other": pal.land},
        doc_title=f"{names[home_code]} and {names[host_code]}",
        desc="",
        outline=(home_code, host_code),
        labels=(Label(home_code, names[home_code]), Label(host_code, names[host_code])),
        legend=(("home", f"{names[home_code]} (home state)"),
                (host_cls, f"{names[host_code]} (host state){host_meaning}"),
                ("other", "other states and territories")),
        title=title, world=world)
    caption = (f"A map highlighting {names[home_code]} (in {pal.home_word}) and {names[host_code]} "
               f"(in {host_words}), with other states in grey.")
    first = render(scene)
    alt = (f"Map of {region_phrase(first.regions, world)} ({frame.projection.describe()}). "
           f"{names[home_code]}, the home state, is shaded {pal.home_word}; {names[host_code]}, the host "
           f"state, is shaded {host_words}; both are labelled. Other states are grey and the sea "
           f"light blue. " + policy_sentence(frame)).strip()
    return Map(with_desc(first.svg, alt), caption, alt, width, height, frame)
