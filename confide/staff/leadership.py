"""What the case page's leadership section shows (staff/_handover.html): whether the case is about the
organization's leadership, the bodies the lead may hand it to, who holds it, and the reporter's requests."""

from dataclasses import dataclass

from django.db.models import QuerySet

from confide.accounts.models import User
from confide.reports.access import CaseAccess
from confide.reports.selectors.bodies import (
    ExclusionAskView,
    HandoverView,
    body_candidates,
    case_exclusion_asks_get,
    case_handovers_get,
)
from confide.reports.selectors.holders import body_title


@dataclass(frozen=True)
class BodyChoice:
    username: str
    title: str


@dataclass(frozen=True)
class Leadership:
    about_leadership: bool
    is_lead: bool
    candidates: list[BodyChoice]
    handovers: list[HandoverView]
    asks: list[ExclusionAskView]


def _choices(users: QuerySet[User], access: CaseAccess) -> list[BodyChoice]:
    organization_id = access.report.organization_id
    return [BodyChoice(u.username, body_title(user_id=u.pk, organization_id=organization_id)) for u in users]


def case_leadership_get(*, access: CaseAccess) -> Leadership:
    """What the case page's leadership section shows."""
    report = access.report
    return Leadership(
        about_leadership=report.about_leadership,
        is_lead=report.lead_id == access.user.pk,
        candidates=_choices(body_candidates(access=access), access) if report.about_leadership else [],
        handovers=case_handovers_get(access=access),
        asks=case_exclusion_asks_get(access=access),
    )
