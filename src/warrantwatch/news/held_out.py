"""What a reading's confidence has meant on reports the rules had not seen: the held-out history.

The learned stage's confidence (`news.model`) is fitted on the development sets, which the rules were
tuned on; there few readings are wrong, so the figure promises more than new text gives (readings
scored 0.98 or more were right in every field about four times in five). Each untouched set
(`tests/data/news-final8` on) was read once, by the code of its day, before anyone tuned on it:
those readings — each with the confidence it was given and whether it was right — are the fairest
record there is of how often a reading at a given confidence is right on a new article. A brief
shows that record beside each confidence, and `watch` alerts from the threshold it supports.

The readings are a derived artefact: `scripts/held_out_history.py` reads each set with the code of its
evaluation (`tests/data/evaluations.yaml`), scores it against the set's labels of today and writes
`held_out_readings.json` beside this module, and `held_out.json` with the bands and the alert threshold
computed from them by the rules below (a test checks that they agree; the readings are read only then).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HISTORY_FILE = Path(__file__).with_name("held_out.json")  # the sets, the bands and the alert threshold
READINGS_FILE = Path(__file__).with_name("held_out_readings.json")  # the readings they come from

# Confidence bands, fixed before the readings were looked at band by band: wide enough that each holds
# dozens of readings, narrow at the top where alerts are decided.
BAND_EDGES = (0.0, 0.5, 0.7, 0.85, 0.92, 0.96, 0.98)
# `watch` alerts on planned visits. The threshold is the lowest of ALERT_GRID at which, in the held-out
# readings, planned visits at or above it named the right person and state (a reporter's question: is
# this person going there?) at least ALERT_PRECISION of the time, over at least ALERT_MIN_READINGS of them
# (a few lucky readings do not make a threshold).
ALERT_GRID = tuple(round(0.90 + 0.01 * i, 2) for i in range(10))
ALERT_PRECISION = 0.90
ALERT_MIN_READINGS = 50


@dataclass(frozen=True)
class Reading:
    """One event as the code of its day read an untouched item, and how it stands against the labels."""

    set: str
    item: str
    person: str
    host: str
    date: str  # as scored: "" for no date of the text's own
    kind: str
    confidence: float
    right: bool  # person, state, date and kind all right
    person_and_state_right: bool  # the item has an event of this person in this state (any date or kind)
    planned_trip_right: bool  # the item has a planned visit of this person to this state


@dataclass(frozen=True)
class Band:
    """Held-out readings whose confidence was at least `low` and below `high` (1.0: up to and with 1)."""

    low: float
    high: float
    read: int
    right: int
    person_and_state_right: int

    def label(self) -> str:
        return f"{self.low:.2f}–{self.high:.2f}" if self.high < 1 else f"{self.low:.2f} or more"

    def sentence(self) -> str:
        """The band's record in words, for a brief."""
        if not self.read:
            return f"No reading scored {self.label()} has been measured on reports not used to build the rules."
        return (f"On reports not used to build the rules, readings scored {self.label()} were right in every field "
                f"{self.right} times of {self.read} ({self.right / self.read:.0%}) and named the right person and "
                f"state {self.person_and_state_right} times ({self.person_and_state_right / self.read:.0%}).")

    def to_dict(self) -> dict[str, float | int | str]:
        return {"confidence_from": self.low, "confidence_below": self.high, "read": self.read, "right": self.right,
                "person_and_state_right": self.person_and_state_right, "in_words": self.sentence()}


@dataclass(frozen=True)
class Alerting:
    """The alert threshold and what planned visits at or above it did in the held-out readings."""

    threshold: float
    read: int
    person_and_state_right: int
    right: int  # right in every field


@dataclass(frozen=True)
class History:
    sets: dict[str, str]  # set → the commit that read it
    bands: tuple[Band, ...]
    alerting: Alerting

    def band(self, confidence: float) -> Band:
        for band in reversed(self.bands):
            if confidence >= band.low:
                return band
        return self.bands[0]


def bands(readings: tuple[Reading, ...] | list[Reading]) -> tuple[Band, ...]:
    out = []
    for low, high in zip(BAND_EDGES, (*BAND_EDGES[1:], 1.0), strict=True):
        top = high >= 1.0
        inside = [r for r in readings if low <= r.confidence and (r.confidence < high or top)]
        out.append(Band(low, high, len(inside), sum(r.right for r in inside),
                        sum(r.person_and_state_right for r in inside)))
    return tuple(out)


def alerting(readings: tuple[Reading, ...] | list[Reading]) -> Alerting | None:
    """The lowest threshold of ALERT_GRID that meets ALERT_PRECISION over ALERT_MIN_READINGS planned visits,
    or None when none does."""
    for threshold in ALERT_GRID:
        alerts = [r for r in readings if r.kind == "planned" and r.confidence >= threshold]
        trips = sum(r.planned_trip_right for r in alerts)
        if len(alerts) >= ALERT_MIN_READINGS and trips >= ALERT_PRECISION * len(alerts):
            return Alerting(threshold, len(alerts), trips, sum(r.right for r in alerts))
    return None


def to_json(sets: dict[str, str], readings: list[Reading]) -> tuple[str, str]:
    """The text of HISTORY_FILE and of READINGS_FILE."""
    chosen = alerting(readings)
    if chosen is None:
        raise ValueError("no alert threshold meets the rule: keep the last history")
    about = ("Readings of each untouched news set by the code of its one evaluation, scored against today's labels; "
             "built by scripts/held_out_history.py, do not edit by hand.")
    summary = json.dumps({
        "about": about, "sets": sets,
        "bands": [{k: v for k, v in b.to_dict().items() if k != "in_words"} for b in bands(readings)],
        "alert": {"threshold": chosen.threshold, "planned_visits": chosen.read,
                  "person_and_state_right": chosen.person_and_state_right, "right": chosen.right},
    }, ensure_ascii=False, indent=1) + "\n"
    head = json.dumps({"about": about, "columns": list(Reading.__dataclass_fields__)}, ensure_ascii=False, indent=1)
    rows = (json.dumps([getattr(r, k) for k in Reading.__dataclass_fields__], ensure_ascii=False) for r in readings)
    return summary, head.removesuffix("\n}") + ',\n "readings": [\n' + ",\n".join(rows) + "\n ]\n}\n"


@cache
def load(path: Path = HISTORY_FILE) -> History:
    raw = json.loads(path.read_text(encoding="utf-8"))
    stored = tuple(Band(b["confidence_from"], b["confidence_below"], b["read"], b["right"],
                        b["person_and_state_right"]) for b in raw["bands"])
    alert = raw["alert"]
    chosen = Alerting(alert["threshold"], alert["planned_visits"], alert["person_and_state_right"], alert["right"])
    return History(dict(raw["sets"]), stored, chosen)


def load_readings(path: Path = READINGS_FILE) -> tuple[Reading, ...]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw["columns"] != list(Reading.__dataclass_fields__):
        raise ValueError(f"{path.name}: columns {raw['columns']} are not {list(Reading.__dataclass_fields__)}")
    return tuple(Reading(*row) for row in raw["readings"])
