"""The ICC's news pages: the list of press releases, and what a release says about warrants.

The list (icc-cpi.int/news) has one item per release: a link to /news/<slug>, its title and a
`<time datetime=...>`. A release has an `<h1>` title, a `<time>` and paragraphs. From them this reads:
warrants issued or unsealed ("Pre-Trial Chamber I issued a warrant of arrest for Mr X" with the day
it was issued), surrenders and transfers to the Court's custody, and terminated proceedings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import html as lxml_html

from warrantwatch.update.depositary import PageMalformed, parse_day

NEWS_URL = "https://www.icc-cpi.int/news"
RELEVANT = re.compile(r"warrant|arrest|surrender|custody|transferred|terminat|unseal|non-compliance|87\(7\)",
                      re.IGNORECASE)
_WORD = r"(?:[A-Z][\w'’.-]+|al|el|bin)"
_NAME = r"(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+(" + _WORD + r"(?:\s+" + _WORD + r")*)"
_DATE = r"(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"


@dataclass(frozen=True)
class NewsItem:
    url: str
    slug: str
    title: str
    date: dt.date | None


@dataclass(frozen=True)
class Event:
    kind: str  # warrant | custody | terminated
    person_name: str
    day: dt.date  # the day of the warrant, surrender or termination
    made_public: dt.date | None  # the release's date
    situation: str | None  # "Libya", from "Situation in Libya" when the release names it
    url: str
    title: str
    evidence: str  # the sentence read


def _tree(page: str):
    try:
        return lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise PageMalformed(f"not HTML ({exc})") from exc


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def parse_news(page: str, base: str = NEWS_URL) -> list[NewsItem]:
    items = []
    for link in _tree(page).xpath("//a[contains(@href, '/news/')]"):
        title = " ".join(" ".join(link.itertext()).split())
        if not title:
            continue
        holder = link.getparent()
        times = holder.xpath(".//time/@datetime") if holder is not None else []
        url = urljoin(base, link.get("href"))
        items.append(NewsItem(url, url.rstrip("/").rsplit("/", 1)[-1], title, _iso(times[0] if times else None)))
    if not items:
        raise PageMalformed("no press releases listed (links to /news/...)")
    return items


def parse_release(page: str, url: str) -> list[Event]:
    tree = _tree(page)
    headings = tree.xpath("//h1")
    if not headings:
        raise PageMalformed("no title (<h1>)")
    title = " ".join(" ".join(headings[0].itertext()).split())
    published = _iso(next(iter(tree.xpath("//time/@datetime")), None))
    text = " ".join(" ".join(" ".join(p.itertext()).split()) for p in tree.xpath("//p"))
    situation = re.search(r"Situation in (?:the )?([A-Z][\w' ]+?)(?:[:,.]| \(|$)", f"{title} {text}")
    where = situation.group(1).strip() if situation else None
    events = []
    for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z])", text):
        day = re.search(r"On " + _DATE, sentence)
        name = re.search(_NAME, sentence)
        if not day or not name:
            continue
        when = parse_day(day.group(1))
        if when is None:
            continue
        lowered = sentence.lower()
        if re.search(r"issued (?:a |an )?(?:\w+ )?warrants? of arrest|warrants? of arrest (?:was|were) issued",
                     lowered):
            kind = "warrant"
        elif re.search(r"surrendered to|transferred to the (?:icc|court)|into the (?:icc's |court's )?custody",
                       lowered):
            kind = "custody"
        elif re.search(r"terminat\w+ the (?:proceedings|case)", lowered):
            kind = "terminated"
        else:
            continue
        events.append(Event(kind, name.group(1).strip(" .,"), when, published, where, url, title, sentence[:300]))
    return events
