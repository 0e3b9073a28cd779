"""Schema-driven fuzzing of the REST API (Schemathesis, from the app's own OpenAPI): no 500s,
responses that match the schema's status codes."""

import schemathesis
from hypothesis import HealthCheck, settings

from warrantwatch.api.app import app

schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_with_a_server_error(case):
    response = case.call()
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        body = response.json()
        assert set(body["error"]) == {"type", "message", "suggestions"}
