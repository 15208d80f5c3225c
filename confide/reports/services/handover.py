"""Cases about an organization's leadership (issue 13): the lead hands one to an independent body registered
for the organization, the body answers in the reporter's thread, and the reporter may let their identity go
with the case. The body becomes a key holder like a handler: the report key sealed to its public key."""

import uuid
from collections.abc import Sequence
from typing import cast

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.core.errors import Refused
from confide.core.threads import seq_next
from confide.core.throttle import receipt_write_allow
from confide.reports import keys
from confide.reports.access import CaseAccess, ReporterAccess
from confide.reports.content import message_clean
from confide.reports.models import Author, CaseExclusion, Handover, KeyWrap, Message, Report
from confide.reports.selectors.bodies import body_candidates
from confide.reports.selectors.holders import body_title
from confide.reports.services.messages import _message_append
from confide.reports.services.notices import reply_notice_due
from confide.reports.uploads import EncryptedUpload


class HandoverRefused(Refused):
    """A handover the rules do not allow: only the lead, only a leadership case, only a registered body."""


def _system_message(*, report: Report, report_key: bytes, text: str) -> Message:
    """A line the service writes in the reporter's thread; it leaves the thread's waiting state alone."""
    message_id = uuid.uuid4()
    seq = seq_next(parent=Report.objects.filter(pk=report.pk), messages=Message.objects.filter(report=report))
    return Message.objects.create(
        id=message_id,
        report=report,
        seq=seq,
        author_kind=Author.SYSTEM,
        body=crypto.aead_encrypt(report_key, text.encode(), ad=keys.ad_message(report.id, message_id)),
        created_on=today(),
    )


def case_handover(*, access: CaseAccess, body_username: str, note: str = "") -> Handover:
    """Seal the report key to the body, keep the lead's note under the report key, tell the reporter who holds
    the case now (the body's title, never a personal name) and record it in the audit log."""
    report = access.report
    if report.lead_id != access.user.pk:
        raise HandoverRefused(_("Only the lead handler can hand this case to an independent body."))
    if not report.about_leadership:
        raise HandoverRefused(
            _("Only a case about the candidate or senior leadership can be handed to an independent body.")
        )
    body = User.objects.filter(username=str(body_username)[:150]).first()
    if body is not None and CaseExclusion.objects.filter(report=report, user=body).exists():
        raise HandoverRefused(_("This independent body is excluded from this case."), field="body")
    if body is None or not body_candidates(access=access).filter(pk=body.pk).exists():
        raise HandoverRefused(
            _("Choose an independent body registered for this organization that does not hold the case yet."),
            field="body",
        )
    note = message_clean(note, allow_empty=True)
    handover_id = uuid.uuid4()
    with transaction.atomic():
        KeyWrap.objects.create(
            report=report, user=body, sealed_key=crypto.seal(bytes(cast(bytes, body.public_key)), access.report_key)
        )
        handover = Handover.objects.create(
            id=handover_id,
            report=report,
            body=body,
            handed_by=access.user,
            handed_on=today(),
            note=crypto.aead_encrypt(access.report_key, note.encode(), ad=keys.ad_handover(report.id, handover_id)),
        )
        _system_message(
            report=report,
            report_key=access.report_key,
            text=body_title(user_id=body.pk, organization_id=report.organization_id),
        )
        audit_record(actor=access.user, action=Action.CASE_HANDOVER, obj=report, subject=body)
    return handover


def message_create_by_body(*, access: CaseAccess, body: str, uploads: Sequence[EncryptedUpload] = ()) -> Message:
    """The body answers in the reporter's thread, as a handler would (audited, reply notice due)."""
    with transaction.atomic():
        message = _message_append(
            report=access.report,
            report_key=access.report_key,
            body=body,
            uploads=uploads,
            author_kind=Author.BODY,
            author=access.user,
        )
        audit_record(actor=access.user, action=Action.CASE_REPLY, obj=access.report)
        reply_notice_due(report=access.report)
    return message


def handover_identity_share(*, access: ReporterAccess) -> int:
    """The reporter agrees, in their thread, that the bodies holding the case may see their name and contact.
    Returns how many handovers it applies to; Refused when no body holds the case."""
    receipt_write_allow(holder_id=access.report.pk)
    handovers = Handover.objects.filter(report=access.report)
    if not handovers.exists():
        raise Refused(_("No independent body holds your case."))
    return handovers.filter(identity_shared_on__isnull=True).update(identity_shared_on=today())


def handover_identity_withdraw(*, access: ReporterAccess) -> int:
    """The reporter takes the agreement back: the bodies' view hides name and contact again."""
    receipt_write_allow(holder_id=access.report.pk)
    return Handover.objects.filter(report=access.report).update(identity_shared_on=None)
