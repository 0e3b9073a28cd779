"""One resolver for names of persons and states, used by the CLI, the API and news alike."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pycountry
from rapidfuzz import fuzz, process

from warrantwatch.errors import UnknownName, UnknownPerson, UnknownState
from warrantwatch.records.knowledge import KnowledgeBase

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
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    spaced = _PUNCTUATION.sub(" ", stripped.casefold()).strip()
    return _LEADING_ARTICLE.sub("", spaced)


@dataclass(frozen=True)
class NameIndex:
    """Normalized name → the ids it may denote (more than one: ambiguous)."""

    exact: dict[str, frozenset[str]]
    display: dict[str, str]  # id → the name to show in suggestions
    error: type[UnknownName]
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # each word of a name → ids

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


def _country_forms(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return [code]
    forms = [code, country.alpha_2, country.name]
    for attr in ("official_name", "common_name"):
        if hasattr(country, attr):
            forms.append(getattr(country, attr))
    return forms


_REPUBLIC_OF = re.compile(r"^(?:the )?(?:democratic |people's |democratic people's |islamic |federal |"
                          r"united |socialist |bolivarian )*republic of (?:the )?", re.I)


def _core_name(name: str) -> str | None:
    """"Democratic Republic of the Congo" → "Congo": the name people say, which may belong to two
    states ("Congo", "Korea") and then makes the query ambiguous instead of silently picking one."""
    core = _REPUBLIC_OF.sub("", name)
    return core if core != name else None


def state_index(kb: KnowledgeBase) -> NameIndex:
    primary = {normalize(s.name) for s in kb.states}  # "China" stays the PRC's, not Taiwan's too

    def forms(state) -> list[str]:
        names = [state.name, *state.other_names, *_country_forms(state.iso3)]
        cores = [core for core in map(_core_name, names) if core and normalize(core) not in primary]
        return names + cores

    return NameIndex.build(((s.iso3, f"{s.name} ({s.iso3})", forms(s)) for s in kb.states), UnknownState)


def person_index(kb: KnowledgeBase) -> NameIndex:
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


@dataclass(frozen=True)
class Resolver:
    states: NameIndex
    persons: NameIndex

    @classmethod
    def for_kb(cls, kb: KnowledgeBase) -> Resolver:
        return cls(state_index(kb), person_index(kb))

    def state(self, query: str) -> str:
        return self.states.resolve(query)

    def person(self, query: str) -> str:
        return self.persons.resolve(query)


@cache
def resolver_for(kb: KnowledgeBase) -> Resolver:
    return Resolver.for_kb(kb)
