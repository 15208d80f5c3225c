from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from confide.audit.models import AuditEntry
from confide.notifications.tasks import retention_job
from confide.reports.content import DeletionRefused, ReportNotFound
from confide.reports.models import Attachment, AttachmentChunk, InternalNote, KeyWrap, Message, Report
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.notes import case_note_add
from confide.reports.services.retention import case_deletion_approve, case_deletion_request
from confide.reports.services.workflow import report_status_update
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db(transaction=True)


def access_of(user, unlock, report):
    return case_access_get(user=user, secret_key=unlock(user).secret_key, report_id=report.pk)


def spooled() -> set[str]:
    folder = Path(settings.MEDIA_ROOT) / "spool"
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def filled_case(org, handler, unlock, login):
    result = submit_report(org)
    client = login(handler)
    url = f"/staff/cases/{result.report.pk}/"
    client.post(url + "reply/", {"body": "reply", "attachments": [SimpleUploadedFile("f.txt", b"file")],
                                 "csrfmiddlewaretoken": csrf_from(client.get(url))})  # fmt: skip
    case_note_add(access=access_of(handler, unlock, result.report), body="a note")
    return result


def assert_tombstone(report, receipt, handler, unlock, blob_names):
    row = Report.objects.get(pk=report.pk)
    assert row.purged_on is not None and bytes(row.content) == b"" and bytes(row.recovery_wrap) == b""
    for model in (Message, Attachment, InternalNote, KeyWrap):
        assert not model.objects.filter(report=report).exists()
    assert blob_names and not AttachmentChunk.objects.exists() and not (blob_names & spooled())
    assert reporter_access_get(receipt=receipt) is None
    with pytest.raises(ReportNotFound):
        access_of(handler, unlock, report)
    assert row.reference == report.reference and row.submitted_on == report.submitted_on


def test_retention_purges_closed_cases_after_the_period_and_keeps_a_tombstone(org, handler, unlock, login):
    org.retention_days = 30
    org.save()
    result = filled_case(org, handler, unlock, login)
    kept = submit_report(org)  # still open: never purged by retention
    blob_names = set(Attachment.objects.values_list("blob_name", flat=True))
    with time_machine.travel(date(2026, 1, 1), tick=False):
        report_status_update(access=access_of(handler, unlock, result.report), status="closed", outcome="substantiated")
    with time_machine.travel(date(2026, 1, 30), tick=False):
        assert retention_job.call() == 0
    with time_machine.travel(date(2026, 2, 1), tick=False):
        assert retention_job.call() == 1
    assert_tombstone(result.report, result.receipt, handler, unlock, blob_names)
    assert Report.objects.get(pk=result.report.pk).outcome == "substantiated"
    assert Report.objects.get(pk=kept.report.pk).purged_on is None
    assert AuditEntry.objects.filter(action="case.purged_by_retention").count() == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 1, "the job scheduled its next run once"


def test_deleting_an_open_case_needs_two_handlers(org, handler, teammate, unlock, login):
    result = filled_case(org, handler, unlock, login)
    blob_names = set(Attachment.objects.values_list("blob_name", flat=True))
    case_deletion_request(access=access_of(handler, unlock, result.report))
    with pytest.raises(DeletionRefused):
        case_deletion_approve(access=access_of(handler, unlock, result.report))
    with pytest.raises(DeletionRefused):
        case_deletion_request(access=access_of(teammate, unlock, result.report))
    assert Report.objects.get(pk=result.report.pk).purged_on is None
    case_deletion_approve(access=access_of(teammate, unlock, result.report))
    assert_tombstone(result.report, result.receipt, handler, unlock, blob_names)
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "case.deletion_requested" in actions and "case.deleted" in actions


def test_the_four_eyes_flow_through_the_pages(org, handler, teammate, submitted, login):
    url = f"/staff/cases/{submitted.report.pk}/"
    first = login(handler)
    assert first.post(url + "deletion/", {"csrfmiddlewaretoken": csrf_from(first.get(url))}).status_code == 302
    refused = first.post(url + "deletion/approve/", {"csrfmiddlewaretoken": csrf_from(first.get(url))})
    assert refused.status_code == 400
    second = login(teammate)
    page = second.get(url)
    assert "asked to delete" in page.content.decode()
    assert second.post(url + "deletion/approve/", {"csrfmiddlewaretoken": csrf_from(page)}).status_code == 302
    assert second.get(url).status_code == 404
