"""Writes for the hotline: filing a call's report, callbacks (replies and check-in answers), and the callback
throttle."""

import dataclasses

from django.db import IntegrityError, transaction
from django.utils import timezone

from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.hotline.content import AlreadyFiled, CallbackThrottled, LineClosed, NoSuchReceipt
from confide.hotline.keys import read_back_token_hash
from confide.hotline.models import CallbackThrottle, ReadBackUsed
from confide.hotline.selectors import callback_throttled, callback_window
from confide.reports.access import ReporterAccess
from confide.reports.content import ReportContent
from confide.reports.models import CheckIn, Message, Report
from confide.reports.selectors.reporter import intake_target_get, reporter_access_get
from confide.reports.services.checkins import checkin_answer
from confide.reports.services.messages import message_create_by_reporter
from confide.reports.services.submit import SubmittedReport, report_submit
from confide.tenants.models import Organization


def hotline_report_submit(
    *,
    user: User,
    organization: Organization,
    content: ReportContent,
    read_back_nonce: str = "",
    about_leadership: bool = False,
) -> SubmittedReport:
    """File the caller's report through the same encrypted path as web intake. The call-taker is never a key
    holder: the report key is sealed to the organization's handlers only, so once filed the call-taker
    forgets. The audit row names the call-taker and the organization, not the report, and is timed to the day:
    its exact second next to the report id would tie the report to the time of a call (threat model G2), which
    phone records of the line could then tie to the caller.

    The receipt is in the caller's language (English for a language without a receipt list).

    Raises LineClosed when the organization stopped taking reports, AlreadyFiled for a read-back filed before."""
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
        submitted = report_submit(
            target=target,
            content=content,
            language=content.language,
            channel=Report.Channel.PHONE,
            about_leadership=about_leadership,
        )
        # The day only: the second of a filing is the time of a call, which the line's phone records tie to a caller.
        audit_record(actor=user, action=Action.HOTLINE_REPORT_FILED, obj=organization, day_only=True)
    return submitted


def callback_failure_record(*, user: User) -> None:
    now = timezone.now()
    with transaction.atomic():
        row, _ = CallbackThrottle.objects.select_for_update().get_or_create(
            user_id=user.pk, defaults={"window_start": now}
        )
        if now - row.window_start >= callback_window():
            row.failures, row.window_start = 0, now
        row.failures += 1
        row.save(update_fields=["failures", "window_start"])


def callback_access_open(*, user: User, organization: Organization, receipt: str) -> ReporterAccess:
    """The caller's report, opened with the receipt they read out. Raises CallbackThrottled when this
    call-taker gave too many receipts that did not match, NoSuchReceipt (and counts a failure) when this one
    does not: malformed and wrong receipts cost the same lookup and get the same answer (no oracle)."""
    if callback_throttled(user=user):
        raise CallbackThrottled()
    access = reporter_access_get(receipt=receipt[:200], organization=organization)
    if access is None:
        callback_failure_record(user=user)
        raise NoSuchReceipt()
    return access


def hotline_callback_open(*, user: User, organization: Organization, receipt: str) -> ReporterAccess:
    """callback_access_open, audited: a call-taker read a report with a caller's receipt."""
    access = callback_access_open(user=user, organization=organization, receipt=receipt)
    # The organization, not the report, for the same reason as filing: a callback is a phone call too.
    audit_record(actor=user, action=Action.HOTLINE_CALLBACK_OPENED, obj=organization)
    return access


def hotline_callback_reply(*, user: User, access: ReporterAccess, organization: Organization, body: str) -> Message:
    """The caller's answer, typed by the call-taker, posted as the reporter (the caller holds the receipt):
    `access` comes from callback_access_open. Raises ContentError for a body that cannot be posted."""
    with transaction.atomic():
        message = message_create_by_reporter(access=access, body=body)
        audit_record(actor=user, action=Action.HOTLINE_CALLBACK_REPLY, obj=organization)
    return message


def hotline_callback_checkin_answer(
    *, user: User, access: ReporterAccess, organization: Organization, checkin_id: object, answer: str, details: str
) -> CheckIn:
    """The caller's answer to a retaliation check-in, recorded by the call-taker as the reporter's own
    (reports.services.checkins.checkin_answer): "treated worse" opens the linked retaliation case exactly as on
    the web. `access` comes from callback_access_open. The audit row names the organization, not the report,
    and not the answer; it is timed to the day as filing is: a check-in answered (and perhaps a retaliation case
    opened) that day next to the second of the row would tie the report to the time of a call (G2).

    Raises Refused (not one of the answers, or details that cannot be posted), NotFound (no check-in of this
    report), Conflict (answered before), Throttled (the receipt's write allowance is spent)."""
    with transaction.atomic():
        checkin = checkin_answer(access=access, checkin_id=checkin_id, answer=answer, details=details)
        audit_record(actor=user, action=Action.HOTLINE_CALLBACK_CHECKIN, obj=organization, day_only=True)
    return checkin
