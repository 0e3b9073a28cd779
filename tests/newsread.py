"""The events the extractor reads from a short story written for a test, as comparable tuples."""

import datetime as dt

from warrantwatch.news.extract import extract


def read_events(kb, text: str, published: str, *, dated_by_text: bool = False,
                with_date_from: bool = False) -> set[tuple[str, ...]]:
    """(person, host, date or "", kind[, date_from]) of each event. `dated_by_text`: a date placed in the
    month of the report (`date_from` "publication") counts as none, as the evaluation scores it."""
    out = set()
    for e in extract(kb, text, dt.date.fromisoformat(published)):
        dated = e.date is not None and (e.date_from == "text" or not dated_by_text)
        row = (e.person, e.host, e.date.isoformat() if dated else "", e.kind)
        out.add((*row, e.date_from) if with_date_from else row)
    return out
