"""Bootstrap data/states.yaml from pycountry and the UN membership list (run once, then reviewed).

Kept for provenance: it shows where each state's names came from. Edits since then are made in
data/states.yaml itself; rerunning overwrites them, so don't, unless starting over.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycountry
import yaml

UN_MEMBERS = [
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR",
    "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR",
    "BFA", "BDI", "CPV", "KHM", "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG",
    "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "PRK", "COD", "DNK", "DJI", "DMA", "DOM", "ECU",
    "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
    "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND",
    "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT",
    "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS",
    "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MCO", "MNG", "MNE", "MAR", "MOZ",
    "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN", "PAK",
    "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "MDA", "ROU", "RUS",
    "RWA", "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP",
    "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR",
    "TJK", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE",
    "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE",
]

SHORT_NAMES = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea",
    "PRK": "North Korea", "LAO": "Laos", "MDA": "Moldova", "RUS": "Russia", "SYR": "Syria",
    "TZA": "Tanzania", "VEN": "Venezuela", "VNM": "Vietnam", "PSE": "Palestine",
    "VAT": "Holy See", "TWN": "Taiwan", "XKX": "Kosovo", "GMB": "The Gambia",
    "BHS": "The Bahamas", "TUR": "Türkiye",
}
OTHER_NAMES = {
    "RUS": ["Russian Federation"], "COD": ["DRC", "DR Congo", "Congo-Kinshasa", "Zaire"],
    "COG": ["Congo-Brazzaville", "Congo Republic"], "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "TUR": ["Turkey", "Turkiye"], "GBR": ["UK", "Britain", "Great Britain"],
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States"],
    "ARE": ["UAE", "Emirates"], "CZE": ["Czech Republic"], "SWZ": ["Swaziland"],
    "MMR": ["Burma"], "TLS": ["East Timor"], "MKD": ["Macedonia"], "CPV": ["Cape Verde"],
    "VAT": ["Vatican", "Vatican City"], "PSE": ["State of Palestine"],
    "TWN": ["Republic of China"], "XKX": ["Republic of Kosovo"], "NLD": ["Holland"],
    "KOR": ["Republic of Korea"], "PRK": ["DPRK"], "CAF": ["CAR"], "BIH": ["Bosnia"],
    "STP": ["Sao Tome and Principe"], "COK": ["Cook Islands"],
}
NON_MEMBERS = {
    "PSE": "UN General Assembly non-member observer state since 2012.",
    "VAT": "UN General Assembly non-member observer state.",
    "XKX": "Not a UN member; declared independence from Serbia in 2008. XKX is a user-assigned "
           "code, not part of ISO 3166-1.",
    "TWN": "Not a UN member since General Assembly resolution 2758 (1971).",
    "COK": "Self-governing in free association with New Zealand; not a UN member, but a party "
           "to the Rome Statute.",
}
UN_SOURCE = "https://www.un.org/en/about-us/member-states"
WIKI_SOURCE = "https://en.wikipedia.org/wiki/Member_states_of_the_United_Nations"


def record(code: str) -> dict:
    country = pycountry.countries.get(alpha_3=code)
    name = SHORT_NAMES.get(code) or (country.name if country else code)
    entry: dict = {"iso3": code, "name": name}
    others = [n for n in OTHER_NAMES.get(code, []) if n != name]
    if others:
        entry["other_names"] = others
    entry["un_member"] = code in UN_MEMBERS
    if code in NON_MEMBERS:
        entry["note"] = NON_MEMBERS[code]
    entry["sources"] = [UN_SOURCE, WIKI_SOURCE]
    return entry


def main(out: Path) -> None:
    assert len(set(UN_MEMBERS)) == 193, len(set(UN_MEMBERS))
    codes = sorted(set(UN_MEMBERS) | set(NON_MEMBERS))
    out.write_text(yaml.safe_dump([record(c) for c in codes], sort_keys=False,
                                  allow_unicode=True, width=100), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "data/states.yaml"))
