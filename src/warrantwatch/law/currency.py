"""How current an answer is: the review stamp it rests on, and when to warn that it may be stale.

The knowledge base records the last day each kind of fact was checked against sources
(data/reviews.yaml). An answer about a day after that stamp, or a question asked long after it,
cannot know what happened since; it says so, naming what may have changed.
"""

from __future__ import annotations

import datetime as dt

from warrantwatch.law.assessment import Caveat
from warrantwatch.records.dates import PartialDate

STALE_AFTER_DAYS = 60  # a question asked more than this many days after the review gets the caveat

MAY_HAVE_CHANGED = (
    "new or unsealed warrants, arrests, surrenders and terminated or withdrawn warrants; "
    "withdrawals from the Rome Statute (or their revocation), ratifications and accessions, and "
    "art. 12(3) declarations; new art. 87(7) findings; and trips planned, made or called off"
)


def reviewed_line(reviewed: dt.date | None) -> str:
    """The sentence every answer carries."""
    return f"record reviewed to {reviewed}" if reviewed else "record review date unknown"


def currency_caveat(reviewed: dt.date | None, on: dt.date, as_of: dt.date | None,
                    evidence_to: PartialDate | None = None) -> Caveat | None:
    """`review_age` caveat: `on` is after the review stamp, or `as_of` (today) is more than
    STALE_AFTER_DAYS after it. None when the record was reviewed on or after both."""
    if reviewed is None:
        return None
    reasons = []
    if on > reviewed:
        reasons.append(f"the day asked about ({on}) is after the record's last review ({reviewed})")
    if as_of is not None and (as_of - reviewed).days > STALE_AFTER_DAYS:
        reasons.append(f"the record was last reviewed {(as_of - reviewed).days} days before today "
                       f"({as_of})")
    if not reasons:
        return None
    evidence = (f" The newest evidence that review found is of {evidence_to}."
                if evidence_to is not None and evidence_to.last_day < reviewed else "")
    return Caveat("review_age", f"{'; and '.join(reasons).capitalize()}.{evidence} What may have "
                  f"changed since, and is not in this answer: {MAY_HAVE_CHANGED}.")
