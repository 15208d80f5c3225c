"""A report's thread: the reporter and the case handlers write, each message encrypted under the report key
and numbered 1, 2, 3… (core.threads.seq_next)."""

import uuid
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.core.threads import seq_next
from confide.core.throttle import receipt_write_allow
from confide.reports import keys
from confide.reports.access import CaseAccess, ReporterAccess
from confide.reports.content import IllegalTransition, message_clean
from confide.reports.models import Author, Message, Report
from confide.reports.services.attachments import attachments_add
from confide.reports.services.notices import reply_notice_due
from confide.reports.services.workflow import TRANSITIONS, report_status_update
from confide.reports.uploads import EncryptedUpload


def _message_append(
    *,
    report: Report,
    report_key: bytes,
    body: str,
    author_kind: str,
    uploads: Sequence[EncryptedUpload] = (),
    author: User | None = None,
) -> Message:
    body = message_clean(body, allow_empty=bool(uploads))
    message_id = uuid.uuid4()
    with transaction.atomic():
        seq = seq_next(parent=Report.objects.filter(pk=report.pk), messages=Message.objects.filter(report=report))
        message = Message.objects.create(
            id=message_id,
            report=report,
            seq=seq,
            author_kind=author_kind,
            author=author,
            body=crypto.aead_encrypt(report_key, body.encode(), ad=keys.ad_message(report.id, message_id)),
            created_on=today(),
        )
        if uploads:
            attachments_add(
                report=report,
                report_key=report_key,
                uploads=list(uploads),
                author_kind=author_kind,
                message=message,
            )
        awaiting = author_kind == Author.REPORTER
        fields: dict[str, object] = {"awaiting_handler": awaiting}
        if awaiting:
            fields["reporter_active_on"] = today()
        elif report.acknowledged_on is not None:
            fields["feedback_given_on"] = today()  # a reply after acknowledging is feedback (art. 9(1)(f))
        Report.objects.filter(pk=report.pk).update(**fields)
    return message


def message_create_by_reporter(
    *, access: ReporterAccess, body: str, uploads: Sequence[EncryptedUpload] = ()
) -> Message:
    """Raises Throttled when this receipt wrote too much just now (pages, API and hotline callbacks alike)."""
    receipt_write_allow(holder_id=access.report.pk)
    return _message_append(
        report=access.report,
        report_key=access.report_key,
        body=body,
        uploads=uploads,
        author_kind=Author.REPORTER,
    )


def message_create_by_handler(
    *, access: CaseAccess, body: str, uploads: Sequence[EncryptedUpload] = (), acknowledge: bool = False
) -> Message:
    """With `acknowledge`, the reply also acknowledges the case (the workflow's own transition, audited as
    such); an acknowledging reply is not feedback, so the transition follows the message. Raises
    IllegalTransition, before anything is written, when the case can no longer be acknowledged."""
    report = access.report
    acknowledge = acknowledge and report.status != Report.Status.ACKNOWLEDGED
    if acknowledge and Report.Status.ACKNOWLEDGED not in TRANSITIONS[report.status]:
        raise IllegalTransition(_("This case can no longer be acknowledged; send the reply without the tick."))
    with transaction.atomic():
        message = _message_append(
            report=report,
            report_key=access.report_key,
            body=body,
            uploads=uploads,
            author_kind=Author.HANDLER,
            author=access.user,
        )
        audit_record(actor=access.user, action=Action.CASE_REPLY, obj=report)
        reply_notice_due(report=report)
        if acknowledge:
            report_status_update(access=access, status=Report.Status.ACKNOWLEDGED)
    return message
