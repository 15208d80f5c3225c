"""Case workflow: the state machine, outcomes, deadlines, lead assignment and recorded conflicts.

Deadlines follow EU Directive 2019/1937 art. 9 (acknowledge within 7 days, feedback within 3 months of the
acknowledgement), with the durations set per organization.
"""

import calendar
from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.reports.access import CaseAccess
from confide.reports.content import AssignmentRefused, IllegalTransition
from confide.reports.models import CaseExclusion, KeyWrap, Report

S = Report.Status
TRANSITIONS: dict[str, set[str]] = {
    S.RECEIVED: {S.ACKNOWLEDGED, S.CLOSED},
    S.ACKNOWLEDGED: {S.ASSESSING, S.CLOSED},
    S.ASSESSING: {S.INVESTIGATING, S.RESOLVED, S.CLOSED},
    S.INVESTIGATING: {S.RESOLVED, S.CLOSED},
    S.RESOLVED: {S.CLOSED, S.ASSESSING},
    S.CLOSED: {S.ASSESSING},  # reopen
}
OPEN_STATUSES = [s for s in S.values if s != S.CLOSED]


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def acknowledge_deadline(*, submitted_on: date, acknowledge_days: int) -> date:
    return submitted_on + timedelta(days=acknowledge_days)


def report_status_update(*, access: CaseAccess, status: str, outcome: str = "") -> Report:
    report = access.report
    if status not in S.values:
        raise IllegalTransition(_("Unknown status %(status)r.") % {"status": status})
    if status == report.status:
        return report
    if status not in TRANSITIONS[report.status]:
        raise IllegalTransition(
            _("A case cannot go from %(old)s to %(new)s.") % {"old": S(report.status).label, "new": S(status).label}
        )
    if status == S.CLOSED and outcome not in Report.Outcome.values:
        raise IllegalTransition(_("Choose an outcome to close a case."))
    day = today()
    report.status = status
    if status == S.ACKNOWLEDGED and report.acknowledged_on is None:
        report.acknowledged_on = day
        report.feedback_by = add_months(day, report.organization.feedback_months)
    if status == S.CLOSED:
        report.outcome, report.closed_on = outcome, day
    elif report.outcome or report.closed_on:  # reopened
        report.outcome, report.closed_on = "", None
    with transaction.atomic():
        report.save(update_fields=["status", "outcome", "closed_on", "acknowledged_on", "feedback_by"])
        audit_record(actor=access.user, action=Action.CASE_STATUS, obj=report)
    return report


def report_category_update(*, access: CaseAccess, category: str) -> Report:
    """Any handler on the case may re-file it under another category: the reporter chose the closest (or none,
    issue 11) and the form tells them the handler can change it. The reporter's own choice stays in their
    encrypted account; the case's column is what the inbox and the dashboard count."""
    report = access.report
    if category not in Report.Category.values:
        raise AssignmentRefused(_("Choose one of the listed categories."))
    if category == report.category:
        return report
    with transaction.atomic():
        report.category = category
        report.save(update_fields=["category"])
        audit_record(actor=access.user, action=Action.CASE_CATEGORY, obj=report)
    return report


def case_feedback_deadline_set(*, access: CaseAccess, feedback_by: date) -> Report:
    """The lead may bring feedback forward, never past the legal limit set by the organization's policy."""
    report = access.report
    if report.lead_id != access.user.pk:
        raise AssignmentRefused(_("Only the lead handler can change this case's deadline."))
    if report.acknowledged_on is None:
        raise AssignmentRefused(_("Acknowledge the report first: the feedback deadline runs from then."))
    latest = add_months(report.acknowledged_on, report.organization.feedback_months)
    if not today() <= feedback_by <= latest:
        raise AssignmentRefused(
            _("Choose a date between today and %(latest)s, the latest the policy allows.") % {"latest": latest}
        )
    with transaction.atomic():
        report.feedback_by = feedback_by
        report.save(update_fields=["feedback_by"])
        audit_record(actor=access.user, action=Action.CASE_DEADLINE, obj=report)
    return report


def _team_member(report: Report, username: str) -> User | None:
    user = User.objects.filter(username=username).first()
    if user is None or not KeyWrap.objects.filter(report=report, user=user).exists():
        return None
    return user


def case_lead_assign(*, access: CaseAccess, username: str) -> Report:
    """Anyone on the case may take or give the lead while there is none; afterwards only the lead hands it on."""
    report = access.report
    if report.lead_id not in (None, access.user.pk):
        raise AssignmentRefused(_("Only the lead handler can hand this case to someone else."))
    lead = _team_member(report, username)
    # An independent body holds a key but never leads: it has no handler pages to hand the lead on from.
    if lead is None or lead.role != User.Role.HANDLER:
        raise AssignmentRefused(_("The lead must be a case handler who has access to this case."))
    with transaction.atomic():
        report.lead = lead
        report.save(update_fields=["lead"])
        audit_record(actor=access.user, action=Action.CASE_ASSIGN, obj=report, subject=lead)
    return report


def case_exclusion_record(*, access: CaseAccess, username: str) -> None:
    """The lead records a colleague's conflict of interest: their key wrap goes, and never comes back."""
    report = access.report
    if report.lead_id != access.user.pk:
        raise AssignmentRefused(_("Only the lead handler can record a colleague's conflict of interest."))
    user = _team_member(report, username)
    if user is None or user.pk == access.user.pk:
        raise AssignmentRefused(_("Choose a colleague who has access to this case."))
    with transaction.atomic():
        CaseExclusion.objects.get_or_create(
            report=report, user=user, defaults={"recorded_by": access.user, "recorded_on": today()}
        )
        KeyWrap.objects.filter(report=report, user=user).delete()
        audit_record(actor=access.user, action=Action.CASE_CONFLICT_RECORDED, obj=report, subject=user)
