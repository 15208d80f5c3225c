"""The holders list on the reporter's thread page and in the API (reporter_holders_get), the exclusion request
and the identity consent, in English and Spanish; nothing about the staff's names shows, nothing is recorded."""

import pytest

from confide.audit.models import AuditEntry
from confide.reports.models import Handover, HolderExclusionRequest
from tests.helpers.api import receipt_header
from tests.helpers.leadership import hand_over
from tests.helpers.staff import csrf_from
from tests.helpers.thread import thread_open

pytestmark = pytest.mark.django_db


def test_the_thread_page_lists_the_holders(reporter, leadership, handler, teammate, body):
    hand_over(leadership.report, handler, body)
    rows = AuditEntry.objects.count()
    html = thread_open(reporter, leadership.receipt)
    for label in ["Case handler A", "Case handler B", "Independent body: union representative"]:
        assert label in html
    assert "Your case is now held by: Independent body — union representative" in html
    for name in [handler.username, teammate.username, body.username]:
        assert name not in html
    assert AuditEntry.objects.count() == rows  # the reporter's visit leaves no trace


def test_the_reporter_asks_for_an_exclusion_and_sees_its_state(reporter, leadership):
    page = thread_open(reporter, leadership.receipt)
    sent = reporter.post(
        "/r/acme/report/holders/exclude/", {"holder": "1", "csrfmiddlewaretoken": csrf_from_html(page)}
    )
    assert sent.status_code == 303 and sent["Location"].endswith("#holders")
    assert HolderExclusionRequest.objects.get().outcome == ""
    assert (
        "that they be excluded: waiting for the lead case handler" in reporter.get("/r/acme/report/").content.decode()
    )
    bad = reporter.post(
        "/r/acme/report/holders/exclude/", {"holder": "99", "csrfmiddlewaretoken": csrf_from_html(page)}
    )
    assert bad.status_code == 400 and "holds the key" in bad.content.decode()


def test_the_reporter_lets_the_body_see_their_identity(reporter, leadership, handler, body):
    page = thread_open(reporter, leadership.receipt)
    refused = reporter.post("/r/acme/report/holders/identity/", {"csrfmiddlewaretoken": csrf_from_html(page)})
    assert refused.status_code == 400  # no body holds the case yet
    hand_over(leadership.report, handler, body)
    page = reporter.get("/r/acme/report/").content.decode()
    assert "Let the independent body see my identity" in page
    agreed = reporter.post("/r/acme/report/holders/identity/", {"csrfmiddlewaretoken": csrf_from_html(page)})
    assert agreed.status_code == 303
    assert Handover.objects.get().identity_shared_on is not None
    page = reporter.get("/r/acme/report/").content.decode()
    reporter.post("/r/acme/report/holders/identity/withdraw/", {"csrfmiddlewaretoken": csrf_from_html(page)})
    assert Handover.objects.get().identity_shared_on is None


def test_the_holders_section_is_in_spanish(reporter, leadership, handler, body):
    hand_over(leadership.report, handler, body)
    reporter.cookies["django_language"] = "es"
    html = thread_open(reporter, leadership.receipt)
    assert "Quién tiene la llave de su denuncia" in html
    assert "Su caso lo tiene ahora: Organismo independiente — union representative" in html


def test_reporter_holders_get(api, leadership, handler, body):
    hand_over(leadership.report, handler, body)
    response = api.get("/api/reporter/holders", **receipt_header(leadership.receipt))
    assert response.status_code == 200
    data = response.json()
    assert [h["label"] for h in data["holders"]] == [
        "Case handler A",
        "Case handler B",
        "Independent body: union representative",
    ]
    assert data["held_by_independent_body"] is True and data["holders"][2]["given_access_on"]
    assert handler.username not in response.content.decode()
    asked = api.post(
        "/api/reporter/holders/exclusion-requests",
        {"slot": 0},
        content_type="application/json",
        **receipt_header(leadership.receipt),
    )
    assert asked.status_code == 204
    again = api.get("/api/reporter/holders", **receipt_header(leadership.receipt)).json()
    assert again["holders"][0]["exclusion_request"] == "pending"
    shared = api.put("/api/reporter/identity-consent", **receipt_header(leadership.receipt))
    assert shared.status_code == 204
    assert api.get("/api/reporter/holders", **receipt_header(leadership.receipt)).json()["identity_shared_on"]


def test_reporter_holders_get_needs_the_receipt(api, leadership):
    assert api.get("/api/reporter/holders").status_code == 401
    assert api.get("/api/reporter/holders", HTTP_AUTHORIZATION="Receipt wrong words here").status_code == 401
    bad = api.post(
        "/api/reporter/holders/exclusion-requests",
        {"slot": "x"},
        content_type="application/json",
        **receipt_header(leadership.receipt),
    )
    assert bad.status_code == 422


def csrf_from_html(html: str) -> str:
    class _Page:
        content = html.encode()

    return csrf_from(_Page())
