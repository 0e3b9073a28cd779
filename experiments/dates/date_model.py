"""Issue 11's learned-date experiment: a learned choice among the dates an event's evidence offers.

On text the rules were not tuned on, most wrong events have the right person, state and kind and the
wrong date (`news-final8`: 11 of 34 such trips). The rules choose a date by many special cases; this
stage looks at every date the event's evidence sentences offer and picks one by a learned score.

The candidates of an event: no date (the article gives none), the report's day (a trip told as
happening on it), every date expression of its first evidence sentences read in each direction (ahead
of the report, before it, either), a range also by its first day, and the rules' choice. A candidate is
described by named features (what kind of expression it is, the words before it, where it stands from
the place, how it lies from the report's day for this kind of event, how often the evidence gives it,
the tense and mood words of the sentence, and, unless left out, whether the rules chose it); a logistic
regression fitted on the labelled sets (`train.py`) scores them and the best one wins. A trip that
happened, or an arrest, is never dated after the report.

Measured, not used by warrantwatch: `train.py --cv` and docs/NEWS-EXPERIMENTS.md ("Learned dates") say why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from warrantwatch.news.dates import DateMention, resolve_all, scan
from warrantwatch.records.dates import PartialDate

if TYPE_CHECKING:
    from warrantwatch.news.extract import Event

NONE = ""  # the candidate "the article gives no date"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WORD = re.compile(r"[a-z]+|\d+")
_EVIDENCE_READ = 3  # evidence sentences whose dates are candidates (the first ones: where the trip is told)
PAST_KINDS = ("occurred", "arrest")  # what happened cannot be dated after the report


@dataclass(frozen=True)
class Candidate:
    """One date an event could have: its value as scored ("" for none; ISO otherwise) and its features."""

    value: str
    features: dict[str, float]
    text: str | None  # the expression it was read from ("on Monday"), or None


def _shape(word: str) -> str:
    """A word as a date feature: month and weekday names and numbers by their class, others as they are."""
    if word.isdigit():
        return "<year>" if len(word) == 4 else "<num>"
    if word in _MONTHS:
        return "<month>"
    if word in _WEEKDAYS:
        return "<weekday>"
    return word


def _words_before(sentence: str, start: int, n: int = 2) -> list[str]:
    return _WORD.findall(sentence[max(0, start - 40):start].lower())[-n:]


def _scored(date: PartialDate | None, date_from: str) -> str:
    """An event's date as it is scored: none when the article gave none (as `evaluate._scored_date`)."""
    return "" if date is None or date_from == "publication" else date.isoformat()


def _relation(first: dt.date, published: dt.date) -> str:
    if first == published:
        return "same"
    return "ahead" if first > published else "before"


def candidates(event: Event, published: dt.date) -> list[Candidate]:
    """Every date the event's evidence offers, with its features (see the module's notes)."""
    kind = event.kind
    rule = _scored(event.date, event.date_from)
    found: dict[str, dict[str, float]] = {}
    texts: dict[str, str | None] = {}

    def add(value: str, features: dict[str, float], text: str | None = None) -> None:
        if value and value != rule and kind in PAST_KINDS and PartialDate.parse(value).first_day > published:
            return  # (the rules' own choice stays a candidate: it is what is replaced)
        have = found.setdefault(value, {})
        for name, weight in features.items():
            have[name] = max(have.get(name, 0.0), weight)
        have["support"] = have.get("support", 0.0) + 1.0
        texts.setdefault(value, text)

    add(NONE, {"type:none": 1.0, f"none:{kind}": 1.0})
    add(published.isoformat(), {"type:report_day": 1.0, f"report_day:{kind}": 1.0})
    reading = event.reading
    place = reading.place if reading is not None else None
    in_text = 0
    for number, sentence in enumerate(event.evidence[:_EVIDENCE_READ]):
        raw = scan(sentence)
        if not raw:
            continue
        kinds = {r.start: r.kind for r in raw}
        for direction, future in (("either", None), ("ahead", True), ("before", False)):
            for mention in resolve_all(raw, published, future):
                in_text += 1
                features = _mention_features(mention, kinds.get(mention.start, "?"), sentence, number, direction,
                                             place if number == 0 and reading is not None
                                             and reading.sentence == sentence else None, kind, published)
                value = mention.as_partial.isoformat()
                add(value, {**features, _granularity(value): 1.0}, mention.text)
                if 0 < mention.span_days <= 7:  # "Oct. 4-5", "next week": a range is dated by its first day
                    add(mention.first.isoformat(), {**features, "type:first_of_range": 1.0}, mention.text)
    if rule not in found:
        add(rule, {_granularity(rule) if rule else "type:none": 1.0}, event.date_text)
    words = _sentence_words(event.evidence[0]) if event.evidence else ()
    out = []
    for value, features in found.items():
        features = dict(features)
        group = "none" if value == NONE else "report" if "type:report_day" in features and len(features) <= 3 \
            else "text"
        for word in words:
            features[f"w:{group}:{word}"] = 1.0
        features["support"] = min(features["support"], 4.0) / 4.0
        if value == rule:
            features["rule"] = 1.0
            features[f"rule:{kind}"] = 1.0
        if value and value != published.isoformat():
            features[f"when:{kind}:{_relation(PartialDate.parse(value).first_day, published)}"] = 1.0
        if value == NONE and in_text:
            features["none:text_has_dates"] = 1.0
        out.append(Candidate(value, features, texts[value]))
    return out


def _sentence_words(sentence: str) -> tuple[str, ...]:
    """The words of an evidence sentence that tell tense and mood, as features of the choice between no
    date, the report's day and a date of the text."""
    return tuple(sorted({_shape(w) for w in _WORD.findall(sentence.lower())} & _TELLING))


_TELLING = frozenset({
    "will", "would", "is", "are", "was", "were", "has", "have", "had", "be", "been", "to", "plans", "planned",
    "expected", "due", "set", "scheduled", "arrived", "arrives", "arriving", "visited", "visits", "visiting",
    "visit", "met", "meets", "meeting", "attended", "attends", "attend", "landed", "lands", "travelled",
    "traveled", "travel", "trip", "went", "go", "going", "held", "holds", "hold", "today", "yesterday",
    "tomorrow", "now", "currently", "last", "next", "this", "on", "in", "since", "after", "before", "later",
    "earlier", "recently", "ago", "said", "says", "told", "announced", "confirmed", "cancelled", "canceled",
    "called", "postponed", "arrested", "detained", "video", "virtually", "<weekday>", "<month>", "<num>", "<year>",
})


def _granularity(value: str) -> str:
    return {10: "type:day", 7: "type:month", 4: "type:year"}.get(len(value), "type:none")


def _mention_features(mention: DateMention, raw_kind: str, sentence: str, number: int, direction: str,
                      place: tuple[int, int] | None, kind: str, published: dt.date) -> dict[str, float]:
    f = {f"raw:{raw_kind}": 1.0, f"direction:{direction}": 1.0, "first_sentence" if number == 0 else
         "later_sentence": 1.0}
    before = _words_before(sentence, mention.start)
    if before:
        f[f"prev:{_shape(before[-1])}"] = 1.0
        f[f"prev2:{' '.join(_shape(w) for w in before)}"] = 1.0
    head = _WORD.findall(mention.text.lower())[:1]
    if head:
        f[f"head:{_shape(head[0])}"] = 1.0
    if place is not None:
        gap = mention.start - place[1] if mention.start >= place[1] else place[0] - mention.end
        side = "after" if mention.start >= place[1] else "before"
        f[f"place:{side}:{'near' if gap < 20 else 'mid' if gap < 60 else 'far'}"] = 1.0
    if mention.span_days:
        f["range"] = 1.0
    return f


@dataclass(frozen=True)
class DateModel:
    """Weights of the date stage (`train.py`)."""

    weights: dict[str, float]

    def score(self, candidate: Candidate) -> float:
        w = self.weights
        return w.get("bias", 0.0) + sum(w.get(name, 0.0) * value for name, value in candidate.features.items())

    def choose(self, event: Event, published: dt.date, without_rule: bool = False) -> Event:
        """The event with its best-scoring date (the rules' date when it wins or ties); `without_rule`: the
        model was fitted without the rules' choice among the features."""
        options = candidates(event, published)
        if without_rule:
            options = [Candidate(c.value, {k: v for k, v in c.features.items() if not k.startswith("rule")}, c.text)
                       for c in options]
        rule = _scored(event.date, event.date_from)
        best = max(options, key=lambda c: (self.score(c), c.value == rule))
        if best.value == rule:
            return event
        if best.value == NONE:
            return replace(event, date=PartialDate(published.year, published.month), date_text=None,
                           date_from="publication")
        text = "(the report's day)" if best.text is None else best.text
        return replace(event, date=PartialDate.parse(best.value), date_text=text, date_from="text")

    def decide(self, events: list[Event], published: dt.date, without_rule: bool = False) -> list[Event]:
        """Each event with its chosen date; an event that comes to equal an earlier one is dropped."""
        out, seen = [], set()
        for event in events:
            chosen = self.choose(event, published, without_rule)
            key = (chosen.person, chosen.host, chosen.kind, _scored(chosen.date, chosen.date_from))
            if key not in seen:
                seen.add(key)
                out.append(chosen)
        return out

