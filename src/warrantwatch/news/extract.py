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

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from warrantwatch.law.warrants import reported_death, warrant_on
from warrantwatch.news.cue_index import index_patterns, read_article
from warrantwatch.news.cues import (
    AMONG_PRESENT,
    ANAPHORA,
    ANNOUNCED_BY_AFTER,
    ARMY_AFTER,
    ARREST,
    ARRIVAL,
    ARRIVED_FROM,
    AWAITING,
    CANCELLED,
    CLAUSE_BREAK,
    COMPASS,
    CONTAINERS,
    COURT_IN,
    DATELINE,
    DAY_BEFORE,
    DAYS_AFTER_ARRIVAL,
    DEMONYM_ARRESTS,
    DEMONYM_PLACE,
    DESTINATION_CUE,
    DESTINATION_GOVERNORS,
    EN_ROUTE,
    END_DATE,
    EXPERIENTIAL,
    FUTURE,
    GOAL_BEFORE,
    GOAL_FOR,
    GOVERNOR_TOKEN,
    HANDED_OVER_BEFORE,
    HOSTED_PERSON,
    HYPOTHETICAL_AFTER,
    HYPOTHETICAL_BEFORE,
    INSTITUTION_AFTER,
    INSTITUTION_BEFORE,
    INSTITUTION_SAID_HE,
    INTO_THE_SITUATION,
    INVITED_BEFORE,
    INVITED_TO,
    INVITER,
    LAST_MEETING_BEFORE,
    LEADER_AFTER_DEMONYM,
    LEAVES_HOME,
    MEETING_WORD,
    MODIFIERS,
    NEGATED,
    NO_TRIP,
    NOT_DESTINATION_AFTER,
    NOT_DESTINATION_BEFORE,
    NOT_TRIP_CALLED_OFF,
    NOT_TRIP_DATE,
    NOT_TRIP_DATE_BEFORE,
    OBJECT_PRONOUN,
    ON_LAND,
    ORIGIN_BEFORE,
    OTHER_SUBJECT,
    OTHERS_AFTER_ARREST,
    OTHERS_BEFORE_ARREST,
    PAST,
    PLACE_ANAPHORA,
    PLACE_ARRESTS,
    PLACE_AS_SUBJECT,
    PLACE_BEFORE_TRIP,
    PLACE_HOLDS,
    PLACE_HOSTS,
    PLACE_OF_PERSON,
    PLACE_SURRENDERS,
    PLACE_VISITED_AFTER,
    PRESENT_IN,
    PRONOUN,
    REMOTE,
    REMOTE_DENIED,
    SCENE_BEFORE,
    SCHEDULED,
    SENDER_AFTER,
    SENT_OTHER,
    SENTENCE_END,
    SPEAKER_AFTER,
    STAND_IN_FOR,
    STATEMENT_AFTER_DATE,
    SUBJECT_REFERENCE,
    SURRENDERED_BY,
    THE_BEFORE_VISIT,
    TOPIC_BEFORE,
    TRANSFER,
    TRAVEL,
    TRIP_AFTER,
    UNDER_WAY,
    UNREALISED_PLAN,
    UNTIL_PAST,
    VENUE_NEXT,
    VISIT_OF_SUBJECT,
    VISIT_WORD,
    WELCOME_OFFERED,
    WHERE_HE,
    lowered_text,
)
from warrantwatch.news.dates import MONTHS, DateMention, RawDate, find_dates, resolve_all, scan
from warrantwatch.news.gazetteer import Gazetteer, Hit, contested_places, gazetteer_for
from warrantwatch.news.held_out import load as load_held_out
from warrantwatch.news.model import Model, Reading
from warrantwatch.news.model import load as load_model
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import WarrantStatusKind

KINDS = ("planned", "occurred", "cancelled", "remote", "arrest")
# A trip mentioned without a tense or cue ("during his visit"): it adds evidence and dates to an
# event found elsewhere, but is not reported on its own.
MENTION = "mention"

# A trip that ended this long before the article was published is background the article recalls
# (al-Bashir in South Africa in 2015, in a 2024 story), not news the brief reports as an event.
BACKGROUND_DAYS = 90


def is_background(date: PartialDate | None, published: dt.date) -> bool:
    return date is not None and date.last_day < published - dt.timedelta(days=BACKGROUND_DAYS)


@dataclass(frozen=True, slots=True)
class Event:
    person: str
    host: str
    kind: str
    date: PartialDate | None
    evidence: tuple[str, ...]
    date_text: str | None = None
    confidence: float = 0.5  # how sure the reading is, 0-1 (see `confidence`)
    # "text" when the article gives the date; "publication" when it gives none and the trip is dated
    # to the report's month (`_undated`): a brief must not say the article dated it
    date_from: str = "text"
    # how the rules read it (the learned decision stage's input, `news.model`); not part of its identity
    reading: Reading | None = field(default=None, compare=False, repr=False)
    # the occupied or contested place (an id of data/places.yaml) the evidence names as the destination
    # ("visited Mariupol"): the host is the state the UN recognises, and the brief assesses the place, whose
    # answer says who controls it
    place: str | None = None

    def with_confidence(self, confidence: float) -> Event:
        """This event with another confidence (`replace` without its cost, for the decision stage)."""
        return Event(self.person, self.host, self.kind, self.date, self.evidence, self.date_text, confidence,
                     self.date_from, self.reading, self.place)

    def to_dict(self) -> dict:
        return {"person": self.person, "host": self.host, "place": self.place,
                "date": self.date.isoformat() if self.date else None, "date_from": self.date_from,
                "kind": self.kind, "confidence": round(self.confidence, 2), "evidence": list(self.evidence)}


# How sure a reading is, from what the evidence sentence says outright. Each factor is a way the
# reading can go wrong: a traveller known only by a pronoun or title, a place borrowed from the
# sentence before, a destination without a word that makes it one ("to", "in", "visit"), a kind
# guessed from dates alone, a trip without a date; a second sentence about the same trip adds to it.
CONFIDENCE_BASE = 0.55
CONFIDENCE = {"named": 0.15, "direct": 0.15, "dated": 0.1, "pronoun": -0.1, "borrowed": -0.2,
              "kind_from_dates": -0.15, "undated_plan": -0.1, "each_further_sentence": 0.05, "speculative": -0.35}
# The learned decision stage (`news.model`): its probability is each event's confidence; `watch` raises
# an alert only for events at or above ALERT_CONFIDENCE, the threshold that the readings of untouched sets
# support (`news.held_out`: what a confidence has meant on new text; README: Confidence).
MODEL = load_model()
ALERT_CONFIDENCE = load_held_out().alerting.threshold


def _reading(kb: KnowledgeBase, ctx: _Context, sentence: str, traveller: str, people: list[Hit], place: Hit,
             places: list[Hit], *, named: bool, direct: bool, borrowed: bool, kind_from_dates: bool = False,
             speculative: bool = False) -> Reading:
    """The rules' signals about one candidate event, for the learned decision stage (`news.model`)."""
    inside = place.end <= len(sentence) and sentence[place.start:place.end] == place.text
    state = kb.state_by_code.get(place.value)
    home = kb.person_by_id[traveller].nationality
    return Reading(named, direct, borrowed, kind_from_dates, speculative,
                   (place.start, place.end) if inside else None,
                   inside and state is not None and (place.text == state.name or place.text in state.other_names),
                   next((p.start for p in people if p.value == traveller and p.end > 0), None),
                   len({p.value for p in places if not p.demonym} - {place.value, home}), ctx.sentence_no,
                   ctx.dateline[0].value if ctx.dateline else None, sentence)


def confidence(*, named: bool, direct: bool, dated: bool, borrowed: bool, kind_from_dates: bool,
               speculative: bool = False) -> float:
    score = CONFIDENCE_BASE + (CONFIDENCE["named"] if named else CONFIDENCE["pronoun"])
    score += CONFIDENCE["speculative"] if speculative else 0.0
    score += CONFIDENCE["direct"] if direct else 0.0
    score += CONFIDENCE["dated"] if dated else 0.0
    score += CONFIDENCE["borrowed"] if borrowed else 0.0
    score += CONFIDENCE["kind_from_dates"] if kind_from_dates else 0.0
    return round(min(0.99, max(0.05, score)), 2)


class _Scene:
    """The places a sentence names as its scene ("in Kampala", "to Sochi"), found when first asked for: most
    sentences' scenes are never asked for (the next sentence borrows one only when it names no place of its
    own that someone goes to).

    Found later than the sentence is read, the scene is still the one found at once: its tests are pure, and
    the one cache they fill, the places' roles (`_ROLES`), is keyed by the sentence, whose roles are asked for
    elsewhere only after its pending scene is found (`_Context.scene_first`)."""

    __slots__ = ("before", "found", "places", "sentence")

    def __init__(self, sentence: str, places: list[Hit], before: _Scene | None = None,
                 found: list[Hit] | None = None) -> None:
        self.sentence, self.places, self.before, self.found = sentence, places, before, found

    def get(self) -> list[Hit]:
        if self.found is None:
            sentence, places = self.sentence, self.places
            self.found = [p for p in places if not p.demonym and SCENE_BEFORE.search(sentence, max(0, p.start - 12),
                                                                                     p.start)
                          and not _topic_or_origin(sentence, p)
                          # (not a court's seat: "indicted by the war crimes court in The Hague", round eighteen)
                          and not COURT_IN.search(sentence, max(0, p.start - 30), p.start)
                          and _destination_role(sentence, p, places, "occurred")] or \
                (self.before.get() if self.before is not None else [])  # (the first sentence: the dateline's)
        return self.found


@dataclass
class _Context:
    # "in Kampala", "to Sochi" in the previous sentence (found when asked for)
    last_places: _Scene = field(default_factory=lambda: _Scene("", [], found=[]))
    last_scene: str = ""  # the sentence `last_places` came from (it dates a presence told through the occasion)
    # the last scene named in the article (for remote attendance): the latest of `scenes` that names a place,
    # else this (the dateline's, or none): `the_venue`
    venue: list[Hit] = field(default_factory=list)
    scenes: list[_Scene] = field(default_factory=list)
    pending: dict[str, list[_Scene]] = field(default_factory=dict)  # sentence → its scenes not found yet
    dateline: list[Hit] = field(default_factory=list)  # "JUBA - ...": where the report was filed
    # "Germany has arrested ..." in the previous sentence: (sentence, its places), read by `_arrest_places` when asked
    arrest_places: tuple[str, list[Hit]] = ("", [])
    arrested_many: tuple[list[Hit], str] | None = None  # "Police detained several officials in Khartoum" (last)
    last_person: str | None = None
    host_days: list[tuple[list[Hit], str]] = field(default_factory=list)  # places and days without a person
    last_event: int | None = None
    events: list[Event] = field(default_factory=list)
    published: dt.date = dt.date.min
    raw_dates: dict[str, tuple[int, list[RawDate]]] = field(default_factory=dict)  # sentence → (offset, dates)
    departures: list[tuple[list[Hit], list[Hit], str]] = field(default_factory=list)  # people, places, sentence
    # (person, sentence, its places): "the meeting between Putin and Trump ...", when `_meeting_told` (asked next)
    meeting: tuple[str, str, list[Hit]] | None = None
    handover: tuple[str, PartialDate | None] | None = None  # (state, day): a hand-over told without the person
    visit_called_off: bool = False  # "the president decided to cancel this visit", with no place named
    places_of: dict[str, list[Hit]] = field(default_factory=dict)  # sentence → the places named in it
    persons_of: dict[str, list[Hit]] = field(default_factory=dict)  # sentence → the record's persons named in it
    # "He had been due back as guest speaker at a forum, but that trip was called off": the visit called off
    # is the plan told in the past perfect before it, not a visit the article announces ahead of the report
    earlier_plan_called_off: bool = False
    visit_days: list[DateMention] = field(default_factory=list)  # "the visit planned for 19 October"
    # (person, day, sentence number): "defied the court last night by turning up at an Arab summit", told
    # before the sentence that names the place ("His arrival in the Qatari capital, Doha, ...")
    pending_day: tuple[str, PartialDate, int] | None = None
    sentence_no: int = 0
    # person → the days of the report told of them ("Putin and Kim have a string of meetings today", "On Friday
    # he was confronted", "announced on Thursday ..., just as Orban was hosting Netanyahu"): `_report_day`
    report_days: dict[str, dict[PartialDate, str]] = field(default_factory=dict)
    told: list[tuple[Hit, str]] = field(default_factory=list)  # (person, sentence) with a date, for `_day_told`
    # (days, hosts): "The talks come a day after both men attended a summit in Tianjin" (`_after_presence`)
    presence_before: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    # round 37: the places of the gatherings the article names ("the Arab summit in Damascus"), with their sentences
    gatherings: list[tuple[list[Hit], str, int]] = field(default_factory=list)  # (places, sentence, sentence_no)
    # round ten: video participation without a place of its own (person, sentence), read with the venues or
    # chairs named for a meeting anywhere in the article by `_remote_venue`
    remote_pending: list[tuple[Hit, str]] = field(default_factory=list)
    # a called-off occasion told without its place: (person, sentence), its venue maybe told after (round fourteen)
    called_off_pending: list[tuple[Hit, str]] = field(default_factory=list)
    # (person, state) of a trip the article says was denied ("denied reports that Gerasimov plans to visit
    # Ankara"): the reports it retells elsewhere are no trip either (round sixteen)
    denied: set[tuple[str, str]] = field(default_factory=set)
    # the day of a dateline that dates its report ("BEIJING, October 18. /TASS/.", "March 28, 2017 (KHARTOUM) -"),
    # with its words: `_report_day`
    dateline_day: tuple[PartialDate, str] | None = None
    lead_people: frozenset[str] = frozenset()  # the persons of the record its first sentence names
    last_she: str | None = None  # the last woman of the record named (`Person.pronoun`): "her visit" is hers
    # the number of the last sentence whose subject is someone named who is not of the record, travelling ("Bush is
    # to fly by helicopter to Jerusalem"): a pronoun in the next sentence is theirs (round 51)
    other_traveller_at: int = -1

    days_of_year: dict[tuple[int, int], int] = field(default_factory=dict)  # (month, day) → a year written with it
    # (sentence, future) → its dates resolved: asked again for each place and rule of a sentence
    resolved: dict[tuple[str, bool | None], tuple[tuple[int, list[RawDate]], list[DateMention]]] = field(
        default_factory=dict)

    def the_venue(self) -> list[Hit]:
        for scene in reversed(self.scenes):
            if found := scene.get():
                return found
        return self.venue

    def scene_first(self, sentence: str, but: _Scene | None = None) -> None:
        """Find the pending scenes of `sentence` before its places' roles are asked for otherwise (so that they
        are found in the order of reading), but for `but`: the scene of this very sentence, whose roles are
        the same whichever asks first (a role follows a list back at most `_LIST_DEPTH` names: a sentence of
        no more places never reaches that bound, and the same places give the same roles)."""
        pending = self.pending.pop(sentence, ())
        for scene in pending:
            if scene is not but:
                scene.get()
            else:
                self.pending[sentence] = [scene]  # (still found before a later sentence of the same words)

    def dates(self, sentence: str, future: bool | None = None) -> list[DateMention]:
        """The sentence's date expressions (found by the one scan over the article), resolved."""
        told = self.raw_dates.get(sentence)
        if told is None:  # (not a sentence of the article read so far: scanned on its own, kept for none)
            return resolve_all(scan(sentence), self.published, future)
        kept = self.resolved.get((sentence, future))
        if kept is None or kept[0] is not told:  # (a sentence written twice: the dates of its latest place)
            found = resolve_all(told[1], self.published, future, told[0])
            if any(d.span_days == 0 for d in found):
                found = [self._year_told(d) for d in found]
            kept = self.resolved[sentence, future] = (told, found)
        return list(kept[1])  # (a caller may change its list)

    def _year_told(self, date: DateMention) -> DateMention:
        """Round 22: a day written with its year is remembered, and the same day written later without one is of
        that year ("Fifteen years ago, on 24 February 2005, ... Putin flew into Bratislava ... on 24 February",
        news-final20 2160), not of the report's."""
        if date.span_days != 0 or not _MONTH_DAY.search(date.text):
            return date
        key = (date.first.month, date.first.day)
        if _WRITTEN_YEAR.search(date.text):
            if date.first.year != self.published.year:
                self.days_of_year[key] = date.first.year
            return date
        year = self.days_of_year.get(key)
        if year is None or year == date.first.year:
            return date
        day = date.first.replace(year=year)
        return DateMention(date.start, date.end, day, day, date.text)


_WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\d\s*(?:{_MONTH_NAMES})\b|\b(?:{_MONTH_NAMES})\.?\s*\d", re.I)


def normalise(text: str) -> str:
    """Paragraphs (blank-line separated) on one line each; single newlines are hard wraps."""
    return "\n\n".join(p for p in (" ".join(par.split()) for par in re.split(r"\n\s*\n", text)) if p)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised text, without surrounding spaces."""
    spans = []
    at = 0
    for m in _BREAK.finditer(text):
        end = m.start() + (text[m.start()] in ".!?")
        spans.append((at, end))
        at = m.end()
    spans.append((at, len(text)))
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


# The same breaks as SENTENCE_END, found from the punctuation (a pattern that starts with a character
# is scanned far faster than one that starts with a look-behind); the sentence keeps its full stop.
_BREAK = re.compile("[.!?]" + SENTENCE_END.pattern.removeprefix("(?<=[.!?])") + r"|\n\n")


def sentences(text: str) -> list[str]:
    norm = normalise(text)
    return [norm[a:b] for a, b in sentence_spans(norm)]


def _destinations(kb: KnowledgeBase, people: list[Hit], places: list[Hit], sentence: str, kind: str,
                  scene: bool = False) -> list[tuple[str, Hit, str]]:
    """(traveller, place, kind) for each place in the sentence that someone wanted travels to."""
    found = []
    # (a place that is the home of each person who may travel to it is ruled out below whichever of them the
    # traveller is: known at once; the roles of at most `_LIST_DEPTH` places are the same whichever asks first)
    homes = {kb.person_by_id[p.value].nationality for p in people} if kind != "arrest" and \
        len(places) <= _LIST_DEPTH else set()
    home = next(iter(homes)) if len(homes) == 1 else None
    planned_visits: set[tuple[str, str]] = set()
    for place in places:
        if place.value == home:
            continue  # at home: no event (below)
        if not scene:
            # (each test below only rules the place out: the cheapest and most often decisive come first)
            after = sentence[place.end:]
            if place.demonym and not DEMONYM_PLACE.match(after) and not (
                    kind == "arrest" and DEMONYM_ARRESTS.match(after)):
                if kind in ("planned", "occurred", "cancelled") and \
                        _occasion_of_leader(sentence, place.start, place.end):
                    # "will not attend the inauguration of South African President-elect Jacob Zuma": held there
                    found.extend(_occasion_trip(kb, people, place, sentence, kind))
                continue  # "Russian President ...", "Ukrainian children": a person or people, not a place
            before = sentence[max(0, place.start - 60):place.start]
            if kind in ("planned", "occurred", "cancelled") and after[:2] in ("'s", "’s") and \
                    _OCCASION_AS.search(sentence, max(0, place.start - 80), place.start):
                # "will not attend Tuesday's inauguration of Uhuru Kenyatta as Kenya's fourth Head of State": held
                # there (round eighteen, news-final17 2019)
                found.extend(_occasion_trip(kb, people, place, sentence, kind))
                continue
            if _topic_or_origin(sentence, place):
                continue
            if PLACE_AS_SUBJECT.match(after) or PLACE_OF_PERSON.match(after):
                continue
            if place.start > 0 and (sentence[place.start - 1] == "-" or (
                    (sentence.find("-", max(0, place.start - 30), place.start) != -1 or place.text == "America") and
                    _IN_COMPOUND.search(sentence, max(0, place.start - 30), place.start))):
                continue  # "the Africa-South America summit", "the Sudan-Chad border": a compound, not a goal
            head = _head_of_list(sentence, place, places)
            if HYPOTHETICAL_BEFORE.search(sentence, max(0, head.start - 90), head.start):
                continue  # "if he came to Johannesburg", "if he travels to France, Germany ...": a condition
            if ("if " in sentence or "unless " in sentence or "should " in sentence or "were " in sentence) \
                    and _only_travel_in_condition(sentence, place):
                continue  # "he would not be arrested in Brazil if he came to ...": no trip outside the condition
            if "nvit" in sentence and (INVITED_BEFORE.search(sentence, max(0, place.start - 120), place.start) or
                                       INVITED_TO.search(sentence, max(0, place.start - 80), place.start)):
                continue  # "would invite Netanyahu to visit Hungary", "invited him to Japan": an invitation
            if "welcome" in sentence and WELCOME_OFFERED.search(sentence, max(0, place.start - 120), place.start):
                continue  # round 25: "will welcome President Putin's involvement in the Apec 2020" (news-final22 2273)
            if (" for him to " in sentence or " for her to " in sentence) and \
                    _MEANS_FOR_TRIP.search(sentence, max(0, place.start - 90), place.start):
                continue  # "vowed to find a way for him to visit Germany": a means sought, not a trip
            if TOPIC_BEFORE.search(before):
                continue  # "talks on Iran": the subject of the talks
            if INSTITUTION_BEFORE.search(before) or INSTITUTION_AFTER.match(after):
                continue  # "judges in The Hague issued a warrant": the court's seat
            if ARRIVED_FROM.search(before) and not WHERE_HE.match(after):
                continue  # "flew in from Budapest": where the trip began
            if kind == "arrest" and len(places) > 1 and _FROM_BEFORE.search(before):
                continue  # "a militia leader from the Central African Republic, had been surrendered ... by Chad"
            if kind == "arrest" and _TROOPS_AFTER.match(sentence, place.end):
                continue  # "surrendered to Ugandan and U.S. troops ... in the Central African Republic": who, not where
            if kind not in ("arrest", "remote") and not _destination_role(sentence, place, places, kind):
                continue  # "the summit of Brazil, Russia ...", "overflew Greece", "told Austin": not a goal
            if kind in ("planned", "occurred", MENTION) and \
                    not _TO_OR_IN.search(sentence, max(0, place.start - 12), place.start):
                clause = _clause(sentence, place.start)
                if not _mentions_person(clause, people, sentence) and not _travels_in(clause) and \
                        not _listed_after_colon(sentence, place):
                    continue  # "..., and reports said Jerusalem had sought assurances from Paris": no trip there
        else:
            before = ""
        traveller = _traveller(people, place, sentence) if not scene else people[-1]
        if traveller is None:
            continue
        person = kb.person_by_id[traveller.value]
        stays_away = False
        if not scene and traveller.end > 0:
            if traveller.start > place.start and kind not in ("cancelled", "remote") and \
                    not _same_clause(sentence, place.start, traveller.start):
                continue  # "Katz flew to Washington; Netanyahu stayed in Jerusalem": another's trip
            if traveller.start > place.start and _COMPARED.search(sentence, max(0, traveller.start - 30),
                                                                  traveller.start):
                continue  # "No foreign leader has visited the United States more often than Netanyahu"
            if traveller.start > place.start and SPEAKER_AFTER.match(sentence[traveller.end:]) and \
                    not _OPENING_GERUND.match(sentence, 0, traveller.start):
                # "Staff of her office plan a trip to Syria, ..., Maria Lvova-Belova, said": she speaks (but "Before
                # leaving for Greece, Netanyahu said": the opening clause is his, round 21, news-final11 1641)
                continue
            if traveller.end <= place.start and SENT_OTHER.search(sentence, traveller.end, place.start):
                continue  # "Putin sent Medinsky to Istanbul"
            clause = _clause(sentence, place.start) if _breaks(sentence) else sentence
            other = (OTHER_SUBJECT.match(clause) or _OTHER_SUBJECT_PUBLISHES.match(clause)) if clause is not sentence \
                else None
            # (a pronoun after the other subject's verb is that subject's: "before Abbas arrives in Washington for his
            # own White House meeting", round fourteen; a name there is still a mention)
            after_verb = sentence.find(clause) + other.end() if other else 0
            if other and not (clause.startswith(sentence[traveller.start:traveller.end]) or
                              _mentions_person(clause[:other.end()], people, sentence) or
                              any(after_verb <= p.start < after_verb - other.end() + len(clause) for p in people)):
                # "Putin will stay in Moscow while Lavrov attends the G20 in Johannesburg", "..., and the White
                # House has released a schedule for the events in Anchorage"
                continue
            stays_away = bool(STAND_IN_FOR.search(sentence, max(0, traveller.start - 40), traveller.start))
        if not scene and not stays_away and ("replaced" in sentence or "represented by" in sentence):
            # "The Israeli premier was replaced at the gathering by President Herzog": he stays away
            stays_away = bool(_REPLACED.match(sentence[traveller.end:]) if traveller.end > 0 else
                              _REFERENCE_REPLACED.match(sentence))
        if kind == "arrest" and not scene and GOAL_BEFORE.search(sentence, max(0, place.start - 40), place.start):
            continue  # "released him and flew him to Tripoli": where he was taken, not where he was arrested
        if place.value == person.nationality and kind != "arrest":
            continue  # at home: no event (an arrest at home still is one)
        if place.value in _situation_states(kb, person.id) and kind != "arrest" and \
                not INTO_THE_SITUATION.search(before) and not (not scene and _visited(sentence, place, places)):
            # "the war in Ukraine", "children from Ukraine": the case, not a trip (but "visited troops
            # fighting near Pokrovsk in the Donetsk region" is one)
            continue
        place_kind = kind
        if kind in ("cancelled", "remote") and place.start < len(sentence) and not \
                (CANCELLED if kind == "cancelled" else REMOTE).search(_part(sentence, place.start)):
            # "It will be his first trip to India since 2021; he stayed away from the G20": the
            # calling-off belongs to the other clause
            part = _part(sentence, place.start)
            if _mentions_person(part, people, sentence):
                place_kind = _clause_kind(sentence, place.start) or MENTION
            # else: "Leaders met in Johannesburg; Putin did not attend": the venue he stayed away from
        if kind == "remote" and place.start < len(sentence) and \
                _AFTER_GERUND_BEFORE.search(sentence, max(0, place.start - 100), place.start) and \
                CANCELLED.search(_clause(sentence, place.start)):
            place_kind = "cancelled"  # "will take part in a virtual summit, after skipping the one in New Delhi"
        if place_kind in ("planned", "occurred", MENTION):
            place_kind = _clause_kind(sentence, place.start) or place_kind
        if place_kind in ("planned", MENTION) and ("arrival" in before or "presence" in before) and \
                _ARRIVAL_NOUN.search(before):
            place_kind = "occurred"  # "His arrival in the Qatari capital, Doha, looked set to embarrass ...": a fact
        if place_kind in ("planned", MENTION) and ("since" in before or "after" in before) and \
                _PAST_MEETING_BEFORE.search(before):
            place_kind = "occurred"  # "the progress made since their meeting in Addis Ababa": a meeting before
        if place_kind in ("planned", MENTION) and (" meeting with" in sentence or " talks with" in sentence):
            m = _PAST_MEETING_WITH_BEFORE.search(sentence, max(0, place.start - 120), place.start)
            if m and not _LATER_WORD.search(sentence, m.start()):
                # "no tolerance ... after his meeting with Netanyahu today, Tuesday, in the capital, Budapest":
                # the meeting lies before the words said after it (round six)
                place_kind = "occurred"
        if place_kind in ("occurred", MENTION) and ("plan" in before or "prepar" in before) and \
                _PLANS_FOR_VISIT_BEFORE.search(before):
            place_kind = "planned"  # "confirmed on Thursday his plans for a visit to China in May" (round fourteen)
            planned_visits.add((person.id, place.value))
        if place_kind in ("planned", MENTION) and ORIGIN_BEFORE.search(before):
            place_kind = "occurred"  # "will fly from Budapest to Washington": he is in Budapest now
        if place_kind == "cancelled" and _NOW_IN.search(sentence, max(0, place.start - 40), place.start):
            place_kind = "occurred"  # "Netanyahu, who is now in the United States, had planned to go on to ..."
        if stays_away and place_kind in ("planned", "occurred", MENTION):
            place_kind = "cancelled"  # "Lavrov will represent Putin at the summit in Rio": he stays away
        found.append((person.id, place, place_kind))
        if kind == "arrest" and not scene and traveller.end > 0:
            # "Gicheru and Bett had already been arrested ... in Nairobi": each of those named together
            found.extend((partner.value, place, place_kind) for partner in _coordinated(people, traveller, sentence))
    if planned_visits:
        # "... his plans for a visit to China in May to take part in the forum in Beijing": the planned visit's city
        found = [(person, place, "planned" if (person, place.value) in planned_visits and place_kind == "occurred"
                  else place_kind) for person, place, place_kind in found]
    return found


# "Gicheru and Bett", "Yekatom, Ngaissona and Mokom": names joined by nothing but a comma or "and".
_JOINED = re.compile(r"(?:\s*,)?\s+and\s+|\s*,\s*")


def _coordinated(people: list[Hit], person: Hit, sentence: str) -> list[Hit]:
    """The other wanted persons named in one list with `person` (round fourteen)."""
    named = sorted((p for p in people if p.end > 0), key=lambda p: p.start)
    at = next((i for i, p in enumerate(named) if p is person), None)
    if at is None:
        return []
    partners = []
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(named):
            a, b = (named[i + step], named[i]) if step < 0 else (named[i], named[i + step])
            if not _JOINED.fullmatch(sentence, a.end, b.start):
                break
            i += step
            if named[i].value != person.value and named[i].value not in {p.value for p in partners}:
                partners.append(named[i])
    return partners


# "after skipping the summit": a clause whose time lies before the main verb's.
_AFTER_GERUND = re.compile(r"^\W*after\s+[a-z]+ing\b", re.I)
_AFTER_EARLIER_TRIP = re.compile(r"\bafter (?:one|an? (?:earlier|previous|first) (?:trip|visit|one)|"
                                 r"(?:his|her) (?:earlier|previous|first|last) (?:trip|visit|one)) to\s+(?:the\s+)?$",
                                 re.I)
_AFTER_GERUND_BEFORE = re.compile(r"\bafter\s+[a-z]+ing\b[^.;:—,]{0,80}$", re.I)
# "his arrival in the Qatari capital", "her presence in Kampala": a trip told as a fact by its noun.
_ARRIVAL_NOUN = re.compile(r"\b(?:his|her)\s+(?:arrival|presence)\s+(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
                           re.I)
# "his plans for a visit to China", "preparations for the trip to Beijing": ahead, whatever the verb's tense.
_PLANS_FOR_VISIT_BEFORE = re.compile(r"\b(?:plans?|preparations?) (?:for|of) (?:a |an |his |her |the |this )?"
                                     r"(?:[\w-]+ )?(?:visit|trip|journey|tour) (?:to|in) (?:the )?$", re.I)
# "his flight to Hong Kong was due at three in the morning, but someone leaked information to him": a plan undone
# (round fifteen, news-final14 1855)
_DUE_BUT = re.compile(r"\b(?:was|were) (?:due|scheduled|supposed|slated|set) (?:to|at|on|for)\b[^.;]{0,60}?,? but\b",
                      re.I)
# ", where he will attend the forum on Monday": what the traveller will do at a place reached, later.
_WHERE_AHEAD = re.compile(r"[^.;]{0,30}?,\s+where\s+(?:he|she|they|the \w+)\s+(?:will|is to|is due to|is expected to|"
                          r"plans to|is scheduled to)\b")
# "Africa-South America", "South America", "Latin America": a name inside a compound or a continent's name.
_IN_COMPOUND = re.compile(r"(?:\b[A-Z][a-z]+-[A-Z][a-z]+|\b(?:South|North|Latin|Central))\s+$")
# "since their meeting in Addis Ababa", "after his visit to Minsk": a meeting told as before the main verb.
_PAST_MEETING_BEFORE = re.compile(r"\b(?:since|after) (?:their|his|her|the) (?:last )?(?:meeting|visit|talks|summit|"
                                  r"trip)s? (?:in|at|to) (?:the )?(?:[\w'’-]+ ){0,2}$", re.I)
# "after his meeting with Netanyahu today, Tuesday, in the capital, Budapest": a meeting told as before.
_PAST_MEETING_WITH_BEFORE = re.compile(r"\b(?:since|after) (?:their|his|her|the) (?:meeting|talks) with [^.;]{0,60}?"
                                       r"\b(?:in|at) (?:the )?(?:[\w'’-]+,? ){0,2}$", re.I)
_LATER_WORD = re.compile(r"\b(?:next|tomorrow|later|coming|upcoming|will)\b", re.I)
# "days after his arrest in Manila": an arrest dated only from another event.
_SOME_TIME_AFTER_ARREST = re.compile(r"\b(?:days|weeks|months|hours|shortly|soon|some time) after (?:his|her) "
                                     r"(?:arrest|capture|detention)\b", re.I)
_ARRESTED_HERE = re.compile(r"\b(?:has|have|had|was|were) (?:just |now )?(?:been )?(?:arrested|detained|captured|"
                            r"apprehended)\b", re.I)
# "had surrendered to local military police": custody at home.
_HOME_ARREST = re.compile(r"\b(?:local|national|home) (?:[\w-]+ )?(?:police|authorities|forces)\b", re.I)
# "Asked by reporters whether Putin would attend ...": a question about the trip.
_ASKED_WHETHER = re.compile(r"\basked\b[^.;]{0,40}\bwhether\b", re.I)
# "the state visit begins", "the summit opens": a trip told in the present on the day it starts.
_BEGINS = re.compile(r"\b(?:visit|trip|tour|journey)\b[^.;]{0,60}?\b(?:begins|starts|kicks off|gets under way)\b",
                     re.I)
# "Netanyahu, who is now in the United States": a presence told in a relative clause.
_NOW_IN = re.compile(r"\b(?:who|which) (?:is|was|are) (?:now |currently |already |still )?in (?:the )?$", re.I)
# "from President Vladimir Putin", "of Putin": a person in a prepositional phrase is no subject for a
# pronoun in the next sentence.
_OBJECT_OF = re.compile(r"\b(?:from|of|by|to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)


def _only_travel_in_condition(sentence: str, place: Hit) -> bool:
    """Whether a place stands before a condition ("if he came to ...") in a clause with no travel word of its
    own, the condition holding the sentence's travel ("he would not be arrested in Brazil if he came to Rio")."""
    m = HYPOTHETICAL_AFTER.search(sentence, place.end)
    if m is not None and m.start() - place.end <= 60:
        return not _travel_word(sentence[:m.start()]) and _travel_word(sentence[m.start():])
    # "if he comes, the ICC ruling will have no effect in Hungary": the consequence after the condition
    for m in HYPOTHETICAL_AFTER.finditer(sentence, max(0, place.start - 120), place.start):
        comma = sentence.find(",", m.end(), place.start)
        if comma != -1 and not _travel_word(sentence[comma:]):
            return True
    return False


def _is_object(sentence: str, person: Hit) -> bool:
    """Whether a person is named as the one met, hosted or invited ("his invitation to Putin")."""
    return bool(_MET.search(sentence, max(0, person.start - 40), person.start))


def _called_off_on(sentence: str, date: DateMention) -> bool:
    """Whether the date is written right after a calling-off told as done ("pulled out on Sunday",
    "cancelled on Monday"; not "will not attend on Saturday" nor "will not attend Saturday's summit"), or right
    before one ("on Tuesday called off a visit")."""
    m = None
    for m in CANCELLED.finditer(sentence, max(0, date.start - 40), date.start):  # noqa: B007 (the last one)
        pass
    if m is not None and _DECIDED.match(m.group(0)) is not None and \
            _BETWEEN_VERB_AND_DAY.fullmatch(sentence, m.end(), date.start) is not None:
        return True
    # round twenty: the day written just before the verb, "Netanyahu on Tuesday called off a visit to India scheduled
    # for next week" (news-final5 1041)
    after = CANCELLED.search(sentence, date.end, date.end + 40) if sentence[date.end:date.end + 1] == " " else None
    return after is not None and after.start() == date.end + 1 and _DECIDED.match(after.group(0)) is not None


_BETWEEN_VERB_AND_DAY = re.compile(r"\s*,?\s*(?:(?:late|early)\s+)?on\s+")
# a decision to call off (its day is the decision's), not an absence ("stayed home on Monday": that day)
_DECIDED = re.compile(r"(?:cancel|call|scrap|postpone|pulled out|drop|shelved|put|defer|abandon|g[ai]ve up|"
                      r"chose|decided|opted|declin)", re.I)
# "... if Putin came", "unless Netanyahu travels": the person is the subject of a condition only.
# a clause with its own subject that publishes or announces something: a place in it is no stop of the person
_OTHER_SUBJECT_PUBLISHES = re.compile(r"^\W*(?:and|but)?\s*(?:the\s+)?(?:(?-i:[A-Z][\w'-]+)\s+){1,5}"
                                      r"(?:has |have |had )?(?:released|published|issued|unveiled|posted|announced|"
                                      r"drawn up)\b", re.I)
_REPLACED = re.compile(r"\W*(?:(?:was|is|will be|has been|had been)\s+)(?:replaced|represented by)\b", re.I)
_REFERENCE_REPLACED = re.compile(r"\W*(?:the\s+)?(?:[\w'’-]+\s+){1,4}(?:was|is|will be|has been|had been)\s+"
                                 r"(?:replaced|represented by)\b", re.I)
# "was replaced at the gathering by President Herzog, who travelled to Davos on Tuesday": the stand-in's day
_STAND_IN_WHO = re.compile(r"\b(?:replaced|represented|stood in for|in (?:his|her) place)\b[^.;]*?,\s+who\b[^.;,]*$",
                           re.I)
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\s+(?:(?-i:[A-Z][\w'’-]*)\s+){0,4}$", re.I)
# Presence at an occasion the sentence does not place: "will also attend and speak at the event".
_AT_THE_OCCASION = re.compile(r"\b(?:attend(?:s|ed|ing)?|(?:took|take|taking) part)\b[^.;]{0,40}?\b(?:the|this) "
                              r"(?P<occasion>event|ceremony|celebrations?|festivities|inauguration|summit|meeting|"
                              r"funeral|conference|parade)\b", re.I)
# How far back "the funeral" may find the sentence that placed it (round 33)
_OCCASION_BACK = 4
_HELD_TALKS = re.compile(r"\b(?:held|hold|holds|holding) (?:[\w'’\"“”-]+ ){0,4}?"
                         r"(?:talks|discussions?|meeting|summit)\b|"
                         r"\b(?:met|meets) (?:with )?(?-i:[A-Z])", re.I)
# A visit verb that can govern a place of the person's own case ("visited troops ... in the Donetsk region").
_VISITED = re.compile(r"\b(?:visited|toured|inspected|travell?ed to|flew to|arrived in)\b", re.I)


def _visited(sentence: str, place: Hit, places: list[Hit]) -> bool:
    """Whether a visit verb governs the place: "visited troops fighting near Pokrovsk in the Donetsk
    region" (no other place and no relative clause between them: not "visited a hospital in Moscow
    where soldiers wounded in Ukraine are treated")."""
    verbs = list(_VISITED.finditer(sentence, max(0, place.start - 120), place.start))
    if not verbs:
        return False
    verb = verbs[-1]
    between = sentence[verb.end():place.start]
    return _same_clause(sentence, verb.end(), place.start) and not _NOT_GOVERNED.search(between) and \
        not any(verb.end() <= p.start < place.start and not p.demonym for p in places)


# A relative clause or a participle of what befell others: "where soldiers wounded in Ukraine are treated"
_NOT_GOVERNED = re.compile(r"\b(?:where|who|whom|which|whose|that|when|wounded|injured|killed|captured|deported|"
                           r"abducted|taken|born|evacuated|displaced|held|freed|released)\b", re.I)
# Presence at an occasion, in a sentence without a place: it dates the trip told before.
_PRESENT_AT = re.compile(r"\b(?:took part in|attended|was (?:still )?at|was present at|turn(?:ed|ing) up|"
                         r"show(?:ed|ing) up)\b", re.I)
# "could visit India next year", "may attend": a possibility, read with less confidence (alone, below the
# alert threshold).
_SPECULATIVE = re.compile(r"\b(?:could|might|may|possibly|perhaps|likely to|considering|mulling)\b[^.;,]*$", re.I)
# A person named after a place only for comparison: "more often than Benjamin Netanyahu", "unlike Putin".
# (not "a ceremony attended by dignitaries including ... al-Bashir": those included were there)
_COMPARED = re.compile(r"\b(?:than|unlike|like|except|besides)\s+(?:the\s+)?"
                       r"(?:[\w'’-]+\s+){0,3}$", re.I)
_STRONG_BREAK = re.compile(r"[;:—]")
_STOPS = frozenset((";", ":", "—", "–"))
_COORDINATION = frozenset((",", "and", "or", "(", '"', "“", "”"))


def _head_of_list(sentence: str, place: Hit, places: list[Hit]) -> Hit:
    """The first name of a list the place ends ("France" for "Germany" in "to France, Germany or the UK")."""
    head = place
    for _ in range(8):
        before = next((p for p in places if p is not head and p.end <= head.start and
                       _LIST_GLUE.fullmatch(sentence, p.end, head.start)), None)
        if before is None:
            return head
        head = before
    return head


_LIST_GLUE = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:the\s+)?")


def _destination_role(sentence: str, place: Hit, places: list[Hit], kind: str, depth: int = 0) -> bool:
    """Whether the word that governs a place makes it a goal or a scene (cues.DESTINATION_GOVERNORS).
    Found once per place and kind in an article (`_ROLES`, emptied for each article)."""
    key = (sentence, place.start, kind == "planned")  # the kind matters only for "from" ("will fly from")
    role = _ROLES.get(key)
    if role is None:
        role = _ROLES[key] = _read_role(sentence, place, places, kind, depth)
    return role


_ROLES: dict[tuple[str, int, bool], bool] = {}


def _topic_or_origin(sentence: str, place: Hit) -> bool:
    """Whether the words around a place make it a topic or an origin (cues.NOT_DESTINATION_BEFORE, _AFTER): asked
    of a place for the scene and again for the trip, found once per place of an article (`_TOPICS`, emptied
    with `_ROLES`)."""
    key = (sentence, place.start, place.end)
    found = _TOPICS.get(key)
    if found is None:
        found = _TOPICS[key] = bool(NOT_DESTINATION_BEFORE.search(sentence[max(0, place.start - 60):place.start]) or
                                    NOT_DESTINATION_AFTER.match(sentence[place.end:]))
    return found


_TOPICS: dict[tuple[str, int, int], bool] = {}


def _read_role(sentence: str, place: Hit, places: list[Hit], kind: str, depth: int) -> bool:
    after = sentence[place.end:]
    if PLACE_BEFORE_TRIP.match(after) or PLACE_HOSTS.match(after) or WHERE_HE.match(after) or \
            PLACE_VISITED_AFTER.match(after) or (_visit_of_subject_words(sentence) and VISIT_OF_SUBJECT.match(after)):
        return True  # "his Mongolia visit", "Mongolia gave Putin a welcome", "from Indonesia, where he met"
    for reach in (40, 90):  # the governor is mostly a word or two away: a short look first
        low = max(0, place.start - reach)
        while low > 0 and not sentence[low - 1].isspace():
            low -= 1  # no word cut at the window's edge
        role = _governed(sentence, place, places, kind, depth, after, list(GOVERNOR_TOKEN.finditer(
            sentence, low, place.start)))
        if role is not None or low == 0:
            return bool(role)
    return False


def _visit_of_subject_words(sentence: str) -> bool:
    low = lowered_text(sentence)
    return "during h" in low or " he " in low or " she " in low


def _governed(sentence: str, place: Hit, places: list[Hit], kind: str, depth: int, after: str,
              tokens: list[re.Match[str]]) -> bool | None:
    """The walk back over `tokens` (the words before the place): True or False when a word decides, None
    when none in them does."""
    i = len(tokens) - 1
    while i >= 0:
        word = tokens[i].group()
        lower = word.lower()
        if lower in DESTINATION_GOVERNORS:
            return True
        if lower == "for":  # "left Israel on Sunday for Washington"
            if any(t.group().lower() in GOAL_FOR for t in tokens[max(0, i - 5):i]):
                return True
            return None if i < 5 else False  # (the verb may lie before these words)
        if lower == "from":  # "will fly to Washington on Sunday from Budapest": he is there now
            return kind == "planned"
        if lower == "on":
            return bool(ON_LAND.match(after))
        if lower in _STOPS:
            # "has left Russia only to visit states that are not parties: China and ...": the list names them
            return lower == ":" and bool(_CLASS_BEFORE_COLON.search(sentence, max(0, tokens[i].start() - 140),
                                                                    tokens[i].start()))
        if lower in _COORDINATION:
            # "to Brazil, India and China", "in Anchorage, Alaska": the role of the name before
            before = next((p for p in places if p is not place and p.end <= tokens[i].start() and
                           not sentence[p.end:tokens[i].start()].strip(" ,")), None)
            if before is not None and depth < _LIST_DEPTH:
                return _destination_role(sentence, before, places, kind, depth + 1)
        elif lower == "of":
            if i == 0:
                return None  # the word before "of" lies before these words
            if tokens[i - 1].group().lower() not in CONTAINERS:
                return False  # "the leaders of Brazil", "a visit with Syria as its topic"
            if tokens[i - 1].group().lower() in COMPASS and (i < 2 or tokens[i - 2].group().lower() != "the"):
                return False  # "the north of Congo" is in it, "any country south of the United States" is not
        elif not (word[0].isupper() or lower in MODIFIERS or lower in CONTAINERS or lower in _LIST_WORDS or
                  lower.endswith(("'s", "’s")) or
                  _HYPHENATED_NAME.search(word) or _PLACE_EPITHET.search(lower) or
                  (lower in _ORDINAL_ENDS and tokens[i].start() > 0 and sentence[tokens[i].start() - 1].isdigit())):
            # "to non-Arab Eritrea", "pro-Western", the "th" of "64th" (round 23)
            return False  # a verb or another preposition: "avoiding France", "from Budapest"
        i -= 1
    return None


def _present_in(sentence: str, place: Hit) -> bool:
    """ "is in Pyongyang", and through an apposition that places a town the gazetteer does not know: "is currently
    living in Vakaga, in the north-east of the Central African Republic" (round 52, news-final36 3527)."""
    if PRESENT_IN.search(sentence, max(0, place.start - 30), place.start):
        return True
    apposed = _APPOSED_PLACE.search(sentence, max(0, place.start - 60), place.start)
    return apposed is not None and \
        PRESENT_IN.search(sentence, max(0, apposed.start() - 30), apposed.start()) is not None


_APPOSED_PLACE = re.compile(r"(?-i:[A-Z])[\w'’-]+(?: (?-i:[A-Z])[\w'’-]+)?"
                            r"(?: (?:prefecture|province|region|district|county|area|town|village|camp|forest))?"
                            r",\s+in (?:the )?(?:[\w-]+ of (?:the )?|[\w-]+ )?$",
                            re.I)


_HYPHENATED_NAME = re.compile(r"-[A-Z][a-z]+$")
# round 51: "rumbled into drought-stricken Malawi" (news-final35 3414), "conflict-hit", "cash-strapped"
_PLACE_EPITHET = re.compile(r"^[a-z]+-(?:stricken|hit|torn|ravaged|ridden|rich|poor|battered|scarred|affected|strapped|"
                            r"starved|wracked|racked)$")

_ORDINAL_ENDS = frozenset(("st", "nd", "rd", "th"))
# How many names back a list is followed for the role of its first (`_Context.scene_first` relies on it).
_LIST_DEPTH = 8
# A class of places named before a list of them: "to visit states that are not parties to the court: China
# and ...", "the former Soviet republics Belarus, Kazakhstan and Kyrgyzstan" (the list takes the class's role).
_LIST_WORDS = frozenset(("states", "countries", "nations", "republics", "capitals", "former"))
_CLASS_BEFORE_COLON = re.compile(r"\b(?:visit(?:s|ed|ing)?|travel(?:s|led|ed|ling)? to|trips? to|went to|gone to|"
                                 r"been to|flown to)\s+(?:[\w'’-]+\s+){0,3}(?:states|countries|nations|capitals)\b"
                                 r"[^:;.]{0,80}$", re.I)


# A visit told in a quotation of the person's aide, spokesman or adviser, with no person named in it.
_AIDE_SAID = re.compile(r"[\"”],?\s+(?:the (?:aide|spokesman|spokeswoman|spokesperson|press secretary|adviser)|"
                        r"(?P<name>(?-i:[A-Z][\w'’-]+)))\s+(?:said|says|added|went on|told)\b", re.I)
_QUOTED_VISIT = re.compile(r"\b(?:pay|make) a visit to\b|^\W*(?:a|the) (?:visit|trip) to\b", re.I)


def _aide_plans(text: str, sentence: str) -> bool:
    said = _AIDE_SAID.search(sentence)
    if said is None or not _QUOTED_VISIT.search(sentence, 0, said.start()):
        return False
    name = said.group("name")
    return name is None or bool(re.search(r"\b(?:aide|spokes\w+|press secretary|adviser)\s+(?:[A-Z][\w'’-]+\s+){0,2}"
                                          + re.escape(name) + r"\b", text))


def _listed_after_colon(sentence: str, place: Hit) -> bool:
    """Whether the place is in a list after a colon that names the places of a class before it."""
    colon = sentence.rfind(":", 0, place.start)
    return colon > 0 and bool(_CLASS_BEFORE_COLON.search(sentence, max(0, colon - 140), colon))
# "..., and a few days later to Beijing": an elliptic clause whose verb is the one before.
_TO_OR_IN = re.compile(r"\b(?:to|in|into|at)\s+(?:the\s+)?$", re.I)
_HE = re.compile(r"\b(?:he|she|him|his|her)\b", re.I)


def _mentions_person(part: str, people: list[Hit], sentence: str) -> bool:
    """Whether a part of the sentence names one of its persons or refers to one by a pronoun."""
    start = sentence.find(part)
    return any(start <= p.start < start + len(part) for p in people) or bool(_HE.search(part))


def _own_leader(kb: KnowledgeBase, person: str, places: list[Hit], sentence: str) -> bool:
    """ "the Sudanese leader" for al-Bashir: a demonym of the person's own state before "leader"."""
    nationality = kb.person_by_id[person].nationality
    return any(p.demonym and p.value == nationality and LEADER_AFTER_DEMONYM.match(sentence[p.end:])
               for p in places)


def _other_leader(kb: KnowledgeBase, person: str, places: list[Hit], sentence: str) -> bool:
    """ "The Hungarian prime minister flew to Beijing", after a sentence about Putin: a title with another
    state's demonym at the head of the sentence is someone else, not a reference to the person."""
    nationality = kb.person_by_id[person].nationality
    return any(p.demonym and p.value != nationality and p.start < 30 and LEADER_AFTER_DEMONYM.match(sentence[p.end:])
               for p in places)


def _occasion_placed(ctx: _Context, occasion: str) -> list[Hit]:
    """The scene of the latest of the few sentences before this one that names `occasion` ("funeral") with a place
    it is held in, if any."""
    word = re.compile(rf"\b{re.escape(occasion)}\b", re.I)
    for scene in reversed(ctx.scenes[-1 - _OCCASION_BACK:-1]):
        if word.search(scene.sentence) and (found := scene.get()):
            return found
    return []


def _names_places(places: list[Hit], sentence: str, home: str | None = None) -> bool:
    """Whether the sentence names a place of its own (not "Sudan's Omar al-Bashir", not "Chinese", not
    "Kenya's new constitution"):
    then it is about that place ("he plays host as leaders gather in Kazan"), not the one before."""
    return any(not p.demonym and p.value != home and not PLACE_OF_PERSON.match(sentence[p.end:]) and
               not NOT_DESTINATION_AFTER.match(sentence[p.end:]) for p in places)


@lru_cache(maxsize=512)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each clause break of a sentence, found once."""
    return tuple((m.start(), m.end()) for m in CLAUSE_BREAK.finditer(sentence))


# "Among them, the source said, were Ahmed Haroun, ...": the persons of an arrest of several told just before
AMONG_THEM = re.compile(r"^\W*Among (?:them|those (?:detained|arrested|held|seized)|"
                        r"the (?:detainees|detained|arrested))\b(?=.*\b(?:were|was|are|is)\b)", re.I)


@lru_cache(maxsize=512)
def _arrest_of_many(sentence: str) -> bool:
    """An arrest told of several, not of one: "police detained several officials", "dozens were arrested"."""
    for m in ARREST.finditer(sentence):
        before = sentence[max(0, m.start() - 40):m.start()]
        if not NEGATED.search(before) and (OTHERS_BEFORE_ARREST.search(before) or
                                           OTHERS_AFTER_ARREST.match(sentence, m.end(), m.end() + 40)):
            return True
    return False


def _among_arrested(kb: KnowledgeBase, ctx: _Context, many: tuple[list[Hit], str], people: list[Hit],
                    places: list[Hit], sentence: str) -> None:
    """ "Sudan's authorities detained several leading members late on Saturday. Among them, the source said,
    were Ahmed Haroun, ...": an arrest of each person listed (not of one named in an apposition, "once deputy to
    President Omar al-Bashir"), where and when the sentence before tells it."""
    at, before = many
    days = [d for d in ctx.dates(before, False) if _trip_date(before, d)]
    day, told = (days[0].as_partial, days[0].text) if days else (None, None)
    if day is None and _JUST_ARRESTED.search(before):
        # "Sudanese authorities have arrested more than 100 figures": told as news of the report's day (round
        # thirteen, as the sets' convention for a present perfect)
        day, told = PartialDate(ctx.published.year, ctx.published.month, ctx.published.day), None
    for person in people:
        if person.end == 0 or _OBJECT_OF.search(sentence, max(0, person.start - 45), person.start) or \
                _POSSESSIVE.match(sentence, person.end):
            continue  # (nor "Bashir's former first vice-president": the one listed is the vice-president)
        for place in at:
            sure = confidence(named=True, direct=False, dated=day is not None, borrowed=True, kind_from_dates=False)
            _add(ctx, Event(person.value, place.value, "arrest", day, (before, sentence), told, sure,
                            reading=_reading(kb, ctx, sentence, person.value, people, place, places, named=True,
                                             direct=False, borrowed=True)))


_JUST_ARRESTED = re.compile(r"\b(?:has|have)\s+(?:now\s+|also\s+)?(?:arrested|detained|rounded up)\b", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")


# "His arrest in December came a few weeks after another leader, Alfred Yekatom, had been detained": the day of
# the arrest of the person told before, whoever the sentence names after it
_HIS_ARREST_IN = re.compile(r"^\W*(?:His|Her) (?:arrest|capture|detention) (?:in|on) ")


def _possessive_arrest_day(ctx: _Context, sentence: str) -> None:
    """Refine the arrest of the person told before (known to its year or month) to the day or month "His arrest
    in <date>" gives, when it lies inside what was known."""
    head = _HIS_ARREST_IN.match(sentence)
    assert head is not None
    days = [d for d in ctx.dates(sentence, False) if head.end() - 4 <= d.start <= head.end() + 4]
    if not days:
        return
    date = days[0].as_partial
    for i, event in enumerate(ctx.events):
        if event.person == ctx.last_person and event.kind == "arrest" and event.date is not None and \
                not event.date.is_exact and event.date.first_day <= date.first_day <= event.date.last_day and \
                date != event.date:
            ctx.events[i] = replace(event, date=date, evidence=(*event.evidence, sentence))


_ALSO_BEFORE = re.compile(r"\balso (?:been |being )?$")


def _arrest_clause_date(sentence: str, dates: list[DateMention], arrest_at: int,
                        date: DateMention) -> DateMention | None:
    """The day of an arrest whose sentence dates another clause: a day of the arrest's own clause ("In November
    he was arrested in Sebha, and in December ... announced that he held him"); none when the arrest is told
    as the time of another, earlier than it ("His surrender in December came weeks after X had been detained in
    ..."; not "fired twice on October 29 before police detained him")."""
    own = [d for d in dates if _same_clause(sentence, arrest_at, d.start) and _trip_date(sentence, d)]
    if own:
        return min(own, key=lambda d: abs(d.start - arrest_at))
    opening = max((b for b in _breaks(sentence) if b[1] <= arrest_at), default=None)
    if opening is not None and sentence[opening[0]:opening[1]].strip().lower() == "after":
        return None
    return date


def _same_clause(sentence: str, a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return not any(low <= start and end <= high for start, end in _breaks(sentence))


@lru_cache(maxsize=512)
def _clause(sentence: str, position: int) -> str:
    breaks = _breaks(sentence)
    start = max((end for _, end in breaks if end <= position), default=0)
    end = min((start for start, _ in breaks if start >= position), default=len(sentence))
    return sentence[start:end]


def _part(sentence: str, position: int) -> str:
    """The part of a sentence between semicolons or colons that holds `position`."""
    start = max((m.end() for m in re.finditer(r"[;:]", sentence[:position])), default=0)
    end = next((m.start() + position for m in re.finditer(r"[;:]", sentence[position:])), len(sentence))
    return sentence[start:end]


def _clause_kind(sentence: str, position: int) -> str | None:
    """The tense of the clause holding a place, where it differs from the sentence's: "It will be his
    third trip: he was the first leader hosted in February" puts February in the past."""
    if position >= len(sentence):
        return None
    if "after" in sentence and _AFTER_EARLIER_TRIP.search(sentence, max(0, position - 60), position):
        # round 22: "This will be his second trip since ..., after one to Turkey in August": the trip before it
        # (news-final20 2163)
        return "occurred"
    clause = _clause(sentence, position)
    tense = _tense_before(clause, position - sentence.find(clause))
    return _KIND_OF_TENSE[tense] if tense is not None else None


def _tense_before(clause: str, position: int) -> bool | None:
    """The tense of the verb nearest before a place in its clause ("Putin, who visited Mongolia in
    September, will travel to India": India is ahead), else the clause's. A word that only implies a plan
    ("invited", "ahead of", "upcoming") does not count here: it is not the verb of the traveller."""
    low = max(0, position - _TENSE_WINDOW)  # the governing verb is near (and a short scan is cheap)
    marks = [(m.start(), True) for m in FUTURE.finditer(clause, low, position)
             if not m.group(0).lower().startswith(_WEAK_FUTURE)]
    marks += [(m.start(), False) for m in PAST.finditer(clause, low, position)]
    if "plan" in clause or "intend" in clause:
        # round 22: "A few weeks ago Netanyahu planned a trip to Rome": the trip planned stays a plan, whenever the
        # planning was (news-final20 2187)
        marks += [(m.start(), True) for m in _PLANNED_TRIP.finditer(clause, low, position)]
    if not marks:
        if _AFTER_GERUND.match(clause):
            return False  # "after skipping the meeting in New Delhi": before the main verb's time
        return _tense(clause)
    return max(marks)[1]


_TENSE_WINDOW = 90
# (round 51) a trip named as a noun, its place and a day told as gone by: "over a trip to Las Vegas earlier this month"
_TRIP_NOUN_TO = re.compile(r"\b(?:trip|visit|journey|stay|stopover|tour)\s+(?:[\w-]+\s+){0,2}to\s+(?:the\s+)?$", re.I)
_PAST_DAY_WORDS = re.compile(r"(?:earlier|last|yesterday|the day before|\w+ (?:days?|weeks?|months?) ago)\b", re.I)
_SHORT_GAP = re.compile(r"\s*(?:[\w-]+\s+){0,2}")
_PLANNED_TRIP = re.compile(r"\b(?:had |was |were )?(?:planned|planning|intended|intending) "
                           r"(?:an? |the |his |her |its )?(?:[\w-]+ )?(?:trip|visit|journey|tour|stopover)\b", re.I)


_WEAK_FUTURE = ("invit", "ahead", "upcoming", "forthcoming", "planned", "planning", "next", "tomorrow", "later")


@lru_cache(maxsize=1024)  # facts of the knowledge base (immutable, hashed by identity): kept across articles
def _situation_states(kb: KnowledgeBase, person: str) -> frozenset[str]:
    return frozenset(state for w in kb.warrants_of.get(person, ())
                     for state in kb.situation_by_id[w.situation].states)


def _tells_arrest(sentence: str, m: re.Match[str]) -> bool:
    """An arrest word that tells an arrest, not one denied or wished ("was not arrested") nor one of others
    ("Five people have been arrested", "police arrested dozens of protesters")."""
    base = max(0, m.start() - 40)
    before = sentence[base:m.start()]
    if "til" in before and (until := UNTIL_PAST.search(before)) is not None and AWAITING.search(
            sentence, max(0, base + until.start() - 40), base + until.start()):
        return False  # "the crimes would not stop until the Libyan leader was arrested": awaited
    if "since" in before and _SINCE_OWN_ARREST.search(sentence, base, m.end()) and \
            not _DAY_NAMED.search(sentence, m.end(), m.end() + 60):
        return False  # "his first exchange with his fans since his arrest in Accra": time gone by (round 52)
    return not (NEGATED.search(before) or OTHERS_BEFORE_ARREST.search(before)
                or OTHERS_AFTER_ARREST.match(sentence, m.end(), m.end() + 40))


_SINCE_OWN_ARREST = re.compile(r"\bsince (?:his|her|their) arrest\b")


@lru_cache(maxsize=512)
def _arrest_position(sentence: str) -> int | None:
    for m in ARREST.finditer(sentence):
        if _tells_arrest(sentence, m):
            return m.start()
    return None


@lru_cache(maxsize=512)
def _arrest_positions(sentence: str) -> tuple[int, ...]:
    return tuple(m.start() for m in ARREST.finditer(sentence) if _tells_arrest(sentence, m))


def _nearest(candidates: list[tuple[str, Hit, str]], position: int) -> Hit:
    return min((place for _, place, _ in candidates), key=lambda p: abs(p.start - position))


# ", which are hostile to Muslims in the Central African Republic, has just been detained": a relative clause
# closed before the verb
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who|whose|where)\b[^,]*$")


def _nearest_arrest_place(sentence: str, candidates: list[tuple[str, Hit, str]], at: int) -> Hit:
    """The place of the arrest word at `at`: the nearest, but not one inside a relative clause closed before
    the arrest word when another place is there to take ("the militias, which are hostile to Muslims in the
    Central African Republic, has just been detained ... in the north of Congo": round fourteen)."""
    def aside(place: Hit) -> bool:
        return place.end <= at and "," in sentence[place.end:at] and \
            _RELATIVE_OPEN.search(sentence, max(0, place.start - 120), place.start) is not None
    kept = [c for c in candidates if not aside(c[1])]
    return _nearest(kept or candidates, at)


@lru_cache(maxsize=512)
def _travels(sentence: str) -> bool:
    return bool(_travel_word(sentence) or CANCELLED.search(sentence) or REMOTE.search(sentence)
                or AMONG_PRESENT.search(sentence) or _arrested(sentence))


def _travel_word(sentence: str) -> bool:
    """A travel word, not counting an arrest word that tells no arrest ("would be arrested if he came")."""
    m = TRAVEL.search(sentence)
    while m is not None:
        if m.group(0).lower() not in _ARREST_WORDS or not NEGATED.search(sentence, max(0, m.start() - 40), m.start()):
            return True
        m = TRAVEL.search(sentence, m.end())
    return False


# "U.S. troops", "Ugandan and U.S. forces": the ones an arrest or surrender was made to, not its place (round seven).
# "find ways and means for him to visit Germany", "it would be difficult for her to travel to": a trip's
# possibility or the means to it, not the trip (round seven).
_MEANS_FOR_TRIP = re.compile(r"\b(?:ways?|means|possible|impossible|difficult|hard|easier|safe|unsafe|risky|"
                             r"chance|opportunity)\b[^.;:]{0,20}? for (?:him|her) to (?:visit|come to|travel to|"
                             r"go to|fly to)\b[^.;:]{0,30}$", re.I)
_FROM_BEFORE = re.compile(r"\b(?:leader|commander|national|native|citizen|man|woman|politician|lawyer) from (?:the )?$",
                          re.I)
_TROOPS_AFTER = re.compile(r"\s+(?:troops|soldiers|forces|special forces|army|military)\b", re.I)
_ARREST_WORDS = frozenset(("arrested", "detained", "custody", "apprehended"))
_THEN = re.compile(r"\b(?:and )?then\b", re.I)


@lru_cache(maxsize=512)
def _travels_in(clause: str) -> bool:
    return TRAVEL.search(clause) is not None


_KIND_OF_TENSE = {True: "planned", False: "occurred", None: MENTION}


@lru_cache(maxsize=512)
def _tense(sentence: str) -> bool | None:
    """True for the future, False for the past, None when the sentence does not say."""
    future, past = FUTURE.search(sentence), PAST.search(sentence)
    while past and "since " in sentence and _IN_SINCE_CLAUSE.search(sentence, max(0, past.start() - 60), past.start()):
        # "It is his sixth trip since Trump returned to office": the verb of a "since" clause tells the time
        # the count runs from, not the tense of the trip
        past = PAST.search(sentence, past.end())
    if future and (not past or future.start() <= past.start()):  # "was to visit": a plan
        return True
    return False if past else None


# (the verb right after a named or pronoun subject: "since Trump returned", "since he took office"; not "since the
# warrant was to Washington", where "since" heads a phrase and the verb is the sentence's)
_IN_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:(?:(?-i:[A-Z][\w'’.-]+)\s+){1,3}|(?:he|she|they|we|it)\s+)$", re.I)


def _kind_from_dates(dates: list[DateMention], published: dt.date) -> str:
    # (a day that is the report's own, "On Tuesday, the state visit begins", tells neither)
    if any(d.last <= published for d in dates):
        return "occurred"
    if any(d.first > published for d in dates):
        return "planned"
    return MENTION


def _arrested(sentence: str) -> bool:
    return _arrest_position(sentence) is not None


@lru_cache(maxsize=512)
def _kind(sentence: str) -> str:
    if _arrested(sentence):
        return "arrest"
    remote = REMOTE.search(sentence)
    if remote and _remote_attendance(sentence):
        return "remote"
    called_off = CANCELLED.search(sentence)
    if called_off and not NOT_TRIP_CALLED_OFF.search(sentence, max(0, called_off.start() - 80), called_off.start()) \
            and not _CALL_OFF_URGED.search(sentence, max(0, called_off.start() - 90), called_off.start()) \
            and not ("airspace" in sentence and _SKIPPED_ROUTE.match(sentence, called_off.end())) \
            and not (("earlier" in sentence or "initially" in sentence or "first" in sentence or "previously" in
                      sentence) and _call_off_reversed(sentence, called_off.start())):
        return "cancelled"
    if remote:
        return "cancelled"  # "will not address it remotely either": neither there nor by video
    return _KIND_OF_TENSE[_tense(sentence)]


# "Malacañang had earlier said that he would skip the event ...; Duterte later said he would attend": a calling-off
# told as an earlier word that a later one reversed is no calling-off.
_CALL_OFF_SAID_EARLIER = re.compile(r"\b(?:had|has) (?:earlier|initially|first|previously) "
                                    r"(?:said|announced|indicated|stated)\b[^.;]{0,80}$", re.I)
_REVERSED_LATER = re.compile(r"\b(?:later|since|now|then) (?:said|says|announced|confirmed|decided|agreed)\b"
                             r"[^.;]{0,30}?\b(?:would|will|to) (?:attend|go|travel|visit|come|fly|join)\b", re.I)


def _call_off_reversed(sentence: str, at: int) -> bool:
    return bool(_CALL_OFF_SAID_EARLIER.search(sentence, max(0, at - 120), at) and
                _REVERSED_LATER.search(sentence, at))


def _remote_attendance(sentence: str) -> bool:
    """Video participation told as a fact or a plan: not denied ("will not address it remotely either") and
    not asked about ("asked whether he would make a video address")."""
    remote = REMOTE.search(sentence)
    return remote is not None and not REMOTE_DENIED.search(sentence, max(0, remote.start() - 45), remote.start()) \
        and not HYPOTHETICAL_BEFORE.search(sentence, max(0, remote.start() - 60), remote.start())


def _call_off_urged(sentence: str) -> bool:
    called_off = CANCELLED.search(sentence)
    return called_off is not None and \
        _CALL_OFF_URGED.search(sentence, max(0, called_off.start() - 90), called_off.start()) is not None


# "Ukraine called for the visit to be cancelled", "no plans to cancel": a calling-off urged or ruled out.
# "skipped a large part of European airspace": a route, not a trip called off (round six).
_SKIPPED_ROUTE = re.compile(r"\s+(?:(?:a|the|much|most|large|big|good|part|parts|of|[\w-]+an)\s+){0,5}"
                            r"(?:[\w-]+\s+)?airspace\b", re.I)
_CALL_OFF_URGED = re.compile(r"\b(?:call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|demand\w*|should(?: be)?|must(?: be)?|"
                             r"no plans to|den(?:y|ies|ied)|refus\w* to|calls to|(?:would|will) not be|rumou?r\w*)\b"
                             r"[^.;]*$", re.I)


# (round seventeen, news-final16 1955; not "cut his visit short": a trip made and ended early)
_PLAN_CHANGED = re.compile(r"\b(?:cut|shortened|trimmed|curtailed|scaled back|reduced|brought forward|moved up|"
                           r"pushed back|rescheduled)\s+(?:the|his|her|this)\s+(?:planned |official |state |working )?"
                           r"(?:visit|trip|stay|tour)\b(?![^.;]{0,30}\bshort\b)", re.I)
_ON_THE_WAY_TO = re.compile(r"\bon (?:his|her|its|their|the) way to\b[^.;,]{0,80}$", re.I)
_WEEKDAY_BEFORE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), $")


_SENTENCE_START = re.compile(r"\W*(?:(?:late|early|earlier|later) )?(?:on )?$", re.I)


def _statement_day(sentence: str, date: DateMention) -> bool:
    """A day that opens the sentence and is followed by who said something: the saying's day ("On Friday the
    Kremlin announced that ...", "Yesterday, Kremlin officials told Russian state media that ..."), not the
    trip's. (Until round seventeen the pattern began with "^", which `match` at a later position never
    matches: the rule had never applied.)"""
    return bool(_SENTENCE_START.match(sentence, 0, date.start)) and \
        STATEMENT_AFTER_DATE.match(sentence, date.end, min(len(sentence), date.end + 60)) is not None


@lru_cache(maxsize=2048)  # asked again for each place of the sentence
def _trip_date(sentence: str, date: DateMention) -> bool:
    """Not a date of the warrant, the treaty or a statement, unless a trip is named in between ("the
    warrant was to Washington in February")."""
    # (the words before the date read in the sentence up to it, not in a copy: a search ends at `end` as if
    # the text ended there, and the sentence's searches are answered from the article's scan)
    end = min(date.start, len(sentence))
    if sentence[end - 2:end] == ", " and (weekday := _WEEKDAY_BEFORE.search(sentence, max(0, end - 12), end)):
        end = weekday.start()  # "said at a briefing on Friday, January 19": the words before the weekday
    if NOT_TRIP_DATE_BEFORE.search(sentence, max(0, end - 40), end) or (
            date.text[:6].lower() == "since " and LAST_MEETING_BEFORE.search(sentence, max(0, end - 40), end)) or (
            "where" in sentence and _WHERE_OTHERS_SINCE.search(sentence, max(0, end - 90), end)) or \
            _statement_day(sentence, date):
        return False  # "since 2019", "by March 17", "returns to Israel on Wednesday", "On Friday the Kremlin said"
    m = NOT_TRIP_DATE.search(sentence, max(0, end - 90), end)
    # (round 23: "flouted an ICC warrant in 2006 by visiting Cairo": the visit's date, news-final21 2210)
    return m is None or bool(TRIP_AFTER.search(sentence, m.start(), end)) or \
        _VISIT_AFTER_DATE.match(sentence, date.end) is not None


# round 51: "travelling to Tangiers, the city where King Salman has been on holiday since July 24" (news-final35 3416):
# the start of another's stay
_WHERE_OTHERS_SINCE = re.compile(r"\bwhere\s+(?:(?:King|Queen|President|Prince|Emir|Sheikh|the)\s+)?"
                                 r"(?:[A-Z][\w'’.-]+\s+){1,3}(?:has|have|had) been\b[^.;]{0,40}\bsince\s+(?:the\s+)?$")
_ARRIVED_NOW = re.compile(r"\b(?:has|have) (?:just )?(?:arrived|landed)\b")
_PURPOSE = re.compile(r"\b(?:to (?:take part|participate|attend)|for (?:a|an|the) )\b")


def _pick_date(dates: list[DateMention], anchor: int, sentence: str,
               place_end: int | None = None) -> DateMention | None:
    usable = [d for d in dates if _trip_date(sentence, d)]
    if usable and " ha" in sentence and (arrived := _ARRIVED_NOW.search(sentence, 0, anchor + 1)):
        # round 48: "has arrived in Beijing to take part in a meeting ... on Tuesday": an arrival told in the present
        # perfect is of the report's day, and a day told after its purpose is the occasion's
        purpose = _PURPOSE.search(sentence, arrived.end())
        if purpose is not None:
            usable = [d for d in usable if d.start < purpose.start()]
    if not usable:
        return None
    # A day written just after an arrival verb dates the trip ("left Abuja on Monday, a day after he
    # arrived on Sunday").
    arrivals = [d for d in usable if d.span_days == 0 and ARRIVAL.search(sentence[max(0, d.start - 30):d.start])
                and (_same_clause(sentence, anchor, d.start) or not _clause_kind(sentence, anchor))]
    if place_end is not None:
        # "who visited Chad in 2010, arrived in Kenya on Friday": the date written right after a place
        # is that stay's, unless an arrival day inside it follows ("in Dushanbe last week, arriving on
        # Wednesday, October 8")
        own = [d for d in usable if 0 <= d.start - place_end <= 4]
        if own and not any(own[0].first <= a.first <= own[0].last for a in arrivals if a is not own[0]):
            return own[0]
    if " when " in sentence:
        # round 52: "landed in London, where he stayed until 13 January, when he moved to Brussels by train": the day
        # a stay ended is the day of the move that ended it (news-final36 3512)
        for d in usable:
            if d.end < anchor and _UNTIL.search(sentence, max(0, d.start - 12), d.start) and \
                    _WHEN_MOVED_TO.fullmatch(sentence, d.end, anchor):
                return d
    if arrivals:
        return min(arrivals, key=lambda d: d.first)
    # round 21: "rebuked South Africa on Thursday for failing to arrest al-Bashir when he came to Johannesburg
    # in 2015": a state named before a clause that tells the trip ("when he came") is dated by that clause, not
    # by the statement about it (news-final19 2117)
    # round 22: "will on Monday lead his country's delegation to the Summit, which convenes in Malabo ... on 24
    # November": the person's own day, before the clause that tells the occasion (news-final20 2153)
    which = _OCCASION_WHICH.search(sentence, max(0, anchor - 60), anchor) if ", which " in sentence else None
    if which is not None:
        own_day = [d for d in usable if d.end <= which.start() and d.span_days == 0 and
                   _same_clause(sentence, d.start, which.start())]
        if own_day:
            return own_day[-1]
    when = _WHEN_TRIP.search(sentence, anchor)
    if when and not TRAVEL.search(sentence, anchor, when.start()):
        told = [d for d in usable if d.start > when.end() and not _STRONG_BREAK.search(sentence, when.end(), d.start)]
        if told:
            return min(told, key=lambda d: d.start)
    # Otherwise a date in the place's own clause, not one that ends something ("runs until Thursday"),
    # the one written nearest the place, after it rather than before it at equal precision ("arrived
    # in Vietnam on Thursday, fresh from a stop in Pyongyang on Wednesday").
    # (not across "and then": "at the launch in Djibouti on July 5 and then went on to Uganda" does not date
    # the second stop)
    own_clause = [d for d in usable if _same_clause(sentence, anchor, d.start)]
    near = [] if own_clause else \
        [d for d in usable if not _STRONG_BREAK.search(sentence, min(anchor, d.start), max(anchor, d.start))]
    usable = own_clause or [d for d in near if not (d.start < anchor and _THEN.search(sentence, d.end, anchor))]
    if not usable:
        before = [d for d in near if d.start < anchor and d.span_days == 0 and "then" in sentence]
        if before:
            # the next stop, after "on July 5 and then went on to Uganda": a later day that the text does not
            # give, known to the month of the stop before it (as a stay before a dated leg is)
            day = max(before, key=lambda d: d.start)
            last_day = calendar.monthrange(day.first.year, day.first.month)[1]
            first, last = day.first.replace(day=1), day.first.replace(day=last_day)
            return DateMention(day.start, day.end, first, last, day.text)
        return None  # "It will be his third trip to the United States: he was first hosted in February"
    # round twelve: a day "until" which a stay lasts is never its first, even when it is the only one ("During the
    # trip, which will last until February 14, Shoigu will also visit Nicaragua": no day of its own); "moved to
    # Wednesday" still dates what was moved
    starts = [d for d in usable if not END_DATE.search(sentence[max(0, d.start - 12):d.start])]
    if not starts and all(_UNTIL.search(sentence[max(0, d.start - 12):d.start]) for d in usable):
        return None
    usable = starts or usable
    return min(usable, key=lambda d: (d.span_days > 0, d.span_days > 31,
                                      abs(d.start - anchor) + (0 if d.start >= anchor else 30), d.first))


_VISIT_ANNOUNCED = re.compile(r"\b(?:announc|disclos|reveal|unveil|criticis|criticiz|condemn|"
                              r"defend|arrang|organis|organiz)\w*\s+(?:the|this|his|her|that|a|an)\s+"
                              r"(?:(?:planned|upcoming|forthcoming|proposed|state|official|working)\s+)?"
                              r"(?:visit|trip|tour|journey)\b", re.I)
_BEFORE_LEAVING = re.compile(r"\W*(?:Before|Prior to) (?:leaving|flying|departing|heading|setting off|taking off) "
                             r"(?:for|to)\b[^,;]*,", re.I)
_TOLD_PAST = re.compile(r"\s*(?:(?-i:[A-Z])[\w'’.-]*\s+){1,6}(?:said|told|stated|declared|announced|vowed|pledged|"
                        r"warned|added|wrote)\b", re.I)
_OPENING_GERUND = re.compile(r"\W*(?:(?:before|after|upon|on|while|when|since)\s+)?[a-z]+ing\b[^,;]*,\s*"
                             r"(?:(?-i:[A-Z])[\w'’.-]*\s+){0,5}$", re.I)
# round 23: "A visit by al-Bashir to the United States could also have set off an outcry": a trip supposed, not made
# (news-final21 2223)
_COUNTERFACTUAL_TRIP = re.compile(r"\W*(?:An?|His|Her|Such an?|Any) (?:[\w-]+ )?(?:visit|trip|journey)\b[^.;:]{0,90}?"
                                  r"\b(?:could|would|might)(?: also| well| even| only)? have\b")
_VISIT_AFTER_DATE = re.compile(r",?\s+(?:(?:by|when|while|in|during|on) (?:visiting|travell?ing to|flying to|going to|"
                               r"(?:an? |his |her )?(?:visit|trip) to)|"
                               # round 51: "Putin said yesterday at the start of a meeting with Federal Chancellor
                               # Gerhard Schroeder in Hamburg" (news-final35 3365): said where he met
                               r"at the (?:start|opening|beginning|end|close) of (?:a|the|his|her) (?:meeting|talks)|"
                               r"(?:at|during|after) (?:a|the|his|her) (?:meeting|talks) with)\b", re.I)
_UNTIL = re.compile(r"\b(?:until|till|through)\s+$", re.I)
_WHEN_MOVED_TO = re.compile(r",?\s+when (?:he|she|they) (?:moved|went|travell?ed|flew|left|continued|headed|drove|"
                            r"crossed|returned)(?: on)? (?:to|for|into)\s+(?:the\s+)?", re.I)
_OCCASION_WHICH = re.compile(r", which (?:will )?(?:convenes?|opens?|begins?|starts?|is held|will be held|takes? place|"
                             r"runs?)\b")
_WHEN_TRIP = re.compile(r"\bwhen (?:he |she |(?:[A-Z][\w'’-]+ ){1,3}?)(?:had |has )?"
                        r"(?:visited|came|went|travell?ed|flew|arrived|attended|landed|stopped|was in)\b")


def _meeting_told(kb: KnowledgeBase, person: str, sentence: str, places: list[Hit]) -> bool:
    """A meeting of the person told without a venue ("22:00 Moscow time" is none): the next sentence may name it."""
    # (nor "friendly cooperation between China and the Philippines": a topic, round sixteen)
    return bool(MEETING_WORD.search(sentence)) and all(
        p.demonym or p.value == kb.person_by_id[person].nationality or
        NOT_DESTINATION_BEFORE.search(sentence, max(0, p.start - 60), p.start) for p in places)


def _arrest_places(sentence: str, places: list[Hit]) -> list[Hit]:
    """The places a sentence tells an arrest in ("Germany has arrested ..."): the scene of the next one's."""
    found = [p for p in places if PLACE_ARRESTS.match(sentence, p.end) and (
        not p.demonym or DEMONYM_ARRESTS.match(sentence[p.end:]))]
    return found if found and _arrested(sentence) else []


# "the inauguration of South African President-elect Jacob Zuma", "the funeral of Japanese former Prime Minister
# Abe": a state's occasion named by its leader's demonym is held in that state, so the demonym names a place there
_OCCASION_OF = re.compile(r"\b(?:inauguration|swearing-in|investiture|funeral|state funeral|coronation|jubilee)"
                          r" of (?:the )?(?:former |late |outgoing )?$", re.I)
_LEADER_AFTER = re.compile(r" (?:former |late |new |newly[- ]elected |re-elected )?(?:President|Prime Minister|"
                           r"Premier|Chancellor|King|Queen|Emperor|Emir|Crown Prince|leader|President-elect|"
                           r"head of state)\b")


# what the traveller does about the occasion, just before it: "will not attend the inauguration of ..."
_AT_OCCASION = re.compile(r"\b(?:attend|attends|attended|attending|skip|skips|skipped|skipping|miss|misses|missed|"
                          r"missing|stay away from|stays away from|stayed away from|be at|was at|were at|go to|goes "
                          r"to|went to|travel to|travels to|travelled to|traveled to|fly to|flew to)"
                          r" (?:the )?(?:[A-Za-z'-]+ ){0,2}$", re.I)


def _occasion_of_leader(sentence: str, start: int, end: int) -> bool:
    """The demonym at `start`:`end` names the leader whose state holds an occasion that someone attends or
    stays away from ("will not attend the inauguration of South African President-elect Jacob Zuma")."""
    occasion = _OCCASION_OF.search(sentence, max(0, start - 40), start)
    return bool(occasion and _LEADER_AFTER.match(sentence, end)
                and _AT_OCCASION.search(sentence, max(0, occasion.start() - 60), occasion.start()))


_OCCASION_AS = re.compile(r"\b(?:inauguration|swearing-in|investiture|enthronement|coronation) of "
                          r"(?:(?-i:[A-Z][\w'’.-]+) ){1,4}as (?:the )?$", re.I)


def _occasion_trip(kb: KnowledgeBase, people: list[Hit], place: Hit, sentence: str,
                   kind: str) -> list[tuple[str, Hit, str]]:
    """The trip to an occasion held by the leader of `place`'s state: the traveller is the last person of the
    record named before the occasion (the leader named after it is its host, not a traveller)."""
    before = [p for p in people if p.end <= place.start]
    if not before or kb.person_by_id[before[-1].value].nationality == place.value:
        return []
    return [(before[-1].value, Hit(place.start, place.end, "place", place.value, place.text), kind)]


def _persons(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.kind in ("person", "reference")]


def extract(kb: KnowledgeBase, text: str, published: dt.date, model: Model | None = MODEL) -> list[Event]:
    """The events in `text`, a news article published on `published`: the candidates the rules read, each
    scored by the learned decision stage (`news.model`: its probability is the event's confidence) and
    kept when at or above its threshold. `model=None`: the rules' candidates with their rule confidence."""
    events = [_at_place(kb, e) for e in _read_events(kb, text, published)
              if not _after_death(kb, e) and not _in_the_courts_custody(kb, e, published)]
    if model is None or not events:
        return events
    return model.decide(events, [kb.person_by_id[e.person].nationality for e in events], published)


def _at_place(kb: KnowledgeBase, event: Event) -> Event:
    """The event with its occupied or contested place, when its evidence names one of its host there."""
    reading = event.reading
    if reading is None or reading.place is None:
        return event
    place = contested_places(kb).get(reading.sentence[reading.place[0]:reading.place[1]].casefold())
    if place is None or kb.place_by_id[place].state != event.host:
        return event
    return replace(event, place=place)


def _after_death(kb: KnowledgeBase, event: Event) -> bool:
    """A trip or an arrest dated after the person's recorded death cannot be theirs: the article speaks of
    someone else under the same name ("Gaddafi's former right-hand man", a son), or of the dead person's
    past without a date. Deaths are facts of the record (a warrant's `deceased` status), not of the text."""
    if event.date is None:
        return False
    death = reported_death(kb.warrants_of.get(event.person, ()))
    return death is not None and event.date.first_day > death.since.last_day


# Round 44: "The Russian president is accompanied on his visit to Ankara by ... Chief of the General Staff Valery
# Gerasimov": the persons of the record the trip's sentence lists as its companions make the same trip (news-final31
# 2974).
_ACCOMPANIED_BY = re.compile(r"\baccompanied\b[^.;]{0,80}?\bby\b", re.I)


def _companions(kb: KnowledgeBase, ctx: _Context) -> None:
    for event in list(ctx.events):
        if event.kind not in ("occurred", "planned") or event.reading is None:
            continue
        sentence = event.reading.sentence
        told = _ACCOMPANIED_BY.search(sentence)
        if told is None or event.reading.place is None or event.reading.place[0] > told.end():
            continue  # (the trip's place is named before the companions)
        for hit in ctx.persons_of.get(sentence, ()):
            if hit.start >= told.end() and hit.value != event.person and \
                    kb.person_by_id[hit.value].nationality != event.host:
                _add(ctx, replace(event, person=hit.value, confidence=round(max(0.05, event.confidence - 0.1), 2)))


_ARMY_WORDS = ("Defen", "Armed", "Air ")  # (the words `ARMY_AFTER` can begin with: most places are followed by others)


def _in_the_courts_custody(kb: KnowledgeBase, event: Event, published: dt.date) -> bool:
    """A stay in the Netherlands of a person the Court holds (surrendered to it, or released on conditions it sets,
    until the warrant ends) is the Court's custody, not a trip: "He left the Netherlands on Tuesday", "Blé Goudé is
    still in the Netherlands" (round 43, news-final31 3033; the transfer to The Hague is never a trip either).
    Custody is a fact of the record (a warrant's `in_custody` status without a holding state), not of the text."""
    if event.host != COURT_SEAT or event.kind not in ("occurred", "planned"):
        return False
    day = event.date.first_day if event.date is not None and event.date.is_exact else published
    return any((status := warrant_on(w, day).status) is not None and status.status is WarrantStatusKind.in_custody
               and status.held_by is None for w in kb.warrants_of.get(event.person, ()))


_BUREAU = re.compile(r"/[A-Z]{2,8}/")
# "SHARM EL-SHEIKH", "DAR ES SALAAM": the particles of a place name in upper case are lower case in its own name
_PARTICLE = re.compile(r"(?<=\w[ -])(El|Al|Es|De|Du|Da|La|Le|Of)(?=[ -])")


def _title_case(dateline: str) -> str:
    return _PARTICLE.sub(lambda m: m.group(1).lower(), dateline.title())


# "Vladimir V. Putin": a place's name (the Russian city of Vladimir) followed by a middle initial and a person
# is that person's given name (round sixteen, news-final15 1933)
_MIDDLE_INITIALS = re.compile(r"\s+(?:[A-Z]\.\s*){1,2}\s*$")
_ARABIC_ARTICLES = frozenset((" al-", " Al-", " el-", " El-", " al ", " Al ", " el ", " El "))
_ARABIC_NAME_BEFORE = re.compile(r"\b(?:Abd[a-z]*|Abu|Abou|Bin|Ben|Ibn) $")


# "one of his key aides, Mohammed Ismail, had travelled to Britain": someone of his, not he (round eighteen,
# news-final17 2011)
_HIS_PROXY = re.compile(r"\s+(?:(?:key|senior|close|top|chief|former|personal|special|own|two|three) )*"
                        r"(?:aides?|advisers?|advisors?|envoys?|emissar(?:y|ies)|representatives?|spokes(?:man|woman|person)|lawyers?|"
                        r"sons?|daughters?|wife|brothers?|delegation|officials?|ministers?|associates?)\b")


def _object_pronoun(sentence: str) -> bool:
    """A "him", "his" or "her" that may be the person's (not "his aides": they travel, not he)."""
    return any(m.group(1).lower() == "him" or not _HIS_PROXY.match(sentence, m.end())
               for m in OBJECT_PRONOUN.finditer(sentence))


# round 51: "Sudan's foreign minister has called off a trip to Egypt after President Omar al-Bashir accused Egypt of
# arming rebels" (news-final35 3428): a person named in a clause of what came before is not the one whose trip the
# main clause told
_IN_A_LATER_CLAUSE = re.compile(r"\b(?:after|because|when)\s+(?:(?:[A-Z][\w'’.-]+|the)\s+){0,4}$")


def _named_in_a_later_clause(sentence: str, person: Hit) -> bool:
    # (only in a sentence with " after ": widened to any "because" or "when", it lost two right events of the
    # development sets, 1411 and 1414 of news-final9)
    return " after " in sentence and \
        _IN_A_LATER_CLAUSE.search(sentence, max(0, person.start - 45), person.start) is not None


def _trip_told_before(sentence: str, position: int) -> bool:
    """A trip word before `position` and none in the clause of the person there (not "because Khadafi is not
    coming")."""
    head = sentence[:position]
    return not head.lstrip().startswith(("After", "Because", "When")) and bool(
        TRAVEL.search(head) or CANCELLED.search(head)) and not _OWN_TRIP_AFTER.match(sentence, position)


_OWN_TRIP_AFTER = re.compile(r"[\w\s'’.-]{0,50}?\b(?:come|coming|came|go|going|went|travel\w*|visit\w*|attend\w*|"
                             r"arriv\w*|fly|flying|flew)\b")


# round 51: "Yair Netanyahu, the son of Prime Minister Benjamin Netanyahu", "The younger Netanyahu went to Hungary"
# (news-final35 3368): a surname after a given name that is not the person's, or after "younger", is a relative's.
# The words that may stand before a surname and still name the person: titles and words that begin a sentence (a
# demonym, "Sudanese Bashir", is a place of the gazetteer and is told apart by its hit; an abbreviation with its full
# stop, "Mr. Netanyahu", is no given name to `_GIVEN_NAME_BEFORE`).
_BEFORE_SURNAME = frozenset((
    "president", "presidents", "prime", "minister", "pm", "premier", "mr", "mrs", "ms", "dr", "colonel", "col",
    "general", "gen", "marshal", "field", "leader", "brother", "chancellor", "sheikh", "emir", "king", "senator",
    "sen", "judge", "commander", "chief", "secretary", "comrade", "mister", "monsieur", "herr", "señor",
    "president-elect",
    "presidente", "président", "mayor", "governor", "gov", "lieutenant", "lt", "captain", "capt", "major", "maj",
    "admiral", "director", "deputy", "vice", "acting", "former", "ex", "strongman", "warlord", "ambassador",
    "envoy", "but", "and", "when", "then", "as", "while", "if", "although", "though", "after", "before", "since",
    "meanwhile", "today", "yesterday", "tomorrow", "now", "still", "also", "so", "yet", "did", "does", "do", "has",
    "have", "had", "will", "would", "should", "could", "can", "is", "was", "why", "how", "where", "what", "who",
    "whether", "that", "this", "for", "with", "by", "to", "of", "in", "on", "at", "from", "said", "says", "told",
    "under", "against", "once", "until", "unlike", "like", "according", "asked", "met", "meets", "because",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "defence", "defense", "foreign",
    "interior", "head", "chairman",
    "chair", "speaker", "dictator", "ruler", "rebel", "indicted", "accused", "suspect", "suspected", "fugitive",
    "wanted", "not", "even", "only", "just", "likud", "kremlin", "taliban",
    "ltc", "al", "el", "moammar", "muammar", "moamer", "mouammar", "omar", "omer", "besides", "afterwards", "both",
    "meeting", "during", "last", "next", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec"))
_KIN_BEFORE = re.compile(r"\b(?:younger|junior|son|daughter|wife|brother|sister|nephew|cousin)\s+$", re.I)
_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-zà-ÿ'’-]*[a-zà-ÿ])[ \t]+$")


def _relatives_dropped(kb: KnowledgeBase, text: str, hits: list[Hit]) -> list[Hit]:
    keep = []
    for hit in hits:
        if hit.kind == "person" and " " not in hit.text.strip():
            before = text[max(0, hit.start - 30):hit.start]
            given = _GIVEN_NAME_BEFORE.search(before)
            if _KIN_BEFORE.search(before) or (
                    given is not None and given.group(1).lower() not in _BEFORE_SURNAME and
                    not _own_name_word(kb, hit.value, given.group(1).lower()) and
                    not any(h.kind == "place" and h.end == hit.start - (len(before) - given.end(1))
                            for h in hits)):
                continue
        keep.append(hit)
    return keep


@lru_cache(maxsize=1024)
def _own_name_word(kb: KnowledgeBase, person: str, word: str) -> bool:
    """Whether `word` is one of the person's names, or a spelling of one ("Hasan", "Hebatullah")."""
    return any(word == own or SequenceMatcher(None, word, own).ratio() >= 0.75 for own in _own_name_words(kb, person))


@lru_cache(maxsize=256)  # facts of the knowledge base: kept across articles
def _own_name_words(kb: KnowledgeBase, person: str) -> frozenset[str]:
    record = kb.person_by_id[person]
    return frozenset(word.lower().strip(".,") for name in (record.name, record.full_name or "", *record.aliases)
                     for word in re.split(r"[\s-]+", name) if word)


def _given_names_kept(text: str, hits: list[Hit]) -> list[Hit]:
    drop = {i for i in range(len(hits) - 1) if hits[i].kind == "place" and hits[i + 1].kind == "person" and
            hits[i + 1].start - hits[i].end <= 8 and (
                _MIDDLE_INITIALS.match(text, hits[i].end, hits[i + 1].start) or
                # round 52: "Abdel Bari al-Shaqaqi" is no trip to Bari (news-final36 3521): a city's name inside an
                # Arabic name, before the person's "al-" or after "Abdel"
                text[hits[i].end:hits[i + 1].start] in _ARABIC_ARTICLES or
                (hits[i + 1].start == hits[i].end + 1 and
                 _ARABIC_NAME_BEFORE.search(text, max(0, hits[i].start - 8), hits[i].start)))}
    return [hit for i, hit in enumerate(hits) if i not in drop] if drop else hits


def _read_events(kb: KnowledgeBase, text: str, published: dt.date) -> list[Event]:
    """The rules' candidate events (`extract` without the learned decision)."""
    gazetteer: Gazetteer = gazetteer_for(kb)
    ctx = _Context(published=published)
    for memo in _MEMOS:  # per article: nothing carries over between articles
        memo.cache_clear()
    _ROLES.clear()
    _TOPICS.clear()
    dateline = DATELINE.match(text)
    if dateline:
        ctx.dateline_day = _dateline_day(dateline.group(0), published)
    if dateline and not _BUREAU.search(dateline.group(0)):  # (an agency's bureau, "NEW YORK, August 15. /TASS/.", is
        # no scene; "(DPA/IANS)" names two agencies)
        # "KAMPALA, May 12 —": where the report was filed is the scene of the first sentence when it names
        # none of its own ("Museveni was sworn in ... Among the guests was al-Bashir"), and the venue of a
        # summit attended by video; its offsets lie outside every sentence
        far = len(text) + 1
        ctx.venue = ctx.dateline = [
            Hit(far, far + h.end - h.start, h.kind, h.value, h.text, h.demonym)
            for h in gazetteer.find(_title_case(dateline.group(0)), published) if h.kind == "place" and not h.demonym]
        ctx.last_places = _Scene("", [], found=ctx.venue)
    norm = normalise(DATELINE.sub("", text, count=1))
    # One pass of the name automata and one of the date scan over the whole article; each sentence
    # takes its share.
    all_hits = gazetteer.find(norm, published)
    if not any(hit.kind != "place" for hit in all_hits):
        return []  # no person of the record named or referred to: no event (most of a news feed)
    all_hits = _relatives_dropped(kb, norm, _given_names_kept(norm, all_hits))
    spans = sentence_spans(norm)
    read_article(norm, spans)  # the cue patterns' searches in it answered from one scan (news.cue_index)
    all_dates = scan(norm)
    h = d = 0
    for start, end in spans:
        sentence = norm[start:end]
        ctx.sentence_no += 1
        while h < len(all_hits) and all_hits[h].start < start:
            h += 1
        hits = []
        while h < len(all_hits) and all_hits[h].start < end:
            hit = all_hits[h]
            if hit.end <= end:
                hits.append(Hit(hit.start - start, hit.end - start, hit.kind, hit.value, hit.text, hit.demonym))
            h += 1
        while d < len(all_dates) and all_dates[d].start < start:
            d += 1
        raw = []
        while d < len(all_dates) and all_dates[d].start < end:
            if all_dates[d].end <= end:
                raw.append(all_dates[d])
            d += 1
        ctx.raw_dates[sentence] = (start, raw)
        # "Zelensky had said he would not go if Putin came": a person named only in a condition travels nowhere
        conditional = "if " in sentence or "If " in sentence or "unless" in sentence
        # "accepted Netanyahu's invitation to visit Israel": the one who invites is not the one who travels
        inviting = "nvitation" in sentence
        # round 43: "Nafie, who arrived in Luanda on Tuesday, said that under the guidance of ... Omar Al Bashir": the
        # one who travelled is the speaker, not the persons of what he said (news-final31 3018)
        told_by = _WHO_TRAVELLED_SAID.match(sentence) if ", who " in sentence[:60] else None
        people = [p for p in _persons(hits) if not SENDER_AFTER.match(sentence, p.end)
                  and not (conditional and _CONDITION_BEFORE.search(sentence, max(0, p.start - 30), p.start))
                  and not (inviting and INVITER.match(sentence, p.end))
                  and not (told_by is not None and p.start >= told_by.end())
                  and not (_named_in_a_later_clause(sentence, p) and _trip_told_before(sentence, p.start))]
        if not people:
            # "Netanyahu's office said he would travel to Washington": the pronoun is the office's owner
            senders = [p for p in _persons(hits) if _HE.search(sentence, p.end) and
                       not _named_in_a_later_clause(sentence, p)]
            if senders:
                people = [Hit(0, 0, "reference", senders[-1].value, "(pronoun)")]
        if ctx.sentence_no == 1:
            ctx.lead_people = frozenset(p.value for p in people)
        places = [_us_georgia(h, sentence) if h.value == "GEO" else h for h in hits if h.kind == "place" and not (
            sentence.startswith(_ARMY_WORDS, h.end + 1) and ARMY_AFTER.match(sentence, h.end))]
        ctx.places_of[sentence] = places  # (read only by `_occasion_day` and `_remote_venue`)
        ctx.persons_of[sentence] = [h for h in hits if h.kind == "person"]  # (read only by `_companions`)
        if not people and ctx.last_person and (PRONOUN.search(sentence) or _object_pronoun(sentence)
                                               or SUBJECT_REFERENCE.search(sentence)
                                               or INSTITUTION_SAID_HE.search(sentence)
                                               or _own_leader(kb, ctx.last_person, places, sentence)) \
                and not _other_leader(kb, ctx.last_person, places, sentence) \
                and not _someone_else_before_pronoun(sentence) and ctx.other_traveller_at != ctx.sentence_no - 1:
            people = [Hit(0, 0, "reference", _pronoun_refers_to(kb, ctx, sentence), "(pronoun)")]
        if not people and ctx.last_person and _NAMED_SUBJECT_TRAVELS.match(sentence):
            # round 51: "Bush is to fly by helicopter from the airport to Jerusalem ... During his five-day visit to the
            # region he will also visit Saudi Arabia": the pronoun after another's trip is his (news-final35 3379)
            ctx.other_traveller_at = ctx.sentence_no
        if not people and ctx.last_person and ('"' in sentence or "”" in sentence) and _aide_plans(norm, sentence):
            # '"It is important to pay a visit to China," Ushakov said' (the person's aide): the person's plan
            people = [Hit(0, 0, "reference", ctx.last_person, "(the aide's quote)")]
        if people and ctx.last_person and ("His " in sentence or "Her " in sentence) and \
                _HIS_ARREST_IN.match(sentence):
            _possessive_arrest_day(ctx, sentence)  # "His arrest in December came weeks after Yekatom had been ..."
        if people:
            # A pronoun in a later sentence refers to a subject, not to a person met or hosted
            # ("... hopes to meet Vladimir Putin. ... he sat beside Guelleh" is still al-Bashir).
            # nor to one named after a preposition ("on special instructions from President Vladimir Putin")
            subjects = [p for p in people
                        if p.end == 0 or not (HOSTED_PERSON.search(sentence, max(0, p.start - 25), p.start) or
                                              _OBJECT_OF.search(sentence, max(0, p.start - 45), p.start))]
            if subjects or not ctx.last_person:
                ctx.last_person = (subjects or people)[-1].value
            she = [p.value for p in people if p.end > 0 and kb.person_by_id[p.value].pronoun == "she"]
            if she:
                ctx.last_she = she[-1]
            if raw:
                # (read at the end, only for a person with a trip without a day, and only then tested for a
                # stand-in: `_report_day`)
                ctx.told.append(((subjects or people)[-1], sentence))
        if places and " after " in sentence and "day" in sentence:
            _presence_told_after(ctx, places, sentence)
        if people and ctx.last_event is not None and SCHEDULED.search(sentence) and (not places or not _names_places(
                places, sentence, kb.person_by_id[people[-1].value].nationality)):
            # "..., Peskov said, adding that the meeting is scheduled for ..." (and "Russia will be represented
            # ...": the person's own state is no place of its own)
            _refine(ctx, sentence, published)
        if not people and ctx.last_person and "that " in sentence and _THAT_DAY.search(sentence) and \
                ANAPHORA.search(sentence):
            _that_day(ctx, sentence)  # "The arrest itself came that morning": the day named before
        if not people and ctx.last_event is not None and (ANAPHORA.search(sentence) or (
                not places and SCHEDULED.search(sentence))):
            _refine(ctx, sentence, published)
            continue
        if people and ctx.last_event is not None and raw and "'s " in sentence and all(p.demonym for p in places):
            _month_of_the_meeting(ctx, people[-1].value, sentence)  # "Putin's part in next month's meeting"
        if people and not places and ctx.last_event is not None and _remote_attendance(sentence):
            _attended_remotely(ctx, people[-1].value, sentence)
            continue
        if people and PLACE_ANAPHORA.search(sentence) and _travels(sentence) and not _arrested(sentence) and \
                not _names_places(places, sentence, kb.person_by_id[people[-1].value].nationality) and \
                not ("had been" in sentence and UNREALISED_PLAN.search(sentence)):
            # "According to the Kremlin, the president will travel there on September 3"
            _earlier_arrival(ctx, people[-1].value, sentence, published)
            continue
        meeting, ctx.meeting = ctx.meeting, (people[-1].value, sentence, places) if people else None
        if meeting and not people and REMOTE.search(sentence) and _HELD_REMOTELY.match(sentence) and \
                _TAKES_PART.search(meeting[1]) and not REMOTE.search(meeting[1]):
            ctx.remote_pending.append((Hit(0, 0, "reference", meeting[0], "(the meeting)"), meeting[1]))
        if meeting and not people and places and VENUE_NEXT.match(sentence) and _meeting_told(kb, *meeting):
            ctx.scene_first(sentence)
            _venue_told_next(kb, ctx, meeting[:2], places, sentence, published)
        if not people and places:
            ctx.host_days.append((places, sentence))
            if ctx.events:
                _date_from_host(ctx, places, sentence, published)
        last_scene, scene_sentence, arrest_scene = ctx.last_places, ctx.last_scene, ctx.arrest_places
        first = ctx.last_scene == ""
        ctx.last_places = _Scene(sentence, places, last_scene if first else None)  # (found when asked for)
        ctx.scenes.append(ctx.last_places)
        ctx.pending.setdefault(sentence, []).append(ctx.last_places)
        ctx.last_scene = sentence or " "
        ctx.arrest_places = (sentence, places)  # (read only by the next sentence, and seldom: `_arrest_places`)
        many, ctx.arrested_many = ctx.arrested_many, None
        among = AMONG_THEM.match(sentence) if many is not None and people else None
        # (the arrest word of "Among those detained are ..." is the list's own, not another arrest: round thirteen)
        if among is not None and not _arrested(sentence[among.end():]):
            _among_arrested(kb, ctx, many, people, places, sentence)
            continue
        if places and _arrest_of_many(sentence):
            # "Sudan's authorities detained several leading members ... late on Saturday": those listed next
            at = [p for p in places if PLACE_ARRESTS.match(sentence, p.end) and (
                not p.demonym or DEMONYM_ARRESTS.match(sentence[p.end:]))] or \
                [p for p in places if not p.demonym and sentence[max(0, p.start - 3):p.start] == "in "]
            ctx.arrested_many = (at[:1], sentence) if at else None
        if people and places:
            ctx.departures.append((people, places, sentence))  # read at the end (`_left_home`)
        if not people and places and TRANSFER.search(sentence):
            # "The Central African Republic on Sunday handed an alleged militia commander over to the ICC":
            # the day of a hand-over whose person is named later
            giver = next((p for p in places if p.value != COURT_SEAT and PLACE_SURRENDERS.match(sentence[p.end:])),
                         None)
            days = [d for d in ctx.dates(sentence, False) if d.span_days == 0 and _trip_date(sentence, d)]
            if giver is not None and days:
                ctx.handover = (giver.value, days[0].as_partial)
        if people and places and TRANSFER.search(sentence) and (
                not _arrested(sentence) or any(_announces_handover(sentence, p) for p in places)):
            # surrendered to The Hague from custody: not a trip to the custodial state, but the custody
            # itself when the sentence names the state that hands him over
            _handed_over(kb, ctx, people, places, sentence)
            continue
        if people and places and ("conference" in sentence or "reporters" in sentence or "journalists" in sentence or
                                  (" in " in sentence and _SAID_IN.search(sentence))):
            _spoke_there(kb, ctx, people, places, sentence)
        if people and "visiting" in sentence:
            _visiting(kb, ctx, people, places, sentence)
        if places and (gathered := _gathering_places(places, sentence)):
            ctx.gatherings.append((gathered, sentence, ctx.sentence_no))
        elif ctx.dateline and ctx.sentence_no <= 2 and not people and (named := _GATHERING_NAMED.search(sentence)) \
                and not _names_places([p for p in places if p.start < named.start()], sentence):
            # "TUNIS - Arab leaders convened their annual summit"
            ctx.gatherings.append((ctx.dateline, sentence, ctx.sentence_no))
        if people and ctx.dateline and "here" in sentence and (here := _HERE.search(sentence)) and \
                not _names_places(places, sentence):
            _here(kb, ctx, people, sentence, here)
        if people and ctx.gatherings and (took := _TOOK_PART.search(sentence)) and not any(
                not p.demonym and p.start < took.start() and _SCENE_BEFORE.search(sentence, max(0, p.start - 14),
                                                                                   p.start) for p in places):
            _took_part_there(kb, ctx, people, sentence, took)  # (not "In July, on a visit to Hungary, he ... urged")
        elif people and ctx.gatherings and ("present" in sentence or "mong" in sentence) and \
                (listed := _LISTED_PRESENT.search(sentence)) and \
                not _names_places([p for p in places if sentence[max(0, p.start - 3):p.start] != "of "], sentence):
            # (a state after "of" is a listed leader's own: "Laurent Gbagbo of Côte d'Ivoire")
            _listed_present(kb, ctx, people, sentence, listed)  # "Also present was Sudan's Omar el-Béchir"
        if people and not places and "instead" in sentence and ctx.events and _INSTEAD_COMES.search(sentence):
            _rescheduled(ctx, people[-1].value, sentence)  # "Putin will instead come in December"
            continue
        if not people or not _travels(sentence) or NO_TRIP.search(sentence) or (
                "have" in sentence and _COUNTERFACTUAL_TRIP.match(sentence)):
            continue
        denied_from = _denied_from(sentence) if places else -1
        if denied_from >= 0 and any(place.start >= denied_from for place in places):
            ctx.denied.update((p.value, place.value) for p in people for place in places
                              if place.kind == "place" and place.start >= denied_from)
            continue
        if TRANSFER.search(sentence) and not _arrested(sentence):
            continue
        kind = _kind(sentence)
        if kind in ("planned", "occurred", MENTION) and not TRAVEL.search(sentence) and \
                not AMONG_PRESENT.search(sentence) and _call_off_urged(sentence):
            continue  # the only trip word was a calling-off urged or denied ("denied ... asked Bashir to stay away")
        if kind in ("planned", "occurred", MENTION) and (("had been" in sentence and UNREALISED_PLAN.search(sentence))
                                                         or (" but " in sentence and _DUE_BUT.search(sentence))):
            _date_the_plan_called_off(ctx, people, places, sentence)
            continue  # "He had been due to arrive late on Tuesday": the plan, not the trip
        if kind in ("occurred", MENTION) and _PLAN_CHANGED.search(sentence):
            kind = "planned"  # "had already cut the visit from 36 hours to a few hours on Thursday": the plan changed
        kind_from_dates = kind == MENTION
        if kind == MENTION and ("begin" in sentence or "start" in sentence or "kick" in sentence or "under way" in
                                sentence) and _BEGINS.search(sentence):
            kind = "planned"  # "On Tuesday, the state visit ... begins": told on the day it starts, ahead
        elif kind == MENTION and any(p.end > 0 for p in people) and not _DAY_NAMED.search(sentence) and \
                _told_in_present(sentence):
            kind = "occurred"  # "Putin is staying in Ulaanbaatar": under way, told of a person named (round ten)
        elif kind == MENTION:  # no tense cue: the dates in the sentence tell past from future
            kind = _kind_from_dates(ctx.dates(sentence), published)
        ctx.scene_first(sentence, but=ctx.last_places if len(places) <= _LIST_DEPTH else None)
        candidates = _destinations(kb, people, places, sentence, kind)
        borrowed = False
        if not candidates and kind == "arrest":
            holds = [p for p in places if not p.demonym and PLACE_HOLDS.match(sentence[p.end:])]
            if holds:  # "Italy on Tuesday released Elmasry, who had been arrested on Sunday"
                candidates = _destinations(kb, people, holds, sentence, kind, scene=True)
                borrowed = True
        if not candidates and kind == "arrest" and (arrest_scene := _arrest_places(*arrest_scene)):
            # "Germany has arrested a Libyan militia leader ... El Hishri, who was detained on Wednesday"
            candidates = _destinations(kb, people, arrest_scene, sentence, kind, scene=True)
            borrowed = True
        home_state = kb.person_by_id[people[-1].value].nationality if kind == "arrest" else None
        if not candidates and kind == "arrest" and ((not any(not p.demonym for p in places) and (
                _HOME_ARREST.search(sentence) or any(p.value == home_state and
                                                     DEMONYM_ARRESTS.match(sentence[p.end:]) for p in places))) or (
                # round fourteen: "Saif al-Islam has been detained in the southern desert, Libya's interim justice
                # minister said": a sentence that names no state but his own (news-final4 912)
                places and all(p.value == home_state for p in places) and people[-1].end > 0 and
                _ARRESTED_HERE.search(sentence))):
            # "had surrendered to local military police", "Libyan authorities detained him": an arrest at home,
            # told without a place (read with the confidence of a borrowed place)
            person = kb.person_by_id[people[-1].value]
            home = Hit(len(sentence) + 1, len(sentence) + 2, "place", person.nationality, "(home)")
            candidates = _destinations(kb, people, [home], sentence, kind, scene=True)
            borrowed = True
        scene = last_scene.get() if not candidates else []  # (read below only when no candidate is found)
        if not candidates and kind == "remote" and not scene and (venue := ctx.the_venue()):
            scene = venue  # "the President will take part via videoconference in ... this summit"
        talks = ctx.dateline and not candidates and ctx.sentence_no <= 2 and kind in ("planned", "occurred", MENTION) \
            and _HELD_TALKS.search(sentence)
        if talks and kind == MENTION and talks.group(0).lower().startswith(("held", "met")):
            kind = "occurred"  # "held talks ..., the envoy said on Tuesday" (told on the Tuesday of the report)
        if not candidates and not scene and ctx.dateline and kind in ("planned", "occurred") and \
                (_AT_THE_OCCASION.search(sentence) or talks) and not _names_places(places, sentence):
            # (round fourteen: "SHARM EL-SHEIKH, Tuesday (DPA/IANS). Abbas and Netanyahu held a 'serious discussion' in
            # face-to-face talks": the report's first sentence tells a meeting where it was filed)
            # "JUBA - ... Sudanese President Omar al-Bashir will also attend and speak at the event": the
            # occasion the report was filed from (read with the confidence of a borrowed place)
            scene = ctx.dateline
        if not candidates and scene and (kind == "remote" or not _names_places(places, sentence)) and \
                not all(p.end > 0 and _is_object(sentence, p) for p in people) and \
                not (kind in ("occurred", MENTION) and _VISIT_ANNOUNCED.search(sentence)):
            # (round 21: not "He announced the visit at a faction meeting on Monday": the announcement was made,
            # not the trip, news-final12 1721)
            # (not "The Kyrgyz leader renewed his invitation to Putin": the person is no subject there)
            # "Bashir ... was the first visiting head of state to land on Thursday" (in Kampala, above)
            candidates = _destinations(kb, people, scene, sentence, kind, scene=True)
            borrowed = True
        if not candidates and kind in ("planned", "occurred") and (
                occasion := _AT_THE_OCCASION.search(sentence)) and not _names_places(
                places, sentence, kb.person_by_id[people[-1].value].nationality) and \
                (placed := _occasion_placed(ctx, occasion.group("occasion"))):
            # round 33: "Ethiopia has prepared a state funeral for Zenawi on 2 September in Addis Ababa. [...]
            # Officials in Sudan have confirmed that Bashir will take part in the funeral": the occasion named
            # before, where it was placed (news-final26 2540)
            candidates = _destinations(kb, people, placed, sentence, kind, scene=True)
            borrowed = True
        if not candidates and kind == "remote":
            ctx.remote_pending.append((people[-1], sentence))  # its venue may be named later (`_remote_venue`)
        if not candidates and kind == "cancelled" and _OCCASION.search(sentence):
            ctx.called_off_pending.append((people[-1], sentence))  # "... will not attend the funeral of Queen ..."
        if not candidates and "whether" in sentence and _ASKED_WHETHER.search(sentence):
            # "Asked whether Putin would attend the New Delhi summit on September 9-10, Peskov said: 'No'":
            # the question names the day of the trip the article reports
            _date_from_host(ctx, places, sentence, published)
        if not candidates and kind == "occurred" and (ARRIVAL.search(sentence) or _PRESENT_AT.search(sentence)):
            # "The Russian president's plane landed late on Monday night, making Mongolia the first ICC
            # member state he has set foot in": no destination of its own, the day of the arrival
            if not any(e.person == people[-1].value for e in ctx.events):
                days = [d for d in ctx.dates(sentence, False) if d.span_days == 0 and _trip_date(sentence, d)]
                if len(days) == 1:  # ... or of a presence whose place the next sentence names
                    ctx.pending_day = (people[-1].value, days[0].as_partial, ctx.sentence_no)
            _earlier_arrival(ctx, people[-1].value, sentence, published)
            continue
        named = any(p.end > 0 for p in people)
        # A called-off trip's day lies ahead when the sentence says so ("will no longer attend ... on
        # Sunday"), else either side of the report ("had been due on Monday", in a Sunday paper).
        tense = _tense(sentence)
        future = {"planned": True, "occurred": False, "arrest": False,
                  "cancelled": True if tense else None}.get(kind, tense)
        dates = ctx.dates(sentence, future)
        arrests = _arrest_positions(sentence) if kind == "arrest" else ()
        days_after_arrival = DAYS_AFTER_ARRIVAL.search(sentence) if candidates else None  # (found once, not per place)
        for traveller, place, place_kind in candidates:
            # A stay before the leg the sentence dates ("will fly from Budapest to Washington on Sunday",
            # "arrested in Manila on Tuesday after several days in Hong Kong"): known to its month only
            stay = place_kind == "occurred" and kind == "planned" and not borrowed and bool(
                ORIGIN_BEFORE.search(sentence[max(0, place.start - 60):place.start]))
            # each arrest word takes the place nearest it ("who was arrested in Turin in January and flown
            # home to Tripoli, was detained in Tripoli on Wednesday": two arrests)
            arrest_at = next((at for at in arrests if place is _nearest_arrest_place(sentence, candidates, at)), None)
            if arrests and arrest_at is None:
                stay = True
                if place.value == kb.person_by_id[traveller].nationality or not DESTINATION_CUE.search(
                        sentence, max(0, place.start - 40), place.start) or \
                        not _destination_role(sentence, place, places, "occurred"):
                    # sent home after an arrest elsewhere, a place that is not a stop, or where the flight came
                    # from ("arrested after he arrived in the Philippines from Hong Kong"): not a trip
                    continue
                place_kind = "occurred"  # arrested in Manila "after several days in Hong Kong"
            if place_kind == "occurred" and " way to " in sentence and any(
                    c[1].start < place.start and c[1].value != place.value for c in candidates) and \
                    _ON_THE_WAY_TO.search(sentence, max(0, place.start - 90), place.start):
                # "stopped over in Jakarta ... on his way to the summit of APEC in Sydney": the next leg, ahead
                # (round nineteen, news-final18 2060)
                place_kind = "planned"
            left_by = None
            if place_kind in ("planned", MENTION) and (leaving := _BEFORE_LEAVING.match(sentence)) and \
                    place.end <= leaving.end() and _TOLD_PAST.match(sentence, leaving.end()):
                # "Before leaving for Greece, Netanyahu said ...": he has left, on a day told before the comma if
                # any (not "a reference to a Friday address" after it; round 21, news-final11 1641, news-final13 1837)
                place_kind, left_by = "occurred", leaving.end()
            anchor = place.start if place.end <= len(sentence) and sentence[place.start:place.end] == place.text \
                else len(sentence)
            clause_future = True if place_kind == "planned" else future
            if place_kind == "occurred" and clause_future and "after" in sentence and \
                    _AFTER_EARLIER_TRIP.search(sentence, max(0, place.start - 60), place.start):
                clause_future = False  # "This will be his second trip ..., after one to Turkey in August" (round 22)
            if place_kind == "cancelled" and anchor == place.start and \
                    _AFTER_GERUND_BEFORE.search(sentence, max(0, anchor - 100), anchor):
                clause_future = False  # "will join the virtual summit, after skipping the meeting in New Delhi in …"
            # "left for Washington on Sunday and will meet Trump at the White House on Tuesday": each
            # clause's days are read in its own tense
            usable = dates if clause_future == future or kind == "arrest" else ctx.dates(sentence, clause_future)
            if left_by is not None:
                usable = [d for d in usable if d.start < left_by]
            if place_kind == "cancelled":
                # "pulled out on Sunday of the summit in Istanbul": the day of the calling-off, not of the trip
                usable = [d for d in usable if not _called_off_on(sentence, d) and not (
                    ", who " in sentence and _STAND_IN_WHO.search(sentence[:d.start]))]
            if place_kind == "cancelled" and kind not in ("cancelled", "remote"):
                # "Lavrov arrived on Tuesday ..., where he is representing Putin": the stand-in's arrival
                # does not date the trip the person stays away from
                usable = [d for d in usable if not ARRIVAL.search(sentence, max(0, d.start - 30), d.start)]
            if place_kind == "occurred" and anchor == place.start and "where" in sentence and \
                    (ahead := _WHERE_AHEAD.match(sentence, place.end)):
                # "has arrived in China, where he will attend the forum on Monday": Monday is the forum's, ahead of
                # the arrival (round fifteen, news-final14 1891)
                usable = [d for d in usable if d.start < ahead.start()]
            date = _pick_date(usable, anchor, sentence, place.end if anchor == place.start else None)
            if date is not None and date.start < place.start and anchor == place.start and "from" in sentence and \
                    ARRIVED_FROM.search(sentence, max(0, place.start - 40), place.start) and \
                    WHERE_HE.match(sentence[place.end:place.end + 20]):
                # "returned on Thursday from Saudi Arabia, where he performed the Hajj": the day he left the
                # stop (or arrived from it), not the day of the stay ("where he met Prabowo earlier this week"
                # dates it)
                date = None
            if arrest_at is not None and place_kind == "arrest":
                # "transferred to the Court on Monday from Chad, where he was arrested at the end of
                # February": the day of the arrest, written after its verb, not the hand-over's
                after_arrest = [d for d in dates if d.start > arrest_at and _same_clause(sentence, arrest_at, d.start)
                                and _trip_date(sentence, d)]
                if after_arrest and (date is None or date.start < arrest_at):
                    date = min(after_arrest, key=lambda d: d.start)
            if arrest_at is not None and place_kind == "arrest" and date is not None and \
                    not _same_clause(sentence, arrest_at, date.start):
                date = _arrest_clause_date(sentence, dates, arrest_at, date)
            if date is not None and place_kind == "arrest" and " after " in sentence:
                m = _SOME_TIME_AFTER_ARREST.search(sentence, date.end)
                if m and m.start() < place.start:
                    # "appeared on Friday by video ..., days after his arrest in Manila": Friday is the
                    # appearance's day; the arrest's is not told (round six)
                    date = None
            if place_kind == "planned" and date is not None and date.first < published and anchor == place.start and \
                    _PAST_DAY_WORDS.match(date.text) and _TRIP_NOUN_TO.search(sentence, max(0, place.start - 40),
                                                                            place.start) and \
                    _SHORT_GAP.fullmatch(sentence, place.end, date.start):
                # round 51: "will be investigated over a trip to Las Vegas earlier this month": the trip the future
                # verb is about was made (news-final35 3411)
                place_kind = "occurred"
            partial = date.as_partial if date else None
            if date is not None and place_kind in ("occurred", "arrest") and date.first <= published < date.last \
                    and date.span_days <= 7 and partial is not None and partial.month is None:
                # "met Prabowo in Jakarta this week", told on a Friday of a week that ends in the next month:
                # a trip made lies before the report, so in the report's month (round six)
                partial = PartialDate(published.year, published.month) if date.first.month == published.month \
                    else partial
            if stay and partial is not None and partial.month is not None:
                partial = PartialDate(partial.year, partial.month)
            after = days_after_arrival
            if after and partial is not None and partial.is_exact and date is not None and date.start < after.start():
                # "hosted him on Monday, a day after he flew into Washington": he arrived on Sunday
                days = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}[after.group("count").lower()]
                arrived = partial.first_day - dt.timedelta(days=days)
                partial = PartialDate(arrived.year, arrived.month, arrived.day)
            if place_kind in ("planned", MENTION) and ((any(0 < p.end <= place.start for p in people) and
                    _present_in(sentence, place)) or
                    (place_kind == MENTION and EN_ROUTE.search(sentence, max(0, place.start - 30), place.start))):
                place_kind = "occurred"  # "is in Pyongyang and is scheduled to meet Kim": under way
                if partial is None:
                    partial = PartialDate(published.year, published.month, published.day)
            if partial is None and place_kind == "occurred" and (UNDER_WAY.search(sentence) or _NOW_IN.search(
                    sentence, max(0, place.start - 40), place.start)):  # "has landed in", "who is now in"
                partial = PartialDate(published.year, published.month, published.day)
            if partial is None and place_kind == "occurred" and DAY_BEFORE.search(sentence) and \
                    ARRIVAL.search(sentence):
                partial = _day_before(ctx, traveller, place.value)  # "who flew into Florida the day before"
            if partial is None and borrowed and scene_sentence and not dates and AMONG_PRESENT.search(sentence):
                # "Among the guests was al-Bashir": the day of the occasion the sentence before told
                # (the day of the occasion itself: "was sworn in on Thursday")
                scene_dates = ctx.dates(scene_sentence, future)
                scene_date = min(scene_dates, key=lambda d: (d.span_days, d.start)) if scene_dates else None
                partial = scene_date.as_partial if scene_date else None
            if place_kind == "occurred" and ctx.pending_day and ctx.pending_day[0] == traveller and \
                    ctx.pending_day[2] == ctx.sentence_no - 1 and (partial is None or (
                    not partial.is_exact and partial.first_day <= ctx.pending_day[1].first_day <= partial.last_day)):
                partial = ctx.pending_day[1]  # "... last night by turning up at an Arab summit. His arrival in Doha"
            if partial is None and place_kind == "arrest" and arrest_at is not None and \
                    _ALSO_BEFORE.search(sentence, max(0, arrest_at - 12), arrest_at):
                # "Abdel Rehim Mohamed Hussein ... were also arrested": on the day of the arrest told before
                prior = next((e for e in reversed(ctx.events) if e.kind == "arrest" and e.host == place.value and
                              e.person != traveller), None)
                partial = prior.date if prior is not None else None
            direct = not borrowed and bool(DESTINATION_CUE.search(sentence, max(0, place.start - 40), place.start))
            speculative = bool(_SPECULATIVE.search(sentence, max(0, place.start - 60), place.start))
            sure = confidence(named=named, direct=direct, dated=partial is not None, borrowed=borrowed,
                              kind_from_dates=kind_from_dates, speculative=speculative)
            _add(ctx, Event(traveller, place.value, place_kind, partial, (sentence,), date.text if date else None,
                            sure, reading=_reading(kb, ctx, sentence, traveller, people, place, places, named=named,
                                                   direct=direct, borrowed=borrowed, kind_from_dates=kind_from_dates,
                                                   speculative=speculative)))
    for places, sentence in ctx.host_days:  # "the G20 summit in Rio on November 18 and 19", said earlier
        _date_from_host(ctx, places, sentence, published)
    for people, places, sentence in ctx.departures:
        # "He left Tel Aviv on Wednesday evening": the trip told before or after begins that day
        _left_home(kb, ctx, people, places, sentence)
    if ctx.remote_pending:
        _remote_venue(kb, ctx)
    if ctx.called_off_pending:
        _called_off_venue(kb, ctx)
    _visit_told_apart(ctx)
    if any(e.date is None or not e.date.is_exact for e in ctx.events):
        _occasion_day(ctx)
    _report_day(ctx)
    _day_of_the_narrative(ctx)
    if any(e.reading is not None and "accompan" in e.reading.sentence for e in ctx.events):
        _companions(kb, ctx)
    _after_presence(ctx)
    _day_of_the_trip(ctx)
    _month_of_the_trip(ctx, published)
    _day_in_the_week(ctx)
    if ctx.denied:
        ctx.events = [e for e in ctx.events if not (e.kind in ("planned", "occurred", MENTION) and
                                                    (e.person, e.host) in ctx.denied)]
    arrested = {e.person for e in ctx.events if e.kind == "arrest" and e.host != COURT_SEAT}
    events = [_undated(e, published) for e in ctx.events if e.kind != MENTION and not (
        e.host == COURT_SEAT and not (e.kind == "arrest" and any(_BY_DUTCH.search(s) for s in e.evidence)) and (
            e.person in arrested or any("Hague" in s or _arrested(s) or TRANSFER.search(s) for s in e.evidence)))]
    kept: dict[tuple, Event] = {}
    for e in events:
        then = _host_then(kb, e, published)
        if then is None:
            continue
        key = (then.person, then.host, then.kind, then.date)
        if key in kept:  # (two places that were one state's on the day: one trip)
            first = kept[key]
            kept[key] = replace(first, evidence=tuple(dict.fromkeys(first.evidence + then.evidence)),
                                confidence=max(first.confidence, then.confidence))
        else:
            kept[key] = then
    return list(kept.values())


def _host_then(kb: KnowledgeBase, event: Event, published: dt.date) -> Event | None:
    """The event with its host as it stood on the day: Juba before 9 July 2011 was in Sudan, not South Sudan
    (`State.formerly_part_of`); a trip that then lay inside the person's own state is no trip abroad."""
    record = kb.state_by_code.get(event.host)
    if record is None or record.independent_since is None:
        return event
    before = record.part_of_on(event.date.first_day if event.date is not None else published)
    if before is None:
        return event
    if before == kb.person_by_id[event.person].nationality and event.kind != "arrest":
        return None
    return replace(event, host=before)


# The Court sits in The Hague (Rome Statute art. 3(1)): a wanted person taken there is surrendered to it
# ("flown to The Hague after his arrest", "who was arrested on Tuesday, arrived in the Netherlands"), which
# is neither a trip to the Netherlands nor an arrest there. (An arrest by Dutch police is kept only when the
# sentence names the Dutch authorities; "arrested in The Hague" alone is still missed: a known gap.)
COURT_SEAT = "NLD"
# "surrendered to the authorities of The Netherlands", "arrested by Dutch police": an arrest the Dutch state
# made itself, which is one there (round seven).
_BY_DUTCH = re.compile(r"\b(?:Dutch (?:authorities|police|officers|officials)|authorities of (?:the )?Netherlands)\b",
                       re.I)


_MEMOS = (_tense, _travels, _kind, _arrest_position, _arrest_positions, _clause, _travels_in, _breaks, _trip_date)


def _announces_handover(sentence: str, place: Hit) -> bool:
    """ "Blé Goudé was handed over to the International Criminal Court on Saturday, the Ivorian government announced":
    the state that says it handed him over (round fourteen)."""
    return bool(ANNOUNCED_BY_AFTER.match(sentence, place.end) and HANDED_OVER_BEFORE.search(sentence, 0, place.start))


# Round 21: the person spoke to the press in a place, so was there: "Putin said at a joint news conference with
# Tokayev in Astana", "Speaking to reporters in Bishkek, Putin said" (news-final16 1983: "at a joint news conference
# with Netanyahu in the Romanian capital"). Only a speaker named right before the verb, or right after the opening
# participle, and a news conference or the press in a place: "Lavrov told reporters in Ankara that Putin ..." is
# Lavrov's, "Peskov told reporters in Moscow" no trip.
_SPOKE_AT = (r"(?:said|says|spoke|declared)(?=\s+in\b)|"  # (round 21: "Gallant said in Berlin on Thursday", 1728)
             r"(?:(?:held|gave|addressed|told|spoke (?:at|to)|speaking (?:at|to)|said at|was speaking (?:at|to)) "
             r"(?:a |an |the )?(?:joint |brief |short |final )?(?:news conference|press conference|reporters|"
             r"journalists|the press)(?: with [^,;.()]{1,60}?)?|(?:said|told|spoke)[^,;.]{0,20}? (?:after|at) "
             r"(?:a |the )?(?:joint )?(?:news conference|press conference))")
_SPOKE_THERE = re.compile(rf"(?:,[^,;]{{1,80}},)?\s+(?:(?:also|later|then|on \w+(?:, \w+ \d+,)?|yesterday|today)\s+)?"
                          rf"(?:{_SPOKE_AT})\s+(?:in|at)\s+(?:the\s+)?", re.I)
_SPEAKING_IN = re.compile(r"\W*(?:Speaking|Addressing)\s+(?:at|to)\s+(?:a |an |the )?(?:joint |brief )?"
                          r"(?:news conference|press conference|reporters|journalists|the press)"
                          r"(?: with [^,;.()]{1,60}?)?\s+(?:in|at)\s+(?:the\s+)?", re.I)
_SAID_IN = re.compile(r"\b(?:said|says|spoke|declared) in (?:the )?(?-i:[A-Z])", re.I)
_SPEAKER_NEXT = re.compile(r",\s+(?:[\w'’-]+\s+){0,4}")
# "at a joint news conference with Netanyahu in the Romanian capital": the other speaker was there too
_JOINT_WITH = re.compile(r"\bjoint (?:news|press) conference with (?:[\w'’.-]+ ){0,4}$", re.I)
_AT_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?", re.I)
# (besides video, `REMOTE`: by phone, or from one's own office)
_ON_THE_LINE = re.compile(r"\b(?:by|via|over) (?:the )?(?:phone|telephone)\b|"
                          r"\bfrom (?:his|her|the) (?:residence|office)\b", re.I)


def _not_in_person(sentence: str) -> bool:
    return REMOTE.search(sentence) is not None or _ON_THE_LINE.search(sentence) is not None


# Round 21: "the visiting Defence Minister of Russia, Sergei Shoigu", "his visiting Russian counterpart Vladimir
# Putin": the person is visiting the place of the report (news-final19 2132)
_VISITING_BEFORE = re.compile(r"\bvisiting (?:(?:[A-Z][\w'’.-]*|(?i:of|the|counterpart|minister|president|leader|"
                              r"premier|chief|head|defen[cs]e|foreign|prime|general|staff|deputy|first))[ ,]+){0,8}$")


def _visiting(kb: KnowledgeBase, ctx: _Context, people: list[Hit], places: list[Hit], sentence: str) -> None:
    """A trip made (or, in a sentence about the future, planned), read from "visiting" before the person's name or
    title: to the state of the dateline, else to the one state other than the person's that the sentence names."""
    if _not_in_person(sentence):
        return
    for person in people:
        if person.end == 0 or not _VISITING_BEFORE.search(sentence, max(0, person.start - 90), person.start):
            continue
        home = kb.person_by_id[person.value].nationality
        if ctx.dateline:
            hosts = [p for p in ctx.dateline if p.value != home]
        else:
            hosts = [p for p in places if not p.demonym and p.value not in (home, COURT_SEAT)]
            hosts = hosts if len({p.value for p in hosts}) == 1 else []
        if not hosts:
            return
        host = hosts[0]
        kind = "planned" if FUTURE.search(sentence) else "occurred"
        dates = [d for d in ctx.dates(sentence, kind == "planned") if d.span_days == 0 and (
            _trip_date(sentence, d) or sentence[d.end:d.end + 2] in ("'s", "’s"))]  # "at today's meeting"
        date = dates[0] if dates else None
        partial = date.as_partial if date is not None else None
        sure = confidence(named=True, direct=False, dated=partial is not None, borrowed=bool(ctx.dateline),
                          kind_from_dates=False)
        _add(ctx, Event(person.value, host.value, kind, partial, (sentence,), date.text if date else None, sure,
                        reading=_reading(kb, ctx, sentence, person.value, people, host, places, named=True,
                                         direct=False, borrowed=bool(ctx.dateline))))
        return


def _spoke_there(kb: KnowledgeBase, ctx: _Context, people: list[Hit], places: list[Hit], sentence: str) -> None:
    """A trip made, read from the person speaking to the press in a place (`_SPOKE_THERE`)."""
    if _not_in_person(sentence) or FUTURE.search(sentence):
        return
    for place in places:
        if (place.demonym and not DEMONYM_PLACE.match(sentence[place.end:])) or place.value == COURT_SEAT or \
                place.end > len(sentence) or sentence[place.start:place.end] != place.text:
            continue  # (but "in the Romanian capital")
        opening = _SPEAKING_IN.match(sentence)
        if opening is not None and opening.end() == place.start:
            speaker = next((p for p in people if p.end > 0 and place.end < p.start and
                            _SPEAKER_NEXT.fullmatch(sentence, place.end, p.start) is not None), None)
        else:
            speaker = next((p for p in reversed(people) if p.end > 0 and p.end < place.start and (
                ((m := _SPOKE_THERE.match(sentence, p.end)) is not None and m.end() == place.start) or (
                    _JOINT_WITH.search(sentence, max(0, p.start - 80), p.start) is not None and
                    _AT_PLACE.fullmatch(sentence, p.end, place.start) is not None))), None)
        if speaker is None or kb.person_by_id[speaker.value].nationality == place.value:
            continue
        dates = ctx.dates(sentence, False)
        date = _pick_date(dates, place.start, sentence, place.end) if dates else None
        partial = date.as_partial if date is not None else None
        sure = confidence(named=True, direct=False, dated=partial is not None, borrowed=False, kind_from_dates=False)
        _add(ctx, Event(speaker.value, place.value, "occurred", partial, (sentence,), date.text if date else None,
                        sure, reading=_reading(kb, ctx, sentence, speaker.value, people, place, places, named=True,
                                               direct=False, borrowed=False)))
        return


# Round 37: a gathering the article places ("the Arab summit in Damascus", "leaders are meeting in Abuja", "the
# Abuja meeting"), and a person of the record who acts in it ("warned his fellow leaders", "addressed the delegates",
# "the walkout of the Libyan leader"): his presence there, in a sentence that names no scene of its own before the act
# ("In July, on a visit to Hungary, he urged the leaders" is in Hungary).
_GATHERING = r"(?:summit|conference|meeting|session|forum|gathering|assembly|ceremony|funeral|inauguration|talks)"
_GATHERING_BEFORE = re.compile(rf"\b{_GATHERING}s?\b(?: (?:held|being held|taking place|opened|opens|which (?:opened|"
                               rf"opens|began|begins)))?(?: [\w'’-]+){{0,3}}? (?:in|at) (?:the )?(?:[\w'’-]+ ){{0,4}}$|"
                               r"\b(?:leaders|heads of state|presidents|delegates|ministers)\b[^.;]{0,40}? "
                               r"(?:are|were|had been|have been)? ?"
                               r"(?:meeting|met|gathered|gathering|assembled|assembling|convened|converged)"
                               r" (?:in|at|on) (?:the )?(?:[\w'’-]+ ){0,4}$", re.I)
_GATHERING_NAMED = re.compile(rf"\b{_GATHERING}\b", re.I)
_GATHERING_AFTER = re.compile(rf"(?:[ -](?:[\w'’-]+ ){{0,2}}?{_GATHERING}s?)\b", re.I)
_TOOK_PART = re.compile(
    r"\b(?:addressed|addressing|told|warned|urged|berated|lectured|harangued|lashed out at|chided|scolded|"
    r"admonished|critici[sz]ed)\b (?:(?:the|his|her|its|fellow|assembled|gathered|other|visiting|arab|african|"
    r"european) )*(?:delegates|delegations|summit|summiteers|gathering|conference|assembly|leaders|heads of state|"
    r"participants|opening (?:session|ceremony))\b|"
    r"\b(?:said|declared|announced|spoke|told (?:reporters|journalists)|insisted|argued) (?:at|during|on the "
    r"sidelines of|on the margins of) the (?:(?:opening|closing|first|second|final|start|end) (?:session )?of the )?"
    r"(?:(?:[\w'’-]+|two-day|three-day|one-day) ){0,2}?(?:summit|conference|meeting|session|gathering|forum|opening)\b|"
    r"\b(?:walked|stormed|marched|stalked) out of (?:the )?(?:[\w'’-]+ ){0,2}?(?:summit|meeting|session|conference|"
    r"gathering|hall|talks)\b|\bwalk-?out of\b|"
    r"\b(?:told|briefed) (?:the )?(?:reporters|journalists|the press) (?:covering|at) the (?:event|summit|meeting|"
    r"conference|gathering)\b|"
    r"\b(?:was|were) (?:also )?(?:present )?at the (?:[\w'’-]+ ){0,2}?(?:summit|meeting|conference|gathering|"
    r"ceremony|funeral|inauguration|session)\b", re.I)
_NOT_THERE = re.compile(r"\b(?:video|videoconference|video-?link|by satellite|recorded|letter|message|telephone|"
                        r"by phone|absent|absence|stayed away|did not (?:attend|come|travel|go)|skipped|boycott\w*|"
                        r"represented|in (?:his|her) place|on behalf of|sent)\b", re.I)


# How many sentences back the gathering may have been placed. (Only a person named acts in it: "in order to arrest
# him" after "Museveni told reporters at the summit" is no presence.)
_GATHERING_BACK = 6
_SCENE_BEFORE = re.compile(r"\b(?:in|to|at|from)\s+(?:the\s+)?$", re.I)


# Round 39: "KRAKOW, January 27 (Itar-Tass) - Polish President Aleksander Kwasniewski thanked President Vladimir Putin
# here on Thursday": in wire copy "here" is the place of the dateline (not "here in ...", not within a quotation).
_HERE = re.compile(r"\bhere\b(?! (?:in|at|on the|is|are|and there)\b)(?!['’]s)")


def _here(kb: KnowledgeBase, ctx: _Context, people: list[Hit], sentence: str, here: re.Match[str]) -> None:
    """A person of the record named in the clause that says "here", in a report with a dateline: a trip to the
    dateline's place, planned or made by the sentence's tense, dated by its day."""
    told = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence) if '"' in sentence or "“" in sentence else sentence
    if told[here.start():here.end()] != "here" or _not_in_person(sentence) or NEGATED.search(
            sentence, max(0, here.start() - 40), here.start()):
        return
    person = next((p for p in reversed(people) if p.end > 0 and 0 <= here.start() - p.end <= 80 and
                   _same_clause(sentence, p.end, here.start())), None)
    if person is None:
        return
    place = ctx.dateline[0]
    if len({p.value for p in ctx.dateline}) != 1 or place.value == kb.person_by_id[person.value].nationality:
        return
    future = bool(FUTURE.search(told))
    days = [d for d in ctx.dates(sentence, future) if d.span_days == 0 and _trip_date(sentence, d)]
    partial = days[0].as_partial if len(days) == 1 else None
    kind = "planned" if future or (partial is not None and partial.first_day > ctx.published) else "occurred"
    sure = confidence(named=True, direct=False, dated=partial is not None, borrowed=True, kind_from_dates=False)
    _add(ctx, Event(person.value, place.value, kind, partial, (sentence,), days[0].text if partial else None, sure,
                    reading=_reading(kb, ctx, sentence, person.value, people, place, ctx.dateline, named=True,
                                     direct=False, borrowed=True)))


# Round 40: "At Hunter, a US Air Force base near Savannah in the state of Georgia, ... were met by Georgia's
# governor" is the US state (news-final30 2861), which the gazetteer otherwise reads as the country.
_STATE_OF_BEFORE = re.compile(r"\bstate of\s+$", re.I)
_GOVERNOR_AFTER = re.compile(r"(?:'s|’s)? (?:governor|state legislature|state senate)\b", re.I)


def _us_georgia(place: Hit, sentence: str) -> Hit:
    if sentence[place.start:place.end] == "Georgia" and (
            _STATE_OF_BEFORE.search(sentence, max(0, place.start - 12), place.start) or
            _GOVERNOR_AFTER.match(sentence, place.end)):
        return place._replace(value="USA")
    return place


def _gathering_places(places: list[Hit], sentence: str) -> list[Hit]:
    """The places of the sentence where a gathering it names is held ("the summit in Damascus", "the Abuja
    meeting"), not those of a topic or an origin."""
    if not _GATHERING_NAMED.search(sentence):
        return []  # (one search of the sentence rather than two of each place's window)
    return [p for p in places if not p.demonym and p.value != COURT_SEAT and (
        _GATHERING_BEFORE.search(sentence, max(0, p.start - 120), p.start) or
        _GATHERING_AFTER.match(sentence, p.end))]


def _not_present(sentence: str, act: int) -> bool:
    """Whether the sentence tells the act at `act` as not in person, not yet, or not at all ("by video", "will",
    "did not")."""
    return bool(_NOT_THERE.search(sentence) or FUTURE.search(sentence) or
                NEGATED.search(sentence, max(0, act - 30), act))


def _took_part_there(kb: KnowledgeBase, ctx: _Context, people: list[Hit], sentence: str, took: re.Match[str]) -> None:
    """A person of the record acting in the gathering placed last (`ctx.gatherings`): present there, on the day the
    gathering's sentence or this one gives (read with the confidence of a borrowed place)."""
    if _not_present(sentence, took.start()):
        return
    walkout = took.group(0).lower().startswith(("walk-out", "walkout"))
    person = next((p for p in reversed(people) if p.end > 0 and (
        0 <= p.start - took.end() <= 60 if walkout else 0 <= took.start() - p.end <= 80 or (
            0 <= took.start() - p.end <= 200 and "among" in sentence[max(0, p.start - 40):p.start])) and
        _same_clause(sentence, min(p.end, took.end()), max(p.start, took.start()))), None)
    if person is not None:
        _present_at_gathering(kb, ctx, people, person, sentence)


# Round 50: a person named in a list of those present at the gathering placed last, told in a sentence of its own:
# "Also present was Sudan's Omar el-Béchir", "Among the presidents who arrived yesterday were ... Laurent Gbagbo",
# "Sudan's Omar el-Bashir, Chad's Idriss Deby and Nigeria's Olusegun Obasanjo were also present" (news-final33 3220,
# news-final30 2915, news-final34 3312). The list follows an opener ("opens"), or precedes "were also present".
_LISTED_PRESENT = re.compile(
    r"(?P<opens>\b(?:also present|present too|among those present|among (?:the )?(?:other )?(?:guests|participants|"
    r"dignitaries|leaders|heads of state(?: and government)?|presidents)(?: (?:who (?:have |had )?(?:arrived|attended|"
    r"came|were present)|present|attending|in attendance|already there))?(?: (?:yesterday|today|on \w+day|earlier))?)"
    r",? (?:was|were|are|is)\b(?: also)?|"
    r"\bthe following (?:heads of state(?: and government)?|leaders|presidents)(?:[^.;:]{0,60}?) were present\b)|"
    r"(?P<closes>\b(?:was|were|is|are) (?:also |all )?(?:present|in attendance)\b(?! (?:at|in|for|on)\b))", re.I)
_LIST_SPAN = 260


def _listed_present(kb: KnowledgeBase, ctx: _Context, people: list[Hit], sentence: str, listed: re.Match[str]) -> None:
    """Each person of the record in the list of those present: there, at the gathering placed last."""
    if _not_present(sentence, listed.start()):
        return
    for person in people:
        if person.end == 0:
            continue
        in_list = 0 <= person.start - listed.end() <= _LIST_SPAN if listed.group("opens") else \
            0 <= listed.start() - person.end <= _LIST_SPAN
        if in_list and not _STRONG_BREAK.search(sentence, min(person.end, listed.end()),
                                                max(person.start, listed.start())):
            _present_at_gathering(kb, ctx, people, person, sentence)


def _present_at_gathering(kb: KnowledgeBase, ctx: _Context, people: list[Hit], person: Hit, sentence: str) -> None:
    """The person present at the gathering placed last, if it was placed within `_GATHERING_BACK` sentences in one
    state that is not the person's own."""
    places, placed, told = ctx.gatherings[-1]
    if ctx.sentence_no - told > _GATHERING_BACK:
        return
    home = kb.person_by_id[person.value].nationality
    hosts = {p.value for p in places}
    if len(hosts) != 1 or home in hosts:
        return  # (a gathering in two states, or at home: no trip read)
    days = [d for d in ctx.dates(placed, False) if d.span_days <= 7 and _trip_date(placed, d)] or \
        [d for d in ctx.dates(sentence, False) if d.span_days == 0 and _trip_date(sentence, d)]
    partial = days[0].as_partial if days else None
    if partial is not None and partial.is_exact and partial.first_day > ctx.published:
        return
    place = places[0]
    sure = confidence(named=person.end > 0, direct=False, dated=partial is not None, borrowed=True,
                      kind_from_dates=False)
    _add(ctx, Event(person.value, place.value, "occurred", partial, (sentence, placed),
                    days[0].text if partial is not None else None, sure,
                    reading=_reading(kb, ctx, sentence, person.value, people, place, places, named=person.end > 0,
                                     direct=False, borrowed=True)))


def _handed_over(kb: KnowledgeBase, ctx: _Context, people: list[Hit], places: list[Hit], sentence: str) -> None:
    """ "Central African authorities surrendered Mahamat Said to the ICC on Sunday": the arrest (custody) in
    that state, dated by the sentence."""
    for place in places:
        if place.value == COURT_SEAT:
            continue
        active = PLACE_SURRENDERS.match(sentence[place.end:])
        if not active and not SURRENDERED_BY.search(sentence, max(0, place.start - 90), place.start) and \
                not _announces_handover(sentence, place):
            continue
        person = next((p for p in people if p.start > place.start or p.end == 0), None) if active else \
            next((p for p in people if p.start < place.start), None)
        if person is None:
            return
        dates = [d for d in ctx.dates(sentence, False) if _trip_date(sentence, d)]
        date = dates[0].as_partial if dates else None
        if date is None and ctx.handover and ctx.handover[0] == place.value:
            date = ctx.handover[1]  # "The Central African Republic on Sunday handed an alleged commander over"
        sure = confidence(named=person.end > 0, direct=False, dated=date is not None, borrowed=False,
                          kind_from_dates=False)
        _add(ctx, Event(person.value, place.value, "arrest", date, (sentence,), None, sure,
                        reading=_reading(kb, ctx, sentence, person.value, people, place, places,
                                         named=person.end > 0, direct=False, borrowed=False)))
        return


# Round ten: video participation is hosted by the venue or chair named for the meeting, possibly in another
# sentence ("Duterte will take part virtually in the ASEAN summits. ... The summits will be held from Oct. 26 to 28
# in Bandar Seri Begawan"; "the summit, chaired this year by Vietnam"): the last venue named in the article.
_MEETING_WORD = re.compile(r"\b(?:summits?|meetings?|forum|(?<!press )conference|assembly|gathering)\b", re.I)
_VENUE_BEFORE = re.compile(r"(?:\b(?:chaired|hosted|organi[sz]ed|convened)(?: this year| virtually)? by|"
                           # round fourteen: "hosted by the Chancellor of Austria, Sebastian Kurz" (news-final10 1504)
                           r"\b(?:chaired|hosted|organi[sz]ed|convened) by the (?:President|Prime Minister|Chancellor|"
                           r"King|Queen|Emir|Sultan|government|leader)s? of|"
                           r"\bchair(?:man|woman)?ship of|\b(?:be|been|being|is|are|was|were) held\b[^;,]{0,40}?\bin|"
                           r"\bhosts?\b[^.;,]{0,5}|"
                           # round eleven: "with the summit's host, Brazilian President Lula, on the screen"
                           r"\bhost,|"
                           # round seventeen: "The meeting in Brussels was already scheduled" (news-final16 1988)
                           r"^\W*The (?:meeting|summit|conference|session|talks) in)"
                           r" (?:the )?$", re.I)
# round eleven: the chair or host named before its verb: "the summit, which Malaysia is hosting", "under Brunei's
# presidency" (not "under Brunei" alone)
_VENUE_AFTER = re.compile(r"(?:'s? (?:presidency|chairmanship|chairship)\b| (?:is|was|will be) (?:hosting|chairing)\b|"
                          r" (?:hosts|chairs|hosted|chaired) (?:the|this|a)\b)", re.I)
# "It will be chaired by Malaysian Prime Minister Muhyiddin Yassin": a chair told without the meeting's name
_CHAIR_BEFORE = re.compile(r"\b(?:chaired|hosted) by (?:the )?"
                           # round eighteen: "chaired by the Chairman of the Council, Prime Minister of the Republic
                           # of Armenia Nikol Pashinyan" (news-final17 2030)
                           r"(?:(?:[\w-]+ ){1,5}?(?:of the [\w ]{1,30}, )?(?-i:President|Prime Minister|Chancellor|"
                           r"King|Emir|Sultan) of (?:the )?)?"
                           r"(?:(?:Republic|Kingdom|State|Sultanate) of )?$", re.I)
# "Putin will take part in a session of the Council of CIS Leaders. The meeting will be held in the format of a
# videoconference": video participation told in the sentence after (round sixteen, news-final15 1916)
_TAKES_PART = re.compile(r"\b(?:take|takes|taking|took) part\b|\bparticipat(?:e|es|ed|ing)\b|\battend(?:s|ed|ing)?\b",
                         re.I)
_HELD_REMOTELY = re.compile(r"^\W*(?:it|the (?:meeting|summit|session|talks|conference|forum|event))\b[^.;]{0,30}?"
                            r"\b(?:be held|is held|was held|take place|takes place|took place)\b", re.I)


def _remote_venue(kb: KnowledgeBase, ctx: _Context) -> None:
    """Video participation told without a place: hosted by the last venue or chair named for a meeting in the
    article, dated by the participation's sentence, else by the venue's."""
    venues = [(p, sentence) for sentence, places in ctx.places_of.items() for p in places
              if p.value != COURT_SEAT and _is_venue(sentence, p)]
    if not venues:
        return
    place, venue_sentence = venues[-1]
    for person, sentence in ctx.remote_pending:
        if any(e.person == person.value and e.kind == "remote" for e in ctx.events) or \
                place.value == kb.person_by_id[person.value].nationality:
            continue
        future = _tense(sentence)
        dates = [d for d in ctx.dates(sentence, future) if _trip_date(sentence, d) and not _SAID_ON.search(
            sentence, max(0, d.start - 40), d.start)] or \
            [d for d in ctx.dates(venue_sentence, future) if _trip_date(venue_sentence, d)]
        date = min(dates, key=lambda d: (d.span_days, d.start)) if dates else None
        if date is None and future and sentence in ctx.places_of:
            # "will take part in a virtual conference ... The virtual conference will be held on Wednesday" (round
            # fourteen, news-final11 1622)
            order = list(ctx.places_of)
            at = order.index(sentence)
            date = _occasion_told_on(ctx, {m.group(1).lower() for m in _OCCASION.finditer(sentence)},
                                     order[at + 1:at + 1 + _CALLED_OFF_VENUE_WITHIN])
        sure = confidence(named=person.end > 0, direct=False, dated=date is not None, borrowed=True,
                          kind_from_dates=False)
        _add(ctx, Event(person.value, place.value, "remote", date.as_partial if date else None,
                        (sentence, venue_sentence) if venue_sentence != sentence else (sentence,),
                        date.text if date else None, sure,
                        reading=_reading(kb, ctx, sentence, person.value, [person], place, [place],
                                         named=person.end > 0, direct=False, borrowed=True)))


# "The state funeral is expected to take place on September 19 at Westminster Abbey", "it will be one of the largest
# gatherings ever held in Washington": where the occasion is held
_HELD_AT = re.compile(r"\b(?:take|takes|took|taking) place\b[^.;]{0,40}\b(?:in|at)\s+(?:the\s+)?$|"
                      r"\b(?:held|hosted|staged|scheduled|set|due)\b[^.;]{0,40}\b(?:in|at)\s+(?:the\s+)?$|"
                      # round sixteen: "will lead the delegation to the annual gathering in the Tunisian capital"
                      # (news-final15 1936)
                      r"\bthe (?:[\w-]+ ){0,2}(?:summit|conference|forum|ceremony|gathering|meeting|funeral|"
                      r"inauguration)\s+(?:in|at)\s+(?:the\s+)?$", re.I)
_CALLED_OFF_VENUE_WITHIN = 6  # sentences after the calling-off
_SAME_OCCASION = re.compile(r"\bthe (?:annual |same )?(?:ceremony|ceremonies|event|occasion|gathering)\b", re.I)


def _called_off_venue(kb: KnowledgeBase, ctx: _Context) -> None:
    """A called-off occasion told without its place ("Putin will not attend the funeral of Queen Elizabeth II")
    takes the place one of the next few sentences says the occasion is held in ("The state funeral is expected to
    take place on September 19 at Westminster Abbey"), dated by that sentence's day (round fourteen). Read with
    the confidence of a borrowed place."""
    order = list(ctx.places_of)
    for person, sentence in ctx.called_off_pending:
        if any(e.person == person.value and e.kind == "cancelled" for e in ctx.events) or sentence not in order:
            continue
        at = order.index(sentence)
        nouns = {m.group(1).lower() for m in _OCCASION.finditer(sentence)}
        window = order[at + 1:at + 1 + _CALLED_OFF_VENUE_WITHIN]
        for later in window:
            # the same occasion: its noun again, "the ceremony", "the event" or "it" (not "the summit" after "the
            # funeral": another occasion)
            same = later.lower().startswith("it ") or _SAME_OCCASION.search(later) is not None or any(
                m.group(1).lower() in nouns for m in _OCCASION.finditer(later))
            if not same:
                continue
            venues = [p for p in ctx.places_of[later] if (not p.demonym or DEMONYM_PLACE.match(later[p.end:])) and
                      p.value != COURT_SEAT and
                      p.value != kb.person_by_id[person.value].nationality and
                      _HELD_AT.search(later, max(0, p.start - 60), p.start)]
            if len({p.value for p in venues}) != 1:
                continue
            place = venues[0]
            days = [d for d in ctx.dates(later, True) if d.span_days == 0 and _trip_date(later, d)]
            date = days[0] if len(days) == 1 else _occasion_told_on(ctx, nouns, window)
            sure = confidence(named=person.end > 0, direct=False, dated=date is not None, borrowed=True,
                              kind_from_dates=False)
            _add(ctx, Event(person.value, place.value, "cancelled", date.as_partial if date else None,
                            (sentence, later), date.text if date else None, sure,
                            reading=_reading(kb, ctx, later, person.value, [person], place, [place],
                                             named=person.end > 0, direct=False, borrowed=True)))
            break


def _occasion_told_on(ctx: _Context, nouns: set[str], sentences: list[str]) -> DateMention | None:
    """The one day ahead of the report these sentences give the occasion ("The summit takes place on Monday and
    Tuesday"): its first."""
    days = {}
    for sentence in sentences:
        for m in _OCCASION.finditer(sentence):
            if m.group(1).lower() not in nouns:
                continue
            for d in ctx.dates(sentence, True):
                if m.end() <= d.start and d.span_days <= 7 and d.first > ctx.published and \
                        _OCCASION_ON.match(sentence, m.end(), d.start):
                    days.setdefault(d.first, d)
    return next(iter(days.values())) if len(days) == 1 else None


def _is_venue(sentence: str, place: Hit) -> bool:
    """The place hosts or chairs a meeting the sentence names ("chaired by Malaysia", "which Malaysia is hosting",
    "under Brunei's presidency"), or chairs one the sentence only refers to ("It will be chaired by Malaysian
    Prime Minister ...")."""
    before = max(0, place.start - 60)
    if _MEETING_WORD.search(sentence) and (_VENUE_BEFORE.search(sentence, before, place.start) or
                                           _VENUE_AFTER.match(sentence, place.end)):
        return True
    return bool(_CHAIR_BEFORE.search(sentence, max(0, place.start - 90), place.start))


# (the day something was said or confirmed, not the meeting's: "Malacañang confirmed on Monday, Oct. 25, that")
_SAID_ON = re.compile(r"\b(?:said|says|confirmed|announced|told|reported)\s+(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?$")


def _venue_told_next(kb: KnowledgeBase, ctx: _Context, meeting: tuple[str, str], places: list[Hit], sentence: str,
                     published: dt.date) -> None:
    """ "The meeting between Putin and Trump is expected on August 15. It will take place at the base in
    Anchorage, Alaska": the meeting's venue is a trip of the person, dated by either sentence. Read with
    the confidence of a borrowed place (below the alert threshold)."""
    person, before = meeting
    kind = _kind(sentence)
    if kind == MENTION:  # "The meeting took place at the guesthouse in Beijing": the tense of the meeting told
        kind = _kind(before)
        if kind == MENTION:
            kind = _kind_from_dates(ctx.dates(sentence), published)
    if kind not in ("planned", "occurred"):
        return
    traveller = Hit(0, 0, "reference", person, "(the meeting)")
    for _, place, place_kind in _destinations(kb, [traveller], places, sentence, kind):
        future = place_kind == "planned"
        dates = [d for d in ctx.dates(sentence, future) if _trip_date(sentence, d)] or \
            [d for d in ctx.dates(before, future) if _trip_date(before, d)]
        date = min(dates, key=lambda d: (d.span_days, d.start)) if dates else None
        sure = confidence(named=False, direct=True, dated=date is not None, borrowed=True, kind_from_dates=False)
        _add(ctx, Event(person, place.value, place_kind, date.as_partial if date else None, (before, sentence),
                        date.text if date else None, sure,
                        reading=_reading(kb, ctx, sentence, person, [], place, places, named=False, direct=True,
                                         borrowed=True)))
        return


def _the_visit(ctx: _Context, sentence: str) -> None:
    """ "The president decided to cancel this visit", "postpone the visit planned for 19 October": what
    the article says of its visit without naming the place (applied at the end, `_visit_told_apart`)."""
    visit = _visit_noun(sentence)
    if visit is None:
        return
    start, end = visit
    # only near the words "the visit": "decided to cancel this visit", "the visit planned for 19 October"
    called_off = CANCELLED.search(sentence, max(0, start - 60), end + 20)
    scheduled = SCHEDULED.search(sentence, end, end + 40)
    at = called_off.start() if called_off else 0
    if called_off and not NOT_TRIP_CALLED_OFF.search(sentence, max(0, at - 80), at) \
            and not _CALL_OFF_DOUBTED.search(sentence, max(0, min(start, at) - 60), at) \
            and not _RESCHEDULED.match(sentence, called_off.end()):
        if UNREALISED_PLAN.search(sentence, 0, start):
            ctx.earlier_plan_called_off = True
        else:
            ctx.visit_called_off = True
    if scheduled:
        ctx.visit_days += [d for d in ctx.dates(sentence, True) if d.span_days == 0 and d.start > start]


# Only a calling-off told as done counts: not one urged, denied, ruled out or asked about ("Ukraine called
# for the visit to be cancelled", "no plans to cancel the visit", "denied that the visit had been
# postponed", "the visit would not be cancelled"), nor a date moved ("postponed from July").
_CALL_OFF_DOUBTED = re.compile(r"\b(?:call(?:s|ed|ing)? for|urg\w*|demand\w*|ask\w*|should|must|would|could|may|"
                               r"might|will|not|no|never|den(?:y|ies|ied)|refus\w*|reject\w*|whether|if|rumou?r\w*|"
                               r"speculat\w*|calls to|pressure)\b", re.I)
_RESCHEDULED = re.compile(r"\s+(?:from|until|to|till)\b", re.I)
_VISIT_NOUNS = ("visit", "trip", "journey", "tour")
_DETERMINERS = frozenset(("the", "this", "his", "her", "that"))
_VISIT_KINDS = frozenset(("planned", "proposed", "state", "official", "working"))


def _visit_noun(sentence: str) -> tuple[int, int] | None:
    """(start, end) of "the visit", "this trip", "his planned visit" in a sentence. Found with str.find
    on the lowered text: a regular expression without a literal start scans every position, and most
    sentences are read for nothing else."""
    low = lowered_text(sentence)  # shared with the cue patterns tried on this sentence
    if len(low) != len(sentence):
        m = next((m for m in VISIT_WORD.finditer(sentence)
                  if THE_BEFORE_VISIT.search(sentence, max(0, m.start() - 30), m.start())), None)
        return (m.start(), m.end()) if m else None
    for word in _VISIT_NOUNS:
        at = low.find(word)
        while at != -1:
            end = at + len(word)
            if (end == len(low) or not low[end].isalnum()) and (at == 0 or not low[at - 1].isalnum()):
                words = low[max(0, at - 30):at].split()[-2:]
                if words and (words[-1] in _DETERMINERS or (
                        len(words) == 2 and words[-1] in _VISIT_KINDS and words[-2] in _DETERMINERS)):
                    return at, end
            at = low.find(word, end)
    return None


def _visit_told_apart(ctx: _Context) -> None:
    """The article's one announced visit is called off when a sentence says "the visit" was, and dated by
    "the visit planned for 19 October" when its own sentences give no day."""
    announced = [i for i, e in enumerate(ctx.events) if e.kind in ("planned", "cancelled")]
    if len(announced) != 1:
        return
    if ctx.events[announced[0]].kind == "cancelled" and ctx.events[announced[0]].date is not None and \
            ctx.events[announced[0]].date.is_exact:
        return  # nothing left to learn
    for sentence in ctx.raw_dates:  # every sentence, in order (read only when there is one such visit)
        _the_visit(ctx, sentence)
    i = announced[0]
    event = ctx.events[i]
    if ctx.earlier_plan_called_off and not (event.date is not None and event.date.first_day > ctx.published):
        ctx.visit_called_off = True  # the plan told before may be this visit: called off (as before)
    if not (ctx.visit_called_off or ctx.visit_days):
        return
    kind = "cancelled" if ctx.visit_called_off else event.kind
    date = event.date
    days = {d.first for d in ctx.visit_days}
    if len(days) == 1 and (date is None or (not date.is_exact and date.first_day <= min(days) <= date.last_day)):
        day = min(days)
        date = PartialDate(day.year, day.month, day.day)
    ctx.events[i] = replace(event, kind=kind, date=date)


# The occasion a trip is for ("cancelled his trip to Colombia for the inauguration of the new president"), dated in
# another sentence ("the August 7 inauguration", "the enthronement ceremony on Oct. 22"): `_occasion_day`.
_OCCASION = re.compile(r"\b(inauguration|enthronement|coronation|funeral|swearing-in|summit|conference|forum|"
                       r"ceremony|ceremonies|commemoration|parade|celebrations?|jubilee|wedding)\b", re.I)
# (its first day: "the ceremonies on Oct. 22", "the summit, which opens on", "will be held in Rio on"; not "ends on")
_OCCASION_ON = re.compile(r",?\s+(?:(?:which|that)\s+)?(?:(?:is|was|will be|are|were)\s+)?"
                          r"(?:(?:held|scheduled|set|due|planned|takes place|took place|opens|opened|begins|began|"
                          r"starts|started)\s+)?(?:(?:in|at)\s+[^.;:,]{1,30}?\s+)?(?:on|for)\s+$", re.I)
_ATTRIBUTIVE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?$")


_ONE_DAY_OCCASIONS = frozenset({"inauguration", "enthronement", "coronation", "funeral", "swearing-in"})
_UNDATED_OCCASION_AHEAD = 183  # days: a ceremony told ahead of the report, within half a year (and one such day only)


def _occasion_day(ctx: _Context) -> None:
    """A trip dated only to its week or month takes the day of the occasion it is for when another sentence dates
    that occasion: "cancelled his trip to Colombia next week for the inauguration ... due at the August 7
    inauguration". The same occasion word in both, the day inside the trip's own week or month, and one such day
    only. (Not a trip dated to a year, nor one without a date unless it is planned or called off for a ceremony of
    one day, a funeral or an inauguration, whose day is ahead of the report: "the summit" of another sentence may
    be another one.)"""
    for i, event in enumerate(ctx.events):
        undated = event.date is None and event.kind in ("planned", "cancelled")
        if not undated and (event.date is None or event.date.is_exact or event.kind not in
                            ("planned", "cancelled", "occurred") or event.date_from != "text" or
                            (event.date.last_day - event.date.first_day).days > 31):
            continue
        nouns = {m.group(1).lower() for m in _OCCASION.finditer(event.evidence[0])}
        if undated:
            # round twelve: "will not attend the state funeral of ... Abe" and, later, "the funeral, which is set for
            # September 27": a ceremony of one day, told ahead of the report (not "the summit": there are many)
            nouns &= _ONE_DAY_OCCASIONS
        if not nouns:
            continue
        future = event.kind != "occurred"
        if undated:
            low, high = ctx.published, ctx.published + dt.timedelta(days=_UNDATED_OCCASION_AHEAD)
        else:
            low, high = event.date.first_day, event.date.last_day
        told = find_dates(event.date_text, ctx.published, future) if event.date_text else []
        if len(told) == 1 and low <= told[0].first <= told[0].last <= high:
            low, high = told[0].first, told[0].last  # "next week": that week, not the month it is stated in
        days = set()
        for sentence in ctx.raw_dates:
            lowered = sentence.lower()
            if sentence in event.evidence or not any(n in lowered for n in nouns) or \
                    any(p.value != event.host and not p.demonym for p in ctx.places_of.get(sentence, ())):
                continue  # (an occasion in another state is another occasion)
            occasions = [m for m in _OCCASION.finditer(sentence) if m.group(1).lower() in nouns]
            for d in ctx.dates(sentence, future):
                if d.span_days != 0 or not low <= d.first <= high:
                    continue
                # "the August 7 inauguration" (the date before its noun), "the ceremonies on Oct. 22" (after it)
                if any((m.start() >= d.end and sentence[max(0, d.start - 4):d.start].lower() == "the " and
                        _ATTRIBUTIVE.match(sentence, d.end, m.start())) or
                       (m.end() <= d.start and _OCCASION_ON.match(sentence, m.end(), d.start)) for m in occasions):
                    days.add(d.first)
        if len(days) == 1:
            day = days.pop()
            ctx.events[i] = replace(event, date=PartialDate(day.year, day.month, day.day))


# "A source has denied Turkish media reports that Gerasimov plans to visit Ankara on Friday", "the Kremlin
# dismissed claims that Putin had flown to Tehran": the trip told is one the article says is not so
_DENIED = re.compile(r"\b(?:denied|denies|deny|dismissed|dismisses|refuted|refutes)\s+(?:(?:the\s+)?(?:[\w'’-]+\s+)"
                     r"{0,3}?(?:reports?|claims?|rumou?rs?|speculation|suggestions?)\s+(?:that|of)|that)\b", re.I)
# (not "denied reports that Putin would skip the summit": a calling-off denied is a trip still planned)
_UNDONE_AFTER = re.compile(r"\b(?:not|n't|never|no longer|skip\w*|cancel\w*|call\w* off|stay\w* away|snub\w*|"
                           r"boycott\w*)\b", re.I)


# Round 40: "Duterte said rumors that he flew to Singapore over the weekend were \"nonsense\"" (news-final30 2927)
_CALLED_FALSE = re.compile(r"\b(?:rumou?rs?|reports?|claims?|speculation|stories)\s+(?:that|of)\b"
                           r"(?=[^.;]{0,160}?\b(?:were|was|are|is)\s+\W{0,2}"
                           r"(?:nonsense|false|untrue|baseless|unfounded|fake|lies|not true|fabricated)\b)",
                           re.I)


_CALLED_FALSE_WORDS = ("nonsense", "false", "untrue", "baseless", "unfounded", "fake", "lies", "not true", "fabricated")


def _denied_from(sentence: str) -> int:
    """Where the report a sentence denies begins (its places are no destinations), or -1."""
    if any(word in sentence for word in _CALLED_FALSE_WORDS) and (called_false := _CALLED_FALSE.search(sentence)):
        return called_false.end()
    if "den" not in sentence and "dismiss" not in sentence and "refut" not in sentence:
        return -1
    denial = _DENIED.search(sentence)
    return denial.end() if denial is not None and not _UNDONE_AFTER.search(sentence, denial.end()) else -1


def _left_home(kb: KnowledgeBase, ctx: _Context, people: list[Hit], places: list[Hit], sentence: str) -> None:
    """ "The Israeli leader is expected to leave Israel on Dec. 28": the trip begins that day."""
    if not ctx.events or not people:
        return
    person = people[-1].value
    home = kb.person_by_id[person].nationality
    for place in places:
        if place.value != home or place.demonym or not LEAVES_HOME.search(sentence, max(0, place.start - 25),
                                                                         place.start):
            continue
        for i in range(len(ctx.events) - 1, -1, -1):
            event = ctx.events[i]
            if event.person != person or event.date is None or not event.date.is_exact:
                continue
            days = [d for d in ctx.dates(sentence, event.kind == "planned") if d.span_days == 0
                    and d.start > place.start and _same_clause(sentence, place.start, d.start)]
            if days:
                day = days[0].first
                if dt.timedelta(0) < event.date.first_day - day <= dt.timedelta(days=TRIP_GAP_DAYS):
                    ctx.events[i] = replace(event, date=PartialDate(day.year, day.month, day.day),
                                            evidence=(*event.evidence, sentence))
            return
        return


def _day_before(ctx: _Context, person: str, host: str) -> PartialDate | None:
    """The day before the latest dated event of this person in this host."""
    for event in reversed(ctx.events):
        if event.person == person and event.host == host and event.date is not None and event.date.is_exact:
            day = event.date.first_day - dt.timedelta(days=1)
            return PartialDate(day.year, day.month, day.day)
    return None


# A trip of the report's day told without its day. A live or same-day report often dates only what the person
# does or what is said about them that day ("Putin and Kim have a string of meetings today", "On Friday he was
# confronted by a reporter", "announced on Thursday ..., just as Orban was hosting Netanyahu in Budapest", "is
# on his way to Baghdad, state radio reported on Wednesday"); a stay told in such a report is under way on that
# day. Read only for the report's day or the day before, never in a clause about the future, a departure or a
# statement (unless the trip is told at the same time as the statement or as under way), and only where the
# person has one trip without a day and one such day.
_SAID = re.compile(r"\b(?:said|says|told|announced|announces|reported|confirmed|stated|declared|according)\b",
                   re.I)
_AT_THE_SAME_TIME = re.compile(r"\b(?:just as|at the same time as|coincid(?:e|es|ed|ing) with)\b", re.I)
_UNDER_WAY_NOW = re.compile(r"\b(?:is|are) (?:now |currently |already |still )?(?:on (?:his|her|their) way to|"
                            r"visiting|staying in|taking part in|attending)\b", re.I)
_QUOTED = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")  # a quotation, or its start where the sentence ends in it
_DATELINE_DAY = re.compile(r"^\W*[A-Z][\w'’. -]{1,30},\s*$")  # "Moscow, Mar 25 (EFE).- ...": when it was filed
_LEAVING = re.compile(r"\b(?:left|leaves?|leaving|flew (?:out|home|back)|departed|took off|return(?:s|ed)?|"
                      r"back home|will|would|shall|going to|plans?|due to|expected to)\b", re.I)


def _day_told(ctx: _Context, person: Hit, sentence: str, speaking: bool = False) -> None:
    """Note the report's day (or the day before) told of `person` in `sentence` (read by `_report_day`).
    `speaking`: the trip without a day is an address by video, made on the day the person is told to have said
    something (round 51: "Gadhafi complained on Monday that ... Speaking via video link from Tripoli",
    news-final35 3419)."""
    if speaking:
        for date in ctx.dates(sentence, False):
            if date.span_days == 0 and 0 <= (ctx.published - date.first).days <= 1 and \
                    _SPOKE_ON.search(sentence, max(0, date.start - 30), date.start):
                ctx.report_days.setdefault(person.value, {})[date.as_partial] = date.text
                return
    together = _AT_THE_SAME_TIME.search(sentence)
    told = _QUOTED.sub("", sentence) if '"' in sentence or "“" in sentence else sentence  # not words quoted
    if together and together.start() < person.start:
        statement = True  # "announced on Thursday ..., just as Orban was hosting Netanyahu": the same day
    elif _LEAVING.search(told):
        return
    elif _SAID.search(told):
        if not speaking and not _UNDER_WAY_NOW.search(told):
            return
        statement = True  # "is on his way to Baghdad, state radio reported on Wednesday": under way that day
    else:
        statement = False
    for date in ctx.dates(sentence, False):
        if date.span_days == 0 and 0 <= (ctx.published - date.first).days <= 1 and (
                statement or _trip_date(sentence, date)) and not _DATELINE_DAY.match(sentence[:date.start]) and \
                not _SINCE_OR_UNTIL.search(sentence[max(0, date.start - 8):date.start] + date.text[:6]):
            ctx.report_days.setdefault(person.value, {})[date.as_partial] = date.text


_SPOKE_ON = re.compile(r"\b(?:said|says|told|complained|warned|urged|declared|insisted|argued|accused|critici[sz]ed|"
                       r"spoke|addressed|called)\s+(?:on\s+)?$", re.I)


# "which the group has occupied since Tuesday afternoon": where something else began or ends, not the person's day
# (round thirteen, news-final12 1718)
_SINCE_OR_UNTIL = re.compile(r"\b(?:since|until|till)\s", re.I)


_THAT_DAY = re.compile(r"\bthat (?:morning|afternoon|evening|night|day)\b", re.I)


def _that_day(ctx: _Context, sentence: str) -> None:
    """ "The arrest itself came that morning": the last day named before, told of the story's person."""
    for earlier in reversed(ctx.raw_dates):
        if earlier == sentence or not ctx.raw_dates[earlier][1]:
            continue
        days = [d for d in ctx.dates(earlier, False) if d.span_days == 0 and d.first <= ctx.published]
        if days:
            day = days[-1]
            if (ctx.published - day.first).days <= 1 and ctx.last_person:
                ctx.report_days.setdefault(ctx.last_person, {})[day.as_partial] = day.text
            return


_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)


# round 34: someone not of the record named before the pronoun is its antecedent: the sentence's named subject
# travelling ("Berlusconi is to leave for Benghazi, his second visit to the country", news-final27 2647) or an
# official named with his title ("Foreign Minister Abderrahmane Chalgam had received an invitation from his British
# counterpart", 2654)
_WHO_TRAVELLED_SAID = re.compile(r"^\W*(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+,\s+who\s+(?:had\s+|has\s+)?(?:arrived|"
                                 r"travell?ed|flew|came|landed)\b[^,;]*,\s+(?:said|told|added|stressed|noted)\b")
_NAMED_SUBJECT_TRAVELS = re.compile(r"^\W*(?!(?:He|She|It|They|The|This|That|These|Those|His|Her|A|An|In|On|At|After|"
                                    r"Before|But|And|As|When|While|Earlier|Later|Last|Next)\b)(?:[A-Z][\w'’-]+\s+){0,3}"
                                    r"[A-Z][\w'’-]+\s+(?:(?:is|was|are|were) (?:to|due to|expected to|set to)\s+|"
                                    r"will\s+|would\s+|plans? to\s+|planned to\s+)?(?:leave|travel|fly|visit|go|head|"
                                    r"arrive|arrived|flew|left|travell?ed|visited|went|headed|stopped|landed)\b")
_TITLED_OTHER = re.compile(r"\b(?:Foreign|Defen[cs]e|Interior|Prime|Finance|Trade)\s+Minister\s+"
                           r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+\b[^.;]*?\b(?:his|her)\b")


_HE_OR_SHE = re.compile(r"\b(?:he|she|He|She)\b")


def _someone_else_before_pronoun(sentence: str) -> bool:
    """Whether the sentence's pronoun has an antecedent of its own that is not a person of the record."""
    return bool(_NAMED_SUBJECT_TRAVELS.match(sentence) or ("Minister" in sentence and _TITLED_OTHER.search(sentence)
                                                           and not _HE_OR_SHE.search(sentence)))


def _pronoun_refers_to(kb: KnowledgeBase, ctx: _Context, sentence: str) -> str:
    """The person a pronoun of `sentence` refers to: the last person named, unless the sentence says "she" or
    "her" while the last person named is a man and a woman of the record was named before (round 31: "Simone Gbagbo
    ... among Laurent Gbagbo's supporters. ... who has completed her visit to Congo-Kinshasa", news-final24 2406)."""
    last = ctx.last_person
    if ctx.last_she is not None and ctx.last_she != last and kb.person_by_id[last].pronoun != "she" and \
            _SHE.search(sentence):
        return ctx.last_she
    return last


def _dateline_day(dateline: str, published: dt.date) -> tuple[PartialDate, str] | None:
    """The day a dateline gives its report, when it is the day of publication or the one before (a report
    filed late at night), with the dateline's words for it."""
    days = [d for d in find_dates(dateline, published) if d.span_days == 0 and 0 <= (published - d.first).days <= 1]
    return (days[0].as_partial, days[0].text) if len(days) == 1 else None


def _report_day(ctx: _Context) -> None:
    """Give the report's day told of a person (`_day_told`) to their one trip of that report without a day."""
    undated: dict[str, list[int]] = {}
    for i, e in enumerate(ctx.events):
        if e.date is None and e.host != COURT_SEAT and e.kind in ("occurred", "remote", "arrest") and \
                not (EXPERIENTIAL.search(e.evidence[0]) and not (  # ("has just been detained" is no experience)
                    e.kind == "arrest" and _ARREST_JUST_TOLD.search(e.evidence[0]))) and \
                not (e.kind == "arrest" and _SOME_TIME_AFTER_ARREST.search(e.evidence[0])):
            undated.setdefault(e.person, []).append(i)
    if not undated:
        return
    for person, sentence in ctx.told:
        if len(undated.get(person.value, ())) == 1 and \
                not STAND_IN_FOR.search(sentence, max(0, person.start - 60), person.start):
            # (not "where he is representing Putin")
            _day_told(ctx, person, sentence, speaking=ctx.events[undated[person.value][0]].kind == "remote")
    for person, days in ctx.report_days.items():
        if len(days) != 1 or len(undated.get(person, ())) != 1:
            continue
        ((day, text),) = days.items()
        if not any(e.person == person and e.date == day and e.host != COURT_SEAT for e in ctx.events):
            # (a surrender to the court is no other trip)
            i = undated[person][0]
            ctx.events[i] = replace(ctx.events[i], date=day, date_text=text, confidence=round(min(
                0.95, ctx.events[i].confidence + CONFIDENCE["dated"]), 2))
    for person, indices in undated.items():
        if ctx.report_days.get(person):
            continue
        just = [i for i in indices if ctx.events[i].kind == "arrest" and
                _ARREST_JUST_TOLD.search(ctx.events[i].evidence[0]) and
                not _SINCE_OR_FOR.search(ctx.events[i].evidence[0])]
        if len(just) == 1:
            # "has just been detained ... in the north of Congo": the arrest the report brings, of its day
            day = PartialDate(ctx.published.year, ctx.published.month, ctx.published.day)
            if not any(e.person == person and e.date == day and e.kind == "arrest" for e in ctx.events):
                ctx.events[just[0]] = replace(ctx.events[just[0]], date=day, date_text="(told in the present perfect)")
            continue
        if len(indices) != 1:
            continue
        event = ctx.events[indices[0]]
        if ctx.dateline_day is not None and person in ctx.lead_people and event.kind in ("occurred", "remote") \
                and not _LEAVING.search(event.evidence[-1]):
            # "MOSCOW, September 8. /TASS/. Putin took part in the virtual BRICS summit": the trip of a person of the
            # lead, told without a day in a report dated by its dateline, is of that day (tests/data/CONVENTIONS.md;
            # not "returned from Saudi Arabia": a trip that began before)
            day, words = ctx.dateline_day
            if not any(e.person == person and e.date == day for e in ctx.events):
                ctx.events[indices[0]] = replace(event, date=day, date_text=words)
            continue
        if event.kind == "occurred" and _told_in_present(event.evidence[-1]):
            # "Abe welcomes Putin in Nagato", "has landed at Ezeiza": the trip told in its own present or
            # present perfect is one of the report's day (tests/data/CONVENTIONS.md, round ten)
            day = PartialDate(ctx.published.year, ctx.published.month, ctx.published.day)
            if not any(e.person == person and e.date == day for e in ctx.events):
                ctx.events[indices[0]] = replace(event, date=day, date_text="(told in the present)")


# "has just been detained": an arrest told as the report's news, of its day (tests/data/CONVENTIONS.md; round
# fourteen). Not "has been arrested in Turin" alone (told the day after the arrest, news-final2 717), nor "has just been
# detained since 2019", "for two weeks": a custody that lasts.
_ARREST_JUST_TOLD = re.compile(r"\b(?:has|have) just (?:been )?(?:arrested|detained|apprehended|"
                               r"captured|taken into (?:[\w-]+ )?custody)\b", re.I)
_SINCE_OR_FOR = re.compile(r"\b(?:since|for (?:\w+ )?(?:days|weeks|months|years))\b", re.I)


# The trip verb in the present or present perfect: "is visiting", "arrives", "has arrived", "has landed", "is
# staying", "hosts" (round ten). A past ("visited") or a plan ("will visit") without a day stays undated.
_PRESENT_TRIP = re.compile(
    r"\b(?:(?:is|are) (?:now |currently |already |still )?(?:visiting|staying|touring|attending|hosting|"
    r"welcoming|receiving|holding talks|"
    # round 52: "Netanyahu and Abbas are holding a meeting in Washington" (news-final36 3467)
    r"holding (?:a |an )?(?:meeting|summit|discussions|consultations))|"
    # round 44: "The Russian president is accompanied on his visit to Ankara by ..." (news-final31 2974)
    r"(?:is|are) (?:being )?accompanied on (?:his|her|their|the) (?:[\w-]+ ){0,2}(?:visit|trip|tour)|"
    r"(?:has|have) (?:just |now |already )?(?:arrived|landed|touched down|come)|"
    r"arrives|lands|touches down|is welcomed|is received|is hosted|hosts|welcomes|receives)\b", re.I)


# (a present with a day named is read by the day: "is staying on for a summit on Friday")
_DAY_NAMED = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                        r"May|June|July|August|September|October|November|December|today|tonight|\d{1,2})\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|whose|which|that|where)\b[^,;]*$", re.I)


def _told_in_present(sentence: str) -> bool:
    """The sentence tells its trip in the present or present perfect, with no plan word and no past trip verb
    before that present (not a quotation: what someone said is not the report's narration)."""
    told = _QUOTED.sub("", sentence) if '"' in sentence or "“" in sentence else sentence
    present = _PRESENT_TRIP.search(told)
    if present is None or FUTURE.search(told) or _RELATIVE_BEFORE.search(told, max(0, present.start() - 30),
                                                                          present.start()):
        return False  # (not "whose country hosts the summit": a clause about another subject)
    past = PAST.search(told, 0, present.start())
    return past is None


# "is set on Friday to meet Modi, on the final day of his two-day trip to India": a day told as the n-th of a
# trip of known length; the trip is dated by its first day (round six).
_NTH_DAY = re.compile(r"\b(?:on )?the (?P<nth>first|second|third|fourth|final|last) day of (?:his|her|the) "
                      r"(?:[\w-]+ ){0,2}?(?:(?P<length>two|three|four|five)-day )?(?:[\w-]+ )?(?:visit|trip|tour)\b",
                      re.I)
_COUNT = {"first": 1, "second": 2, "third": 3, "fourth": 4, "two": 2, "three": 3, "four": 4, "five": 5}


# Round 47: "Putin arrived in Italy on Monday, in Rome. He met Pope Francis in the Vatican": a stay told without a day
# right after the person's dated stay is of that day, the narrative's (tests/data/CONVENTIONS.md: "unless another
# sentence dates them"). Not an earlier stop ("went first to China", "after wrapping up his trip to North Korea",
# "who has already visited Kenya"), another stop of a tour ("His tour also took him to Laos") nor a possibility
# ("could go to Cairo").
_EARLIER_STOP = re.compile(r"\b(?:earlier|first|after|from|had|already|also|previously|before|wrapp\w+|could|"
                           r"would|might|may)\b", re.I)
_NARRATIVE_REACH = 6  # sentences back to the dated stay


def _day_of_the_narrative(ctx: _Context) -> None:
    undated = [i for i, event in enumerate(ctx.events) if event.date is None and event.kind == "occurred" and
               not EXPERIENTIAL.search(event.evidence[0]) and not _EARLIER_STOP.search(event.evidence[0])]
    if not undated:
        return  # (most articles: no sentence order to build)
    order = {sentence: i for i, sentence in enumerate(ctx.raw_dates)}  # (every sentence, in order)
    for i in undated:
        event = ctx.events[i]
        at = order.get(event.evidence[0])
        if at is None:
            continue
        nearest: tuple[int, PartialDate] | None = None
        for other in ctx.events:
            if other.person != event.person or other.kind != "occurred" or other.date is None or \
                    not other.date.is_exact:
                continue
            for sentence in other.evidence:
                j = order.get(sentence, at)
                if at - _NARRATIVE_REACH <= j < at and (nearest is None or j > nearest[0]):
                    nearest = (j, other.date)
        if nearest is not None:
            ctx.events[i] = replace(event, date=nearest[1])


def _day_of_the_trip(ctx: _Context) -> None:
    for i, event in enumerate(ctx.events):
        if event.date is None or not event.date.is_exact or event.kind not in ("occurred", "planned"):
            continue
        for sentence in event.evidence:
            m = _NTH_DAY.search(sentence) if "day of" in sentence else None
            if m is None:
                continue
            nth = m.group("nth").lower()
            days = _COUNT.get(m.group("length").lower()) if m.group("length") and nth in ("final", "last") \
                else _COUNT.get(nth)
            if not days or days == 1:
                break
            told = [d for d in ctx.dates(sentence) if d.span_days == 0]
            if len(told) == 1 and told[0].first == event.date.first_day:
                first = told[0].first - dt.timedelta(days=days - 1)
                ctx.events[i] = replace(event, date=PartialDate(first.year, first.month, first.day))
            break


# "Netanyahu's December trip had been postponed": a month told as the trip's own (round six).
_MONTH_TRIP = re.compile(r"(?:['’]s|\b(?:his|her|the)) (?P<month>January|February|March|April|May|June|July|August|"
                         r"September|October|November|December) (?:trip|visit|tour|journey)\b")
_MONTH_NUMBER = {m: i for i, m in enumerate(("January", "February", "March", "April", "May", "June", "July", "August",
                                             "September", "October", "November", "December"), 1)}


# besides the occasions of `_OCCASION`, the trip's own words, whose day a later sentence may give ("The day-long
# visit on September 9")
_TRIP_OR_MEETING = re.compile(r"\b(visit|trip|tour|meeting|talks|session|assembly)\b", re.I)


def _occasion_nouns(sentence: str) -> set[str]:
    """The occasions and trip words a sentence names ("summit", "visit"), lower case."""
    return {m.group(1).lower() for pattern in (_OCCASION, _TRIP_OR_MEETING) for m in pattern.finditer(sentence)}


def _day_in_the_week(ctx: _Context) -> None:
    """A trip dated only by its week ("this week", "next week") takes the one day in that week that the article
    gives the same occasion, the trip's state or the person ("will take part this week by video conference ... The
    summit ... will be held on November 12-15"; "called off a visit scheduled for next week ... The day-long visit on
    September 9")."""
    for i, event in enumerate(ctx.events):
        if event.date is None or event.date.is_exact or not event.date_text or "week" not in event.date_text or \
                event.kind not in ("planned", "cancelled", "remote") or "last" in event.date_text or (
                event.kind == "remote" and not FUTURE.search(event.evidence[0])):
            continue  # (a week ahead: not "the summit this week, which Putin followed by video link", over)
        weeks = [d for d in find_dates(event.date_text, ctx.published) if 1 <= d.span_days <= 7]
        if len(weeks) != 1:
            continue
        week = weeks[0]
        occasions = set().union(*(_occasion_nouns(sentence) for sentence in event.evidence))
        own = {sentence for person, sentence in ctx.told if person.value == event.person}
        days = {}
        for sentence in ctx.raw_dates:
            places = [p for p in ctx.places_of.get(sentence, ()) if not p.demonym]
            if not (any(p.value == event.host for p in places) if places else
                    sentence in own or not occasions.isdisjoint(_occasion_nouns(sentence))):
                continue  # (the person's or the occasion's day: not "the leaders will hold talks in Minsk on Monday")
            for d in ctx.dates(sentence, True):
                if d.span_days <= 7 and week.first <= d.first <= week.last and "week" not in d.text and \
                        not _SAID.search(sentence, max(0, d.start - 20), d.start):
                    days[d.first] = d.text  # (not "sources confirmed Monday": the day of the report's words)
        if len(days) == 1:
            ((day, text),) = days.items()
            ctx.events[i] = replace(event, date=PartialDate(day.year, day.month, day.day), date_text=text)


def _month_of_the_trip(ctx: _Context, published: dt.date) -> None:
    for i, event in enumerate(ctx.events):
        if event.date is not None and event.date.is_exact:
            continue
        for sentence in event.evidence:
            m = _MONTH_TRIP.search(sentence) if " trip" in sentence or " visit" in sentence else None
            if m is None:
                continue
            month = _MONTH_NUMBER[m.group("month")]
            # a plan or a trip called off lies ahead of the report unless its month has passed; a trip made, behind
            year = published.year
            if event.kind in ("planned", "cancelled") and month < published.month:
                year += 1
            elif event.kind not in ("planned", "cancelled") and month > published.month:
                year -= 1
            if event.date is None or (event.date.year, event.date.month) != (year, month):
                ctx.events[i] = replace(event, date=PartialDate(year, month))
            break


# "The talks come a day after both men attended a summit in Tianjin": a stay in the same state that began a
# day before the day of the talks, which is then the day of the trip (a range is dated by its first day).
_DAYS_AFTER_PRESENCE = re.compile(r"\b(?P<count>a|one|two|three) days? after (?:he|she|they|both(?: men| leaders)?|"
                                  r"the two(?: men| leaders)?|(?-i:[A-Z][\w-]+)) (?:had )?(?:attended|visited|"
                                  r"took part in|was in|were in|met in|held talks in)\b", re.I)


def _presence_told_after(ctx: _Context, places: list[Hit], sentence: str) -> None:
    told = _DAYS_AFTER_PRESENCE.search(sentence)
    if told:
        hosts = frozenset(p.value for p in places if p.start >= told.end() and not p.demonym)
        if hosts:
            ctx.presence_before.append(({"a": 1, "one": 1, "two": 2, "three": 3}[told.group("count").lower()],
                                        hosts))


def _after_presence(ctx: _Context) -> None:
    """Move the one trip dated to a day in a state back by the days of a stay there told as before it."""
    for days, hosts in ctx.presence_before:
        dated = [i for i, e in enumerate(ctx.events) if e.host in hosts and e.kind == "occurred"
                 and e.date is not None and e.date.is_exact]
        if len(dated) == 1:
            event = ctx.events[dated[0]]
            day = event.date.first_day - dt.timedelta(days=days)
            ctx.events[dated[0]] = replace(event, date=PartialDate(day.year, day.month, day.day))


_PLANNED_FOR = re.compile(r"\b(?:trip|visit|journey|tour|stopover)\W+(?:\w+\W+){0,6}?(?:planned|scheduled|set|slated|"
                          r"due|expected) (?:for|on|in)\b", re.I)


def _undated(event: Event, published: dt.date) -> Event:
    """An announced, called-off or reported trip with no date in the text is dated to the publication
    month: news reports such trips when they are imminent or just over ("went first to China, then to
    Belarus", "came home on a flight from Hong Kong"). A trip told as experience ("has visited China
    twice", "once went to Kenya") is left undated."""
    if event.date is None and (event.kind in ("planned", "cancelled", "remote", "arrest") or (
            event.kind == "occurred" and not EXPERIENTIAL.search(event.evidence[0]))):
        return replace(event, date=PartialDate(published.year, published.month), date_text=None,
                       date_from="publication",
                       confidence=round(max(0.05, event.confidence + CONFIDENCE["undated_plan"]), 2))
    if event.kind == "occurred" and event.date is not None and event.date.first_day > published:
        return replace(event, kind="planned")  # a trip cannot have happened after the report: it is ahead
    if event.kind == "occurred" and event.date is not None and event.date.last_day >= published and \
            any(_PLANNED_FOR.search(s) for s in event.evidence):
        # round 28: "the principle of Gbagbo's visit to Paris, planned for mid-December, had been settled" (told on
        # December 3; news-final23 2342): a trip planned for days not yet over is ahead, whatever the tense around it
        return replace(event, kind="planned")
    if event.date is not None and event.date.month is None and event.date_text and "week" in event.date_text:
        return _week_month(event, published)
    return event


def _week_month(event: Event, published: dt.date) -> Event:
    """A trip dated only by a week that runs across two months ("next week", told on Thursday January 22:
    January 26 to February 1) is in the month that holds most of the week's days, not just in its year.
    (Done at the end: while reading, the week's whole range lets a later "scheduled for February 1" date it.)"""
    weeks = [d for d in find_dates(event.date_text, published) if d.span_days <= 7]
    if len(weeks) != 1 or weeks[0].first.month == weeks[0].last.month or weeks[0].first.year != event.date.year:
        return event
    middle = weeks[0].first + dt.timedelta(days=weeks[0].span_days // 2)
    return replace(event, date=PartialDate(middle.year, middle.month))



_ASIDE_START = re.compile(r",\s+(?:who|whom|whose|which|the|a|an|his|her|once|then|now|formerly)\b[^,]*$", re.I)


def _in_aside(sentence: str, hit: Hit, people: list[Hit]) -> bool:
    """A person named inside an aside about an earlier person: "Charles Blé Goudé, the youth leader
    who organised protests for Laurent Gbagbo, was arrested" — Gbagbo is not the one arrested."""
    if hit.end == 0 or not any(p.start < hit.start and p.value != hit.value for p in people):
        return False
    aside = _ASIDE_START.search(sentence, 0, hit.start)
    return aside is not None and any(p.end <= aside.start() and p.value != hit.value for p in people)


_PARTY_BETWEEN = re.compile(r"\b(?:agreements?|accords?|deals?|understandings?|talks|conversations?|phone calls?|"
                            r"contacts?)\s+between\s+(?:the\s+)?(?:[\w'’.-]+,?\s+){0,7}$", re.I)


def _traveller(people: list[Hit], place: Hit, sentence: str) -> Hit | None:
    """The wanted person a place belongs to: the nearest one mentioned before it who is not the
    one being met or hosted, else the nearest before it, else the first after it who is not the one met
    ("... for Anchorage to meet Putin" has none). Not a party to an agreement or talks the trip follows ("In line
    with the agreements between the presidents of Russia, Vladimir Putin, and of Turkey, ... the ministers will
    arrive in Turkey": round sixteen, news-final10 1537)."""
    before = [p for p in people if p.start <= place.start]
    if " between " in sentence:
        before = [p for p in before if p.end == 0 or not _PARTY_BETWEEN.search(sentence, max(0, p.start - 80), p.start)]
    if ", who " in sentence and len(before) > 1:
        # "..., and Narcisse Arido, a defence witness, who was arrested by the French authorities": the person
        # the relative clause of the arrest is told of (not the one before him in the list)
        who = max((m for m in _WHO_ARRESTED.finditer(sentence, 0, place.start)), key=lambda m: m.start(),
                  default=None)
        antecedent = [p for p in before if p.end <= who.start()] if who is not None else []
        if antecedent and antecedent[-1].end > 0:
            return antecedent[-1]
    travelling = [p for p in before if not HOSTED_PERSON.search(sentence[max(0, p.start - 25):p.start])
                  and not _in_aside(sentence, p, before)]
    if travelling:
        return travelling[-1]
    if before:
        return before[-1]
    after = [p for p in people if p.end == 0 or not (
        _MET.search(sentence, max(0, p.start - 40), p.start) or
        _PREPOSITION_OBJECT.search(sentence, max(0, p.start - 40), p.start))]
    # "Trump took off for Anchorage to meet Putin": the only wanted person after the place is the one met
    return after[0] if after else None


# "The summit in Kampala reiterated its support for Bashir": a person named after the place as the object of a
# preposition is not its traveller (round fourteen; "attended by Bashir" still is)
_PREPOSITION_OBJECT = re.compile(r"\b(?:support|solidarity|backing|sympathy|case|cases|warrants?|charges|indictment|"
                                 r"trial|release|extradition)\s+(?:for|of|against|with|on)\s+"
                                 r"(?:the\s+)?(?:(?-i:[A-Z][\w'’.-]*)\s+){0,3}$", re.I)
_WHO_ARRESTED = re.compile(r", who (?:was|had been|has been|were) (?:[a-z]+ly )?(?:arrested|detained|apprehended|"
                           r"captured|taken into (?:[\w-]+ )?custody)\b")
# "to meet Putin", "will welcome the Russian president": the person named after it is the one met or hosted.
_MET = re.compile(r"\b(?:meet|meets|met|meeting|welcom(?:e|es|ed|ing)|host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|"
                  r"greet(?:s|ed|ing)?|invit(?:e|es|ed|ing|ations?)(?: to)?)\W+(?:the\W+)?(?:[\w-]+\W+){0,3}$", re.I)


def _add(ctx: _Context, event: Event) -> None:
    # A mention without a date of its own is of the trip told last ("His first visit to Japan took place on
    # October 25 to 27 last year. He had been due back ..., but that trip was called off" is not the visit
    # announced for October 29): the nearest antecedent, as a pronoun's is.
    order = range(len(ctx.events) - 1, -1, -1) if event.date is None else range(len(ctx.events))
    for i in order:
        old = ctx.events[i]
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
    return a.date.first_day <= b.date.last_day + _TRIP_GAP and b.date.first_day <= a.date.last_day + _TRIP_GAP


# Mentions of one person in one host this close together are one trip (a four-day visit).
TRIP_GAP_DAYS = 7
_TRIP_GAP = dt.timedelta(days=TRIP_GAP_DAYS)
_KIND_STRENGTH = {"arrest": 4, "remote": 3, "cancelled": 2, "occurred": 1, "planned": 0, MENTION: -1}


def _precise(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The more precise date; of two days, the earlier (a trip is dated by its first day)."""
    if a is None or b is None:
        return a or b
    if a.is_exact and b.is_exact:
        return min(a, b, key=lambda d: d.first_day)
    return a if (a.last_day - a.first_day) <= (b.last_day - b.first_day) else b


def _made_weakly(event: Event) -> bool:
    """A trip read as made only from a place borrowed from another sentence, or from the tense of a sentence with no
    word that makes its place a destination."""
    reading = event.reading
    return reading is not None and (reading.borrowed or not reading.direct or _scheduled(event))


def _scheduled(event: Event) -> bool:
    """Told as scheduled ("a meeting was set for February 11 in New Delhi"): a plan, whatever the tense."""
    return event.reading is not None and SCHEDULED.search(event.reading.sentence) is not None


def _dated_at_place(event: Event) -> bool:
    """The event's day is written right after its place ("will leave for the UAE on Monday"), not shared by a
    list of places or told of something else in the sentence."""
    reading, text = event.reading, event.date_text
    if reading is None or reading.place is None or not text:
        return False
    end = reading.place[1]
    return 0 <= reading.sentence.find(text, end, end + 6 + len(text)) - end <= 4


def _shared_day(event: Event, other: Event) -> bool:
    """`event`'s day is not written at its place and its sentence names other states, while `other`'s day is
    written at the place: the day may be another stop's."""
    return event.reading is not None and event.reading.others > 0 and not _dated_at_place(event) and \
        _dated_at_place(other)


def _merge(old: Event, new: Event) -> Event:
    kind = max(old.kind, new.kind, key=_KIND_STRENGTH.__getitem__)
    date = _precise(old.date, new.date)
    date_text = old.date_text
    if old.date is not None and new.date is not None and old.date.is_exact and new.date.is_exact and \
            old.date != new.date and old.kind == new.kind == "planned" and \
            (_shared_day(old, new) or _shared_day(new, old)):
        # round 21: two days for one planned stop: the day written at the place beats one read from a sentence that
        # names other states ("will begin on Sunday a visit to Kuwait and the UAE ... will leave for the UAE on
        # Monday", news-final8 1338; news-final12 1721); a trip made keeps its first day, its arrival's
        date, date_text = (new.date, new.date_text) if _shared_day(old, new) else (old.date, old.date_text)
    if {old.kind, new.kind} == {"occurred", "cancelled"}:
        made, called_off = (old, new) if old.kind == "occurred" else (new, old)
        if _made_weakly(made):
            # round twenty: a trip read as made only weakly does not undo a calling-off told of it ("has called off
            # his trip to Abu Dhabi and Bahrain next week ... Netanyahu had faced criticism over the trip",
            # news-final19 2108)
            kind, date = "cancelled", called_off.date
            if _scheduled(made):
                # round 22: the day it was scheduled for is the called-off trip's ("called off another high-profile
                # trip at the last minute, to India ... a meeting was set for February 11 in New Delhi", news-final16
                # 1981)
                date = _precise(called_off.date, made.date)
        else:
            # a trip told as made is not undone by a part of it called off (an event, a stop), and the day of
            # what was called off does not date it ("met Widodo at the summit in Jakarta"; "had been due to
            # visit Indonesia last year but cancelled")
            kind, date = "occurred", made.date
    further = tuple(e for e in new.evidence if e not in old.evidence)
    sure = max(old.confidence, new.confidence) + (CONFIDENCE["each_further_sentence"] if further else 0.0)
    # (`replace` written out: a merge is made for most sentences that tell a trip)
    return Event(old.person, old.host, kind, date, old.evidence + further, date_text, round(min(0.99, sure), 2),
                 old.date_from, old.reading)


def _date_the_plan_called_off(ctx: _Context, people: list[Hit], places: list[Hit], sentence: str) -> None:
    """ "His visit to Japan has been put off indefinitely. He had been due to visit Tokyo before the end of the
    year": the day the plan named dates the trip called off, when the calling-off gave none (round 52,
    news-final36 3466)."""
    event = ctx.events[ctx.last_event] if ctx.last_event is not None else None
    if event is None or event.kind != "cancelled" or event.date is not None or \
            not any(p.value == event.person for p in people) or \
            not any(place.kind == "place" and place.value == event.host for place in places):
        return
    dates = ctx.dates(sentence, True)
    if len(dates) == 1:
        ctx.events[ctx.last_event] = replace(event, date=dates[0].as_partial, date_text=dates[0].text,
                                             date_from="text", evidence=(*event.evidence, sentence))


_MEETING_OF_DATE = re.compile(r"['’]s (?:meeting|summit|talks|visit|trip|gathering)\b", re.I)


def _month_of_the_meeting(ctx: _Context, person: str, sentence: str) -> None:
    """ "Putin's part in next month's meeting would be full": the month of the person's latest trip, told
    after it without a place (only for a trip without a date, never for one told as over)."""
    event = ctx.events[ctx.last_event] if ctx.last_event is not None else None
    if event is None or event.person != person or event.date is not None or event.kind == "occurred":
        return
    for date in ctx.dates(sentence, event.kind == "planned" or None):
        if _MEETING_OF_DATE.match(sentence, date.end) and date.as_partial.month is not None:
            ctx.events[ctx.last_event] = replace(event, date=date.as_partial, date_text=date.text,
                                                 evidence=(*event.evidence, sentence))
            return


def _attended_remotely(ctx: _Context, person: str, sentence: str) -> None:
    """ "Instead, he took part by video link": the person's latest trip was attended remotely."""
    for i in range(len(ctx.events) - 1, -1, -1):
        event = ctx.events[i]
        if event.person == person:
            if event.kind in ("cancelled", MENTION, "planned"):
                ctx.events[i] = replace(event, kind="remote", evidence=(*event.evidence, sentence))
            return


def _earlier_arrival(ctx: _Context, person: str, sentence: str, published: dt.date) -> None:
    """ "The Russian president had flown into the city on Thursday": the trip began that day. A trip known
    only to its month, or not dated at all, takes the day of a presence told later ("Al-Bashir took part
    in the official opening on Sunday")."""
    for i in range(len(ctx.events) - 1, -1, -1):
        event = ctx.events[i]
        if event.person != person:
            continue
        days = [d for d in ctx.dates(sentence, event.kind == "planned") if d.span_days == 0]
        if not days:
            return
        day = min(d.first for d in days)
        gap = dt.timedelta(days=TRIP_GAP_DAYS)
        if event.date is None:
            better = event.kind == "occurred" and dt.timedelta(0) <= published - day <= gap
        elif event.date.is_exact:  # an arrival before the day told (not for a trip called off)
            better = event.kind in ("occurred", "planned") and dt.timedelta(0) < event.date.first_day - day <= gap
        else:
            # (a plan's day may lie after the report: "the president will travel there on September 3")
            last = event.date.last_day if event.kind == "planned" else min(event.date.last_day, published)
            better = event.date.month is not None and event.date.first_day <= day <= last
        if better:
            ctx.events[i] = replace(event, date=PartialDate(day.year, day.month, day.day),
                                    evidence=(*event.evidence, sentence))
        return


# round 51: "Putin has put off his coming to Bulgaria by a month ... Putin will instead come in December" (news-final35
# 3364): the trip called off, planned again for the day told
_INSTEAD_COMES = re.compile(r"\b(?:will|would|is to|is due to|is expected to|now plans to) (?:instead|now) "
                            r"(?:come|visit|travel|go|arrive|make the (?:trip|visit|journey))\b|"
                            r"\b(?:will|would) (?:come|visit|travel|go|arrive) instead\b", re.I)


def _rescheduled(ctx: _Context, person: str, sentence: str) -> None:
    called_off = next((e for e in reversed(ctx.events) if e.person == person), None)
    if called_off is None or called_off.kind != "cancelled":
        return
    days = [d for d in ctx.dates(sentence, True) if d.first > ctx.published and _trip_date(sentence, d)]
    if len(days) != 1 or (called_off.date is not None and called_off.date.first_day >= days[0].first):
        return  # (a new day after the one called off)
    _add(ctx, replace(called_off, kind="planned", date=days[0].as_partial, evidence=(sentence,),
                      date_text=days[0].text, reading=None))


# a sentence whose day may date an arrest in its state: it tells the arrest, a capture or a hand-over ("Troops
# seized Gbagbo in Abidjan on Monday", "The Central African Republic on Sunday handed a commander over")
_TELLS_CUSTODY = re.compile(r"\b(?:arrest\w*|detain\w*|custody|seiz\w+|captur\w+|caught|surrender\w*|"
                            r"hand(?:ed|s|ing) (?:[\w-]+ ){0,5}?over)\b", re.I)


def _date_from_host(ctx: _Context, places: list[Hit], sentence: str, published: dt.date) -> None:
    """ "India hosts the leaders on September 9 and 10": a later sentence that names an event's host
    and a day inside the event's known period dates the event more precisely."""
    # (not a demonym inside a compound: "the Russian-Chinese Treaty", whose anniversary "July 16 will mark", is
    # no event of China)
    hosts = {p.value for p in places if not (p.demonym and "-" in sentence[max(0, p.start - 1):p.end + 1])}
    for i, event in enumerate(ctx.events):
        if event.host not in hosts or (event.date is not None and event.date.is_exact):
            continue
        if event.kind == "arrest" and not _TELLS_CUSTODY.search(sentence):
            continue  # "A Malian jihadist will appear on Wednesday": an arrest's day is told with the arrest
        # a summit joined by video may lie either side of the report ("Italy hosts the summit on October 30-31")
        # (a trip under way is not dated by a later day of it: "Thursday's meeting", told on Wednesday)
        future = {"planned": True, "cancelled": True, "remote": None, "occurred": None}.get(event.kind, False)
        days = [d for d in ctx.dates(sentence, future) if d.span_days == 0 and
                (event.kind != "occurred" or d.first <= published) and
                not NOT_TRIP_DATE.search(sentence, 0, d.start) and
                # ("Yesterday, Kremlin officials told Russian state media that ...": the day of the telling)
                not _statement_day(sentence, d) and
                (event.date is None or event.date.first_day <= d.first <= event.date.last_day)]
        if days:
            first = min(days, key=lambda d: d.first)
            ctx.events[i] = replace(event, date=first.as_partial, evidence=(*event.evidence, sentence))


def _refine(ctx: _Context, sentence: str, published: dt.date) -> None:
    """ "The visit, scheduled for September 3, ..." dates the event the article is about."""
    assert ctx.last_event is not None
    event = ctx.events[ctx.last_event]
    future = {"planned": True, "occurred": False, "arrest": False}.get(event.kind)
    # (not a day told after a semicolon, of something else: "The visit comes as Israel is gripped by
    # demonstrations; on Thursday tens of thousands took to the streets", round sixteen, news-final7 1251)
    told = ANAPHORA.search(sentence) or SCHEDULED.search(sentence)
    dates = [d for d in ctx.dates(sentence, future)
             if d.span_days == 0 and not END_DATE.search(sentence[max(0, d.start - 12):d.start]) and
             (told is None or ";" not in sentence[min(told.start(), d.start):max(told.start(), d.start)])]
    if not dates:
        return
    date = dates[0].as_partial
    if event.date is None or (not event.date.is_exact and event.date.first_day - dt.timedelta(days=7)
                              <= date.first_day <= event.date.last_day + dt.timedelta(days=7)):
        ctx.events[ctx.last_event] = replace(event, date=date, evidence=(*event.evidence, sentence))


index_patterns(globals())  # speed, not reading: news.cue_index
