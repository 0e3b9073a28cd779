"""Suggestions for unknown names: plausible ones only (a similarity threshold), shared by CLI and API."""

import pytest
from fastapi.testclient import TestClient

from warrantwatch.api.app import app
from warrantwatch.records.knowledge import bundled
from warrantwatch.records.resolve import resolver_for

R = resolver_for(bundled())
client = TestClient(app)


@pytest.mark.parametrize(("query", "expected"), [
    ("putn", ["Vladimir Putin"]), ("netanyahoo", ["Benjamin Netanyahu"]),
    ("gadafi", ["Muammar Gaddafi", "Saif al-Islam Gaddafi"]),
    ("nobody", []), ("xi", []), ("Xi Jinping", []), ("nobody-at-all", []),
])
def test_person_suggestions_are_plausible_or_none(query, expected):
    assert R.persons.suggest(query) == expected


@pytest.mark.parametrize(("query", "first"), [
    ("mongolai", "Mongolia (MNG)"), ("hungry", "Hungary (HUN)"), ("germny", "Germany (DEU)"),
    ("russ", "Russia (RUS)"),
])
def test_state_suggestions(query, first):
    assert R.states.suggest(query)[0] == first


def test_find_endpoint_uses_the_cli_resolver():
    assert client.get("/api/find/state", params={"q": "DRC"}).json()["exact"] == [
        {"id": "COD", "name": "Democratic Republic of the Congo"}]
    assert client.get("/api/find/state", params={"q": "Turkey"}).json()["exact"][0]["id"] == "TUR"
    congo = client.get("/api/find/state", params={"q": "congo"}).json()
    assert {e["id"] for e in congo["exact"]} == {"COD", "COG"}
    assert client.get("/api/find/state", params={"q": "Atlantis"}).json() == {
        "query": "Atlantis", "exact": [], "close": []}
    assert client.get("/api/find/person", params={"q": "putn"}).json()["close"][0]["id"] == "vladimir-putin"
    assert client.get("/api/find/planet", params={"q": "x"}).status_code == 422
