"""Retention: content, keys and files of a case are deleted; a tombstone with dates and outcome stays for
statistics. Automatic after closure per the organization's policy, or by hand with four eyes."""

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.reports.access import CaseAccess
from confide.reports.content import DeletionRefused
from confide.reports.models import DeletionRequest, ReplyNotice, Report
from confide.reports.selectors.retention import retention_expired
from confide.reports.services.investigation import case_sealed_material_purge


def report_purge(*, report: Report) -> None:
    """Irreversible. Files are chunk rows of their attachments, so they go in the same transaction."""
    with transaction.atomic():
        report.attachments.all().delete()
        report.messages.all().delete()
        report.notes.all().delete()
        report.key_wraps.all().delete()
        report.exclusions.all().delete()
        report.labels.clear()
        DeletionRequest.objects.filter(report=report).delete()
        ReplyNotice.objects.filter(report=report).delete()
        case_sealed_material_purge(report=report)
        report.checkins.all().delete()  # issue 13: the answers go with the case, and no more are asked
        Report.objects.filter(pk=report.pk).update(
            content=b"",
            receipt_wrap=b"",
            recovery_wrap=b"",
            receipt_lookup=crypto.random_bytes(32),  # unique, and matches no receipt
            awaiting_handler=False,
            lead=None,
            purged_on=today(),
        )


def retention_purge_expired() -> int:
    count = 0
    for report in retention_expired():
        report_purge(report=report)
        audit_record(actor=None, action=Action.CASE_PURGED_BY_RETENTION, obj=report)
        count += 1
    return count


def case_deletion_request(*, access: CaseAccess) -> DeletionRequest:
    request, created = DeletionRequest.objects.get_or_create(
        report=access.report, defaults={"requested_by": access.user}
    )
    if not created:
        raise DeletionRefused(_("Deletion was already requested; another handler must approve it."))
    audit_record(actor=access.user, action=Action.CASE_DELETION_REQUESTED, obj=access.report)
    return request


def case_deletion_approve(*, access: CaseAccess) -> None:
    pending = DeletionRequest.objects.filter(report=access.report).first()
    if pending is None:
        raise DeletionRefused(_("Nobody has requested deleting this case."))
    if pending.requested_by_id == access.user.pk:
        raise DeletionRefused(_("A second handler must approve the deletion you requested."))
    with transaction.atomic():
        report_purge(report=access.report)
        audit_record(actor=access.user, action=Action.CASE_DELETED, obj=access.report, subject=pending.requested_by)
