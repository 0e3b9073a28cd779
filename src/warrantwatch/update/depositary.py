"""The UN depositary's status page of the Rome Statute (treaty XVIII-10): participants and notes.

The page has a table of participants (Participant | Signature | Ratification, Acceptance(A),
Approval(AA), Accession(a), Succession(d)), dates written `10 Feb 2003 a`, and end notes that record
withdrawals ("On 2 June 2025, the Government of Hungary notified the Secretary-General of its decision
to withdraw ...", with the C.N. number) and revocations of withdrawals.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lxml import html as lxml_html

from warrantwatch.records.models import DepositKind

STATUS_URL = ("https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-10"
              "&chapter=18&clang=_en")

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
SUFFIX = {"": DepositKind.ratification, "a": DepositKind.accession, "A": DepositKind.acceptance,
          "AA": DepositKind.approval, "d": DepositKind.succession}
_DATE = r"(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})"
_CN = re.compile(r"C\.N\.\d+\.\d{4}\.TREATIES-XVIII\.10")


class PageMalformed(ValueError):
    """The page does not have the structure the parser reads; nothing is proposed from it."""


@dataclass(frozen=True)
class Participant:
    name: str
    signed: dt.date | None
    deposited: dt.date | None
    deposit_kind: DepositKind | None


@dataclass(frozen=True)
class Note:
    """A withdrawal, or the revocation of one, as the end notes state it."""

    state_name: str
    action: str  # withdrawal | revocation
    on: dt.date  # the day the Secretary-General was notified
    effective: dt.date | None  # for a withdrawal, when the note gives it
    cn: str | None
    text: str


def parse_day(text: str) -> dt.date | None:
    match = re.search(_DATE, text)
    if not match:
        return None
    day, month, year = match.groups()
    number = MONTHS.get(month[:3].lower())
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def parse_cell(text: str) -> tuple[dt.date | None, DepositKind | None]:
    """`10 Feb 2003 a` → (2003-02-10, accession); an empty cell → (None, None)."""
    text = " ".join(text.split())
    if not text:
        return None, None
    match = re.fullmatch(_DATE + r"(?:\s+(AA|A|a|d))?(?:\s*\d+)?", text)
    if not match:
        raise PageMalformed(f"unreadable date {text!r}")
    day = parse_day(text)
    if day is None:
        raise PageMalformed(f"unreadable date {text!r}")
    return day, SUFFIX[match.group(4) or ""]


# Names the depositary writes differently from common usage, where common usage is ambiguous.
UN_NAMES = {"Congo": "Republic of the Congo"}


def _clean_name(text: str) -> str:
    name = re.sub(r"\s*\d+(?:,\s*\d+)*\s*$", "", " ".join(text.split()))  # drop footnote numbers
    return UN_NAMES.get(name, name)


def parse_status(page: str) -> tuple[list[Participant], list[Note]]:
    try:
        tree = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise PageMalformed(f"not HTML ({exc})") from exc
    table = next((t for t in tree.iter("table")
                  if "participant" in " ".join(t.xpath("(.//tr)[1]//text()")).lower()), None)
    if table is None:
        raise PageMalformed("no table of participants (a header row naming 'Participant')")
    participants = []
    for row in table.xpath(".//tr")[1:]:
        cells = [" ".join(c.itertext()) for c in row.xpath("./td")]
        if not cells or not cells[0].strip():
            continue
        if len(cells) < 3:
            raise PageMalformed(f"row {cells[0].strip()!r} has {len(cells)} cells, expected 3")
        signed, _ = parse_cell(cells[1])
        deposited, kind = parse_cell(cells[2])
        participants.append(Participant(_clean_name(cells[0]), signed, deposited, kind))
    if not participants:
        raise PageMalformed("the table of participants is empty")
    return participants, parse_notes(" ".join(tree.itertext()))


_WHO = (r"(?:the\s+Government\s+of\s+(?:the\s+)?(?P<a>.+?)\s+notified\s+the\s+Secretary-General"
        r"|the\s+Secretary-General\s+received\s+(?:a|the)\s+notification\s+(?:by|from)\s+the\s+Government\s+of"
        r"\s+(?:the\s+)?(?P<b>.+?))")
_WITHDRAW = re.compile(r"On\s+" + _DATE + r",\s+" + _WHO + r"\s+of\s+its\s+decision\s+to\s+"
                       r"(?P<verb>withdraw|revoke|rescind)\s+(?P<rest>.*?)(?=\sOn\s+" + _DATE + r",|$)", re.DOTALL)


def parse_notes(text: str) -> list[Note]:
    text = " ".join(text.split())
    notes = []
    for match in _WITHDRAW.finditer(text):
        day, month, year = match.groups()[:3]
        state, verb, rest = match["a"] or match["b"], match["verb"], match["rest"]
        on = parse_day(f"{day} {month} {year}")
        if on is None:
            continue
        revokes = verb in ("revoke", "rescind") or rest.lower().startswith(("its notification of withdrawal",
                                                                            "the notification of withdrawal"))
        effect = re.search(r"take(?:s)?\s+effect\s+on\s+" + _DATE, rest) or \
            re.search(r"took\s+effect\s+on\s+" + _DATE, rest)
        effective = parse_day(" ".join(effect.groups())) if effect and not revokes else None
        cn = _CN.search(rest)
        notes.append(Note(state.strip(), "revocation" if revokes else "withdrawal", on, effective,
                          cn.group(0) if cn else None, match.group(0)[:400]))
    return notes
