"""Colours: the story's (home orange, host green) and a colour-blind-safe set (Okabe and Ito)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    name: str
    home: str
    host: str
    home_word: str  # the colour's name, for captions
    host_word: str
    outcomes: dict[str, str]  # Outcome name → colour
    party: str
    signatory: str
    outcome_words: dict[str, str]  # Outcome name → the colour's name, for captions
    sea: str = "#dce8f0"
    land: str = "#e2ded6"
    no_state: str = "#f3f1ec"
    border: str = "#ffffff"
    ink: str = "#222222"
    muted: str = "#666666"
    arc: str = "#b8321a"


STORY = Palette(
    "story", home="#f08a24", host="#2f9e44", home_word="orange", host_word="green",
    outcomes={"OBLIGED": "#2f9e44", "OBLIGED_OTHER": "#8cc63f", "RESIDUAL_DUTY": "#f2c12e",
              "NOT_OBLIGED": "#c9c2b6", "NO_ACTIVE_WARRANT": "#a9bcd0", "UNDETERMINED": "#b07cc6"},
    party="#2f9e44", signatory="#a8d5a2",
    outcome_words={"OBLIGED": "green", "OBLIGED_OTHER": "light green", "RESIDUAL_DUTY": "yellow",
                   "NOT_OBLIGED": "grey", "NO_ACTIVE_WARRANT": "grey-blue", "UNDETERMINED": "purple"})

COLOURBLIND = Palette(
    "colourblind", home="#e69f00", host="#0072b2", home_word="orange", host_word="blue",
    outcomes={"OBLIGED": "#0072b2", "OBLIGED_OTHER": "#56b4e9", "RESIDUAL_DUTY": "#f0e442",
              "NOT_OBLIGED": "#c9c2b6", "NO_ACTIVE_WARRANT": "#999999", "UNDETERMINED": "#cc79a7"},
    party="#0072b2", signatory="#9ecae1", arc="#d55e00",
    outcome_words={"OBLIGED": "blue", "OBLIGED_OTHER": "sky blue", "RESIDUAL_DUTY": "yellow",
                   "NOT_OBLIGED": "grey", "NO_ACTIVE_WARRANT": "dark grey", "UNDETERMINED": "pink"})

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
