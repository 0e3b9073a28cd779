"""The trip map: a visit (or a planned one) drawn as a great-circle arc from home to host."""

from __future__ import annotations

import datetime as dt

from warrantwatch.errors import WarrantWatchError
from warrantwatch.maps.caption import day_words, region_phrase
from warrantwatch.maps.locator import choose_frame, parse_extent, policy_sentence
from warrantwatch.maps.obligation import OUTCOME_WORDS
from warrantwatch.maps.palette import palette as get_palette
from warrantwatch.maps.render import Label, Map, Scene, render, with_desc
from warrantwatch.records.knowledge import KnowledgeBase, bundled
from warrantwatch.records.resolve import resolver_for

VISIT_WORDS = {"occurred": "visit", "planned": "planned visit", "cancelled": "cancelled visit",
               "remote": "remote attendance", "arrest": "visit (arrest)"}


def _anchor(code: str) -> tuple[float, float]:
    """Where an arc starts or ends: the middle of the state's main parts."""
    from warrantwatch.maps.framing import centre_of, main_parts

    lon, lat, _ = centre_of(main_parts(code))
    return lon, lat


def trip_map(person: str, host: str, on: str | dt.date | None = None, *, home: str | None = None,
             kb: KnowledgeBase | None = None, palette: str = "story", width: int = 1600,
             height: int = 1000, extent=None, projection: str | None = None) -> Map:
    """`trip_map("putin", "Mongolia")`: the person's latest recorded visit there (or one on `on`)."""
    from warrantwatch.queries import check

    kb = kb or bundled()
    resolver = resolver_for(kb)
    pid, host_code = resolver.person(person), resolver.state(host)
    person_record = kb.person_by_id[pid]
    home_code = resolver.state(home) if home else person_record.nationality
    if home_code is None:
        raise WarrantWatchError(f"no home state recorded for {person_record.name}; give --home")
    if home_code == host_code:
        raise WarrantWatchError(f"home and host are the same state ({home_code})")
    visits = [v for v in kb.visits_of.get(pid, ()) if v.host == host_code]
    visit = None
    if on is None and visits:
        visit = max(visits, key=lambda v: v.start.sort_key)
        on = visit.start.first_day if visit.start.is_exact else visit.start.last_day
    assessment = check(pid, host_code, on, kb=kb)
    day = assessment.on
    if visit is None:
        visit = next((v for v in visits if v.start.first_day <= day <= (v.end or v.start).last_day), None)
    pal = get_palette(palette)
    names = {c: kb.state_by_code[c].name for c in (home_code, host_code)}
    outcome = assessment.outcome.name
    frame = choose_frame([home_code, host_code], width, height, parse_extent(extent), projection)
    world = frame.projection.name != "azimuthal" and frame.x1 - frame.x0 > 4.0
    what = VISIT_WORDS.get(visit.kind.value, "visit") if visit else "trip"
    when = (f"{visit.start}" + (f" to {visit.end}" if visit.end and visit.end != visit.start else "")
            if visit else day.isoformat())
    title = f"{person_record.name}: {what} to {names[host_code]}, {when}"
    scene = Scene(
        reviewed=kb.reviewed,
        frame=frame, palette=pal, fills={home_code: "home", host_code: f"o-{outcome}"},
        colours={"home": pal.home, f"o-{outcome}": pal.outcomes[outcome], "other": pal.land,
                 "route": pal.arc},
        doc_title=title, desc="", outline=(home_code, host_code),
        labels=(Label(home_code, names[home_code]), Label(host_code, names[host_code])),
        arcs=((_anchor(home_code), _anchor(host_code)),),
        legend=(("home", f"{names[home_code]} (home state)"),
                (f"o-{outcome}", f"{names[host_code]}: {OUTCOME_WORDS[outcome]}"),
                ("route", "route, as a great circle (not the flight path)")),
        title=title, world=world)
    rendered = render(scene)
    caption = (f"{person_record.name}'s {what} from {names[home_code]} (in {pal.home_word}) to "
               f"{names[host_code]} (in {pal.outcome_words[outcome]}), {when}: on {day_words(day)} "
               f"{names[host_code]} was {assessment.outcome.value}.")
    alt = (f"Map of {region_phrase(rendered.regions, world)} ({frame.projection.describe()}) with a "
           f"dashed arc from {names[home_code]}, shaded {pal.home_word}, to {names[host_code]}, shaded "
           f"{pal.outcome_words[outcome]}: {names[host_code]} is {OUTCOME_WORDS[outcome]} on "
           f"{day.isoformat()}. " + policy_sentence(frame)).strip()
    return Map(with_desc(rendered.svg, alt), caption, alt, width, height, frame)
