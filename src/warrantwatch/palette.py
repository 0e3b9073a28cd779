"""Colours, with one meaning everywhere: the page, SVG/PNG maps, the brief, legends and alt text.

Each outcome of the engine has one colour and one name for that colour (green: bound to arrest as a
state party; grey: no duty; ...). The home state is orange. A host state is coloured by its outcome;
a host drawn without an outcome (a plain locator map) takes a colour that no outcome uses. Two sets:
the story's, and a colour-blind-safe one (Okabe and Ito).
"""

from __future__ import annotations

import msgspec


class Palette(msgspec.Struct, frozen=True):  # (a Struct: no dataclass code to generate per process)
    name: str
    home: str
    host: str
    home_word: str  # the colour's name, for captions
    host_word: str
    outcomes: dict[str, str]  # Outcome name → colour
    party: str
    signatory: str
    outcome_words: dict[str, str]  # Outcome name → the colour's name, for captions
    party_word: str = "green"
    sea: str = "#dce8f0"
    land: str = "#e2ded6"
    no_state: str = "#f3f1ec"
    border: str = "#ffffff"
    ink: str = "#222222"
    muted: str = "#666666"
    arc: str = "#b8321a"


STORY = Palette(
    "story", home="#f08a24", host="#3b6fb6", home_word="orange", host_word="blue",
    outcomes={"OBLIGED": "#2f9e44", "OBLIGED_OTHER": "#8cc63f", "RESIDUAL_DUTY": "#f2c12e",
              "NOT_OBLIGED": "#c9c2b6", "NO_ACTIVE_WARRANT": "#a9bcd0", "UNDETERMINED": "#b07cc6"},
    party="#2f9e44", signatory="#a8d5a2",
    outcome_words={"OBLIGED": "green", "OBLIGED_OTHER": "light green", "RESIDUAL_DUTY": "yellow",
                   "NOT_OBLIGED": "grey", "NO_ACTIVE_WARRANT": "grey-blue", "UNDETERMINED": "purple"})

COLOURBLIND = Palette(
    "colourblind", home="#e69f00", host="#009e73", home_word="orange", host_word="bluish green",
    outcomes={"OBLIGED": "#0072b2", "OBLIGED_OTHER": "#56b4e9", "RESIDUAL_DUTY": "#f0e442",
              "NOT_OBLIGED": "#c9c2b6", "NO_ACTIVE_WARRANT": "#999999", "UNDETERMINED": "#cc79a7"},
    party="#0072b2", signatory="#9ecae1", arc="#d55e00", party_word="blue",
    outcome_words={"OBLIGED": "blue", "OBLIGED_OTHER": "sky blue", "RESIDUAL_DUTY": "yellow",
                   "NOT_OBLIGED": "grey", "NO_ACTIVE_WARRANT": "dark grey", "UNDETERMINED": "pink"})

# What each outcome means, in the words every legend, list and alt text uses (the page too).
OUTCOME_LABELS = {
    "OBLIGED": "state party: bound to arrest",
    "OBLIGED_OTHER": "bound by a Security Council resolution or art. 12(3)",
    "RESIDUAL_DUTY": "former party: residual duty (contested)",
    "NOT_OBLIGED": "no duty to arrest",
    "NO_ACTIVE_WARRANT": "no warrant outstanding",
    "UNDETERMINED": "cannot be determined from the records",
}
OUTCOME_ORDER = tuple(OUTCOME_LABELS)

PALETTES = {"story": STORY, "colourblind": COLOURBLIND, "colorblind": COLOURBLIND}


def tint(colour: str, amount: float = 0.5) -> str:
    """`colour` mixed with white (amount 1 = white): dependent territories."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def palette(name: str) -> Palette:
    try:
        return PALETTES[name]
    except KeyError:
        from warrantwatch.errors import WarrantWatchError

        raise WarrantWatchError(f"unknown palette {name!r}; one of: story, colourblind") from None


def describe(pal: Palette) -> dict:
    """The palette as plain data for the page: colour, colour name and label per outcome."""
    return {"name": pal.name, "home": {"colour": pal.home, "word": pal.home_word},
            "host": {"colour": pal.host, "word": pal.host_word},
            "unassessed": {"colour": pal.no_state},
            "outcomes": {o: {"colour": pal.outcomes[o], "word": pal.outcome_words[o],
                             "label": OUTCOME_LABELS[o]} for o in OUTCOME_ORDER}}


def page_css(pal: Palette, base: str) -> str:
    """The stylesheet the page uses for maps placed in it: the map's own rules (`base`, as the SVG
    writer makes them) scoped to `.map svg`, the outcome classes, and swatches for HTML legends.
    Served as a file, so the page needs no inline style (a strict Content-Security-Policy)."""
    rules = []
    for rule in base.split("}"):
        if rule.strip():
            selectors, body = rule.split("{", 1)
            scoped = ",".join(f"svg.ww-map {sel.strip()}" for sel in selectors.split(","))
            rules.append(f"{scoped}{{{body}}}")
    lines = [":root{" + "".join(f"--o-{o}:{pal.outcomes[o]};" for o in OUTCOME_ORDER)
             + f"--home:{pal.home};--host:{pal.host};--unassessed:{pal.no_state}}}"]
    lines += rules
    for o in OUTCOME_ORDER:
        lines.append(f"svg.ww-map .o-{o}{{fill:{pal.outcomes[o]}}}")
        lines.append(f".sw-{o}{{background:{pal.outcomes[o]}}}")
    lines += [f"svg.ww-map .home{{fill:{pal.home}}}", f"svg.ww-map .host{{fill:{pal.host}}}",
              f"svg.ww-map .other{{fill:{pal.land}}}", f"svg.ww-map .route{{fill:{pal.arc}}}",
              f"svg.ww-map .unassessed{{fill:{pal.no_state}}}", f".sw-home{{background:{pal.home}}}",
              f".sw-unassessed{{background:{pal.no_state}}}"]
    return "\n".join(lines) + "\n"
