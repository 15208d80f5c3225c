"""A callback's check-in in a real browser with JavaScript off, on a phone's screen: the answer cannot be sent
without choosing one (the browser's own check), and "treated worse" tells the call-taker which retaliation
case it went to."""

from datetime import timedelta

import pytest
import time_machine

from confide.core.clock import today
from confide.reports.models import CaseLink, CheckIn
from confide.reports.services.checkins import checkins_sweep
from tests.helpers.reports import submit_report
from tests.helpers.staff import PASSWORD, make_staff, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_call_taker_records_that_the_caller_was_treated_worse(live_server, no_js_page, org, handler, tmp_path):
    call_taker = make_staff("carla", [org], role="call_taker")
    submitted = submit_report(org)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    page = no_js_page
    base = live_server.url

    page.goto(f"{base}/staff/login/?next=/staff/hotline/acme/callback/")
    page.fill("input[name=username]", call_taker.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(call_taker))
    page.click("button[type=submit]")
    page.fill("input[name=receipt]", submitted.receipt)
    page.locator("main form button[type=submit]").click()
    assert "Check-ins waiting for the caller" in page.content()

    record = page.get_by_role("button", name="Record the caller's answer", exact=True)
    record.click()  # no answer chosen: the required radio keeps the form from being sent
    assert "Choose one of the answers." not in page.content() and "/answer/" not in page.url

    page.get_by_label("The caller has been treated worse", exact=True).check()
    page.fill("textarea[name=details]", "My hours were cut after I called.")
    page.screenshot(path=str(tmp_path / "checkin.png"), full_page=True)
    record.click()
    notice = page.inner_text("p.notice[role=status]")
    case = CheckIn.objects.get(report=submitted.report).case
    assert case is not None and case.reference in notice
    assert CaseLink.objects.filter(source=case, target=submitted.report, kind=CaseLink.Kind.RETALIATION).exists()
    assert "Check-ins waiting for the caller" not in page.content()
