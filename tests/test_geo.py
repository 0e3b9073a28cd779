"""The shipped boundaries and the border policy, point by point."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest
import shapely

from warrantwatch.geo import area_at, locate
from warrantwatch.geo.boundaries import LEVELS, load, source

# (place, lon, lat, state expected by the policy)
POLICY_POINTS = [
    ("Simferopol, Crimea", 34.10, 44.95, "UKR"),
    ("Sevastopol, Crimea", 33.52, 44.60, "UKR"),
    ("Donetsk", 37.80, 48.00, "UKR"),
    ("Katzrin, Golan Heights", 35.69, 32.99, "SYR"),
    ("Majdal Shams, Golan Heights", 35.77, 33.27, "SYR"),
    ("Hargeisa, Somaliland", 44.06, 9.56, "SOM"),
    ("Kyrenia, northern Cyprus", 33.32, 35.33, "CYP"),
    ("Famagusta, northern Cyprus", 33.94, 35.12, "CYP"),
    ("Sukhumi, Abkhazia", 41.02, 43.00, "GEO"),
    ("Tskhinvali, South Ossetia", 43.96, 42.23, "GEO"),
    ("Tiraspol, Transnistria", 29.63, 46.84, "MDA"),
    ("Pristina, Kosovo", 21.17, 42.66, "XKX"),
    ("Taipei", 121.56, 25.03, "TWN"),
    ("Ramallah, West Bank", 35.20, 31.90, "PSE"),
    ("Hebron, West Bank", 35.10, 31.53, "PSE"),
    ("Gaza", 34.45, 31.50, "PSE"),
    ("Old City of Jerusalem", 35.234, 31.778, "PSE"),
    ("Beit Hanina, East Jerusalem", 35.22, 31.83, "PSE"),
    ("Knesset, West Jerusalem", 35.2055, 31.7767, "ISR"),
    ("Tel Aviv", 34.78, 32.08, "ISR"),
    ("Srinagar (Kashmir, as drawn)", 74.80, 34.08, "IND"),
    ("Muzaffarabad (Kashmir, as drawn)", 73.47, 34.37, "PAK"),
    ("Aksai Chin (as drawn)", 79.50, 35.20, "CHN"),
    ("Baikonur", 63.31, 45.62, "KAZ"),
    ("Moscow", 37.62, 55.75, "RUS"),
    ("Ulaanbaatar", 106.92, 47.92, "MNG"),
    ("Hong Kong", 114.17, 22.32, "CHN"),
    ("Mariehamn, Åland", 19.94, 60.10, "FIN"),
    ("Chukotka east of 180°", -173.5, 65.8, "RUS"),
    ("Anadyr", 176.0, 65.0, "RUS"),
    ("Taveuni, Fiji, east of 180°", -179.95, -16.85, "FJI"),
    ("Kiritimati, Kiribati", -157.40, 1.87, "KIR"),
    ("Valletta, Malta", 14.51, 35.90, "MLT"),
    ("San Marino", 12.45, 43.94, "SMR"),
    ("Greenland ice sheet (Denmark's)", -40.0, 72.0, "DNK"),
    ("Laayoune, Western Sahara", -13.20, 27.15, None),
    ("Bir Tawil", 33.75, 21.85, None),
    ("Antarctica", 0.0, -80.0, None),
    ("Gulf of Guinea", 0.0, 0.0, None),
]


@pytest.mark.parametrize(("place", "lon", "lat", "state"), POLICY_POINTS, ids=[p[0] for p in POLICY_POINTS])
def test_policy_point_by_point(place, lon, lat, state):
    assert locate(lon, lat) == state, place


def test_areas_with_a_status_say_so():
    assert area_at(-13.20, 27.15).code == "ESH"
    assert "non-self-governing" in area_at(-13.20, 27.15).note
    for lon, lat, code in [(21.17, 42.66, "XKX"), (121.56, 25.03, "TWN"), (35.20, 31.90, "PSE"),
                           (74.80, 34.08, "IND")]:
        area = area_at(lon, lat)
        assert area.code == code and area.note, code
    greenland = area_at(-40.0, 72.0)
    assert (greenland.code, greenland.kind, greenland.state) == ("GRL", "territory", "DNK")


def test_bad_position_is_an_error():
    with pytest.raises(ValueError):
        locate(200.0, 0.0)


def test_every_state_of_the_knowledge_base_has_a_boundary(kb):
    codes = {a.code for a in load("110m").areas}
    assert {s.iso3 for s in kb.states} <= codes


@pytest.mark.parametrize("level", LEVELS)
def test_geometry_is_valid_and_complete(level):
    b = load(level)
    shapes = b.shapes()
    assert len(shapes) == len(b.areas)
    invalid = [b.areas[i].code for i in np.flatnonzero(~shapely.is_valid(shapes))]
    assert invalid == []
    assert b.ring_bounds[:, 1].min() >= -90 and b.ring_bounds[:, 3].max() <= 90
    assert b.ring_bounds[:, 0].min() >= -180 and b.ring_bounds[:, 2].max() <= 191


def test_levels_simplify_and_keep_areas():
    sizes = [len(load(level).xy) for level in LEVELS]
    assert sizes == sorted(sizes, reverse=True)
    fine, coarse = load("10m").shapes(), load("110m").shapes()
    russia = load("10m").index["RUS"]
    assert shapely.area(coarse[russia]) == pytest.approx(shapely.area(fine[russia]), rel=0.02)


def test_shipped_files_are_compact_and_say_where_they_come_from():
    data = resources.files("warrantwatch.geo").joinpath("data")
    size = sum(data.joinpath(n).stat().st_size if hasattr(data.joinpath(n), "stat") else
               len(data.joinpath(n).read_bytes()) for n in ("boundaries.npz", "areas.json"))
    assert size < 4_000_000
    meta = json.loads(data.joinpath("areas.json").read_text())
    assert len({a["code"] for a in meta["areas"]}) == len(meta["areas"])
    src = source()
    assert src["version"] == "5.1.1" and "public domain" in src["licence"]
    assert src["point_of_view"].startswith("Germany")
