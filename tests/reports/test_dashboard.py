from datetime import date

import pytest
import time_machine

from confide.reports.models import Report
from confide.reports.selectors.dashboard import dashboard_for
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.workflow import report_status_update
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


def test_due_and_overdue_are_counted_against_a_frozen_clock(org, handler, teammate, other_tenant_handler, unlock):
    with time_machine.travel(date(2026, 1, 1), tick=False):
        old = submit_report(org).report  # acknowledge by Jan 8
    with time_machine.travel(date(2026, 1, 9), tick=False):
        fresh = submit_report(org).report  # acknowledge by Jan 16
        acknowledged = submit_report(org).report
        access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=acknowledged.pk)
        report_status_update(access=access, status="acknowledged")  # feedback by Apr 9

    with time_machine.travel(date(2026, 1, 14), tick=False):
        board = dashboard_for(user=handler)
        assert (board.acknowledge_overdue, board.acknowledge_due_soon) == (1, 1)
        assert [r.pk for r in board.overdue] == [old.pk]
        assert board.feedback_overdue == 0
    with time_machine.travel(date(2026, 4, 8), tick=False):
        board = dashboard_for(user=handler)
        assert board.feedback_due_soon == 1 and board.acknowledge_overdue == 2
    with time_machine.travel(date(2026, 4, 10), tick=False):
        assert dashboard_for(user=handler).feedback_overdue == 1
        assert dashboard_for(user=other_tenant_handler).acknowledge_overdue == 0
    assert {fresh.pk, old.pk} <= set(Report.objects.values_list("pk", flat=True))


def test_the_dashboard_page_renders(login, handler, submitted):
    page = login(handler).get("/staff/dashboard/")
    assert page.status_code == 200 and "What is due" in page.content.decode()
