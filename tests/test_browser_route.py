"""The route panel in a real browser (fixtures shared with test_browser.py)."""

import os
from pathlib import Path

from test_browser import browser, desk, server, wait_for  # noqa: F401  (pytest fixtures; skips when Chromium is absent)


def test_route_panel_shows_airspaces_and_map(desk, server, tmp_path_factory):  # noqa: F811
    page = desk
    page.goto(server + "/")
    page.wait_for_selector("#route-form")
    page.fill("#route-from", "VKO")
    page.fill("#route-to", "ULN")
    page.fill("#route-person", "putin")
    page.fill("#route-on", "2024-09-03")
    page.click("#route-go")
    page.wait_for_selector("#route-airspaces")
    table = page.inner_text("#route-airspaces")
    assert "Mongolia" in table and "OBLIGED" in table and "Russia" in table
    assert "Overflight is not entry" in page.inner_text("#route-result")
    wait_for(page, "document.getElementById('route-map').complete")
    assert page.evaluate("document.getElementById('route-map').naturalWidth") > 100
    folder = Path(os.environ.get("WARRANTWATCH_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    page.locator("#route").screenshot(path=str(folder / "web-route.png"))
    page.fill("#route-to", "Ulanbatar")
    page.click("#route-go")
    page.wait_for_selector("#route-result .error")
    assert "unknown airport" in page.inner_text("#route-result .error")
    # The unknown airport's answer is a 404 by design; the browser logs it as a failed resource.
    page.errors[:] = [e for e in page.errors if "status of 404" not in e]
