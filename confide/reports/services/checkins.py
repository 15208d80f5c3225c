"""Retaliation check-ins (issue 13): dated, content-free questions on the reporter's thread, "has anything changed
since you spoke up?", at days after the report that the reporter chooses, and once after the organization winds
down. The daily sweep makes them; nothing is sent anywhere but a reply notice, and only to a reporter who left
an address for those. Days only, counted from the report's own day: no time points at the reporter (G2)."""

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from confide.core.clock import today
from confide.core.errors import Conflict, NotFound, Refused
from confide.core.throttle import receipt_write_allow
from confide.reports.access import ReporterAccess
from confide.reports.checkin_rules import (
    DEFAULT_OFFSETS,
    OFFSET_CHOICES,
    WORRIES_ANSWER_DAYS,
    offsets_parse,
    offsets_text,
)
from confide.reports.models import CheckIn, CheckInPlan, Message, ReplyNotice, Report
from confide.reports.services.messages import message_create_by_reporter
from confide.reports.services.retaliation import retaliation_case_open


def _next_due(submitted_on: date, offsets: list[int], after: date) -> date | None:
    days = [submitted_on + timedelta(days=o) for o in offsets]
    return min((day for day in days if day > after), default=None)


def checkin_plan_for(*, report: Report) -> CheckInPlan:
    """The report's plan, made with the defaults the first time it is asked for."""
    plan, _created = CheckInPlan.objects.get_or_create(
        report=report,
        defaults={
            "offsets": offsets_text(list(DEFAULT_OFFSETS)),
            "next_due_on": _next_due(report.submitted_on, list(DEFAULT_OFFSETS), report.submitted_on),
        },
    )
    return plan


def checkin_plan_set(*, access: ReporterAccess, offsets: list[int], after_wind_down: bool) -> CheckInPlan:
    """The reporter's own intervals, among those offered; saving them also resumes stopped check-ins."""
    if any(o not in OFFSET_CHOICES for o in offsets):
        raise Refused(_("Choose among the intervals offered."), field="offsets")
    if not offsets and not after_wind_down:
        raise Refused(_("Choose at least one interval, or stop the check-ins."), field="offsets")
    receipt_write_allow(holder_id=access.report.pk)
    plan = checkin_plan_for(report=access.report)
    asked = set(
        CheckIn.objects.filter(report=access.report, kind=CheckIn.Kind.INTERVAL).values_list("offset_days", flat=True)
    )
    remaining = [o for o in offsets if o not in asked]
    plan.offsets = offsets_text(offsets)
    plan.after_wind_down = after_wind_down
    plan.stopped = False
    plan.next_due_on = _next_due(access.report.submitted_on, remaining, today() - timedelta(days=1))
    plan.save()
    return plan


def checkins_stop(*, access: ReporterAccess) -> None:
    """The one button: no more check-ins, and any waiting one is withdrawn from the thread."""
    plan = checkin_plan_for(report=access.report)
    plan.stopped = True
    plan.next_due_on = None
    plan.save(update_fields=["stopped", "next_due_on"])
    CheckIn.objects.filter(report=access.report, answered_on__isnull=True).delete()


def _due_notify(report_ids: list) -> None:
    """Tells, in the next digest slot, only a reporter who left an address; the mail says a message waits."""
    ReplyNotice.objects.filter(report_id__in=report_ids).update(pending=True)


def _intervals_due(day: date) -> int:
    plans = CheckInPlan.objects.filter(
        stopped=False,
        next_due_on__lte=day,
        report__purged_on__isnull=True,
        report__organization__intake_open=True,
    ).select_related("report")
    made = []
    for plan in plans:
        report = plan.report
        offsets = offsets_parse(plan.offsets)
        passed = [o for o in offsets if report.submitted_on + timedelta(days=o) <= day]
        if passed:
            # A sweep that missed days asks once, for the latest interval passed, not once per interval.
            offset = max(passed)
            _checkin, created = CheckIn.objects.get_or_create(
                report=report,
                kind=CheckIn.Kind.INTERVAL,
                offset_days=offset,
                defaults={"due_on": report.submitted_on + timedelta(days=offset)},
            )
            if created:
                made.append(report.pk)
        plan.next_due_on = _next_due(report.submitted_on, offsets, day)
        plan.save(update_fields=["next_due_on"])
    _due_notify(made)
    return len(made)


def _wind_down_due(day: date) -> int:
    delay = timedelta(days=settings.CONFIDE_CHECKIN_AFTER_WIND_DOWN_DAYS)
    asked = CheckIn.objects.filter(report=OuterRef("report"), kind=CheckIn.Kind.WIND_DOWN)
    plans = (
        CheckInPlan.objects.filter(
            stopped=False,
            after_wind_down=True,
            report__purged_on__isnull=True,
            report__organization__intake_open=True,
            report__organization__wound_down_on__lte=day - delay,
        )
        .exclude(Exists(asked))
        .select_related("report__organization")
    )
    made = []
    for plan in plans:
        report = plan.report
        wound_down_on = report.organization.wound_down_on
        if wound_down_on is None or report.submitted_on >= wound_down_on:
            continue  # filed after the wind-down: the campaign had already ended when they spoke up
        CheckIn.objects.get_or_create(
            report=report,
            kind=CheckIn.Kind.WIND_DOWN,
            offset_days=0,
            defaults={"due_on": wound_down_on + delay},
        )
        made.append(report.pk)
    _due_notify(made)
    return len(made)


def checkins_sweep() -> int:
    """Daily: plans for new reports (with the defaults), then the check-ins that came due. Retaliation cases
    opened from a check-in get none of their own: the reporter reaches them through the original thread."""
    day = today()
    with transaction.atomic():
        fresh = Report.objects.filter(
            checkin_plan__isnull=True, purged_on__isnull=True, checkin_origins__isnull=True
        ).values_list("pk", "submitted_on")
        CheckInPlan.objects.bulk_create(
            [
                CheckInPlan(
                    report_id=pk,
                    offsets=offsets_text(list(DEFAULT_OFFSETS)),
                    next_due_on=_next_due(submitted_on, list(DEFAULT_OFFSETS), submitted_on),
                )
                for pk, submitted_on in fresh
            ],
            ignore_conflicts=True,
        )
    return _intervals_due(day) + _wind_down_due(day)


def checkin_answer(*, access: ReporterAccess, checkin_id: object, answer: str, details: str = "") -> CheckIn:
    """The reporter's answer, once per check-in. "Something worries me" asks a handler to answer within 7 days;
    "treated worse" opens a retaliation case linked to this one (reports.services.retaliation)."""
    if answer not in CheckIn.Answer.values:
        raise Refused(_("Choose one of the answers."), field="answer")
    checkin_uuid = _uuid_or_none(checkin_id)
    checkin = CheckIn.objects.filter(pk=checkin_uuid, report=access.report).first() if checkin_uuid else None
    if checkin is None:
        raise NotFound()
    if checkin.answered_on is not None:
        raise Conflict(_("This check-in was already answered."), field="answer")
    receipt_write_allow(holder_id=access.report.pk)
    details = details.strip() if isinstance(details, str) else ""
    with transaction.atomic():
        # A conditional update first: of two answers sent at once, one opens the case, the other is told.
        taken = CheckIn.objects.filter(pk=checkin.pk, answered_on__isnull=True).update(
            answer=answer, answered_on=today()
        )
        if taken != 1:
            raise Conflict(_("This check-in was already answered."), field="answer")
        checkin.answer = answer
        checkin.answered_on = today()
        if answer == CheckIn.Answer.WORRIES:
            if details:
                message_create_by_reporter(access=access, body=details)
            else:
                Report.objects.filter(pk=access.report.pk).update(awaiting_handler=True, reporter_active_on=today())
            checkin.respond_by = today() + timedelta(days=WORRIES_ANSWER_DAYS)
            checkin.thread_seq = _last_seq(access.report)
        elif answer == CheckIn.Answer.WORSE:
            checkin.case = retaliation_case_open(access=access, details=details)
        elif details:
            message_create_by_reporter(access=access, body=details)
        checkin.save()
    return checkin


def _last_seq(report: Report) -> int:
    last = Message.objects.filter(report=report).order_by("-seq").values_list("seq", flat=True).first()
    return last or 0


def _uuid_or_none(value: object) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None
