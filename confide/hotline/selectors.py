"""Reads for the hotline console. Which organizations a call-taker may take calls for is decided here only."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from confide.hotline.hours import hotline_open_at
from confide.hotline.models import CallbackThrottle, HotlineSettings
from confide.tenants.models import Membership, Organization


class LineNotFound(LookupError):
    """Not an organization this call-taker answers for (or no such organization): one error (G3)."""


@dataclass(frozen=True)
class Line:
    organization: Organization
    hotline: HotlineSettings | None
    open_now: bool


def is_call_taker(*, user) -> bool:
    return bool(user.is_authenticated and user.role == user.Role.CALL_TAKER)


def _lines(*, user):
    if not is_call_taker(user=user):
        return Organization.objects.none()
    return Organization.objects.filter(
        intake_open=True,
        memberships__user_id=user.pk,
        memberships__role=Membership.Role.CALL_TAKER,
    ).select_related("hotline")


def _hotline_of(organization: Organization) -> HotlineSettings | None:
    try:
        return organization.hotline
    except HotlineSettings.DoesNotExist:
        return None


def line_list_for(*, user, now: datetime | None = None) -> list[Line]:
    now = now or timezone.now()
    lines = []
    for organization in _lines(user=user).order_by("name"):
        hotline = _hotline_of(organization)
        lines.append(Line(organization, hotline, hotline_open_at(hotline=hotline, now=now)))
    return lines


def line_get(*, user, slug: str, now: datetime | None = None) -> Line:
    organization = _lines(user=user).filter(slug=slug).first()
    if organization is None:
        raise LineNotFound()
    hotline = _hotline_of(organization)
    return Line(organization, hotline, hotline_open_at(hotline=hotline, now=now or timezone.now()))


def callback_window() -> timedelta:
    return timedelta(minutes=settings.CONFIDE_HOTLINE_CALLBACK_WINDOW_MINUTES)


def callback_throttled(*, user) -> bool:
    row = CallbackThrottle.objects.filter(user_id=user.pk).first()
    return bool(
        row
        and row.failures >= settings.CONFIDE_HOTLINE_CALLBACK_FAILURES
        and timezone.now() - row.window_start < callback_window()
    )
