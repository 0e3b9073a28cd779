"""Airspace, vectorised locate, routes: checked against independent shapely computations."""

from __future__ import annotations

import itertools
import json
from functools import cache

import numpy as np
import pytest
import shapely
from pyproj import Geod

from warrantwatch.errors import NoRoute, UnknownAirport
from warrantwatch.geo import airspace
from warrantwatch.geo.locate import locate_many
from warrantwatch.routing import route


@cache
def _shapes():
    shapes = airspace.load().shapes()
    return shapes, shapely.STRtree(shapes)


def shapely_codes(lons, lats) -> np.ndarray:
    """The independent answer: shapely's exact test of each point against the airspace polygons."""
    _, tree = _shapes()
    pts, geoms = tree.query(shapely.points(lons, lats), predicate="intersects")
    out = np.full(len(lons), "", dtype="<U3")
    out[pts] = np.array([a.code for a in airspace.load().areas])[geoms]
    return out


def test_locate_many_agrees_with_shapely_on_random_points_away_from_borders():
    rng = np.random.default_rng(14)
    n = 60_000
    lons = rng.uniform(-180, 180, n)
    lats = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    theirs = shapely_codes(lons, lats)
    away = np.ones(n, dtype=bool)  # away from borders: shapely gives the same answer 0.01° around
    for dx, dy in ((0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01)):
        away &= shapely_codes(np.clip(lons + dx, -180, 180), np.clip(lats + dy, -90, 90)) == theirs
    assert away.mean() > 0.9
    ours = locate_many(lons[away], lats[away], areas=True)
    assert (ours == theirs[away]).all()
    assert (ours != "").sum() > 5_000  # not only sea


def test_locate_many_agrees_with_shapely_near_borders_too():
    rng = np.random.default_rng(7)
    base = np.array([[4.45, 52.46], [33.4, 44.6], [35.7, 33.0], [-5.6, 35.95], [28.0, 41.0], [69.0, 38.5]])
    pts = np.repeat(base, 2000, axis=0) + rng.normal(0, 0.3, (len(base) * 2000, 2))
    assert (locate_many(pts[:, 0], pts[:, 1], areas=True) == shapely_codes(pts[:, 0], pts[:, 1])).all()


@pytest.mark.parametrize(("lon", "lat", "state"), [
    (4.45, 52.46, "NLD"),   # 10 km off IJmuiden: Dutch territorial sea
    (3.90, 52.60, ""),      # about 48 km off: no state's airspace
    (33.2, 44.6, "UKR"),    # off Sevastopol: Crimea's sea follows its land (policy)
    (35.75, 33.0, "SYR"),   # the Golan Heights (policy)
    (114.3, 10.4, ""),      # Spratly Islands: held by no state here, nor their sea
    (-5.6, 35.95, "MAR"),   # Strait of Gibraltar, Moroccan side of the median line
    (-45.0, 72.0, "DNK"),   # Greenland gives its state
])
def test_locate_many_known_places(lon, lat, state):
    assert locate_many(lon, lat).item() == state


def test_locate_many_shapes_and_bad_input():
    out = locate_many(np.array([[37.6, 2.35], [106.9, -74.0]]), np.array([[55.75, 48.85], [47.9, 40.7]]))
    assert out.shape == (2, 2) and out.tolist() == [["RUS", "FRA"], ["MNG", "USA"]]
    with pytest.raises(ValueError, match="not a lon/lat"):
        locate_many([200.0], [0.0])


def independent_crossings(a, z, step_km=1.0):
    """Airspace runs along the geodesic a→z: pyproj's npts and shapely, nothing of geo.routes."""
    geod = Geod(ellps="WGS84")
    dist = geod.inv(a[0], a[1], z[0], z[1])[2] / 1000
    n = int(dist / step_km)
    mid = np.array(geod.npts(a[0], a[1], z[0], z[1], n))
    lons = np.concatenate([[a[0]], mid[:, 0], [z[0]]])
    lats = np.concatenate([[a[1]], mid[:, 1], [z[1]]])
    km = np.linspace(0, dist, len(lons))
    codes = shapely_codes(lons, lats)
    runs = []
    half = (km[1] - km[0]) / 2  # a border lies between two samples: count half a step each side
    for i, c in enumerate(codes):
        if runs and runs[-1][0] == c:
            runs[-1][2] = min(dist, km[i] + half)
        else:
            runs.append([c, max(0.0, km[i] - half), min(dist, km[i] + half)])
    return [(c, lo, hi) for c, lo, hi in runs if c], dist


def same_crossings(ours, theirs, min_km=4.0, tol_km=2.5):
    """Every crossing longer than `min_km` in one list is in the other, at the same place (± tol):
    two 1-km samplings can differ on a corner clipped for a km or two, not on more."""
    def found(run, others):
        return any(c == run[0] and abs(lo - run[1]) <= tol_km and abs(hi - run[2]) <= tol_km for c, lo, hi in others)

    missing = [r for r in ours if r[2] - r[1] >= min_km and not found(r, theirs)]
    extra = [r for r in theirs if r[2] - r[1] >= min_km and not found(r, ours)]
    return missing, extra


REAL_CASES = [
    ("VKO", "ULN", "putin", "2024-09-03", {"MNG": "OBLIGED", "RUS": "NOT_OBLIGED"}),
    ("VKO", "DYU", "putin", "2024-10-08", {"TJK": "OBLIGED"}),
    ("VKO", "JNB", "putin", "2023-08-22", {"ZAF": "OBLIGED"}),
    ("VKO", "GIG", "putin", "2024-11-18", {"BRA": "OBLIGED"}),
    ("VKO", "ANC", "putin", "2025-08-15", {"USA": "NOT_OBLIGED"}),
    ("TLV", "IAD", "netanyahu", "2025-04-06", {"USA": "NOT_OBLIGED", "ISR": "NOT_OBLIGED"}),
    ("TLV", "BUD", "netanyahu", "2025-04-03", {"HUN": "OBLIGED"}),
    ("VKO", "DEL", "putin", "2025-12-04", {"IND": "NOT_OBLIGED"}),
]


@pytest.mark.parametrize(("origin", "destination", "person", "on", "expected"), REAL_CASES)
def test_real_route_against_independent_geodesic(origin, destination, person, on, expected):
    plan = route(origin, destination, person=person, on=on)
    a, z = (plan.origin.lon, plan.origin.lat), (plan.destination.lon, plan.destination.lat)
    runs, dist = independent_crossings(a, z)
    assert plan.km == pytest.approx(dist, abs=0.01)
    ours = [(c.area, c.entry_km, c.exit_km) for c in plan.airspaces]
    assert same_crossings(ours, runs) == ([], [])
    assert len(ours) >= 2
    by_state = {c.state: c.outcome for c in plan.airspaces}
    for state, outcome in expected.items():
        assert by_state[state] == outcome
    doc = plan.to_dict()
    assert {"from", "to", "km", "path", "airspaces", "diversion", "caveats"} <= set(doc)
    assert any("Overflight is not entry" in c for c in doc["caveats"])
    assert doc["path"][0] == pytest.approx([a[0], a[1]], abs=1e-3)
    assert all(set(x) >= {"state", "name", "entry_km", "exit_km", "outcome"} for x in doc["airspaces"])


def test_stated_position_is_shown_with_the_airspace():
    plan = route("VKO", "ULN", person="putin", on="2024-09-03")
    mongolia = plan.airspaces[-1]
    assert mongolia.state == "MNG" and mongolia.positions
    assert mongolia.positions[0]["date"] == "2024-09-03" and not mongolia.positions[0]["later"]
    assert not plan.airspaces[0].positions  # none recorded for Russia


def test_diversion_marks_airports_in_states_bound_to_arrest():
    plan = route("VKO", "ULN", person="putin", on="2024-09-03")
    first, last = plan.diversion[0], plan.diversion[-1]
    assert first["nearest"]["state"] == "RUS" and not first["nearest"]["bound_to_arrest"]
    assert last["nearest"]["state"] == "MNG" and last["nearest"]["bound_to_arrest"]
    assert last["nearest_without_duty"]["state"] == "RUS"
    assert all(s["nearest"]["runway_m"] >= 2500 for s in plan.diversion)


def test_detour_avoiding_obliged_states_stays_out_checked_by_shapely():
    plan = route("TLV", "IAD", person="netanyahu", on="2025-04-06", avoid="obliged")
    assert plan.extra_km > 100
    assert {c.outcome for c in plan.airspaces} == {"NOT_OBLIGED"}
    geod = Geod(ellps="WGS84")
    codes = []
    for a, z in zip(plan.waypoints[:-1], plan.waypoints[1:], strict=True):
        pts = np.array(geod.npts(a[0], a[1], z[0], z[1], int(geod.inv(*a, *z)[2] / 1000)))
        codes += shapely_codes(pts[:, 0], pts[:, 1]).tolist()
    assert not set(codes) & set(plan.avoided)
    assert "FRA" in plan.avoided and "CYP" in plan.avoided and "USA" not in plan.avoided


def test_detour_when_avoided_state_lies_on_the_direct_route():
    direct = route("TLV", "IAD", person="netanyahu", on="2025-04-06")
    assert "FRA" in {c.state for c in direct.airspaces}
    plan = route("TLV", "IAD", person="netanyahu", on="2025-04-06", avoid="FRA,ESP")
    assert not {"FRA", "ESP"} & {c.state for c in plan.airspaces}
    assert 0 < plan.extra_km < 1500


def test_impossible_route_says_why():
    with pytest.raises(NoRoute, match=r"destination GIG .* avoided"):
        route("VKO", "GIG", person="putin", on="2024-11-18", avoid="obliged")


def test_unknown_airport_suggests():
    with pytest.raises(UnknownAirport) as info:
        route("Ulaanbatar", "VKO", person="putin", on="2024-09-03")
    assert any("Ulaanbaatar" in s for s in info.value.suggestions)


def test_airport_by_city_and_icao():
    from warrantwatch.geo.airports import find

    assert find("UUWW").iata == "VKO"
    assert find("Johannesburg").iata == "JNB"
    assert find("vko").state == "RUS"


def test_cli_route_json_and_errors(capsys):
    from warrantwatch.cli import main

    assert main(["route", "VKO", "ULN", "--person", "putin", "--on", "2024-09-03", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [a["state"] for a in doc["airspaces"]] == ["RUS", "MNG"]
    assert doc["airspaces"][1]["outcome"] == "OBLIGED"
    assert main(["route", "VKO", "XXXQ", "--person", "putin"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: unknown airport") and "\n" not in err
    assert main(["route", "VKO", "GIG", "--person", "putin", "--on", "2024-11-18", "--avoid", "obliged"]) == 2
    assert "avoided" in capsys.readouterr().err


def test_route_map_svg(tmp_path):
    from warrantwatch.maps.route import route_map

    plan = route("TLV", "IAD", person="netanyahu", on="2025-04-06", avoid="obliged")
    m = route_map(plan, width=800, height=500)
    assert 'id="avoided"' in m.svg and 'class="route"' in m.svg and "OpenStreetMap" in m.svg
    assert m.save(tmp_path / "r.png").stat().st_size > 10_000


def test_api_route(client=None):
    from fastapi.testclient import TestClient

    from warrantwatch.api.app import app

    c = TestClient(app)
    r = c.get("/api/route", params={"from": "VKO", "to": "ULN", "person": "putin", "on": "2024-09-03"})
    assert r.status_code == 200 and r.json()["airspaces"][-1]["state"] == "MNG"
    r = c.get("/api/route", params={"from": "VKO", "to": "QQQQQ", "person": "putin"})
    assert r.status_code == 404 and r.json()["error"]["type"] == "UnknownAirport"


def test_via_and_max_leg():
    plan = route("VKO", "ULN", person="putin", on="2024-09-03", via=["OVB"])
    assert [s.code for s in plan.stops] == ["OVB"] and plan.km > plan.direct_km
    far = route("TLV", "IAD", person="netanyahu", on="2025-04-06", avoid="obliged", max_leg_km=7000)
    assert far.stops and all(not s.state or s.area not in far.avoided for s in far.stops)
    from warrantwatch.geo import geodesic

    legs = [(far.origin.lon, far.origin.lat), *((s.lon, s.lat) for s in far.stops),
            (far.destination.lon, far.destination.lat)]
    assert all(geodesic.distance_km(a, z) <= 7000 for a, z in itertools.pairwise(legs))
    with pytest.raises(NoRoute, match="legs of at most 5000 km"):
        route("TLV", "IAD", person="netanyahu", on="2025-04-06", avoid="obliged", max_leg_km=5000)
