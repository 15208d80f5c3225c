"""Check-ins on the reporter's thread page and in the reporter API (issue 13): answered behind the receipt,
refused clearly, and what the reporter writes with an answer never at rest in the clear."""

from datetime import timedelta

import pytest
import time_machine

from confide.core.clock import today
from confide.reports.models import CaseLink, CheckIn, CheckInPlan, Report
from confide.reports.services.checkins import checkins_sweep
from tests.helpers.api import receipt_header
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.leadership import hand_over, leadership_report
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from
from tests.helpers.thread import thread_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(org, handler, teammate):
    """A report whose first check-in is waiting (the sweep run two weeks after it)."""
    submitted = submit_report(org)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    return submitted, CheckIn.objects.get(report=submitted.report)


def _answer(client, checkin, answer, details=""):
    page = client.get("/r/acme/report/")
    url = f"/r/acme/report/checkins/{checkin.pk}/answer/"
    return client.post(url, {"answer": answer, "details": details, "csrfmiddlewaretoken": csrf_from(page)})


def test_the_thread_asks_the_waiting_check_in_with_its_three_answers(reporter, asked):
    submitted, checkin = asked
    page = thread_open(reporter, submitted.receipt)
    assert f"/r/acme/report/checkins/{checkin.pk}/answer/" in page
    for answer in ("Nothing has changed", "Something worries me", "I have been treated worse"):
        assert answer in page
    assert "Stop the check-ins" in page


def test_treated_worse_on_the_page_opens_the_linked_case_which_the_same_receipt_reads(reporter, asked):
    submitted, checkin = asked
    thread_open(reporter, submitted.receipt)
    response = _answer(reporter, checkin, "worse", "They moved me to nights.")
    assert response.status_code == 303 and response["Location"] == "/r/acme/report/checkins/case/"
    case = Report.objects.get(category="retaliation")
    assert CaseLink.objects.filter(source=case, target=submitted.report, kind="retaliation").exists()
    page = reporter.get("/r/acme/report/checkins/case/").content.decode()
    assert case.reference in page and "They moved me to nights." in page
    reply = reporter.post(
        "/r/acme/report/checkins/case/reply/",
        {
            "body": "And my badge stopped working.",
            "csrfmiddlewaretoken": csrf_from(reporter.get("/r/acme/report/checkins/case/")),
        },
    )
    assert reply.status_code == 303
    assert case.messages.count() == 1
    assert case.reference in reporter.get("/r/acme/report/").content.decode()


def test_an_answer_not_offered_is_a_clear_400_and_a_second_answer_a_409(reporter, asked):
    submitted, checkin = asked
    thread_open(reporter, submitted.receipt)
    refused = _answer(reporter, checkin, "maybe")
    assert refused.status_code == 400 and "Choose one of the answers." in refused.content.decode()
    assert _answer(reporter, checkin, "nothing").status_code == 303
    again = _answer(reporter, checkin, "worse")
    assert again.status_code == 409 and "already answered" in again.content.decode()


def test_without_the_receipt_nothing_is_answered(reporter, asked, client):
    _submitted, checkin = asked
    response = client.post(f"/r/acme/report/checkins/{checkin.pk}/answer/", {"answer": "worse"})
    assert response.status_code == 303 and response["Location"] == "/r/acme/return/"
    assert client.get("/r/acme/report/checkins/case/")["Location"] == "/r/acme/return/"
    assert CheckIn.objects.get(pk=checkin.pk).answered_on is None


def test_another_reports_receipt_gets_404_for_this_check_in(reporter, asked, org):
    _submitted, checkin = asked
    other = submit_report(org)
    thread_open(reporter, other.receipt)
    assert _answer(reporter, checkin, "worse").status_code == 404
    assert reporter.get("/r/acme/report/checkins/case/").status_code == 404, "no case opened from this thread"
    assert not Report.objects.filter(category="retaliation").exists()


def test_the_reporter_changes_intervals_and_stops_them_with_one_button(reporter, asked):
    submitted, _checkin = asked
    page = thread_open(reporter, submitted.receipt)
    token = csrf_from(reporter.get("/r/acme/report/"))
    saved = reporter.post("/r/acme/report/checkins/plan/", {"offsets": ["91", "365"], "csrfmiddlewaretoken": token})
    assert saved.status_code == 303 and "After the organization winds down" in page
    plan = CheckInPlan.objects.get(report=submitted.report)
    assert plan.offsets == "91,365" and plan.after_wind_down is False
    bad = reporter.post("/r/acme/report/checkins/plan/", {"offsets": ["x"], "csrfmiddlewaretoken": token})
    assert bad.status_code == 400 and "Choose among the intervals offered." in bad.content.decode()
    stopped = reporter.post("/r/acme/report/checkins/stop/", {"csrfmiddlewaretoken": token})
    assert stopped.status_code == 303
    assert CheckInPlan.objects.get(report=submitted.report).stopped
    assert not CheckIn.objects.filter(report=submitted.report).exists()
    assert "Check-ins are stopped." in reporter.get("/r/acme/report/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_what_a_reporter_writes_with_an_answer_is_never_at_rest_in_the_clear(reporter, org, handler, log_buffer):
    submitted = submit_report(org)
    with time_machine.travel(today() + timedelta(days=42), tick=False):
        checkins_sweep()
    first = CheckIn.objects.get(report=submitted.report)
    secret_worse, secret_reply = canary("CHECKINWORSE"), canary("CHECKINCASE")
    thread_open(reporter, submitted.receipt)
    assert _answer(reporter, first, "worse", f"{secret_worse} cut my shifts").status_code == 303
    token = csrf_from(reporter.get("/r/acme/report/checkins/case/"))
    reporter.post("/r/acme/report/checkins/case/reply/", {"body": secret_reply, "csrfmiddlewaretoken": token})
    assert hits([secret_worse, secret_reply], at_rest_sources(log_buffer.getvalue())) == []


def test_the_api_answers_a_check_in_with_the_receipt(api, asked, org):
    submitted, checkin = asked
    listed = api.get("/api/reporter/checkins", **receipt_header(submitted.receipt))
    assert listed.status_code == 200 and listed.json()[0]["id"] == str(checkin.pk)
    url = f"/api/reporter/checkins/{checkin.pk}/answer"
    answered = api.post(
        url, {"answer": "worries"}, content_type="application/json", **receipt_header(submitted.receipt)
    )
    assert answered.status_code == 200, answered.content
    assert answered.json()["respond_by"] == (today() + timedelta(days=7)).isoformat()
    again = api.post(url, {"answer": "worse"}, content_type="application/json", **receipt_header(submitted.receipt))
    assert again.status_code == 409 and again.json()["detail"]
    other = submit_report(org)
    foreign = api.post(url, {"answer": "worse"}, content_type="application/json", **receipt_header(other.receipt))
    assert foreign.status_code == 404
    nobody = api.post(url, {"answer": "worse"}, content_type="application/json")
    assert nobody.status_code == 401
    wrong = api.post(url, {"answer": "soon"}, content_type="application/json", **receipt_header(other.receipt))
    assert wrong.status_code == 400 and wrong.json()["field"] == "answer"


def test_the_retaliation_case_page_names_the_body_that_holds_it_not_you(reporter, org, handler, body):
    # A leadership report's retaliation case is a leadership case too: its lead can hand it to a body, and the
    # reporter's page then says who holds it, as the original's thread does.
    submitted = leadership_report(org, handler)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    checkin = CheckIn.objects.get(report=submitted.report)
    thread_open(reporter, submitted.receipt)
    assert _answer(reporter, checkin, "worse").status_code == 303
    case = Report.objects.get(category="retaliation")
    hand_over(case, handler, body)
    page = reporter.get("/r/acme/report/checkins/case/").content.decode()
    assert "Independent body — union representative" in page
    assert '<p class="meta">You ·' not in page  # the handover notice is not the reporter's own words
