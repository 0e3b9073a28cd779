"""The brief: each event with the engine's assessment, the host's record, the person's warrants,
and (where the maps package is present) the locator map with its caption and alt text."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any
from urllib.parse import urlsplit

from warrantwatch.errors import WarrantWatchError
from warrantwatch.law import Assessment, Basis, Caveat, HostRecord, assess
from warrantwatch.law.currency import reviewed_line
from warrantwatch.news.extract import Event, extract, is_background
from warrantwatch.news.held_out import Band
from warrantwatch.news.held_out import load as load_held_out
from warrantwatch.news.reading import Article
from warrantwatch.palette import OUTCOME_LABELS, STORY
from warrantwatch.records.dates import supported
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import Warrant


@dataclass(frozen=True)
class MapImage:
    svg: str | None  # None when only the caption and alt text were made (a brief in JSON or Markdown)
    caption: str
    alt: str
    source: object = None  # the maps package's Map, which can also render a PNG


def destination(host_name: str, place_name: str | None) -> str:
    """Where the person went, for a headline: "Mariupol, Ukraine" for an occupied place, else the host."""
    return f"{place_name}, {host_name}" if place_name else host_name


@dataclass(frozen=True)
class BriefItem:
    event: Event
    person_name: str
    host_name: str
    assessed_on: dt.date
    assessment: Assessment
    warrants: tuple[Warrant, ...]
    date_note: str | None = None
    map: MapImage | None = None

    @property
    def destination(self) -> str:
        return destination(self.host_name, self.assessment.place_name if self.event.place else None)

    @property
    def on_new_text(self) -> Band:
        """How often readings of this event's confidence were right on reports the rules were not built on."""
        return load_held_out().band(self.event.confidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.event.to_dict(),
            "confidence_on_new_text": self.on_new_text.to_dict(),
            "person_name": self.person_name,
            "host_name": self.host_name,
            "assessed_on": self.assessed_on.isoformat(),
            "date_note": self.date_note,
            "assessment": self.assessment.to_dict(),
            "warrants": [w.dump() for w in self.warrants],
            "map": {"caption": self.map.caption, "alt": self.map.alt} if self.map else None,
        }


@dataclass(frozen=True)
class Brief:
    article: Article
    published: dt.date
    items: tuple[BriefItem, ...] = field(default=())
    background: tuple[BriefItem, ...] = field(default=())  # earlier trips the article recalls
    published_from: str = "--published"  # meta | feed | dateline | --published | today (news.published)
    reviewed: dt.date | None = None  # the record's review stamp
    person_names: dict[str, str] = field(default_factory=dict)  # id → name, for the hosts' records

    def name(self, person: str) -> str:
        return self.person_names.get(person, person)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {"article": {"title": a.title, "url": a.url, "origin": a.origin,
                            "published": self.published.isoformat(), "published_from": self.published_from},
                "reviewed": self.reviewed.isoformat() if self.reviewed else None,
                "events": [i.to_dict() for i in self.items],
                "background": [{k: v for k, v in i.to_dict().items() if k not in _CURRENT_ONLY}
                               for i in self.background]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_json_line(self) -> str:
        """`json.dumps(self.to_dict(), ensure_ascii=False)`, character for character, made faster for a
        run over many articles: the parts that repeat between articles (a host's record, the bulk of an
        assessment; legal bases; warrants; a map's texts) are encoded once per process, and the line is
        put together in one join (adding long strings one to another copies them again each time)."""
        a = self.article
        head = _dumps({"article": {"title": a.title, "url": a.url, "origin": a.origin,
                                   "published": self.published.isoformat(), "published_from": self.published_from},
                       "reviewed": self.reviewed.isoformat() if self.reviewed else None})
        parts = [head[:-1], ', "events": [']
        for n, item in enumerate(self.items):
            if n:
                parts.append(", ")
            _item_parts(item, True, parts)
        parts.append('], "background": [')
        for n, item in enumerate(self.background):
            if n:
                parts.append(", ")
            _item_parts(item, False, parts)
        parts.append("]}")
        return "".join(parts)


# A background item (a trip recalled from long before) has no map, and its confidence is the rules' own: the
# learned stage and the held-out readings do not score such trips.
_CURRENT_ONLY = frozenset({"map", "confidence_on_new_text"})
# `json.dumps(value, ensure_ascii=False, default=str)` makes this encoder anew on every call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)
_string = encode_basestring  # a string as JSON text, as that encoder writes it (quotes included)


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


class _Fragments:
    """JSON text made from an immutable object, by the object's identity: the object is kept beside
    its text, so that its id is never reused while it is in the table. Bounded (the oldest goes
    first); the objects are few (a host's records, one per span of days; a person's warrants)."""

    __slots__ = ("limit", "table")

    def __init__(self, limit: int) -> None:
        self.table: dict[int, tuple[object, str]] = {}
        self.limit = limit

    def get(self, obj: object, encode) -> str:
        hit = self.table.get(id(obj))
        if hit is None or hit[0] is not obj:
            if len(self.table) >= self.limit:
                del self.table[next(iter(self.table))]
            hit = self.table[id(obj)] = (obj, encode(obj))
        return hit[1]


# The parts of a brief item that repeat between articles: an assessment's host record (one object per
# host and span of days, law.host_record: most of an assessment's text), its legal bases and a person's
# warrants (objects of the engine and the knowledge base), a map's caption and alt text (`_text_of`).
# Not a whole assessment's text: each names its day, and keeping thousands of them (each with its
# record) cost more memory than encoding the rest again costs time.
_RECORDS = _Fragments(1024)
_BASES = _Fragments(256)
_MAPS = _Fragments(1024)


def _item_parts(item: BriefItem, current: bool, parts: list[str]) -> None:
    """The parts of `_dumps(item.to_dict())` (without _CURRENT_ONLY when not `current`: a background item),
    added to `parts`: the event's own dict encoded (its fields are the extractor's), then the item's fields in
    the order of `BriefItem.to_dict`, the repeating parts from cached fragments."""
    parts.append(_dumps(item.event.to_dict())[:-1])
    if current:
        parts += (', "confidence_on_new_text": ', _BANDS.get(item.on_new_text, _band_json))
    parts += (', "person_name": ', _string(item.person_name),
              ', "host_name": ', _string(item.host_name), ', "assessed_on": "', item.assessed_on.isoformat(),
              '", "date_note": ', _optional(item.date_note), ', "assessment": ')
    _assessment_parts(item.assessment, parts)
    parts += (', "warrants": ', _WARRANTS.get(item.warrants, _warrants_json))
    if current:
        image = item.map
        parts += (', "map": ', "null" if image is None else _map_json(image) if image.svg is not None
                  else _MAPS.get(image, _map_json))  # (a drawn map is not kept: its SVG is large)
    parts.append("}")


_WARRANTS = _Fragments(256)  # a person's warrants: the same tuple of the knowledge base for every item
_BANDS = _Fragments(16)  # the held-out history's bands: a few objects, loaded once


def _band_json(band: Band) -> str:
    return _dumps(band.to_dict())


def _warrants_json(warrants: tuple[Warrant, ...]) -> str:
    return _dumps([w.dump() for w in warrants])


def _map_json(image: MapImage) -> str:
    return _dumps({"caption": image.caption, "alt": image.alt})


def _strings(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(map(_string, values)) + "]"


def _assessment_parts(a: Assessment, parts: list[str]) -> None:
    """The parts of `_dumps(a.to_dict())`, field by field in its order, added to `parts`: the host's
    record (most of the text: the visits, findings and positions of the record) and the legal bases
    from their cached JSON; the summary, caveats and sources, which name the day, encoded here."""
    parts += ('{"person": ', _string(a.person), ', "person_name": ', _string(a.person_name),
              ', "state": ', _string(a.state), ', "state_name": ', _string(a.state_name),
              ', "place": ', _optional(a.place), ', "place_name": ', _optional(a.place_name),
              ', "on": "', a.on.isoformat(), '", "outcome": ', _string(a.outcome.name),
              ', "outcome_text": ', _string(a.outcome.value), ', "summary": ', _string(a.summary),
              ', "standing": ', _string(a.standing),
              ', "basis": [', ", ".join([_BASES.get(b, _basis_json) for b in a.basis]),
              '], "caveats": [', ", ".join([_caveat_json(c) for c in a.caveats]),
              '], "warrants": ', _strings(a.warrants), ', "record": ', _RECORDS.get(a.record, _record_json),
              ', "sources": ', _strings(a.sources),
              ', "reviewed": ', f'"{a.reviewed.isoformat()}"}}' if a.reviewed else "null}")


def _optional(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _basis_json(b: Basis) -> str:
    return '{"ref": ' + _string(b.ref) + ', "why": ' + _string(b.why) + "}"


def _caveat_json(c: Caveat) -> str:
    return ('{"kind": ' + _string(c.kind) + ', "text": ' + _string(c.text) + ', "contested": '
            + ("true" if c.contested else "false") + "}")


def _record_json(record: HostRecord) -> str:
    """`_dumps(record.to_dict())`, from each entry's JSON (an entry is in the records of many spans)."""
    def entries(part: tuple) -> str:
        return "[" + ", ".join([_entry_json(record, e) for e in part]) + "]"

    return "".join(('{"visits": ', entries(record.visits), ', "findings": ', entries(record.findings),
                    ', "stated_positions": ', entries(record.positions), ', "later": {"visits": ',
                    entries(record.later_visits), ', "findings": ', entries(record.later_findings),
                    ', "stated_positions": ', entries(record.later_positions), "}}"))


def _entry_json(record: HostRecord, entry: object) -> str:
    """An entry's JSON with the name of its person as the record gives it."""
    name = record.name(getattr(entry, "person", None))
    key = (id(entry), name)
    hit = _ENTRY_TEXT.get(key)
    if hit is None or hit[0] is not entry:
        if len(_ENTRY_TEXT) >= _ENTRY_MAX:
            del _ENTRY_TEXT[next(iter(_ENTRY_TEXT))]  # the oldest
        hit = _ENTRY_TEXT[key] = (entry, _dumps(record._dump(entry)))
    return hit[1]


_ENTRY_TEXT: dict[tuple[int, str | None], tuple[object, str]] = {}
_ENTRY_MAX = 4096


# Assessments by (knowledge base, person, host, day), kept for the process: articles about one trip
# ask the same question again and again, and `assess` is a pure function of these. Bounded: the least
# recently used goes first (1,000 full-length articles ask about 5,000 such days).
_ASSESSED: dict[tuple, Assessment] = {}
_ASSESSED_MAX = 4096


def _assess(kb: KnowledgeBase, person: str, host: str, day: dt.date, place: str | None = None) -> Assessment:
    key = (kb, person, host, day, place)
    found = _ASSESSED.pop(key, None)
    if found is None:
        if len(_ASSESSED) >= _ASSESSED_MAX:
            del _ASSESSED[next(iter(_ASSESSED))]
        found = assess(kb, person, host, day, place=place)
    _ASSESSED[key] = found  # (re)inserted last: the most recently used
    return found


def assessment_day(event: Event, published: dt.date) -> tuple[dt.date, str | None]:
    """The day to assess: the event's day, or for a date known only roughly, the end of the
    interval for a past event (capped at publication) and its start for a future one."""
    if event.date is None:
        return published, "The article gives no date; assessed as of publication."
    if event.date.is_exact and event.kind == "arrest":
        # On the day of the arrest the warrant is being executed; the duty is the one just before it.
        day = event.date.first_day - dt.timedelta(days=1)
        return day, f"Assessed on {day}, the day before the arrest, while the warrant was outstanding."
    if event.date.is_exact:
        return event.date.first_day, None
    day = max(event.date.first_day, published) if event.kind == "planned" else min(event.date.last_day, published)
    if event.date_from == "publication":
        return day, (f"The article gives no date; the trip is placed in the month of the report ({event.date}); "
                     f"assessed as of {day}.")
    return day, (f"The article dates this only to {event.date} ({event.date.precision}); "
                 f"assessed as of {day}.")


def recorded_day(kb: KnowledgeBase, event: Event) -> tuple[dt.date, str] | None:
    """For an event the article dates only roughly ("in 2015"): the exact first day of the one
    recorded visit of that person to that host within the period, when the data has it."""
    if event.date is None or event.date.is_exact:
        return None
    period = (event.date.first_day, event.date.last_day)
    visits = [v for v in kb.visits_to.get(event.host, ()) if v.person == event.person and v.start.is_exact
              and period[0] <= v.start.first_day <= period[1]]
    if len(visits) != 1:
        return None
    day = visits[0].start.first_day
    said = (f"The article gives no date; in the month of the report ({event.date})"
            if event.date_from == "publication" else
            f"The article dates this only to {event.date} ({event.date.precision})")
    return day, f"{said}; the recorded visit began on {day}, and it is assessed on that day."


def build(kb: KnowledgeBase, article: Article, published: dt.date, *, with_maps: bool = True,
          maps: str = "draw", published_from: str = "--published") -> Brief:
    """The brief of one article. `maps`: "draw" (SVG, and PNG on demand), "text" (caption and alt
    text only, no drawing), "none"; `with_maps=False` is "none"."""
    published = supported(published)  # dates are resolved against it: keep them in the supported range
    mode = maps if with_maps else "none"
    items, background = [], []
    for event in extract(kb, article.text, published):
        recalled = is_background(event.date, published)
        day, note = recorded_day(kb, event) or assessment_day(event, published)
        a = _assess(kb, event.person, event.host, day, event.place)
        if event.date and not event.date.is_exact and not (note or "").count("recorded visit"):
            other = _assess(kb, event.person, event.host, event.date.first_day
                           if day == event.date.last_day else event.date.last_day, event.place)
            if other.outcome is not a.outcome:
                note = (note or "") + (f" The outcome differs within that period ({OUTCOME_LABELS[other.outcome.name]} "
                                       f"on {other.on}).")
        person = kb.person_by_id[event.person]
        item = BriefItem(event, person.name, kb.state_by_code[event.host].name, day, a,
                         kb.warrants_of.get(event.person, ()), note,
                         _map(person.nationality, event.host, mode, a.outcome.name) if not recalled else None)
        (background if recalled else items).append(item)
    return Brief(article, published, tuple(items), tuple(background), published_from=published_from,
                 reviewed=kb.reviewed, person_names=dict(kb.person_names))


_TEXTS: dict[tuple[str, str, str], MapImage] = {}


def _text_of(locator_text, home: str, host: str, outcome: str) -> MapImage:
    """The caption and alt text for ISO codes and an outcome, made once per triple (a few hundred at
    most): one MapImage, shared by every event with them."""
    image = _TEXTS.get((home, host, outcome))
    if image is None:
        image = _TEXTS[(home, host, outcome)] = MapImage(None, *locator_text(home, host, outcome=outcome))
    return image


def _map(home: str | None, host: str, mode: str, outcome: str) -> MapImage | None:
    """The locator map, the host coloured by its outcome (one state for an event at home, such as an
    arrest), when the maps package is installed and knows the states; for "text", its caption and alt
    text without drawing it."""
    if mode == "none" or home is None:
        return None
    try:
        from warrantwatch.maps.locator import locator_map, locator_text
    except ImportError:
        return None
    try:
        if mode == "text":
            return _text_of(locator_text, home, host, outcome)
        result = locator_map(home, host, outcome=outcome)
    except WarrantWatchError:
        return None  # a state the boundaries do not draw: the brief goes on without a map
    return MapImage(result.svg, result.caption, result.alt, result)


KIND_TEXT = {"planned": "planned visit", "occurred": "visit that took place",
             "cancelled": "visit called off", "remote": "attended by video instead",
             "arrest": "arrest"}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")


def md(text: object) -> str:
    """Text from an article made inert in Markdown: one line, and every character that could start
    markup (HTML such as <script>, links, emphasis, code, tables) escaped with a backslash."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def safe_href(url: str | None) -> str | None:
    """The URL when it may become a link (http or https only: never javascript:, data: and the like)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


# Shown above the events of every brief: the events are a machine's reading of the text, and on reports not
# used to build the rules about half of them were wrong in at least one of person, place, date or kind
# (README, News → Measured); the legal assessment of each is exact for the event as read.
READING_NOTE = ("The events below were read from the article by machine: any of them may be wrong in its person, "
                "place, date or kind. Check each against the evidence quoted with it before relying on it; "
                "the legal assessment is for the event as read.")


def to_markdown(brief: Brief) -> str:
    a = brief.article
    lines = [f"# Brief: {md(a.title) if a.title else 'article'}", ""]
    lines.append(f"Published {brief.published} (published date: from {md(brief.published_from)})"
                 + (f" · {md(a.url)}" if a.url else "") + (f" · {md(a.origin)}" if a.origin else ""))
    lines.append("")
    lines.append(f"_{reviewed_line(brief.reviewed).capitalize()}._")
    lines.append("")
    if not brief.items:
        lines.append("No visit by a person wanted by the ICC was found in this article.")
    else:
        lines.append(f"_{READING_NOTE}_")
    for n, item in enumerate(brief.items, start=1):
        e, s = item.event, item.assessment
        lines += ["", f"## {n}. {item.person_name} → {item.destination} ({e.host}), "
                      f"{e.date or 'date not given'} — {KIND_TEXT[e.kind]}", "",
                  f"Confidence of this reading: {e.confidence:.2f} (evidence quoted below). "
                  f"{item.on_new_text.sentence()}", ""]
        lines.append(f"**{OUTCOME_LABELS[s.outcome.name]}** ({s.outcome.name}) — {s.summary}")
        if item.date_note:
            lines += ["", f"_{item.date_note}_"]
        if s.basis:
            lines += ["", "**Legal basis**", *[f"- {b.ref}: {b.why}" for b in s.basis]]
        if s.caveats:
            lines += ["", "**Caveats**", *[f"- {'(contested) ' if c.contested else ''}{c.text}"
                                         for c in s.caveats]]
        lines += ["", f"**What {item.host_name} did before**"]
        before, positions, later = s.record.lines()
        if not before:
            lines.append("- No recorded visits by ICC warrant subjects and no non-compliance findings.")
        lines += [f"- {text}" for text in before]
        if positions:
            lines += ["", f"**What {item.host_name} said (stated positions, not the legal answer)**",
                      *[f"- {text}" for text in positions]]
        if later:
            lines += ["", "**Later**", *[f"- {text}" for text in later]]
        lines += ["", "**Warrants**"]
        for w in item.warrants:
            lines.append(f"- Warrant issued {w.issued} ({w.case or w.situation})"
                         + (f"; {', '.join(w.crimes)}" if w.crimes else ""))
        lines += ["", "**Evidence**", *[f"> {md(sentence)}" for sentence in e.evidence]]
        if item.map:
            lines += ["", f"**Map**: {item.map.caption}"]
        lines += ["", "**Sources**", *[f"- {src}" for src in s.sources]]
    if brief.background:
        lines += ["", "## Earlier trips the article recalls", ""]
        lines += [f"- {i.person_name} → {i.destination}, {i.event.date} ({KIND_TEXT[i.event.kind]}): "
                  f"{OUTCOME_LABELS[i.assessment.outcome.name]} on {i.assessed_on}" for i in brief.background]
    return "\n".join(lines) + "\n"


def to_html(brief: Brief) -> str:
    """A self-contained page; every piece of text is escaped."""
    esc = html.escape
    a = brief.article
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             f"<title>{esc('Brief: ' + (a.title or 'article'))}</title>",
             "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;"
             "color:#222}blockquote{border-left:4px solid #ccc;margin:0;padding-left:1rem;color:#444}"
             ".outcome{font-weight:700}.sw{display:inline-block;width:.9em;height:.9em;border:1px solid #555;"
             "margin-right:.3em;vertical-align:-.1em}"
             + "".join(f".sw.{o}{{background:{c}}}" for o, c in STORY.outcomes.items())
             + "figure{margin:1rem 0}figure svg{max-width:100%;height:auto}</style>",
             "</head><body>", f"<h1>{esc('Brief: ' + (a.title or 'article'))}</h1>",
             f"<p>Published {esc(str(brief.published))} (published date: from {esc(brief.published_from)})"
             + (f" · <a href='{esc(href)}' rel='noopener noreferrer'>{esc(a.url)}</a>" if (href := safe_href(a.url))
                else f" · {esc(a.url)}" if a.url else "") + "</p>",
             f"<p class='reviewed'>{esc(reviewed_line(brief.reviewed).capitalize())}.</p>"]
    if not brief.items:
        parts.append("<p>No visit by a person wanted by the ICC was found in this article.</p>")
    else:
        parts.append(f"<p class='reading-note'><em>{esc(READING_NOTE)}</em></p>")
    for n, item in enumerate(brief.items, start=1):
        e, s = item.event, item.assessment
        parts.append(f"<section><h2>{n}. {esc(item.person_name)} → {esc(item.destination)}, "
                     f"{esc(str(e.date or 'date not given'))} — {esc(KIND_TEXT[e.kind])}</h2>"
                     f"<p>Confidence of this reading: {e.confidence:.2f}. {esc(item.on_new_text.sentence())}</p>")
        parts.append(f"<p><span class='sw {esc(s.outcome.name)}'></span><span class='outcome'>"
                     f"{esc(OUTCOME_LABELS[s.outcome.name])}</span> ({esc(s.outcome.name)}) — {esc(s.summary)}</p>")
        if item.date_note:
            parts.append(f"<p><em>{esc(item.date_note)}</em></p>")
        if item.map and item.map.svg:
            parts.append(f"<figure role='img' aria-label='{esc(item.map.alt)}'>{item.map.svg}"
                         f"<figcaption>{esc(item.map.caption)}</figcaption></figure>")
        for title, rows in (("Legal basis", [f"{b.ref}: {b.why}" for b in s.basis]),
                            ("Caveats", [("(contested) " if c.contested else "") + c.text for c in s.caveats]),
                            ("Warrants", [f"Warrant issued {w.issued} ({w.case or w.situation})"
                                          for w in item.warrants])):
            if rows:
                parts.append(f"<h3>{title}</h3><ul>" + "".join(f"<li>{esc(r)}</li>" for r in rows) + "</ul>")
        before, positions, later = s.record.lines()
        record = before + [f"Stated position (not the legal answer): {t}" for t in positions] + later
        parts.append(f"<h3>What {esc(item.host_name)} did before</h3><ul>"
                     + ("".join(f"<li>{esc(r)}</li>" for r in record) or "<li>Nothing recorded.</li>") + "</ul>")
        parts.append("<h3>Evidence</h3>" + "".join(f"<blockquote>{esc(x)}</blockquote>" for x in e.evidence))
        parts.append("<h3>Sources</h3><ul>" + "".join(
            f"<li><a href='{esc(x)}' rel='noopener noreferrer'>{esc(x)}</a></li>" if safe_href(x)
            else f"<li>{esc(x)}</li>"
            for x in s.sources) + "</ul></section>")
    if brief.background:
        parts.append("<section><h2>Earlier trips the article recalls</h2><ul>" + "".join(
            f"<li>{esc(i.person_name)} → {esc(i.destination)}, {esc(str(i.event.date))} "
            f"({esc(KIND_TEXT[i.event.kind])}): {esc(OUTCOME_LABELS[i.assessment.outcome.name])} "
            f"on {i.assessed_on}</li>"
            for i in brief.background) + "</ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts)
