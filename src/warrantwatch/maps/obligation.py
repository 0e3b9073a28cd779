"""World maps coloured by the engine: obligations towards a person, or Rome Statute membership."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from warrantwatch.geo.boundaries import load
from warrantwatch.law.assessment import Outcome
from warrantwatch.maps.caption import day_words, join_words
from warrantwatch.maps.framing import world_frame
from warrantwatch.maps.palette import OUTCOME_LABELS, tint
from warrantwatch.maps.palette import palette as get_palette
from warrantwatch.maps.render import Label, Map, Scene, render, with_desc
from warrantwatch.records.knowledge import KnowledgeBase, bundled

OUTCOME_WORDS = OUTCOME_LABELS  # one set of words for every legend (see warrantwatch/palette.py)
NO_STATE_NOTE = "areas of no recognised state: not assessed"
WORLD_HEIGHT_FOR = {1600: 880}


def _height(width: int) -> int:
    return WORLD_HEIGHT_FOR.get(width, round(width * 0.55))


def _territory_fills(codes_to_class: dict[str, str]) -> dict[str, str]:
    """Areas drawn but not yet given a class (areas of no recognised state, such as Western Sahara or
    Bir Tawil; dependent territories are assessed by _territory_assessments): one neutral shade."""
    return {a.code: "unassessed" for a in load("110m").areas
            if a.code not in codes_to_class and a.kind != "state"}


def _territory_assessments(kb: KnowledgeBase, person: str, day: dt.date) -> list:
    """Each dependent territory drawn, assessed for its own day: a ratification may not (yet) extend
    to it (data/territories.yaml; Greenland from 2004-10-01, Bermuda from 2010-03-11, never Tokelau)."""
    from warrantwatch.law.obligation import assess

    return [assess(kb, person, a.state, day, place=a.code) for a in load("110m").areas
            if a.kind == "territory" and a.state in kb.state_by_code]


def obligation_map(person: str, on: str | dt.date | None = None, *, kb: KnowledgeBase | None = None,
                   palette: str = "story", width: int = 1600, lon0: float = 0.0,
                   home: str | None = None) -> Map:
    """The world coloured by the engine's outcome for each state, for `person` on `on`."""
    from warrantwatch.queries import world as run_world
    from warrantwatch.records.resolve import resolver_for

    kb = kb or bundled()
    pal = get_palette(palette)
    result = run_world(person, on, kb=kb)
    home_code = resolver_for(kb).state(home) if home else kb.person_by_id[result.person].nationality
    # (a state not yet independent on the day is answered as a place of the state it was part of: drawn in
    # that answer's colour under its own code)
    drawn = {a.area: a for a in result.assessments}
    fills = {code: f"o-{a.outcome.name}" for code, a in drawn.items()}
    territories = _territory_assessments(kb, result.person, result.on)
    fills |= {t.place: f"o-{t.outcome.name}" for t in territories}
    colours = {f"o-{name}": colour for name, colour in pal.outcomes.items()}
    colours["unassessed"] = pal.no_state
    unassessed = _territory_fills(fills)
    fills |= unassessed
    unassessed.pop("ATA", None)  # not drawn
    counts = Counter(a.outcome.name for a in (*result.assessments, *territories))
    names = {code: a.area_name for code, a in drawn.items()}
    tooltips = {code: f"{a.area_name}: {a.outcome.value}" for code, a in drawn.items()}
    tooltips |= {t.place: f"{t.place_name} ({t.state_name}): {t.outcome.value}" for t in territories}
    home_outcome = next((a.outcome for a in result.assessments if a.state == home_code), None)
    legend = []
    if home_code and home_outcome is not None:
        fills[home_code] = "home"
        colours["home"] = pal.home
        counts[home_outcome.name] -= 1  # the home state is drawn in its own colour, counted there
        for code, a in drawn.items():
            if code != home_code and a.state == home_code:  # (South Sudan before 2011, part of Sudan: home too)
                fills[code] = "home"
                counts[a.outcome.name] -= 1
        legend.append(("home", f"{names[home_code]}: home state ({OUTCOME_WORDS[home_outcome.name]})"))
    legend += [(f"o-{o.name}", f"{OUTCOME_WORDS[o.name]} ({counts[o.name]})") for o in Outcome
               if counts[o.name]]
    if unassessed:
        legend.append(("unassessed", f"{NO_STATE_NOTE} ({len(unassessed)})"))
    frame = world_frame(width, lon0=lon0, height=_height(width))
    day = result.on
    title = f"States bound to arrest {result.person_name}, {day_words(day)}"
    subtitle = (f"Rome Statute and Security Council obligations of {len(result.assessments)} states "
                f"and {len(territories)} territories")
    home_label = (Label(home_code, names[home_code]),) if home_code else ()
    scene = Scene(frame=frame, palette=pal, fills=fills, colours=colours, doc_title=title, desc="",
                  reviewed=kb.reviewed,
                  tooltips=tooltips, outline=(home_code,) if home_code else (), legend=tuple(legend),
                  labels=home_label,
                  legend_title=f"{len(result.assessments)} states, {len(territories)} territories",
                  title=title, subtitle=subtitle,
                  world=True, omit=("ATA",))
    parts = [f"{counts[o.name]} {OUTCOME_WORDS[o.name]} (in {pal.outcome_words[o.name]})"
             for o in Outcome if counts[o.name]]
    caption = (f"A world map of the duty to arrest {result.person_name} on {day_words(day)}, state by "
               f"state and territory by territory: {join_words(parts)}.")
    if home_code:
        caption += f" {names[home_code]}, the home state, is in {pal.home_word}."
    rendered = render(scene)
    alt = (f"World map ({frame.projection.describe()}) shading each of {len(result.assessments)} states "
           f"and {len(territories)} dependent territories by whether it is legally bound to arrest "
           f"{result.person_name} on {day.isoformat()}: {join_words(parts)}. A territory is assessed for "
           "its own day, since a ratification may not extend to it. Very small states are drawn as dots; "
           "areas of no recognised state are not assessed and drawn in a pale neutral shade. The legend "
           "gives the counts.")
    return Map(with_desc(rendered.svg, alt), caption, alt, frame.width, frame.height, frame)


STANDING_CLASSES = {
    "PARTY": ("party", "state party"),
    "PENDING_ENTRY_INTO_FORCE": ("pending", "ratified, not yet in force"),
    "SIGNATORY": ("signatory", "signed, not ratified"),
    "SIGNATURE_WITHDRAWN": ("signatory", "signed, not ratified"),
    "WITHDRAWN": ("withdrawn", "withdrew"),
    "NON_SIGNATORY": ("none", "never signed nor acceded"),
    "UNDETERMINED": ("undetermined", "cannot be determined"),
}


def states_parties_map(on: str | dt.date | None = None, *, kb: KnowledgeBase | None = None,
                       palette: str = "story", width: int = 1600, lon0: float = 0.0) -> Map:
    """The world shaded by Rome Statute standing on a day."""
    from warrantwatch.law.membership import standing_on
    from warrantwatch.queries import resolve_day

    kb = kb or bundled()
    pal = get_palette(palette)
    day = resolve_day(on)
    fills, tooltips, counts = {}, {}, Counter()
    for state in kb.states:
        standing = standing_on(kb, state.iso3, day)
        cls, _ = STANDING_CLASSES[standing.standing.name]
        fills[state.iso3] = cls
        tooltips[state.iso3] = f"{state.name}: {standing.describe()}"
        counts[cls] += 1
    colours = {"party": pal.party, "pending": tint(pal.party, 0.35), "signatory": pal.signatory,
               "withdrawn": pal.outcomes["RESIDUAL_DUTY"], "none": pal.outcomes["NOT_OBLIGED"],
               "undetermined": pal.outcomes["UNDETERMINED"]}
    colours["unassessed"] = pal.no_state
    from warrantwatch.law.territory import territory_scope

    state_counts = counts.copy()  # the caption speaks of states; the legend counts territories too
    for area in load("110m").areas:  # each territory drawn: its state's standing, if the ratification reaches it
        if area.kind != "territory" or area.state not in kb.state_by_code:
            continue
        scope = territory_scope(kb, area.state, area.code, area.name, day)
        cls = fills[area.state] if scope.covered else "none" if scope.covered is False else "undetermined"
        if cls == "party" and scope.covered:
            text = f"{area.name}: the Statute applies ({kb.state_by_code[area.state].name})"
        elif scope.covered is False:
            cls = "none" if fills[area.state] != "party" else "excluded"
            text = f"{area.name}: {kb.state_by_code[area.state].name}'s ratification does not reach it on {day}"
        else:
            text = f"{area.name} ({kb.state_by_code[area.state].name}): " + (
                "not settled by the records" if scope.covered is None else tooltips[area.state].split(": ", 1)[1])
        fills[area.code] = cls
        tooltips[area.code] = text
        counts[cls] += 1
    colours["excluded"] = tint(pal.party, 0.7)
    unassessed = _territory_fills(fills)
    unassessed.pop("ATA", None)
    fills |= unassessed
    order = ["party", "pending", "signatory", "withdrawn", "excluded", "none", "undetermined"]
    words = {cls: text for cls, text in STANDING_CLASSES.values()}
    words["signatory"] = "signed, not ratified"
    words["excluded"] = "territory of a party, not covered"
    legend = [(c, f"{words[c]} ({counts[c]})") for c in order if counts[c]]
    if unassessed:
        legend.append(("unassessed", f"{NO_STATE_NOTE} ({len(unassessed)})"))
    frame = world_frame(width, lon0=lon0, height=_height(width))
    title = f"Rome Statute of the ICC: states parties on {day_words(day)}"
    scene = Scene(frame=frame, palette=pal, fills=fills, colours=colours, doc_title=title, desc="",
                  reviewed=kb.reviewed,
                  tooltips=tooltips, legend=tuple(legend),
                  legend_title=f"{len(kb.states)} states and their territories",
                  title=title, world=True, omit=("ATA",))
    rendered = render(scene)
    caption = (f"A world map of the {state_counts['party']} states parties to the Rome Statute on "
               f"{day_words(day)} (in {pal.party_word}).")
    alt = (f"World map ({frame.projection.describe()}) shading the {state_counts['party']} states for which "
           f"the Rome Statute is in force on {day.isoformat()}, with "
           f"{join_words([f'{state_counts[c]} {words[c]}' for c in order[1:] if state_counts[c]])}; "
           "territories are shaded by whether the ratification reaches them on the day.")
    return Map(with_desc(rendered.svg, alt), caption, alt, frame.width, frame.height, frame)
