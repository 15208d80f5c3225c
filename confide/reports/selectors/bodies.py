"""Independent bodies (issue 13): the cases about an organization's leadership that its lead handed to a body
registered for that organization. A body is a principal of its own: it opens a case through case_access_get
(as_body=True) and only a case handed to it, of an organization it is still registered for; it never reaches
the handlers' pages, which list handlers only."""

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet

from confide import crypto
from confide.accounts.models import User
from confide.reports import keys
from confide.reports.access import CaseAccess
from confide.reports.models import INBOX_ORDER, CaseExclusion, Handover, HolderExclusionRequest, KeyWrap, Report
from confide.reports.selectors.common import ReportView, report_view
from confide.reports.selectors.holders import body_label
from confide.tenants.models import Membership


def handed_over_visible_to(*, user: User) -> QuerySet[Report]:
    """Cases handed to this body, with its key wrap, in organizations it is still registered for."""
    if not user.is_authenticated or user.role != User.Role.INDEPENDENT_BODY:
        return Report.objects.none()
    return (
        Report.objects.filter(
            Exists(KeyWrap.objects.filter(report_id=OuterRef("pk"), user_id=user.pk)),
            Exists(Handover.objects.filter(report_id=OuterRef("pk"), body_id=user.pk)),
            about_leadership=True,
            organization_id__in=Membership.objects.filter(
                user_id=user.pk, role=Membership.Role.INDEPENDENT_BODY
            ).values("organization_id"),
        )
        .select_related("organization")
        .order_by(*INBOX_ORDER)
    )


def body_candidates(*, access: CaseAccess) -> QuerySet[User]:
    """The independent bodies registered for the case's organization, with a key pair, that do not hold the
    case yet and are not excluded from it."""
    report = access.report
    return (
        User.objects.filter(
            memberships__organization_id=report.organization_id,
            memberships__role=Membership.Role.INDEPENDENT_BODY,
            role=User.Role.INDEPENDENT_BODY,
            is_active=True,
            public_key__isnull=False,
        )
        .exclude(key_wraps__report=report)
        .exclude(pk__in=CaseExclusion.objects.filter(report=report).values("user_id"))
        .order_by("username")
    )


@dataclass(frozen=True)
class HandoverView:
    id: uuid.UUID
    body_id: int
    body_name: str  # the body's title, and for staff its account name
    handed_on: date
    identity_shared_on: date | None
    note: str
    holds_key: bool


def case_handovers_get(*, access: CaseAccess) -> list[HandoverView]:
    """Who the case was handed to, with the lead's notes (decrypted with the caller's report key)."""
    report = access.report
    wrapped = set(KeyWrap.objects.filter(report=report).values_list("user_id", flat=True))
    views = []
    for handover in Handover.objects.filter(report=report).select_related("body").order_by("handed_on", "id"):
        label = body_label(user_id=handover.body_id, organization_id=report.organization_id)
        views.append(
            HandoverView(
                id=handover.id,
                body_id=handover.body_id,
                body_name=f"{label} ({handover.body.get_username()})",
                handed_on=handover.handed_on,
                identity_shared_on=handover.identity_shared_on,
                note=crypto.aead_decrypt(
                    access.report_key, bytes(handover.note), ad=keys.ad_handover(report.id, handover.id)
                ).decode(),
                holds_key=handover.body_id in wrapped,
            )
        )
    return views


def handed_over_view(*, access: CaseAccess) -> tuple[ReportView, HandoverView]:
    """The case as its body sees it: the reporter's name and contact only once the reporter agreed."""
    view = report_view(access=access, for_staff=True)
    mine = next(h for h in case_handovers_get(access=access) if h.body_id == access.user.pk)
    if mine.identity_shared_on is None and not view.content.anonymous:
        view = dataclasses.replace(view, content=dataclasses.replace(view.content, name="", contact=""))
    return view, mine


@dataclass(frozen=True)
class ExclusionAskView:
    id: int
    holder_name: str
    requested_on: date
    outcome: str
    decided_on: date | None


def case_exclusion_asks_get(*, access: CaseAccess) -> list[ExclusionAskView]:
    """The reporter's requests that someone be excluded, named for staff (account name and role)."""
    rows = HolderExclusionRequest.objects.filter(report=access.report).select_related("user")
    return [
        ExclusionAskView(
            id=row.pk,
            holder_name=f"{row.user.get_username()} ({row.user.get_role_display()})",
            requested_on=row.requested_on,
            outcome=row.outcome,
            decided_on=row.decided_on,
        )
        for row in rows.order_by("requested_on", "id")
    ]
