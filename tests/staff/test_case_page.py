"""The case page: the account and its thread beside the workflow, and a reply that may also acknowledge."""

import re

import pytest

from confide.audit.models import AuditEntry
from confide.core.clock import today
from confide.reports.models import Message, Report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

ACKNOWLEDGE_BOX = 'name="acknowledge"'


def case_url(report, suffix=""):
    return f"/staff/cases/{report.pk}/{suffix}"


def _actions(report) -> list[str]:
    return list(AuditEntry.objects.filter(object_id=str(report.pk)).order_by("pk").values_list("action", flat=True))


def test_the_case_page_puts_the_account_and_thread_in_one_column_and_the_workflow_in_the_other(
    login, handler, submitted
):
    html = login(handler).get(case_url(submitted.report)).content.decode()
    assert 'class="staff case"' in html
    columns = re.search(r'<div class="case-columns">(.*)</div>', html, re.S)
    assert columns
    account, workflow = columns.group(1).split('<section class="case-workflow"')
    assert '<section class="case-account"' in account
    assert "Something happened at the field office." in account
    assert '<ol class="thread">' in account and 'action="/staff/cases/' in account  # the thread and the reply
    assert "Workflow" in workflow and "Internal notes" in workflow and "Labels" in workflow
    assert "Workflow" not in account


def test_a_reply_can_also_acknowledge_the_case_and_both_are_audited(login, handler, submitted):
    client = login(handler)
    page = client.get(case_url(submitted.report))
    assert ACKNOWLEDGE_BOX in page.content.decode()
    response = client.post(
        case_url(submitted.report, "reply/"),
        {"body": "We have your report.", "acknowledge": "on", "csrfmiddlewaretoken": csrf_from(page)},
    )
    assert response.status_code == 302
    report = Report.objects.get(pk=submitted.report.pk)
    assert report.status == Report.Status.ACKNOWLEDGED
    assert report.acknowledged_on == today()
    assert report.feedback_given_on is None  # the acknowledgement is not the feedback art. 9(1)(f) asks for
    assert Message.objects.filter(report=report).count() == 1
    assert _actions(report)[-2:] == ["case.reply", "case.status"]
    assert ACKNOWLEDGE_BOX not in client.get(case_url(report)).content.decode()  # only while not acknowledged


def test_a_reply_without_the_tick_leaves_the_case_unacknowledged(login, handler, submitted):
    client = login(handler)
    page = client.get(case_url(submitted.report))
    client.post(case_url(submitted.report, "reply/"), {"body": "A question.", "csrfmiddlewaretoken": csrf_from(page)})
    report = Report.objects.get(pk=submitted.report.pk)
    assert report.status == Report.Status.RECEIVED and report.acknowledged_on is None
    assert "case.status" not in _actions(report)


def test_a_reply_cannot_acknowledge_a_closed_case_and_then_sends_nothing(login, handler, submitted):
    client = login(handler)
    page = client.get(case_url(submitted.report))
    Report.objects.filter(pk=submitted.report.pk).update(status=Report.Status.CLOSED, outcome=Report.Outcome.WITHDRAWN)
    response = client.post(
        case_url(submitted.report, "reply/"),
        {"body": "Late.", "acknowledge": "on", "csrfmiddlewaretoken": csrf_from(page)},
    )
    assert response.status_code == 400
    assert "can no longer be acknowledged" in response.content.decode()
    assert not Message.objects.filter(report=submitted.report).exists()
