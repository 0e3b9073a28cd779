"""The track map of an alert: the observed positions over the operator's state and the host state,
the host coloured by the engine's outcome (drawn with the maps package)."""

from __future__ import annotations

import itertools

from warrantwatch.maps.render import Label, Map, Scene, render, with_desc

MAX_POINTS = 80


def track_map(alert, track: list[tuple[float, float]], *, width: int = 1600, height: int = 1000,
              palette: str = "story") -> Map:
    """`track` is [(lon, lat), …] in time order (the aircraft's positions before the event)."""
    from warrantwatch.maps.caption import day_words
    from warrantwatch.maps.locator import choose_frame, policy_sentence
    from warrantwatch.maps.obligation import OUTCOME_WORDS
    from warrantwatch.maps.palette import palette as get_palette
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    home, host = alert.aircraft.state, alert.event.state
    outcome = alert.assessment.outcome.name
    pal = get_palette(palette)
    names = {c: kb.state_by_code[c].name for c in {home, host}}
    codes = [home] if home == host else [home, host]
    frame = choose_frame(codes, width, height)
    step = max(1, len(track) // MAX_POINTS)
    points = track[::step]
    if track and points[-1] != track[-1]:
        points.append(track[-1])
    arcs = tuple((a, b) for a, b in itertools.pairwise(points) if a != b)
    day = alert.day
    what = {"landed": "landing", "on-ground": "ground sighting", "heading": "track"}[alert.kind]
    title = (f"{alert.aircraft.registration}, an aircraft associated with {alert.person_name}: {what} in "
             f"{names[host]}, {day.isoformat()}")
    fills = {home: "home"} if home != host else {}
    fills[host] = f"o-{outcome}"
    legend = ([("home", f"{names[home]} (operator's state)")] if home != host else [])
    legend += [(f"o-{outcome}", f"{names[host]}: {OUTCOME_WORDS[outcome]} on {day.isoformat()}"),
               ("route", "positions in the track data, joined by great circles across gaps")]
    scene = Scene(frame=frame, palette=pal, fills=fills,
                  colours={"home": pal.home, f"o-{outcome}": pal.outcomes[outcome], "other": pal.land,
                           "route": pal.arc},
                  doc_title=title, desc="", outline=tuple(codes),
                  labels=tuple(Label(c, names[c]) for c in codes), arcs=arcs, legend=tuple(legend),
                  title=title, world=False)
    rendered = render(scene)
    e = alert.event
    caption = (f"The track (as the position data records it) of {alert.aircraft.registration} "
               f"({alert.aircraft.type}), an aircraft "
               f"associated with {alert.person_name}, up to its {what} "
               f"{'at ' + e.airport if e.airport else 'in ' + names[host]} on {day_words(day)}; "
               f"{names[host]} (in {pal.outcome_words[outcome]}) was {alert.assessment.outcome.value} that day. "
               "The map shows the aircraft, not who was aboard.")
    alt = (f"Map of {', '.join(names[c] for c in codes)} ({frame.projection.describe()}) with the aircraft's "
           f"track as a dashed line ending in {names[host]}, shaded {pal.outcome_words[outcome]}. "
           + policy_sentence(frame)).strip()
    return Map(with_desc(rendered.svg, alt), caption, alt, width, height, frame)


def track_of(connection, icao24: str, until: float, hours: float = 12.0, source: str = "positions"):
    """The aircraft's positions in the hours up to (and a little after) `until`, as (lon, lat)."""
    rows = connection.execute(f"SELECT lon, lat FROM {source} WHERE icao24 = ? AND time BETWEEN ? AND ? "
                              "ORDER BY time", [icao24, until - hours * 3600, until + 600]).fetchall()
    return [(float(lon), float(lat)) for lon, lat in rows]
