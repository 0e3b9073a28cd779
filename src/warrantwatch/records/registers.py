"""ICAO nationality marks and 24-bit address blocks, for checking the watchlist (`data/aircraft.yaml`).

A state's civil register gives its aircraft a nationality mark (ICAO Annex 7; "RA-" for Russia) and ICAO
allocates each state a block of 24-bit addresses for the transponders it assigns (ICAO Annex 10, Vol. III,
Part I, Chapter 9, Appendix: "Allocation of aircraft addresses to States"). A recorded address outside
its operating state's block, or a registration without its mark, is a typing error or a foreign-registered
aircraft: either way it must be looked at. Only the states the watchlist holds aircraft of (or was asked to)
are listed; `data check` names a state missing here so that its mark and block are added, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Register:
    marks: tuple[str, ...]  # nationality marks, without the hyphen
    first: int  # the state's ICAO 24-bit address block, inclusive
    last: int

    def holds(self, icao24: str) -> bool:
        return self.first <= int(icao24, 16) <= self.last

    def block(self) -> str:
        return f"{self.first:06x}-{self.last:06x}"

    def registration_ok(self, registration: str) -> bool:
        return any(re.fullmatch(rf"{re.escape(m)}-[A-Z0-9]{{1,5}}", registration) for m in self.marks)


# Blocks as tabulated from the Annex 10 appendix (readsb's flag table reproduces it); marks from Annex 7.
REGISTERS: dict[str, Register] = {
    "AFG": Register(("YA",), 0x700000, 0x700FFF),
    "ISR": Register(("4X",), 0x738000, 0x73FFFF),
    "LBY": Register(("5A",), 0x018000, 0x01FFFF),
    "PHL": Register(("RP",), 0x758000, 0x75FFFF),
    "RUS": Register(("RA", "RF"), 0x100000, 0x1FFFFF),  # RF-: Russian state (non-civil) aircraft
    "SDN": Register(("ST",), 0x07C000, 0x07CFFF),
}
