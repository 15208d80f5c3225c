"""The published OpenAPI document is the contract: every answer the API gives is declared, with its shape."""

import json

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from confide.escrow import content as escrow_content
from confide.letters import content as letters_content
from confide.reports.content import MESSAGE_MAX_CHARS
from tests.helpers.api import receipt_header

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


def published() -> dict:
    return json.loads(Client().get("/api/openapi.json").content)


def test_every_operation_declares_the_answers_it_can_give():
    for path, operations in published()["paths"].items():
        for method, operation in operations.items():
            declared = set(operation["responses"])
            assert {"400", "503"} <= declared, (method, path)
            if operation.get("security"):
                assert "401" in declared, (method, path)
            if operation.get("requestBody"):
                assert {"413", "422"} <= declared, (method, path)
            if method != "get":
                assert "429" in declared, (method, path)


def test_the_message_schemas_are_distinct_with_their_own_limits():
    components = published()["components"]["schemas"]
    assert components["ReportMessageIn"]["properties"]["body"]["maxLength"] == MESSAGE_MAX_CHARS
    assert components["VaultMessageIn"]["properties"]["body"]["maxLength"] == escrow_content.MESSAGE_MAX_CHARS
    assert components["LetterMessageIn"]["properties"]["body"]["maxLength"] == letters_content.MAX_ANSWER


@pytest.mark.django_db
def test_a_nul_refusal_names_the_part_at_fault_as_field_problem_declares(api, submitted):
    headers = receipt_header(submitted.receipt)
    body = api.post("/api/reporter/messages", '{"body": "a\\u0000b"}', content_type="application/json", **headers)
    query = api.get("/api/reporter/report?x=%00", **headers)
    assert body.status_code == query.status_code == 400
    assert json.loads(body.content)["field"] == "body" and json.loads(query.content)["field"] == "query"
    assert json.loads(body.content)["detail"]


@pytest.mark.django_db
def test_the_reporter_message_accepts_exactly_its_published_limit(api, submitted):
    headers = receipt_header(submitted.receipt)
    limit = published()["components"]["schemas"]["ReportMessageIn"]["properties"]["body"]["maxLength"]
    send = lambda n: api.post("/api/reporter/messages", {"body": "x" * n}, content_type="application/json", **headers)  # noqa: E731
    assert send(limit).status_code == 201
    assert send(limit + 1).status_code == 422


@pytest.fixture
def credentials(submitted, handler, token_for):
    return [receipt_header(submitted.receipt)["HTTP_AUTHORIZATION"], token_for(handler)["HTTP_AUTHORIZATION"]]


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_matches_the_published_schema(case, credentials):
    """Status codes, content types and bodies, not only the absence of a 5xx; bounded to stay quick."""
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    for authorization in (None, *credentials):
        headers = {"Authorization": authorization} if authorization else {}
        case.call_and_validate(headers=headers, checks=checks)
