"""Reads of check-ins for the reporter's thread (and the hotline's callback, which opens the thread with the
caller's receipt): what waits for an answer, what was answered, the plan, and the retaliation case it opened."""

from dataclasses import dataclass

from confide import crypto
from confide.reports import keys
from confide.reports.access import ReporterAccess
from confide.reports.checkin_rules import DEFAULT_OFFSETS, OFFSET_CHOICES, offsets_parse
from confide.reports.models import CheckIn, CheckInPlan, Report


@dataclass(frozen=True)
class PlanView:
    offsets: list[int]
    after_wind_down: bool
    stopped: bool
    choices: tuple[int, ...] = OFFSET_CHOICES


def checkins_pending(*, report: Report) -> list[CheckIn]:
    """Unanswered check-ins, the latest first."""
    return list(CheckIn.objects.filter(report=report, answered_on__isnull=True).order_by("-due_on", "-id"))


def checkins_answered(*, report: Report) -> list[CheckIn]:
    return list(
        CheckIn.objects.filter(report=report, answered_on__isnull=False).select_related("case").order_by("due_on", "id")
    )


def checkin_plan_view(*, report: Report) -> PlanView:
    plan = CheckInPlan.objects.filter(report=report).first()
    if plan is None:
        return PlanView(offsets=list(DEFAULT_OFFSETS), after_wind_down=True, stopped=False)
    return PlanView(offsets=offsets_parse(plan.offsets), after_wind_down=plan.after_wind_down, stopped=plan.stopped)


def checkin_case_access_get(*, access: ReporterAccess) -> ReporterAccess | None:
    """The latest retaliation case this thread's check-ins opened, unlocked with the original's key; None when
    there is none (or it was purged)."""
    case = (
        Report.objects.filter(checkin_origins__report=access.report, purged_on__isnull=True)
        .order_by("-submitted_on", "-reference")
        .first()
    )
    if case is None:
        return None
    try:
        case_key = keys.linked_case_key(
            report_key=access.report_key, original_id=access.report.pk, case_id=case.pk, wrap=bytes(case.receipt_wrap)
        )
    except crypto.DecryptionError:
        return None
    return ReporterAccess(report=case, report_key=case_key)
