"""The thread page tells the reporter what happens next: the status in plain words, the dates the third party
committed to, and the day a case handler last wrote (days only)."""

import re
from datetime import UTC, date, datetime

import pytest
import time_machine

from confide.reporter.status import STATUS_EXPLAINED
from confide.reports.models import Report
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.workflow import report_status_update
from tests.helpers.reports import submit_report
from tests.helpers.thread import handler_reply, thread_open

pytestmark = pytest.mark.django_db


def _fact(html: str, css: str) -> str:
    match = re.search(rf'<dd class="{css}">([^<]+)</dd>', html)
    assert match, f"no {css} on the page"
    return match.group(1).strip()


def test_a_new_report_explains_its_status_and_when_it_will_be_acknowledged(csrf_client, org, handler):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        submitted = submit_report(org)
        html = thread_open(csrf_client, submitted.receipt)
    assert str(STATUS_EXPLAINED["received"]).split(".")[0] in html
    assert "A case handler confirms receipt by" in html
    assert re.search(r'<dd class="due">[^<]*9 Mar 2026', html), "acknowledge by: 7 days after the report"
    assert _fact(html, "last-handler") == "Not yet"
    assert "You hear what is being done by" not in html, "no feedback date before the acknowledgement"


def test_after_acknowledging_the_page_shows_the_feedback_date_and_the_day_of_the_last_reply(
    csrf_client, org, handler, unlock
):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        submitted = submit_report(org)
    secret_key = unlock(handler).secret_key
    with time_machine.travel(date(2026, 3, 4), tick=False):
        access = case_access_get(user=handler, secret_key=secret_key, report_id=submitted.report.pk)
        report_status_update(access=access, status=Report.Status.ACKNOWLEDGED)
        html = thread_open(csrf_client, submitted.receipt)
    assert str(STATUS_EXPLAINED["acknowledged"]).split(".")[0] in html
    assert "A case handler confirms receipt by" not in html
    assert "You hear what is being done by" in html
    assert _fact(html, "due") == "4 Jun 2026", "feedback by: 3 months after the acknowledgement"
    with time_machine.travel(datetime(2026, 3, 5, 16, 41, tzinfo=UTC), tick=False):
        handler_reply(report=submitted.report, user=handler, secret_key=secret_key, body="We are on it.")
    with time_machine.travel(date(2026, 3, 6), tick=False):
        html = thread_open(csrf_client, submitted.receipt)  # a day later the cookie has lapsed
    assert _fact(html, "last-handler") == "5 Mar 2026"
    assert "You were told what is being done" in html and "You hear what is being done by" not in html
    assert not re.search(r"\d{1,2}:\d{2}", html.split("<main")[1]), "a reporter-side time finer than a day"


@pytest.mark.parametrize("status", [s for s in Report.Status.values])
def test_every_status_has_a_plain_explanation(status):
    assert str(STATUS_EXPLAINED[status])
