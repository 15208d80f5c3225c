"""Check-ins on the staff side (issue 13 item 3): the case page lists answers and the reply deadline, the
dashboard shows retaliation cases from check-ins first, the hotline callback shows pending check-ins; none of
it reaches an outsider, another tenant or an excluded handler."""

from datetime import timedelta

import pytest
import time_machine

from confide.core.clock import today
from confide.reports.models import CheckIn, KeyWrap
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.services.checkins import checkin_answer, checkins_sweep
from tests.helpers.hotline import post
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def worse(org, handler, teammate, excluded_handler):
    submitted = submit_report(org)
    KeyWrap.objects.filter(report=submitted.report, user=excluded_handler).delete()
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    checkin = CheckIn.objects.get(report=submitted.report)
    answered = checkin_answer(
        access=reporter_access_get(receipt=submitted.receipt), checkin_id=checkin.pk, answer="worse"
    )
    return submitted, answered.case


def test_the_dashboard_shows_the_retaliation_case_first_to_its_handlers_only(worse, personas, login):
    _submitted, case = worse
    page = login(personas.owner).get("/staff/dashboard/").content.decode()
    assert "Retaliation reported: acknowledge these first" in page and case.reference in page
    assert page.index(case.reference) < page.index("Overdue")
    for persona in (personas.outsider, personas.other_tenant, personas.excluded):
        other = login(persona).get("/staff/dashboard/").content.decode()
        assert case.reference not in other and "Retaliation reported: acknowledge these first" not in other


def test_the_case_page_lists_the_answer_and_links_the_retaliation_case(worse, handler, login):
    submitted, case = worse
    page = login(handler).get(f"/staff/cases/{submitted.report.pk}/").content.decode()
    assert "Check-ins since the report" in page and "I have been treated worse" in page
    assert f"/staff/cases/{case.pk}/" in page
    assert login(handler).get(f"/staff/cases/{case.pk}/").status_code == 200


def test_the_excluded_handler_cannot_open_the_retaliation_case(worse, excluded_handler, login):
    _submitted, case = worse
    assert login(excluded_handler).get(f"/staff/cases/{case.pk}/").status_code == 404


def test_worries_shows_its_seven_day_deadline_on_the_dashboard(org, handler, login):
    submitted = submit_report(org)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    checkin = CheckIn.objects.get(report=submitted.report)
    checkin_answer(access=reporter_access_get(receipt=submitted.receipt), checkin_id=checkin.pk, answer="worries")
    page = login(handler).get("/staff/dashboard/").content.decode()
    assert "Reporters worried since speaking up" in page and submitted.report.reference in page


def test_a_callback_shows_the_pending_check_in_to_the_call_taker(org, handler, call_taker, login):
    submitted = submit_report(org)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    client = login(call_taker)
    page = client.get("/staff/hotline/acme/callback/")
    thread = post(client, "/staff/hotline/acme/callback/", page, {"receipt": submitted.receipt}).content.decode()
    assert "Check-ins waiting for the caller" in thread
