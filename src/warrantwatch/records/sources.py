"""How good is a source, and how well is a record sourced? The rules are data (source_rules.yaml).

A URL is graded by its host (the longest matching domain, so `news.un.org` can differ from `un.org`,
and `github.com/owner/repo` from the rest of GitHub); an archived copy (web.archive.org) is graded as
the page it preserves. A reference that is not a URL (an ICC filing number, a UN symbol) is graded by
the first `documents` pattern it matches. Anything else is `unrated`, reported so it can be ruled on.

A record is `weak` when none of its sources is primary or reputable, and `single_source` when it cites
one source only and that source is not primary; answers that rest on such a record say so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from urllib.parse import urlsplit

import msgspec

from warrantwatch.records.models import Record, SourceGrade, SourceRule

UNRATED = "unrated"
STRONG = frozenset({SourceGrade.primary, SourceGrade.reputable})
_ARCHIVE = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(?P<inner>.+)$", re.IGNORECASE)
_SKIP_LABELS = ("www", "www1", "www2", "m", "amp", "mobile")


class Evidence(StrEnum):
    sound = "sound"  # at least one primary source, or two sources one of them reputable
    single_source = "single_source"  # one source only, and not primary
    weak = "weak"  # no primary or reputable source


def host_path(url: str) -> str | None:
    """`www.bbc.co.uk/news/x` → `bbc.co.uk/news/x`; None if `url` is not a web address."""
    inner = _ARCHIVE.match(url)
    if inner:  # the archived page: "http:/www.x" (one slash, as archive links often have) or "x"
        url = re.sub(r"^(https?):/+", r"\1://", inner["inner"], flags=re.IGNORECASE)
        url = url if "://" in url else "http://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    labels = parts.hostname.lower().rstrip(".").split(".")  # "host.com." is "host.com"
    while len(labels) > 2 and labels[0] in _SKIP_LABELS:
        labels = labels[1:]
    return ".".join(labels) + parts.path.lower()


class Grader:
    """Grades by the rules of source_rules.yaml, with the grades it gave kept (per knowledge base)."""

    __slots__ = ("_domains", "_evidence", "_patterns", "rules")

    def __init__(self, rules: tuple[SourceRule, ...], known: dict[tuple[str, ...], Evidence] | None = None) -> None:
        """`known`: grades already given to source lists by these rules (the knowledge-base cache's)."""
        self.rules = rules
        domains: dict[str, SourceGrade] = {}
        patterns: list[tuple[re.Pattern[str], SourceGrade]] = []
        for rule in rules:
            for domain in rule.domains:
                domains[domain.lower().rstrip("/")] = rule.grade
            patterns += [(re.compile(p), rule.grade) for p in rule.documents]
        self._domains = domains
        self._patterns = tuple(patterns)
        self._evidence: dict[tuple[str, ...], Evidence] = known or {}  # sources tuple → Evidence, filled on demand

    def grade(self, source: str) -> str:
        """The source's grade (a SourceGrade value), or `unrated` when no rule covers it."""
        where = host_path(source)
        if where is None:
            return next((g.value for p, g in self._patterns if p.search(source)), UNRATED)
        host, _, path = where.partition("/")
        for prefix in _path_prefixes(host, path):  # host/path rules first, longest first
            if prefix in self._domains:
                return self._domains[prefix].value
        labels = host.split(".")
        for start in range(len(labels) - 1):  # then the host and its parent domains
            found = self._domains.get(".".join(labels[start:]))
            if found is not None:
                return found.value
        return UNRATED

    def evidence(self, sources: Iterable[str]) -> Evidence:
        grades = [self.grade(s) for s in sources]
        if not any(g in STRONG for g in grades):
            return Evidence.weak
        if len(grades) == 1 and grades[0] != SourceGrade.primary:
            return Evidence.single_source
        return Evidence.sound

    def of(self, record: Record) -> Evidence:
        sources = tuple(getattr(record, "sources", ()) or ())
        if sources not in self._evidence:
            self._evidence[sources] = self.evidence(sources)
        return self._evidence[sources]

    def tally(self, sources: Iterable[str]) -> Counter[str]:
        return Counter(self.grade(s) for s in sources)


def _path_prefixes(host: str, path: str) -> list[str]:
    steps = [s for s in path.split("/") if s]
    return [host + "/" + "/".join(steps[:n]) for n in range(len(steps), 0, -1)]


GRADES = (*(g.value for g in SourceGrade), UNRATED)


class FileSources(msgspec.Struct, frozen=True):
    file: str
    grades: Counter[str]  # source entries by grade
    records: Counter[str]  # records by Evidence
    flagged: tuple[tuple[str, str], ...]  # (record label, evidence) for weak and single-source records

    def to_dict(self) -> dict:
        return {"file": self.file, "sources": {g: self.grades[g] for g in GRADES},
                "records": {e.value: self.records[e.value] for e in Evidence},
                "flagged": [{"record": r, "evidence": e} for r, e in self.flagged]}


def cited(record: Record) -> tuple[str, ...]:
    """Every source a record cites: its own, then those of the records nested in it (an aircraft's
    associations with persons), so that each is graded and counted."""
    found = list(getattr(record, "sources", ()) or ())
    for name in record.__struct_fields__:
        value = getattr(record, name)
        if isinstance(value, list):
            for part in value:
                if isinstance(part, Record):
                    found += cited(part)
    return tuple(found)


def source_report(kb) -> list[FileSources]:
    """Per data file of a knowledge base (records.knowledge.load): its source entries by grade (the
    record's own and its nested records', e.g. an aircraft's associations) and its records by evidence
    (the record's own sources; validated data only)."""
    from warrantwatch.records.load import read_all

    loaded, _ = read_all(kb.source_dir)
    by_file: dict[str, list] = {}
    for kind, items in loaded.items():
        if not kind.facts:
            continue
        for item in items:
            by_file.setdefault(item.file, []).append((kind, item.record))
    report = []
    for name in sorted(by_file):
        grades: Counter[str] = Counter()
        records: Counter[str] = Counter()
        flagged = []
        for kind, record in by_file[name]:
            grades.update(kb.grader.tally(cited(record)))
            evidence = kb.grader.of(record)
            records[evidence.value] += 1
            if evidence is not Evidence.sound:
                flagged.append((kind.label(record), evidence.value))
        report.append(FileSources(name, grades, records, tuple(flagged)))
    return report


def summarize(report: list[FileSources]) -> dict:
    """Totals over every file: source entries by grade, the weak share, records by evidence."""
    grades = sum((f.grades for f in report), start=Counter())
    records = sum((f.records for f in report), start=Counter())
    entries = sum(grades.values())
    return {"sources": {g: grades[g] for g in GRADES}, "entries": entries,
            "weak_share": round(grades["weak"] / entries, 4) if entries else 0.0,
            "records": {e.value: records[e.value] for e in Evidence}}
