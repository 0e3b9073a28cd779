"""Events in an article: who goes where, when, and whether it happened, was planned, called off,
attended by video, or ended in an arrest. Each event keeps the sentences it came from.

Sentence-level rules over gazetteer hits, explained where they are not obvious:
- an event needs a wanted person (named, or a pronoun or office reference continuing from the
  previous sentence), a travel cue, and a place that is not the person's own state;
- the kind comes from cue words (cancelled, remote, arrest) and otherwise from tense;
- the date is the date expression in the sentence nearest the place, read in the direction the
  tense implies; "the visit, scheduled for September 3" in a later sentence refines it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from warrantwatch.news.dates import DateMention, find_dates
from warrantwatch.news.gazetteer import Gazetteer, Hit, gazetteer_for
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import KnowledgeBase

KINDS = ("planned", "occurred", "cancelled", "remote", "arrest")
# A trip mentioned without a tense or cue ("during his visit"): it adds evidence and dates to an
# event found elsewhere, but is not reported on its own.
MENTION = "mention"

_ABBREVIATIONS = "".join(rf"(?<!\b{a}\.)" for a in ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col",
                                                          "No", "vs", "Sen", "Rep", "Gov", "Prof"))
SENTENCE_END = re.compile(r"(?<=[.!?])" + _ABBREVIATIONS + r"(?<!\b[A-Z]\.)[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")

TRAVEL = re.compile(
    r"\b(visit(?:s|ed|ing)?|trip|tour(?:s|ed)?|travel(?:s|led|ed|ling|ing)?|arriv(?:e|es|ed|ing|al)|"
    r"fl(?:y|ies|ew|own)|land(?:s|ed|ing)?|head(?:s|ed|ing)? (?:to|for)|went to|go(?:es|ing)? to|"
    r"attend(?:s|ed|ing)?|summit|stopover|left for|depart(?:s|ed)? for|in town|hosted|host(?:s|ing)?|"
    r"welcomed|received in|jets? (?:off|to)|state visit|journey|talks in|"
    r"arrest(?:ed)?|detain(?:ed)?|custody|held in|apprehended|video link|virtually|remotely)\b", re.I)
CANCELLED = re.compile(
    r"\b(cancel(?:s|led|ed|ling)?|call(?:s|ed)? off|scrap(?:s|ped)?|skip(?:s|ped)?|postpone[ds]?|"
    r"(?:will|would|did|does|do) not (?:attend|travel|go|visit)|won't (?:attend|travel|go)|"
    r"(?:chose|decided|opted) not to (?:attend|travel|go|visit)|stay(?:s|ed)? away|pulled out|"
    r"not (?:be )?attend(?:ing)?|avoid(?:s|ed)? (?:the|travel)|"
    r"declin(?:ed|es) (?:to attend|an invitation|the invitation)|"
    r"turned back|diverted|refused (?:permission|overflight)|was denied|had to abandon|abandoned)\b", re.I)
REMOTE = re.compile(r"\b(video ?link|by video|via video|virtually|remotely|online|video address|"
                    r"videoconference|video conference|addressed .{0,40} by video)\b", re.I)
ARREST = re.compile(r"\b(arrested|detained|taken into custody|apprehended|handed (?:him |her )?over|"
                    r"surrendered to|placed under arrest)\b", re.I)
# "without being detained", "was not arrested", "obliged to arrest": an arrest that did not happen.
NEGATED = re.compile(r"\b(without (?:being )?|not (?:be(?:en)? )?|never (?:been )?|avoid(?:ed|ing)? (?:being )?|"
                     r"evad\w+ |escap\w+ |risk(?:s|ed|ing)? (?:being )?|fear\w* (?:of )?(?:being )?|"
                     r"obliged to |obligation to |must |would |could |should |to be |refus\w+ to )$", re.I)
FUTURE = re.compile(r"\b(will|shall|is to|are to|plans? to|planning|planned|scheduled|expected to|"
                    r"is due|set to|upcoming|forthcoming|intends? to|would travel|would visit|"
                    r"is going to|invited|invitation|next (?:week|month|year)|tomorrow|later this)\b", re.I)
PAST = re.compile(r"\b(visited|arrived|travell?ed|flew|landed|attended|went|met|held talks|toured|"
                  r"was received|was welcomed|left|departed|returned|spent|hosted|had visited|"
                  r"last (?:week|month|year)|yesterday|ago)\b", re.I)
# Dates that belong to the warrant or the treaty, not to the trip.
NOT_TRIP_DATE = re.compile(r"\b(warrant|issued|ratif|joined|accede|member since|indict|charged|"
                           r"convicted|sentenced|born|elected|since the court)\w*\W+(?:\w+\W+){0,3}$", re.I)
ANAPHORA = re.compile(r"^\W*(the|this|his|her|that) (visit|trip|tour|summit|journey|meeting)\b", re.I)
PRONOUN = re.compile(r"^\W*(?:[A-Z][\w ,]{0,40}, )?(he|she)\b|^\W*the (?:\w+ ){0,2}"
                     r"(president|leader|prime minister|premier|minister|commander|general|former \w+)\b",
                     re.I)


@dataclass(frozen=True, slots=True)
class Event:
    person: str
    host: str
    kind: str
    date: PartialDate | None
    evidence: tuple[str, ...]
    date_text: str | None = None

    def to_dict(self) -> dict:
        return {"person": self.person, "host": self.host,
                "date": self.date.isoformat() if self.date else None,
                "kind": self.kind, "evidence": list(self.evidence)}


@dataclass
class _Context:
    last_person: str | None = None
    last_event: int | None = None
    events: list[Event] = field(default_factory=list)


def sentences(text: str) -> list[str]:
    parts: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=[A-Z“\"])", text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            parts += [s.strip() for s in SENTENCE_END.split(paragraph) if s.strip()]
    return parts


def _arrested(sentence: str) -> bool:
    return any(not NEGATED.search(sentence[max(0, m.start() - 40):m.start()])
               for m in ARREST.finditer(sentence))


def _kind(sentence: str) -> str:
    if _arrested(sentence):
        return "arrest"
    if REMOTE.search(sentence):
        return "remote"
    if CANCELLED.search(sentence):
        return "cancelled"
    future, past = FUTURE.search(sentence), PAST.search(sentence)
    if future and (not past or future.start() < past.start()):
        return "planned"
    return "occurred" if past else MENTION


def _pick_date(dates: list[DateMention], anchor: int, sentence: str) -> DateMention | None:
    usable = [d for d in dates if not NOT_TRIP_DATE.search(sentence[:d.start])]
    if not usable:
        return None
    return min(usable, key=lambda d: (d.span_days > 31, abs(d.start - anchor)))


def _persons(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.kind in ("person", "reference")]


def extract(kb: KnowledgeBase, text: str, published: dt.date) -> list[Event]:
    """The events in `text`, a news article published on `published`."""
    gazetteer: Gazetteer = gazetteer_for(kb)
    ctx = _Context()
    for sentence in sentences(text):
        hits = gazetteer.find(sentence, published)
        people = _persons(hits)
        places = [h for h in hits if h.kind == "place"]
        if not people and ctx.last_person and PRONOUN.search(sentence):
            people = [Hit(0, 0, "reference", ctx.last_person, "(pronoun)")]
        if people:
            ctx.last_person = people[-1].value
        if ANAPHORA.search(sentence) and not people and ctx.last_event is not None:
            _refine(ctx, sentence, published)
            continue
        if people and not places and ctx.last_event is not None and REMOTE.search(sentence):
            _attended_remotely(ctx, people[-1].value, sentence)
            continue
        if not people or not places or not TRAVEL.search(sentence):
            continue
        kind = _kind(sentence)
        future = {"planned": True, "occurred": False, "arrest": False}.get(kind)
        dates = find_dates(sentence, published, future)
        for place in places:
            traveller = _traveller(people, place)
            if traveller is None:
                continue
            person = kb.person_by_id[traveller.value]
            if place.value == person.nationality:
                continue  # at home: no event
            if place.demonym and _is_title(sentence, place):
                continue  # "Russian President ...", "Mongolian President ..." name a person, not a trip
            date = _pick_date(dates, place.start, sentence)
            _add(ctx, Event(person.id, place.value, kind, date.as_partial if date else None,
                            (sentence,), date.text if date else None))
    return [e for e in ctx.events if e.kind != MENTION]


_TITLE = re.compile(r"^\s*(president|prime minister|foreign minister|leader|counterpart|"
                    r"authorities|officials?|government|judges?|court|media|state media|troops|army)\b", re.I)


def _is_title(sentence: str, place: Hit) -> bool:
    return bool(_TITLE.match(sentence[place.end:]))


def _traveller(people: list[Hit], place: Hit) -> Hit | None:
    """The wanted person a place belongs to: the nearest one mentioned before it, else the first."""
    before = [p for p in people if p.start <= place.start]
    return before[-1] if before else people[0]


def _add(ctx: _Context, event: Event) -> None:
    for i, old in enumerate(ctx.events):
        if old.person == event.person and old.host == event.host and _compatible(old, event):
            ctx.events[i] = _merge(old, event)
            ctx.last_event = i
            return
    ctx.events.append(event)
    ctx.last_event = len(ctx.events) - 1


def _compatible(a: Event, b: Event) -> bool:
    """Two mentions of one trip: dates that overlap, or a missing date."""
    if a.date is None or b.date is None:
        return True
    return a.date.first_day <= b.date.last_day and b.date.first_day <= a.date.last_day


_KIND_STRENGTH = {"arrest": 4, "remote": 3, "cancelled": 2, "occurred": 1, "planned": 0, MENTION: -1}


def _precise(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    return a if (a.last_day - a.first_day) <= (b.last_day - b.first_day) else b


def _merge(old: Event, new: Event) -> Event:
    kind = max(old.kind, new.kind, key=_KIND_STRENGTH.__getitem__)
    return replace(old, kind=kind, date=_precise(old.date, new.date),
                   evidence=old.evidence + tuple(e for e in new.evidence if e not in old.evidence))


def _attended_remotely(ctx: _Context, person: str, sentence: str) -> None:
    """ "Instead, he took part by video link": the person's latest trip was attended remotely."""
    for i in range(len(ctx.events) - 1, -1, -1):
        event = ctx.events[i]
        if event.person == person:
            if event.kind in ("cancelled", MENTION, "planned"):
                ctx.events[i] = replace(event, kind="remote", evidence=(*event.evidence, sentence))
            return


def _refine(ctx: _Context, sentence: str, published: dt.date) -> None:
    """ "The visit, scheduled for September 3, ..." dates the event the article is about."""
    assert ctx.last_event is not None
    event = ctx.events[ctx.last_event]
    future = {"planned": True, "occurred": False}.get(event.kind)
    dates = [d for d in find_dates(sentence, published, future) if d.span_days == 0]
    if not dates:
        return
    date = dates[0].as_partial
    if event.date is None or (event.date.first_day - dt.timedelta(days=7) <= date.first_day
                              <= event.date.last_day + dt.timedelta(days=7)):
        ctx.events[ctx.last_event] = replace(event, date=date, evidence=(*event.evidence, sentence))
