"""The learned decision stage of event extraction: how likely a candidate event the rules read is right.

The rules (`news.extract`) find candidate events and say how they read each one (`Reading`: a named
traveller or a pronoun, a word that makes the place a destination, a place borrowed from the sentence
before, a kind guessed from dates, a possibility, where the person and the place stand in the
sentence). A logistic regression over those signals, a few structural facts (the host is the person's
own state, the place named as a country or a city, other states in the sentence, a dateline) and the
words around the place gives the probability that the event is right as a whole (person, host, date
and kind). That probability is the event's `confidence`; an event below `Model.threshold` is dropped
(a false event is worse than a missed one). `Model.alert` is the alert threshold the training's
cross-validation on development sets chose; `watch` alerts from the threshold that the readings of
untouched sets support instead (`news.held_out`), since on new text the development sets' choice was
less precise than they promised.

The weights are a derived artefact: `scripts/train_event_model.py` fits them on the labelled sets it is
given (tests/data/news*) and writes `event_model.json` beside this module, with the sets it was
trained on and the thresholds leave-one-set-out cross-validation chose. Scoring is a dot product over
a few dozen named features, in pure Python.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple

MODEL_FILE = Path(__file__).with_name("event_model.json")
# Trips ending this long before the report are background (the rules' BACKGROUND_DAYS): not scored.
_BACKGROUND = dt.timedelta(days=90)
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_WINDOW_WORDS = 4  # words each side of the place read as its context


class Reading(NamedTuple):
    """How the rules read a candidate event in its first evidence sentence (offsets in that sentence)."""

    named: bool  # the traveller is named there (not a pronoun or title carried over)
    direct: bool  # a word before the place makes it a destination ("to", "in", "visit", "arrived in")
    borrowed: bool  # the place comes from another sentence (the one before, the dateline, the home state)
    kind_from_dates: bool  # no tense or kind cue: the kind was guessed from the dates
    speculative: bool  # "could visit", "may attend"
    place: tuple[int, int] | None  # the place's span, when it is in the sentence
    place_is_country: bool  # named as the state ("Mongolia"), not a city or a venue ("Ulaanbaatar")
    person: int | None  # where the traveller's name or reference starts, when it is in the sentence
    others: int  # other states named in the sentence (neither the host nor the person's own)
    sentence_no: int  # 1 for the article's first sentence
    dateline: str | None  # the state of the dateline's place, when the article has one
    sentence: str  # the sentence read


def _parts(event, reading: Reading, home: str | None, published: dt.date,
           lowered: str) -> tuple[dict[str, float], list[str], list[str]]:
    """The features of a candidate event but its sentence's words (`lowered`, the sentence in lower
    case): named flags and bounded numbers; the words before and after the place."""
    rule = min(0.99, max(0.01, event.confidence))
    f: dict[str, float] = {"rule_logit": math.log(rule / (1 - rule)), _KIND[event.kind]: 1.0,
                           "named" if reading.named else "pronoun": 1.0}
    if reading.direct:
        f["direct"] = 1.0
    if reading.borrowed:
        f["borrowed"] = 1.0
    if reading.kind_from_dates:
        f["kind_from_dates"] = 1.0
    if reading.speculative:
        f["speculative"] = 1.0
    date = event.date
    if event.date_from == "publication":
        f["date:publication"] = 1.0
    elif date is None:
        f["date:none"] = 1.0
    else:
        f["date:day" if date.day else "date:month" if date.month else "date:year"] = 1.0
        if date.first_day > published:
            f["date:ahead"] = 1.0
    f["sentences"] = min(len(event.evidence), 4) - 1.0
    if event.host == home:
        f["host_is_home"] = 1.0
    if reading.others:
        f["other_states"] = min(reading.others, 3) / 3
    if reading.sentence_no <= 1:
        f["first_sentence"] = 1.0
    f["late_sentence"] = min(reading.sentence_no, 30) / 30
    if reading.dateline:
        f["dateline_is_host" if reading.dateline == event.host else "dateline_elsewhere"] = 1.0
    if reading.place is None:
        f["place_absent"] = 1.0
        before, after = _WORD.findall(lowered)[-_WINDOW_WORDS:], []
    else:
        start, end = reading.place
        f["place_is_country" if reading.place_is_country else "place_is_city"] = 1.0
        before = _WORD.findall(lowered, max(0, start - 40), start)[-_WINDOW_WORDS:]
        after = _WORD.findall(lowered, end, end + 40)[:_WINDOW_WORDS]
        if reading.person is not None:
            gap = start - reading.person
            f["person_place_distance"] = min(abs(gap), 300) / 300
            if gap < 0:
                f["place_before_person"] = 1.0
    return f, before, after


_KIND = {k: f"kind:{k}" for k in ("planned", "occurred", "cancelled", "remote", "arrest", "mention")}




def features(event, reading: Reading, home: str | None, published: dt.date) -> dict[str, float]:
    """Named features of a candidate event (0/1 flags, a few bounded numbers, and words), as trained on."""
    lowered = reading.sentence.lower()
    f, before, after = _parts(event, reading, home, published, lowered)
    for w in before:
        f[f"before:{w}"] = 1.0
    for w in after:
        f[f"after:{w}"] = 1.0
    for w in set(_WORD.findall(lowered)):
        f[f"word:{w}"] = 1.0
    return f


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


@dataclass(frozen=True)
class Model:
    intercept: float
    weights: dict[str, float]
    threshold: float  # events below this probability are dropped
    alert: float  # `watch` alerts at or above this probability
    trained_on: tuple[str, ...]

    @cached_property
    def _by_prefix(self) -> tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float]]:
        """The weights split as `_parts` gives the features: the words' without their prefixes, so that
        scoring builds no feature name."""
        plain: dict[str, float] = {}
        split: dict[str, dict[str, float]] = {"before": {}, "after": {}, "word": {}}
        for name, w in self.weights.items():
            prefix, _, word = name.partition(":")
            if prefix in split:
                split[prefix][word] = w
            else:
                plain[name] = w
        return plain, split["before"], split["after"], split["word"]

    def probability(self, feats: dict[str, float]) -> float:
        w = self.weights
        return _sigmoid(self.intercept + sum(w.get(k, 0.0) * v for k, v in feats.items()))

    def score(self, event, reading: Reading, home: str | None, published: dt.date,
              sentences: dict[str, tuple[str, float]] | None = None) -> float:
        """`probability(features(...))`, without building the words' feature names. `sentences`: the
        sentences of the article read so far (lowered, and the weight of their words), as several
        candidates share a sentence."""
        plain, w_before, w_after, w_word = self._by_prefix
        known = sentences.get(reading.sentence) if sentences is not None else None
        if known is None:
            lowered = reading.sentence.lower()
            known = lowered, sum(w_word.get(w, 0.0) for w in set(_WORD.findall(lowered)))
            if sentences is not None:
                sentences[reading.sentence] = known
        lowered, z = known
        f, before, after = _parts(event, reading, home, published, lowered)
        z += self.intercept
        for k, v in f.items():
            z += plain.get(k, 0.0) * v
        for w in set(before):
            z += w_before.get(w, 0.0)
        for w in set(after):
            z += w_after.get(w, 0.0)
        return _sigmoid(z)

    def decide(self, events: list, homes: list[str | None], published: dt.date) -> list:
        """Each event scored by the model (its `confidence`), those below the threshold dropped. A trip
        recalled from long before (background, never scored in training) and an event without a reading
        keep the rules' confidence."""
        kept = []
        sentences: dict[str, tuple[str, float]] = {}
        background_before = published - _BACKGROUND
        for event, home in zip(events, homes, strict=True):
            reading = event.reading
            if reading is None or (event.date is not None and event.date.last_day < background_before):
                kept.append(event)
                continue
            p = self.score(event, reading, home, published, sentences)
            if p >= self.threshold:
                kept.append(event.with_confidence(round(p, 2)))
        return kept

    def to_json(self, **training: float) -> str:
        return json.dumps({"about": "Logistic regression over candidate events' features; built by "
                                    "scripts/train_event_model.py, do not edit by hand.",
                           "trained_on": list(self.trained_on), "training": training,
                           "threshold": self.threshold, "alert": self.alert,
                           "intercept": self.intercept, "weights": dict(sorted(self.weights.items()))},
                          indent=1, ensure_ascii=False) + "\n"


@cache
def load(path: Path = MODEL_FILE) -> Model:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Model(float(raw["intercept"]), {k: float(v) for k, v in raw["weights"].items()},
                 float(raw["threshold"]), float(raw["alert"]), tuple(raw["trained_on"]))
