"""The staff door's opener and reads. Access control for a case lives here and only here: every case read
starts from `case_access_get` (or, for lists, `report_list_visible_to`)."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.accounts.selectors import key_holders_eligible
from confide.reports import keys
from confide.reports.access import CaseAccess
from confide.reports.content import ReportNotFound
from confide.reports.models import INBOX_ORDER, CaseExclusion, CaseLink, DeletionRequest, KeyWrap, Report
from confide.reports.selectors.bodies import handed_over_visible_to
from confide.tenants.models import Membership


def report_list_visible_to(*, user: User) -> QuerySet[Report]:
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


def case_access_get(*, user: User, secret_key: bytes, report_id: uuid.UUID | str, as_body: bool = False) -> CaseAccess:
    """The case, unlocked with the user's key; ReportNotFound whether it is missing, foreign, not visible to
    this user or sealed to another key: one answer, so a guess learns nothing (threat model G3, G4). With
    `as_body`, the caller is an independent body and only a case handed to it opens (selectors/bodies.py)."""
    try:
        report_uuid = report_id if isinstance(report_id, uuid.UUID) else uuid.UUID(str(report_id))
    except ValueError:
        raise ReportNotFound() from None
    visible = handed_over_visible_to(user=user) if as_body else report_list_visible_to(user=user)
    report = visible.filter(pk=report_uuid).first()
    if report is None:
        raise ReportNotFound()
    wrap = KeyWrap.objects.get(report=report, user=user)
    try:
        report_key = crypto.unseal(secret_key, bytes(wrap.sealed_key))
    except crypto.DecryptionError:
        raise ReportNotFound() from None
    return CaseAccess(report=report, report_key=report_key, user=user)


@dataclass(frozen=True)
class NoteView:
    id: uuid.UUID
    author_name: str
    body: str
    created_at: datetime


def case_notes_get(*, access: CaseAccess) -> list[NoteView]:
    report = access.report
    return [
        NoteView(
            id=note.id,
            author_name=note.author.get_username() if note.author else _("former staff"),
            body=crypto.aead_decrypt(access.report_key, bytes(note.body), ad=keys.ad_note(report.id, note.id)).decode(),
            created_at=note.created_at,
        )
        for note in report.notes.select_related("author")
    ]


def case_grant_candidates(*, access: CaseAccess) -> QuerySet[User]:
    """Eligible key holders of the report's organization who hold no wrap and are not excluded."""
    report = access.report
    return (
        key_holders_eligible(organization=report.organization)
        .exclude(key_wraps__report=report)
        .exclude(pk__in=CaseExclusion.objects.filter(report=report).values("user_id"))
    )


def case_team_get(*, access: CaseAccess) -> QuerySet[KeyWrap]:
    """Who holds the case key, by username."""
    return access.report.key_wraps.select_related("user").order_by("user__username")


def case_deletion_request_get(*, access: CaseAccess) -> DeletionRequest | None:
    """The pending four-eyes deletion of the case, if a handler asked for one."""
    return DeletionRequest.objects.filter(report=access.report).select_related("requested_by").first()


@dataclass(frozen=True)
class LinkView:
    id: uuid.UUID
    other_id: uuid.UUID
    other_reference: str
    other_status: str
    kind: str  # the kind's label, as seen from this case
    outgoing: bool


def case_links_get(*, access: CaseAccess) -> list[LinkView]:
    """The case's links to cases the caller can also open; a link to a case they are excluded from (or no
    longer handle) is not shown at all."""
    report = access.report
    visible = report_list_visible_to(user=access.user).values("pk")
    links = CaseLink.objects.filter(
        Q(source=report, target__in=visible) | Q(target=report, source__in=visible)
    ).select_related("source", "target")
    views = []
    for link in links.order_by("created_on", "id"):
        outgoing = link.source_id == report.pk
        other = link.target if outgoing else link.source
        views.append(
            LinkView(
                id=link.id,
                other_id=other.pk,
                other_reference=other.reference,
                other_status=str(Report.Status(other.status).label),
                kind=str(CaseLink.Kind(link.kind).label),
                outgoing=outgoing,
            )
        )
    return views


def case_access_by_reference(*, user: User, secret_key: bytes, reference: str) -> CaseAccess:
    """Open a case by the reference staff read on its page; ReportNotFound as case_access_get answers."""
    report = report_list_visible_to(user=user).filter(reference=reference.strip().upper()).first()
    if report is None:
        raise ReportNotFound()
    return case_access_get(user=user, secret_key=secret_key, report_id=report.pk)


def case_link_other(*, access: CaseAccess, link_id: uuid.UUID | str) -> uuid.UUID:
    """The other case of one of this case's links; ReportNotFound for any other id."""
    try:
        link_uuid = link_id if isinstance(link_id, uuid.UUID) else uuid.UUID(str(link_id))
    except ValueError:
        raise ReportNotFound() from None
    link = CaseLink.objects.filter(Q(source=access.report) | Q(target=access.report), pk=link_uuid).first()
    if link is None:
        raise ReportNotFound()
    return link.target_id if link.source_id == access.report.pk else link.source_id
