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


def test_brief_has_an_id_that_restores_it_and_downloads():
    made = client.post("/api/brief", json={"text": SEED, "published": "2024-08-30"}).json()
    again = client.get(f"/api/brief/{made['id']}").json()
    assert again["events"] == made["events"] and again["text"] == SEED
    md = client.get(f"/api/brief/{made['id']}", params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert "attachment" in md.headers["content-disposition"] and "Vladimir Putin → Mongolia" in md.text
    html = client.get(f"/api/brief/{made['id']}", params={"format": "html"})
    assert html.text.startswith("<!doctype html>") and "<svg" in html.text
    assert client.get("/api/brief/0123456789abcdef").status_code == 404
    assert client.get("/api/brief/not-an-id").json()["error"]["type"] == "UnknownBrief"


def test_a_stored_brief_keeps_where_its_date_came_from_and_names_the_review(monkeypatch):
    monkeypatch.setenv("WARRANTWATCH_TODAY", "2026-12-06")
    text = "ULAANBAATAR, Sept 3, 2024 (Reuters) - Russian President Vladimir Putin arrived in Mongolia on Monday."
    made = client.post("/api/brief", json={"text": text}).json()
    assert (made["article"]["published"], made["article"]["published_from"]) == ("2024-09-03", "dateline")
    monkeypatch.setenv("WARRANTWATCH_TODAY", "2026-12-20")  # the link, later: the same day and origin
    again = client.get(f"/api/brief/{made['id']}").json()
    assert (again["article"]["published"], again["article"]["published_from"]) == ("2024-09-03", "dateline")
    reviewed = client.get("/api/about").json()["reviewed"]
    assert again["reviewed"] == reviewed
    md = client.get(f"/api/brief/{made['id']}", params={"format": "md"}).text
    assert "published date: from dateline" in md and f"Record reviewed to {reviewed}" in md
    assert "(in green, state party: bound to arrest)" in md  # the map's caption, written without drawing


def test_answers_are_compressed_and_cacheable_and_palette_is_served():
    r = client.get("/api/maps/world.svg", params={"person": "putin", "on": "2024-09-03"},
                   headers={"accept-encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip" and "max-age" in r.headers["cache-control"]
    css = client.get("/palette.css").text
    assert "svg.ww-map .o-NOT_OBLIGED{fill:#c9c2b6}" in css and ".sw-OBLIGED{background:#2f9e44}" in css
    palette = client.get("/api/palette").json()
    assert palette["outcomes"]["NOT_OBLIGED"] == {"colour": "#c9c2b6", "word": "grey",
                                                  "label": "no duty to arrest"}
    assert client.get("/favicon.svg").status_code == 200


def test_page_preloads_its_answers_and_versions_its_files():
    import re

    page = client.get("/", params={"person": "vladimir-putin", "on": "2024-09-03"})
    link = page.headers["link"]
    assert "</api/world/timeline?person=vladimir-putin&from=2002-07-01>; rel=preload" in link
    assert "</api/maps/world.svg?person=vladimir-putin&on=2024-09-03>; rel=preload" in link
    script = re.search(r'src="(app\.js\?v=[0-9a-f]{12})"', page.text).group(1)
    assert "immutable" in client.get("/" + script).headers["cache-control"]
    assert client.get("/app.js?v=stale").headers["cache-control"] == "no-cache"
    embed = client.get("/", params={"person": "putin", "on": "2024-09-03", "embed": "1"})
    assert "frame-ancestors *" in embed.headers["content-security-policy"]
    assert "content-security-policy" not in page.headers or "frame-ancestors *" not in page.headers[
        "content-security-policy"]
