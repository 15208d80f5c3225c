"""A database that is unreachable or recovering answers 503 with Retry-After, never a 500 (threat model G8),
and the log says so in one line with no content and no traceback (G2)."""

import json

import pytest

from tests.helpers.database import database_unreachable
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

TYPED = "He cornered me after the rally in the union hall"
FORM = {"what_happened": TYPED, "category": "sexual_harassment", "identity": "anonymous"}


def test_the_api_answers_503_with_retry_after_while_the_database_is_down(api, org, log_buffer):
    payload = {"what_happened": TYPED, "category": "sexual_harassment"}
    with database_unreachable():
        response = api.post("/api/orgs/acme/reports", payload, content_type="application/json")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "try again" in json.loads(response.content)["detail"]
    logged = log_buffer.getvalue()
    assert "OperationalError" in logged
    assert "Traceback" not in logged and TYPED not in logged and "127.0.0.1" not in logged


def test_a_reporter_api_read_answers_503_too(api, submitted):
    with database_unreachable():
        response = api.get("/api/reporter/report", HTTP_AUTHORIZATION=f"Receipt {submitted.receipt}")
    assert response.status_code == 503 and response["Retry-After"]


def test_the_report_form_comes_back_with_what_was_typed_while_the_database_is_down(csrf_client, org, log_buffer):
    token = csrf_from(csrf_client.get("/r/acme/"))
    with database_unreachable():
        response = csrf_client.post("/r/acme/", {**FORM, "csrfmiddlewaretoken": token})
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert TYPED in html and "try again" in html and "What you wrote is still below" in html
    logged = log_buffer.getvalue()
    assert "Traceback" not in logged and TYPED not in logged


def test_any_page_answers_a_calm_503_while_the_database_is_down(csrf_client, submitted):
    with database_unreachable():
        response = csrf_client.get("/r/acme/")
    assert response.status_code == 503 and response["Retry-After"]
    assert "try again" in response.content.decode()


def test_a_staff_page_answers_503_while_the_database_is_down(handler, login):
    signed_in = login(handler)
    with database_unreachable():
        response = signed_in.get("/staff/")
    assert response.status_code == 503
