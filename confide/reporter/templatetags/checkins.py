"""The check-ins section of the reporter's thread (issue 13), read for the page's own report."""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _

from confide.reports.models import CheckIn, Report
from confide.reports.selectors.checkins import PlanView, checkin_plan_view, checkins_answered, checkins_pending

register = template.Library()


@dataclass(frozen=True)
class ThreadCheckIns:
    pending: CheckIn | None
    answered: list[CheckIn]
    plan: PlanView
    case: Report | None  # the retaliation case a "treated worse" answer opened


@register.simple_tag
def thread_checkins(report: Report) -> ThreadCheckIns:
    pending = checkins_pending(report=report)
    answered = checkins_answered(report=report)
    cases = [checkin.case for checkin in answered if checkin.case is not None and checkin.case.purged_on is None]
    return ThreadCheckIns(
        pending=pending[0] if pending else None,
        answered=answered,
        plan=checkin_plan_view(report=report),
        case=cases[-1] if cases else None,
    )


INTERVAL_LABELS = {
    14: _("2 weeks"),
    42: _("6 weeks"),
    91: _("3 months"),
    182: _("6 months"),
    365: _("1 year"),
}


@register.filter
def interval_label(days: int) -> str:
    """14 -> "2 weeks": the intervals as the page names them."""
    return str(INTERVAL_LABELS.get(days, days))
