"""Writes for the hotline: filing a call's report, callbacks, and the callback throttle."""

import dataclasses

from django.db import IntegrityError, transaction
from django.utils import timezone

from confide.audit.services import Action, audit_record
from confide.hotline.draft import read_back_token_hash
from confide.hotline.models import CallbackThrottle, ReadBackUsed
from confide.hotline.selectors import callback_window
from confide.reports.access import ReporterAccess
from confide.reports.content import ContentError, ReportContent
from confide.reports.models import Message
from confide.reports.selectors.reporter import intake_target_get, reporter_access_get
from confide.reports.services.messages import message_create_by_reporter
from confide.reports.services.submit import SubmittedReport, report_submit
from confide.tenants.models import Organization


class LineClosed(Exception):
    """The organization stopped taking reports between the console page and the filing."""


class AlreadyFiled(Exception):
    """This read-back was filed already (a second press of "file", or a replayed form)."""


def hotline_report_submit(
    *, user, organization: Organization, content: ReportContent, read_back_nonce: str = ""
) -> SubmittedReport:
    """File the caller's report through the same encrypted path as web intake. The call-taker is never a key
    holder: the report key is sealed to the organization's handlers only, so once filed the call-taker
    forgets. The audit row names the call-taker and the organization, not the report: its exact second next
    to the report id would tie the report to the time of a call (threat model G2), which phone records of
    the line could then tie to the caller."""
    target = intake_target_get(slug=organization.slug)
    if target is None:
        raise LineClosed()
    # Belt and braces: even a stray handler membership must not give the filing call-taker a key.
    target = dataclasses.replace(target, handler_keys=[k for k in target.handler_keys if k[0] != user.pk])
    with transaction.atomic():
        if read_back_nonce:
            # First, so that of two concurrent presses the unique key lets exactly one through.
            try:
                with transaction.atomic():
                    ReadBackUsed.objects.create(token_hash=read_back_token_hash(read_back_nonce))
            except IntegrityError:
                raise AlreadyFiled() from None
        submitted = report_submit(target=target, content=content)
        audit_record(actor=user, action=Action.HOTLINE_REPORT_FILED, obj=organization)
    return submitted


def callback_failure_record(*, user) -> None:
    now = timezone.now()
    with transaction.atomic():
        row, _ = CallbackThrottle.objects.select_for_update().get_or_create(
            user_id=user.pk, defaults={"window_start": now}
        )
        if now - row.window_start >= callback_window():
            row.failures, row.window_start = 0, now
        row.failures += 1
        row.save(update_fields=["failures", "window_start"])


def _callback_access(*, user, organization: Organization, receipt: str) -> ReporterAccess | None:
    # Malformed and wrong receipts cost the same lookup and get the same answer (no oracle).
    access = reporter_access_get(receipt=receipt[:200], organization=organization)
    if access is None:
        callback_failure_record(user=user)
    return access


def hotline_callback_open(*, user, organization: Organization, receipt: str) -> ReporterAccess | None:
    access = _callback_access(user=user, organization=organization, receipt=receipt)
    if access is not None:
        # The organization, not the report, for the same reason as filing: a callback is a phone call too.
        audit_record(actor=user, action=Action.HOTLINE_CALLBACK_OPENED, obj=organization)
    return access


@dataclasses.dataclass(frozen=True)
class CallbackReply:
    access: ReporterAccess
    message: Message | None
    problem: str = ""


def hotline_callback_reply(*, user, organization: Organization, receipt: str, body: str) -> CallbackReply | None:
    """The caller's answer, typed by the call-taker, posted as the reporter (the caller holds the receipt)."""
    access = _callback_access(user=user, organization=organization, receipt=receipt)
    if access is None:
        return None
    try:
        with transaction.atomic():
            message = message_create_by_reporter(access=access, body=body)
            audit_record(actor=user, action=Action.HOTLINE_CALLBACK_REPLY, obj=organization)
    except ContentError as error:
        return CallbackReply(access=access, message=None, problem=error.message)
    return CallbackReply(access=access, message=message)
