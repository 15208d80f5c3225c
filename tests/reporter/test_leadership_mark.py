"""Every door can mark a report as about the candidate or senior leadership (issue 13): the web form, the
reporter API, and the call-taker's console and API. Unmarked, it stays an ordinary report."""

import pytest

from confide.reports.models import Report
from tests.helpers.hotline import file_call
from tests.reporter.test_report import FORM, post_form

pytestmark = pytest.mark.django_db


def test_the_web_form_offers_and_keeps_the_mark(csrf_client, org, handler):
    assert "This is about the candidate or the campaign" in csrf_client.get("/r/acme/").content.decode()
    post_form(csrf_client, "/r/acme/", {**FORM, "about_leadership": "on"})
    post_form(csrf_client, "/r/acme/", FORM)
    assert sorted(Report.objects.values_list("about_leadership", flat=True)) == [False, True]


def test_the_api_keeps_the_mark(api, org, handler):
    body = {"what_happened": "The candidate shouted at me.", "category": "bullying", "about_leadership": True}
    assert api.post("/api/orgs/acme/reports", body, content_type="application/json").status_code == 201
    plain = {"what_happened": "Something else.", "category": "other"}
    assert api.post("/api/orgs/acme/reports", plain, content_type="application/json").status_code == 201
    assert sorted(Report.objects.values_list("about_leadership", flat=True)) == [False, True]
    bad = api.post("/api/orgs/acme/reports", {**plain, "about_leadership": "perhaps"}, content_type="application/json")
    assert bad.status_code == 422


def test_the_call_takers_console_keeps_the_mark(login, org, handler, call_taker):
    client = login(call_taker)
    filed = file_call(client, about_leadership="on")
    assert filed.status_code == 200, filed.content[:300]
    report = Report.objects.get()
    assert report.about_leadership and report.channel == "phone"


def test_the_call_takers_console_leaves_it_unmarked_by_default(login, org, handler, call_taker):
    assert file_call(login(call_taker)).status_code == 200
    assert Report.objects.get().about_leadership is False


def test_the_hotline_api_keeps_the_mark(api, token_for, org, handler, call_taker):
    body = {
        "what_happened": "The campaign manager threatened me.",
        "category": "bullying",
        "language": "en",
        "consent_read_back": True,
        "about_leadership": True,
    }
    response = api.post(
        "/api/hotline/orgs/acme/reports", body, content_type="application/json", **token_for(call_taker)
    )
    assert response.status_code == 201, response.content
    assert Report.objects.get().about_leadership is True
