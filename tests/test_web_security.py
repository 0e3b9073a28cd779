"""The page and the API docs under their Content-Security-Policy, in Chromium, with every request
outside 127.0.0.1 blocked: nothing the page does is refused by the policy, and /docs and /redoc
render from local assets (issue 10, item 4)."""

from urllib.parse import urlsplit

import pytest

from liveserver import CHROMIUM, require_chromium, running

require_chromium()


@pytest.fixture(scope="module")
def server():
    with running("warrantwatch.api.app:app") as base:
        yield base


@pytest.fixture(scope="module")
def browser_tab():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})  # CSP enforced
        outside: list[str] = []

        def only_local(route):
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", only_local)
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: problems.append(str(e)))
        yield tab, problems, outside
        browser.close()


def test_page_works_under_its_policy(browser_tab, server):
    tab, problems, outside = browser_tab
    problems.clear()
    tab.goto(server + "/")
    tab.wait_for_selector("#state-list li[data-iso3=MNG]")
    tab.wait_for_selector("#map svg [data-iso3]")  # the world map, inlined SVG with its own <style>
    tab.click("#map svg [data-iso3=MNG]")
    tab.wait_for_selector("text=Legal basis")
    assert not [p for p in problems if "Content Security Policy" in p], problems
    assert outside == []


def _refused_here(problems: list[str]) -> list[str]:
    """CSP refusals of this server's own code or assets (a refused image from a CDN, ReDoc's
    'powered by' logo, is the policy doing its job offline)."""
    return [p for p in problems if "Content Security Policy" in p and "'https://" not in p]


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_docs_render_offline(browser_tab, server, path):
    tab, problems, outside = browser_tab
    problems.clear()
    tab.goto(server + path)
    tab.wait_for_selector("text=Everyone with a public ICC arrest warrant")
    assert "warrantwatch" in tab.inner_text("body")
    assert not _refused_here(problems), problems
    assert all(not url.endswith(".js") for url in outside), outside  # every script came from here
