"""What is due and overdue for a handler: acknowledgements (7 days) and feedback (3 months)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q, QuerySet

from confide.accounts.models import User
from confide.core.clock import today
from confide.reports.models import Report
from confide.reports.selectors.staff import report_list_visible_to

DUE_SOON_DAYS = 2
LIST_SIZE = 20


@dataclass(frozen=True)
class Dashboard:
    acknowledge_overdue: int
    acknowledge_due_soon: int
    feedback_overdue: int
    feedback_due_soon: int
    overdue: list[Report]


def _conditions() -> dict[str, Q]:
    day = today()
    soon = day + timedelta(days=DUE_SOON_DAYS)
    unacknowledged = Q(status=Report.Status.RECEIVED)
    feedback_pending = Q(feedback_by__isnull=False, feedback_given_on__isnull=True) & ~Q(status=Report.Status.CLOSED)
    return {
        "acknowledge_overdue": unacknowledged & Q(acknowledge_by__lt=day),
        "acknowledge_due_soon": unacknowledged & Q(acknowledge_by__gte=day, acknowledge_by__lte=soon),
        "feedback_overdue": feedback_pending & Q(feedback_by__lt=day),
        "feedback_due_soon": feedback_pending & Q(feedback_by__gte=day, feedback_by__lte=soon),
    }


def cases_needing_attention(*, user: User) -> QuerySet[Report]:
    """Each case at most once: overdue or due soon, or waiting for our reply."""
    needs = Q(awaiting_handler=True) & ~Q(status=Report.Status.CLOSED)
    for condition in _conditions().values():
        needs |= condition
    return report_list_visible_to(user=user).filter(needs)


def overdue_cases(*, user: User) -> QuerySet[Report]:
    conditions = _conditions()
    return (
        report_list_visible_to(user=user)
        .filter(conditions["acknowledge_overdue"] | conditions["feedback_overdue"])
        .order_by("acknowledge_by", "feedback_by", "reference")
    )


def dashboard_for(*, user: User) -> Dashboard:
    visible = report_list_visible_to(user=user).order_by()
    # One count per condition, each answered from its own (partial) index; a single aggregate with
    # FILTER clauses would scan every visible case instead.
    counts = {name: visible.filter(condition).count() for name, condition in _conditions().items()}
    return Dashboard(
        overdue=list(overdue_cases(user=user).select_related("organization")[:LIST_SIZE]),
        **counts,
    )
