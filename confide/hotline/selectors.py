"""Reads for the hotline console. Which organizations a call-taker may take calls for is decided here only."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from confide.accounts.models import User
from confide.hotline.access import Line
from confide.hotline.content import LineNotFound, NotACallTaker
from confide.hotline.hours import hotline_open_at
from confide.hotline.models import CallbackThrottle, HotlineSettings
from confide.tenants.models import Membership, Organization


def is_call_taker(*, user: User) -> bool:
    return bool(user.is_authenticated and user.role == User.Role.CALL_TAKER)


def _lines(*, user: User) -> QuerySet[Organization]:
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


def line_list_for(*, user: User, now: datetime | None = None) -> list[Line]:
    """The lines this call-taker answers, by name. Raises NotACallTaker for anyone else."""
    if not is_call_taker(user=user):
        raise NotACallTaker()
    now = now or timezone.now()
    lines = []
    for organization in _lines(user=user).order_by("name"):
        hotline = _hotline_of(organization)
        lines.append(Line(organization, hotline, hotline_open_at(hotline=hotline, now=now)))
    return lines


def line_get(*, user: User, slug: str, now: datetime | None = None) -> Line:
    """The line of organization `slug` if `user` takes its calls; LineNotFound whether it is missing, closed to
    reports or someone else's (one answer, G3)."""
    organization = _lines(user=user).filter(slug=slug).first()
    if organization is None:
        raise LineNotFound()
    hotline = _hotline_of(organization)
    return Line(organization, hotline, hotline_open_at(hotline=hotline, now=now or timezone.now()))


def callback_window() -> timedelta:
    return timedelta(minutes=settings.CONFIDE_HOTLINE_CALLBACK_WINDOW_MINUTES)


def callback_throttled(*, user: User) -> bool:
    row = CallbackThrottle.objects.filter(user_id=user.pk).first()
    return bool(
        row
        and row.failures >= settings.CONFIDE_HOTLINE_CALLBACK_FAILURES
        and timezone.now() - row.window_start < callback_window()
    )
