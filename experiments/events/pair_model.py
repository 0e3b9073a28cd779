"""Issue 11's learned-extractor experiment: every person–state pair an article offers, classified by a model.

On the sets the rules read last (`news-final6` … `news-final10`), the events they miss are of three
sorts in about equal numbers: a pair of person and state the rules never propose though the article
names both (36 of 228 expected events), the right pair with the wrong kind (25), the right pair and kind
with the wrong date (32). A learned choice of dates was measured before and lost (`experiments/dates/`).
This stage tries the other two: it proposes a pair for every wanted person the gazetteer finds and every
state named in a sentence about that person (or the sentence after one, where a pronoun or a title may
carry the person on), and a multinomial logistic regression decides, for each pair, "no event" or the
event's kind (planned, occurred, cancelled, remote, arrest).

Features of a pair (`pair_features`): the words around each of its state's mentions in the sentences
that name the person (before the place, after it, between the person and the place), the same for the
sentence after one that names the person, how many such sentences there are and where the first stands,
whether the state is the person's own, named in the dateline, named as a city or as the state, and —
unless left out — what the rules read for the pair (their kind, or none). The date of a decided event:
the rules' date when the rules read the pair with that kind, else their date for the pair, else the
date expression nearest the place in the first sentence, read ahead of the report for a planned trip and
before it for one that happened, else none (the trip undated, as the rules place it in the report's
month).

Measured, not used by warrantwatch: `train.py` and docs/NEWS-EXPERIMENTS.md ("Learned pairs") say why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from warrantwatch.news.dates import resolve_all, scan
from warrantwatch.news.extract import DATELINE, Event, normalise, sentence_spans
from warrantwatch.news.gazetteer import Gazetteer, Hit
from warrantwatch.records.knowledge import KnowledgeBase

NONE = "none"
KINDS = (NONE, "planned", "occurred", "cancelled", "remote", "arrest")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_WINDOW = 6  # words read on each side of a place
_SENTENCES = 4  # the first sentences about a pair whose words are read
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)


def _words(text: str) -> list[str]:
    return [("<num>" if w.isdigit() else w) for w in _WORD.findall(text.lower())]


@dataclass
class Pair:
    """A person and a state an article names together, with what the model reads of them."""

    person: str
    host: str
    features: dict[str, float]
    first_sentence: str  # where the pair is first named together
    place: tuple[int, int]  # the state's first mention in that sentence
    rules: list[Event]  # the rules' events of this pair (as they read them: kind, date)


def _scored_date(event: Event) -> str:
    return "" if event.date is None or event.date_from == "publication" else event.date.isoformat()


def pairs(kb: KnowledgeBase, gazetteer: Gazetteer, text: str, published: dt.date,
          rules: list[Event]) -> list[Pair]:
    """Every (person, state) pair of the article, with its features (see the module's notes)."""
    dateline = DATELINE.match(text)
    dateline_states = set()
    if dateline and "/" not in dateline.group(0):
        dateline_states = {h.value for h in gazetteer.find(dateline.group(0).title(), published)
                           if h.kind == "place" and not h.demonym}
    norm = normalise(DATELINE.sub("", text, count=1))
    hits = gazetteer.find(norm, published)
    spans = sentence_spans(norm)
    per_sentence: list[list[Hit]] = [[] for _ in spans]
    i = 0
    for hit in hits:
        while i < len(spans) and spans[i][1] <= hit.start:
            i += 1
        if i < len(spans) and hit.end <= spans[i][1]:
            s = spans[i][0]
            per_sentence[i].append(Hit(hit.start - s, hit.end - s, hit.kind, hit.value, hit.text, hit.demonym))
    persons = sorted({h.value for h in hits if h.kind in ("person", "reference")})
    found: dict[tuple[str, str], Pair] = {}
    for person in persons:
        home = kb.person_by_id[person].nationality
        about = [n for n, hs in enumerate(per_sentence) if any(h.kind != "place" and h.value == person for h in hs)]
        near = {n: "same" for n in about}
        for n in about:  # the sentence after one about the person, where a pronoun may carry the person on
            if n + 1 < len(spans) and n + 1 not in near and _PRONOUN.search(norm[slice(*spans[n + 1])]):
                near[n + 1] = "next"
        seen: dict[str, int] = {}
        for n in sorted(near):
            sentence = norm[slice(*spans[n])]
            person_at = [h for h in per_sentence[n] if h.kind != "place" and h.value == person]
            for place in (h for h in per_sentence[n] if h.kind == "place"):
                key = (person, place.value)
                pair = found.get(key)
                if pair is None:
                    pair = found[key] = Pair(person, place.value, {}, sentence, (place.start, place.end), [])
                    f = pair.features
                    f["bias"] = 1.0
                    f[f"first_at:{min(n, 5)}"] = 1.0
                    if place.value == home:
                        f["home"] = 1.0
                    if place.value in dateline_states:
                        f["dateline"] = 1.0
                seen[place.value] = seen.get(place.value, 0) + 1
                if seen[place.value] > _SENTENCES:
                    continue
                f, where = pair.features, near[n]
                named = "demonym" if place.demonym else "capitalised" if place.text[:1].isupper() else "other"
                f[f"named_as:{named}"] = 1.0
                before = _words(sentence[max(0, place.start - 80):place.start])[-_WINDOW:]
                after = _words(sentence[place.end:place.end + 80])[:_WINDOW]
                for k, w in enumerate(reversed(before)):
                    f[f"{where}:b:{w}"] = 1.0
                    if k < 2:
                        f[f"{where}:b{k}:{w}"] = 1.0
                for k, w in enumerate(after):
                    f[f"{where}:a:{w}"] = 1.0
                    if k < 1:
                        f[f"{where}:a{k}:{w}"] = 1.0
                if where == "same" and person_at:
                    p = min(person_at, key=lambda h: abs(h.start - place.start))
                    lo, hi = (p.end, place.start) if p.start < place.start else (place.end, p.start)
                    between = _words(sentence[lo:hi])
                    f[f"order:{'person_first' if p.start < place.start else 'place_first'}"] = 1.0
                    f[f"gap:{min(len(between) // 4, 4)}"] = 1.0
                    for w in between[:12]:
                        f[f"between:{w}"] = 1.0
                for w in set(_words(sentence)):
                    f[f"{where}:s:{w}"] = 1.0
        for host, count in seen.items():
            found[(person, host)].features[f"sentences:{min(count, 4)}"] = 1.0
    for e in rules:  # a pair only the rules read (a place borrowed from another sentence, the dateline, a venue)
        if (e.person, e.host) not in found:
            sentence = e.evidence[0] if e.evidence else ""
            found[(e.person, e.host)] = Pair(e.person, e.host, {"bias": 1.0, "rules_only": 1.0}, sentence, (0, 0), [])
    for e in rules:
        found[(e.person, e.host)].rules.append(e)
    for pair in found.values():
        kinds = {e.kind for e in pair.rules} or {NONE}
        for k in kinds:
            pair.features[f"rule:{k}"] = 1.0
    return list(found.values())


@dataclass(frozen=True)
class PairModel:
    """Weights of the pair stage (`train.py`), one row per kind (NONE: no event)."""

    weights: dict[str, dict[str, float]]

    def kind(self, pair: Pair, without_rule: bool = False) -> str:
        def score(k: str) -> float:
            w = self.weights[k]
            return sum(w.get(name, 0.0) * v for name, v in pair.features.items()
                       if not (without_rule and name.startswith("rule:")))
        return max(KINDS, key=score)

    def events(self, pair: Pair, published: dt.date, without_rule: bool = False) -> list[tuple[str, str, str, str]]:
        """The pair's events as scored: (person, host, date, kind); none when the model says no event."""
        kind = self.kind(pair, without_rule)
        return decided(pair, kind, published)


def decided(pair: Pair, kind: str, published: dt.date) -> list[tuple[str, str, str, str]]:
    """The events of a pair given its kind, dated as the module's notes say."""
    if kind == NONE:
        return []
    same = [e for e in pair.rules if e.kind == kind]
    if same:
        return sorted({(pair.person, pair.host, _scored_date(e), kind) for e in same})
    if pair.rules:
        return [(pair.person, pair.host, _scored_date(pair.rules[0]), kind)]
    return [(pair.person, pair.host, _nearest_date(pair, kind, published), kind)]


def _nearest_date(pair: Pair, kind: str, published: dt.date) -> str:
    raw = scan(pair.first_sentence)
    if not raw:
        return ""
    future = True if kind == "planned" else False if kind in ("occurred", "arrest") else None
    mentions = resolve_all(raw, published, future)
    if not mentions:
        return ""
    at = pair.place[0]
    best = min(mentions, key=lambda m: abs(m.start - at))
    return best.as_partial.isoformat()
