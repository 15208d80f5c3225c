"""Check-ins as case handlers see them: the answers on a case, the retaliation cases opened from check-ins
(first on the dashboard of their lead), and the "something worries me" answers still owed a reply in 7 days.
Only cases the handler may open (report_list_visible_to), so nothing here crosses a tenant or an exclusion."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When

from confide.accounts.models import User
from confide.reports.models import Author, CheckIn, Message, Report
from confide.reports.selectors.staff import report_list_visible_to

LIST_SIZE = 20


@dataclass(frozen=True)
class CheckInRow:
    due_on: date
    kind: str
    answer: str
    answer_label: str
    answered_on: date | None
    respond_by: date | None
    responded: bool
    case_id: str | None
    case_reference: str | None


def _handler_wrote_after() -> Exists:
    return Exists(
        Message.objects.filter(report=OuterRef("report"), author_kind=Author.HANDLER, seq__gt=OuterRef("thread_seq"))
    )


def case_checkins(*, report: Report) -> list[CheckInRow]:
    """For a case the caller already opened (the case page passes its own report)."""
    rows = (
        CheckIn.objects.filter(report=report)
        .annotate(responded=_handler_wrote_after())
        .select_related("case")
        .order_by("due_on", "id")
    )
    return [
        CheckInRow(
            due_on=row.due_on,
            kind=row.get_kind_display(),
            answer=row.answer,
            answer_label=row.get_answer_display() if row.answer else "",
            answered_on=row.answered_on,
            respond_by=row.respond_by,
            responded=row.responded,
            case_id=str(row.case_id) if row.case_id else None,
            case_reference=row.case.reference if row.case else None,
        )
        for row in rows
    ]


def retaliation_cases_first(*, user: User) -> list[Report]:
    """Retaliation reports not yet acknowledged, the user's own (as lead) first: whether a check-in on a report
    opened them, a vault's or a signer's check-in filed them, or a reporter chose the category, they cannot wait."""
    return list(
        report_list_visible_to(user=user)
        .filter(status=Report.Status.RECEIVED, category=Report.Category.RETALIATION)
        .annotate(mine=Case(When(lead=user, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("mine", "acknowledge_by", "reference")[:LIST_SIZE]
    )


def worries_awaiting_answer(*, user: User) -> list[CheckIn]:
    """ "Something worries me" answers with no handler's message since, the earliest deadline first."""
    visible = report_list_visible_to(user=user).order_by().values("pk")
    return list(
        CheckIn.objects.filter(respond_by__isnull=False, report__in=visible)
        .exclude(_handler_wrote_after())
        .select_related("report")
        .order_by("respond_by", "id")[:LIST_SIZE]
    )
