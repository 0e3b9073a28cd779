"""The REST API with an in-process client: every endpoint and every error shape."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warrantwatch.api.app import MAX_BODY_BYTES, app

client = TestClient(app)
SEED = (Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt").read_text(encoding="utf-8")


def test_persons_and_person():
    persons = client.get("/api/persons").json()
    assert any(p["id"] == "vladimir-putin" for p in persons)
    bashir = client.get("/api/persons/bashir").json()
    assert bashir["person"]["id"] == "omar-al-bashir" and bashir["visits"]


def test_states_and_state():
    states = client.get("/api/states", params={"on": "2024-09-03"}).json()
    assert len(states) >= 198
    zaf = client.get("/api/states/ZAF").json()
    assert zaf["state"]["iso3"] == "ZAF" and zaf["findings"]


def test_assess_seed():
    r = client.get("/api/assess", params={"person": "putin", "state": "mongolia", "on": "2024-09-03"})
    assert r.status_code == 200
    body = r.json()
    assert body["outcome"] == "OBLIGED" and body["basis"] and body["sources"]


def test_world():
    body = client.get("/api/world", params={"person": "netanyahu", "on": "2025-04-03"}).json()
    assert body["states"]["HUN"]["outcome"] == "OBLIGED"
    assert sum(body["counts"].values()) == len(body["states"])


def test_brief():
    r = client.post("/api/brief", json={"text": SEED, "published": "2024-08-30"})
    assert r.status_code == 200
    event = next(e for e in r.json()["events"] if e["host"] == "MNG")
    assert (event["person"], event["date"], event["kind"]) == ("vladimir-putin", "2024-09-03", "planned")
    assert r.json()["article"]["published_from"] == "request"


def test_brief_dates_itself_without_a_published_date(monkeypatch):
    monkeypatch.setenv("WARRANTWATCH_TODAY", "2026-12-06")
    body = client.post("/api/brief", json={"text": "ULAANBAATAR, Sept 3, 2024 (Reuters) - Russian President "
                                                    "Vladimir Putin arrived in Mongolia on Monday."}).json()
    assert body["article"]["published"] == "2024-09-03" and body["article"]["published_from"] == "dateline"
    assert client.post("/api/brief", json={"text": "Nothing."}).json()["article"]["published_from"] == "today"


@pytest.mark.parametrize(
    ("path", "params", "status", "text"),
    [
        ("/api/assess", {"person": "putn", "state": "MNG"}, 404, "Vladimir Putin"),
        ("/api/assess", {"person": "putin", "state": "Mongolai"}, 404, "Mongolia"),
        ("/api/assess", {"person": "putin", "state": "MNG", "on": "2024-02-30"}, 422, "29 days"),
        ("/api/assess", {"person": "putin"}, 422, "state"),
        ("/api/world", {"person": "putin", "on": "yesterday"}, 422, "YYYY"),
        ("/api/persons/nobody", {}, 404, "unknown person"),
        ("/api/states/Atlantis", {}, 404, "unknown state"),
    ],
)
def test_errors_are_json_with_the_right_status(path, params, status, text):
    r = client.get(path, params=params)
    assert r.status_code == status
    error = r.json()["error"]
    assert text in error["message"] + " ".join(error["suggestions"])
    assert "Traceback" not in r.text


def test_brief_validation_and_size_limit():
    assert client.post("/api/brief", json={"text": "", "published": "2024-08-30"}).status_code == 422
    assert client.post("/api/brief", json={"text": "x", "published": "2024-02-30"}).status_code == 422
    big = client.post("/api/brief", content=b"x" * (MAX_BODY_BYTES + 1),
                      headers={"content-type": "application/json"})
    assert big.status_code == 413 and big.json()["error"]["type"] == "PayloadTooLarge"


def test_page_is_served_without_external_assets():
    page = client.get("/")
    assert page.status_code == 200 and "warrantwatch" in page.text
    for asset in ("app.js", "style.css"):
        body = client.get(f"/{asset}")
        assert body.status_code == 200
        text = body.text.replace("http://www.w3.org/2000/svg", "")  # a namespace name, not a fetch
        assert "http://" not in text and "https://" not in text  # no CDN, nothing remote
    assert 'src="http' not in page.text and 'href="http' not in page.text
    assert client.get("/seed-article.txt").text == SEED  # the page's copy of the example story


def test_openapi_lists_every_endpoint():
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/persons", "/api/persons/{person}", "/api/states", "/api/states/{state}",
                 "/api/assess", "/api/world", "/api/brief"):
        assert path in paths


def test_map_endpoints_serve_svg_and_png():
    import xml.etree.ElementTree as ET

    svg = client.get("/api/maps/locator.svg", params={"home": "RUS", "host": "Mongolia"})
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    ET.fromstring(svg.content)
    png = client.get("/api/maps/locator.png", params={"home": "RUS", "host": "MNG", "width": 400})
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    world = client.get("/api/maps/world.svg", params={"person": "putin", "on": "2024-09-03"})
    assert world.status_code == 200 and 'id="area-MNG"' in world.text
    bad = client.get("/api/maps/world.svg", params={"person": "putn", "on": "2024-09-03"})
    assert bad.status_code == 404 and "Vladimir Putin" in bad.json()["error"]["suggestions"]
    assert client.get("/api/maps/locator.gif", params={"home": "RUS", "host": "MNG"}).status_code == 422
