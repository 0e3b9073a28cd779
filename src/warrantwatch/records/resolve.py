"""One resolver for names of persons and states, used by the CLI, the API and news alike."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from warrantwatch.errors import UnknownName, UnknownPerson, UnknownState
from warrantwatch.records.iso import country_forms
from warrantwatch.records.knowledge import KnowledgeBase

_PUNCTUATION = re.compile(r"[\s\-‐‑–—'’`.,()]+")
_LEADING_ARTICLE = re.compile(r"^(the) ")
SURNAME_MIN_LENGTH = 4


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "Türkiye" → "turkiye", "al-Bashir" → "al bashir"."""
    if text.isascii():  # most names: nothing to decompose
        stripped = text
    else:
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
        return cls({k: frozenset(v) for k, v in names.items()}, display, error)

    def resolve(self, query: str) -> str:
        key = normalize(query)
        ids = self.exact.get(key, frozenset())
        if len(ids) == 1:
            return next(iter(ids))
        if len(ids) > 1:
            raise self.error(query, sorted(self.display[i] for i in ids), ambiguous=True)
        raise self.error(query, self.suggest(query))

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        from rapidfuzz import fuzz, process  # only an unknown name needs suggestions

        key = normalize(query)
        if not key:
            return []
        matches = process.extract(key, list(self.exact), scorer=fuzz.WRatio, limit=limit * 3,
                                  score_cutoff=70)
        seen: list[str] = []
        for name, _score, _ in matches:
            for ident in sorted(self.exact[name]):
                shown = self.display[ident]
                if shown not in seen:
                    seen.append(shown)
        return seen[:limit]


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
        iso_forms = kb.country_forms.get(state.iso3) if kb.country_forms is not None else None
        names = [state.name, *state.other_names, *(iso_forms or country_forms(state.iso3))]
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
