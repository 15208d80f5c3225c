"""Issue 11, item 1: report_submit retried with the same Idempotency-Key files one report and answers the same."""

import json

import pytest
from django.test import Client

from confide.reports.models import Report, Submission
from tests.helpers.canary import at_rest_sources, hits

pytestmark = pytest.mark.django_db

REPORT = {"what_happened": "The finance director groped me at the fundraiser.", "category": "sexual_violence"}
URL = "/api/orgs/acme/reports"


def file(api: Client, body: dict, key: str | None = None, url: str = URL):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return api.post(url, json.dumps(body), content_type="application/json", **headers)


def test_the_same_key_and_body_file_once_and_get_the_same_answer(api, org, handler):
    first = file(api, REPORT, key="3f1c2a9e-retry-me")
    second = file(api, REPORT, key="3f1c2a9e-retry-me")
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true" and not first.has_header("Idempotent-Replayed")
    assert Report.objects.count() == 1


def test_the_same_key_with_another_body_is_refused_and_files_nothing(api, org, handler):
    file(api, REPORT, key="one-key")
    other = file(api, {**REPORT, "what_happened": "Something else entirely."}, key="one-key")
    assert other.status_code == 409 and "different request" in other.json()["detail"]
    assert Report.objects.count() == 1


def test_without_a_key_or_with_another_key_each_call_files(api, org, handler):
    file(api, REPORT)
    file(api, REPORT)
    file(api, REPORT, key="a")
    file(api, REPORT, key="b")
    assert Report.objects.count() == 4


def test_a_key_is_scoped_to_its_organization(api, org, other_org, handler):
    here = file(api, REPORT, key="shared-key")
    there = file(api, REPORT, key="shared-key", url="/api/orgs/rival/reports")
    assert here.status_code == there.status_code == 201 and here.json() != there.json()
    assert Report.objects.count() == 2


@pytest.mark.parametrize("key", ["", "k" * 256])
def test_a_key_out_of_bounds_gets_422(api, org, key):
    response = file(api, REPORT, key=key)
    assert response.status_code == 422 and response.json()["detail"]
    assert not Report.objects.exists()


def test_the_header_is_published(api):
    operation = api.get("/api/openapi.json").json()["paths"][URL.replace("acme", "{org_slug}")]["post"]
    header = [p for p in operation["parameters"] if p["name"] == "Idempotency-Key"]
    assert header and header[0]["in"] == "header" and "24 hours" in header[0]["description"]
    assert "409" in operation["responses"]


@pytest.mark.django_db(transaction=True)
def test_neither_the_key_nor_the_receipt_is_stored_in_plaintext(api, org, handler, log_buffer, capfd):
    key = "CANARYKEY0123456789"
    receipt = file(api, REPORT, key=key).json()["receipt"]
    file(api, REPORT, key=key)
    out, err = capfd.readouterr()
    assert Submission.objects.count() == 1
    assert not hits([key, receipt], at_rest_sources(extra_text=log_buffer.getvalue() + out + err))
