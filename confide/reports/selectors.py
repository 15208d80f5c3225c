"""Reads on reports. Access control for reports lives here and only here."""

import functools
import uuid
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.core import keyfiles
from confide.reports import keys
from confide.reports.access import CaseAccess, IntakeTarget, ReporterAccess
from confide.reports.content import ReportContent
from confide.reports.models import INBOX_ORDER, Attachment, KeyWrap, Report
from confide.tenants.models import Membership, Organization

# Looked up when the receipt is malformed, so malformed and wrong receipts cost the same (no oracle).
_DECOY_RECEIPT = "decoy " * 7 + "decoy"


_SLUG_PARAM = "\x00slug\x00"


@functools.cache
def _intake_target_sql(vendor: str) -> tuple[str, tuple]:
    """The intake query, compiled by the ORM once per process and database: intake is the hot path, and
    compiling it on every submission cost more CPU than running it."""
    query = Membership.objects.filter(
        organization__slug=_SLUG_PARAM,
        organization__intake_open=True,
        role=Membership.Role.HANDLER,
        # The user's role too: membership_add makes any role without a membership role of its own (operator,
        # counselor) a handler member, and neither may receive a report key.
        user__role=User.Role.HANDLER,
        user__is_active=True,
        user__public_key__isnull=False,
    ).values_list(
        "organization_id",
        "organization__name",
        "organization__acknowledge_days",
        "user_id",
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__public_key",
    )
    return query.query.sql_with_params()


def intake_target_get(*, slug: str) -> IntakeTarget | None:
    """The organization at an intake address and every handler a new report key is sealed to: active,
    holding a key pair, a handler of that organization."""
    sql, params = _intake_target_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, tuple(slug if p == _SLUG_PARAM else p for p in params))
        rows = cursor.fetchall()
    if rows:
        keys = [(row[3], bytes(row[7])) for row in rows]
        names = {row[3]: (row[4], row[5], row[6]) for row in rows}
        organization_id, name, acknowledge_days = rows[0][:3]
        return IntakeTarget(
            organization_id=uuid.UUID(str(organization_id)),
            slug=slug,
            name=name,
            handler_keys=keys,
            acknowledge_days=acknowledge_days,
            handler_names=names,
        )
    # No eligible handler yet: the report is still taken (the recovery key holds it until one is granted).
    organization = Organization.objects.filter(slug=slug, intake_open=True).first()
    if organization is None:
        return None
    return IntakeTarget(
        organization_id=organization.pk,
        slug=slug,
        name=organization.name,
        handler_keys=[],
        acknowledge_days=organization.acknowledge_days,
    )


class ReportNotFound(LookupError):
    """Unknown, foreign, or not visible to this user: deliberately one error (threat model G3, G4)."""


def reporter_access_get(*, receipt: str, organization: Organization | None = None) -> ReporterAccess | None:
    try:
        normalised = crypto.receipt_normalise(receipt)
    except crypto.ReceiptFormatError:
        normalised = None
    lookup = crypto.receipt_lookup(normalised or _DECOY_RECEIPT, pepper=keyfiles.pepper())
    report = Report.objects.select_related("organization").filter(receipt_lookup=lookup).first()
    if normalised is None or report is None:
        return None
    if organization is not None and report.organization_id != organization.pk:
        return None
    try:
        report_key = keys.report_key_for_receipt(
            report_id=report.id, receipt_wrap=bytes(report.receipt_wrap), normalised_receipt=normalised
        )
    except crypto.DecryptionError:
        return None
    return ReporterAccess(report=report, report_key=report_key)


def report_list_visible_to(*, user) -> QuerySet[Report]:
    """Reports of the organizations the user handles for, for which the user holds a key wrap (no wrap:
    excluded, G4). The role is checked too: a wrap outlives a handler moved to contact or call-taker, and an
    organization's leadership must not read its reports."""
    if not user.is_authenticated or user.role != User.Role.HANDLER:
        return Report.objects.none()
    # Semi-joins, not joins: the planner can walk the inbox index in order and stop after one page.
    return (
        Report.objects.filter(
            Exists(KeyWrap.objects.filter(report_id=OuterRef("pk"), user_id=user.pk)),
            organization_id__in=Membership.objects.filter(user_id=user.pk, role=Membership.Role.HANDLER).values(
                "organization_id"
            ),
        )
        .select_related("organization")
        .order_by(*INBOX_ORDER)
    )


def case_access_get(*, user, secret_key: bytes, report_id: uuid.UUID | str) -> CaseAccess:
    try:
        report_uuid = report_id if isinstance(report_id, uuid.UUID) else uuid.UUID(str(report_id))
    except ValueError:
        raise ReportNotFound() from None
    report = report_list_visible_to(user=user).filter(pk=report_uuid).first()
    if report is None:
        raise ReportNotFound()
    wrap = KeyWrap.objects.get(report=report, user=user)
    try:
        report_key = crypto.unseal(secret_key, bytes(wrap.sealed_key))
    except crypto.DecryptionError:
        raise ReportNotFound() from None
    return CaseAccess(report=report, report_key=report_key, user=user)


@dataclass(frozen=True)
class AttachmentInfo:
    id: uuid.UUID
    name: str
    content_type: str
    size: int
    author_kind: str


@dataclass(frozen=True)
class MessageView:
    id: uuid.UUID
    seq: int
    author_kind: str
    author_name: str
    body: str
    created_on: date
    attachments: list[AttachmentInfo]


@dataclass(frozen=True)
class ReportView:
    report: Report
    content: ReportContent
    messages: list[MessageView]
    attachments: list[AttachmentInfo]  # those filed with the report itself


def attachment_info(*, attachment: Attachment, report_key: bytes) -> AttachmentInfo:
    from confide.reports.attachments import attachment_meta

    meta = attachment_meta(attachment=attachment, report_key=report_key)
    return AttachmentInfo(
        id=attachment.id,
        name=meta["name"],
        content_type=meta["type"],
        size=meta["size"],
        author_kind=attachment.author_kind,
    )


def report_view(*, access: ReporterAccess | CaseAccess, for_staff: bool) -> ReportView:
    report, key = access.report, access.report_key
    content = ReportContent.from_bytes(crypto.aead_decrypt(key, bytes(report.content), ad=keys.ad_report(report.id)))
    by_message: dict[uuid.UUID | None, list[AttachmentInfo]] = {}
    for attachment in report.attachments.all().order_by("created_on", "id"):
        info = attachment_info(attachment=attachment, report_key=key)
        by_message.setdefault(attachment.message_id, []).append(info)
    messages = []
    for message in report.messages.select_related("author").order_by("seq"):
        body = crypto.aead_decrypt(key, bytes(message.body), ad=keys.ad_message(report.id, message.id))
        if message.author_kind == "handler":
            # Reporters see "case handler", never which one; staff see the colleague's name.
            author_name = message.author.get_username() if (for_staff and message.author) else _("Case handler")
        else:
            author_name = _("Reporter")
        messages.append(
            MessageView(
                id=message.id,
                seq=message.seq,
                author_kind=message.author_kind,
                author_name=author_name,
                body=body.decode(),
                created_on=message.created_on,
                attachments=by_message.get(message.id, []),
            )
        )
    return ReportView(report=report, content=content, messages=messages, attachments=by_message.get(None, []))


def attachment_get_for(*, access: ReporterAccess | CaseAccess, attachment_id: uuid.UUID) -> Attachment:
    """An attachment of the report the caller has unlocked; any other id is simply not found."""
    attachment = Attachment.objects.filter(pk=attachment_id, report_id=access.report.pk).first()
    if attachment is None:
        raise ReportNotFound()
    return attachment
