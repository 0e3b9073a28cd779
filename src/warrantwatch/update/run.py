"""One run of `data update`: fetch, parse, propose; every source that fails is reported, not fatal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.update import depositary, icc, propose
from warrantwatch.update.fetch import Fetcher, Page


@dataclass
class Report:
    proposals: list[propose.Proposal] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (source name, url, problem)
    read: list[tuple[str, str, str]] = field(default_factory=list)  # (source name, url, origin)

    @property
    def changes(self) -> list[propose.Proposal]:
        return [p for p in self.proposals if p.status != "known"]

    def to_dict(self) -> dict[str, Any]:
        return {"read": [{"source": n, "url": u, "origin": o} for n, u, o in self.read],
                "proposed": [p.to_dict() for p in self.changes],
                "known": len(self.proposals) - len(self.changes),
                "problems": [{"source": n, "url": u, "problem": m} for n, u, m in self.problems]}


def _text(report: Report, page: Page) -> str | None:
    if page.problem:
        report.problems.append((page.name, page.url, page.problem))
        return None
    report.read.append((page.name, page.url, page.origin))
    return page.text


def run(kb: KnowledgeBase, fetch: Fetcher, *, since: dt.date | None = None, max_releases: int = 40) -> Report:
    """Propose changes from the depositary's status page and from ICC press releases (those dated on or
    after `since`, when given, and at most `max_releases` of them)."""
    report = Report()
    page = fetch.get("untc-status", depositary.STATUS_URL)
    text = _text(report, page)
    if text is not None:
        try:
            participants, notes = depositary.parse_status(text)
        except depositary.PageMalformed as exc:
            report.problems.append((page.name, page.url, f"malformed: {exc}"))
        else:
            report.proposals += propose.membership(kb, participants, page.url)
            report.proposals += propose.withdrawals(kb, notes, page.url)
    page = fetch.get("icc-news", icc.NEWS_URL)
    text = _text(report, page)
    if text is None:
        return report
    try:
        items = icc.parse_news(text, page.url)
    except depositary.PageMalformed as exc:
        report.problems.append((page.name, page.url, f"malformed: {exc}"))
        return report
    relevant = [i for i in items if icc.RELEVANT.search(i.title) and (since is None or i.date is None
                                                                        or i.date >= since)]
    for item in relevant[:max_releases]:
        release = fetch.get(f"icc/{item.slug}", item.url)
        text = _text(report, release)
        if text is None:
            continue
        try:
            events = icc.parse_release(text, item.url)
        except depositary.PageMalformed as exc:
            report.problems.append((release.name, release.url, f"malformed: {exc}"))
            continue
        report.proposals += propose.warrants(kb, events)
    return report
