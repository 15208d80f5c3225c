"""Check-ins on the staff pages (issue 13): a case's answers, and the dashboard's retaliation cases and
"something worries me" answers, each read for the signed-in handler only."""

from dataclasses import dataclass

from django import template

from confide.accounts.models import User
from confide.reports.models import CheckIn, Report
from confide.reports.selectors.checkins import checkins_pending
from confide.reports.selectors.checkins_staff import (
    CheckInRow,
    case_checkins,
    retaliation_cases_first,
    worries_awaiting_answer,
)

register = template.Library()


@dataclass(frozen=True)
class DashboardCheckIns:
    retaliation: list[Report]
    worries: list[CheckIn]


@register.simple_tag
def case_checkin_rows(report: Report) -> list[CheckInRow]:
    return case_checkins(report=report)


@register.simple_tag
def dashboard_checkins(user: User) -> DashboardCheckIns:
    return DashboardCheckIns(retaliation=retaliation_cases_first(user=user), worries=worries_awaiting_answer(user=user))


@register.simple_tag
def callback_checkins(report: Report) -> list[CheckIn]:
    """What the call-taker may ask the caller: the check-ins waiting on the thread, dates only."""
    return checkins_pending(report=report)
