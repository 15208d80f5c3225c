"""The operator's operations in the staff API (issue 13): winding an organization down. Anyone but an operator
gets 404, as for an organization they cannot see."""

from datetime import date

from ninja import Router, Schema, Status
from pydantic import Field

from confide.accounts.models import User
from confide.core.errors import NotFound
from confide.reports.services.wind_down import organization_wind_down
from confide.staff.api.auth import StaffRequest, staff_token
from confide.tenants.models import Organization
from confide.web.schemas import FieldProblem, Problem

router = Router(tags=["operator"], auth=staff_token)


class WindDownIn(Schema):
    on: date | None = Field(None, description="The day it winds down; today when left out")
    open_days: int | None = Field(
        None, ge=0, le=36500, description="Days its pages stay open to former staff (CONFIDE_WIND_DOWN_OPEN_DAYS)"
    )
    successor: str | None = Field(None, description="The intake address (slug) of its successor, if any")


class WindDownOut(Schema):
    slug: str
    wound_down_on: date
    open_until: date
    successor: str | None


def _organization(slug: str) -> Organization:
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise NotFound()
    return organization


@router.post(
    "/operator/orgs/{org_slug}/wind-down",
    operation_id="organization_wind_down",
    response={200: WindDownOut, 400: FieldProblem, 404: Problem, 409: Problem},
    summary="Wind an organization down: its lines stay open to former staff; audited",
)
def wind_down(request: StaffRequest, org_slug: str, payload: WindDownIn):
    if request.auth.user.role != User.Role.OPERATOR:
        raise NotFound()
    organization = _organization(org_slug)
    successor = _organization(payload.successor) if payload.successor else None
    organization = organization_wind_down(
        actor=request.auth.user,
        organization=organization,
        on=payload.on,
        open_days=payload.open_days,
        successor=successor,
    )
    assert organization.wound_down_on is not None and organization.open_until is not None  # noqa: S101 - just set
    return Status(
        200,
        WindDownOut(
            slug=organization.slug,
            wound_down_on=organization.wound_down_on,
            open_until=organization.open_until,
            successor=successor.slug if successor else None,
        ),
    )
