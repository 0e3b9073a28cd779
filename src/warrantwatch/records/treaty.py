"""Rome Statute arts. 126 and 127: when the Statute binds a state and when a withdrawal takes effect.

These are rules, not facts: the facts (deposit and notification dates) live in data/, and
`warrantwatch data check` verifies that recorded dates agree with these rules. They live here,
below both, because the records' own checks (`records.checks`) and the engine (`law`) use them.
"""

from __future__ import annotations

import datetime as dt

# Art. 126(1): in force on the first day of the month after the 60th day following the deposit of
# the 60th instrument. The 60th instrument was deposited on 2002-04-11 (ten states deposited that
# day), so every instrument deposited by then took effect on this date.
STATUTE_IN_FORCE = dt.date(2002, 7, 1)
DAYS_AFTER_DEPOSIT = 60


def entry_into_force_for(deposited: dt.date) -> dt.date:
    """Art. 126(2): first day of the month after the 60th day following the deposit."""
    sixtieth_day = deposited + dt.timedelta(days=DAYS_AFTER_DEPOSIT)
    next_month = dt.date(sixtieth_day.year + sixtieth_day.month // 12, sixtieth_day.month % 12 + 1, 1)
    return max(STATUTE_IN_FORCE, next_month)


def withdrawal_effective_for(notified: dt.date) -> dt.date:
    """Art. 127(1): one year after the Secretary-General receives the notification."""
    try:
        return notified.replace(year=notified.year + 1)
    except ValueError:  # 29 February: the anniversary falls on 1 March
        return dt.date(notified.year + 1, 3, 1)
