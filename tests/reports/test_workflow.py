import itertools
from datetime import date

import pytest
import time_machine

from confide.reports.content import AssignmentRefused, IllegalTransition, ReportNotFound
from confide.reports.models import CaseExclusion, KeyWrap, Report
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.messages import message_create_by_handler
from confide.reports.services.workflow import (
    TRANSITIONS,
    add_months,
    case_exclusion_record,
    case_lead_assign,
    report_status_update,
)
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db
S = Report.Status
EXPECTED = {
    ("received", "acknowledged"), ("received", "closed"),
    ("acknowledged", "assessing"), ("acknowledged", "closed"),
    ("assessing", "investigating"), ("assessing", "resolved"), ("assessing", "closed"),
    ("investigating", "resolved"), ("investigating", "closed"),
    ("resolved", "closed"), ("resolved", "assessing"),
    ("closed", "assessing"),
}  # fmt: skip


def access_of(user, unlock, report):
    return case_access_get(user=user, secret_key=unlock(user).secret_key, report_id=report.pk)


def test_the_transition_table_is_exactly_the_intended_one():
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == EXPECTED


@pytest.mark.parametrize(("start", "target"), list(itertools.permutations(S.values, 2)))
def test_every_pair_of_statuses(submitted, handler, unlock, start, target):
    Report.objects.filter(pk=submitted.report.pk).update(status=start)
    access = access_of(handler, unlock, submitted.report)
    if (start, target) in EXPECTED:
        report_status_update(access=access, status=target, outcome="inconclusive")
        assert Report.objects.get(pk=submitted.report.pk).status == target
    else:
        with pytest.raises(IllegalTransition):
            report_status_update(access=access, status=target, outcome="inconclusive")
        assert Report.objects.get(pk=submitted.report.pk).status == start


def test_closing_needs_an_outcome_and_reopening_clears_it(submitted, handler, unlock):
    access = access_of(handler, unlock, submitted.report)
    with pytest.raises(IllegalTransition, match="outcome"):
        report_status_update(access=access, status="closed")
    report_status_update(access=access, status="closed", outcome="substantiated")
    closed = Report.objects.get(pk=submitted.report.pk)
    assert closed.outcome == "substantiated" and closed.closed_on is not None
    report_status_update(access=access_of(handler, unlock, submitted.report), status="assessing")
    reopened = Report.objects.get(pk=submitted.report.pk)
    assert reopened.outcome == "" and reopened.closed_on is None


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(date(2026, 1, 31), 3, date(2026, 4, 30)), (date(2026, 11, 30), 3, date(2027, 2, 28)),
     (date(2028, 11, 29), 3, date(2029, 2, 28)), (date(2026, 5, 15), 12, date(2027, 5, 15))],
)  # fmt: skip
def test_months_are_added_calendar_wise(day, months, expected):
    assert add_months(day, months) == expected


def test_deadlines_follow_the_organizations_policy(org, handler, unlock):
    org.acknowledge_days, org.feedback_months = 5, 2
    org.save()
    with time_machine.travel(date(2026, 3, 2), tick=False):
        report = submit_report(org).report
    assert report.acknowledge_by == date(2026, 3, 7) and report.feedback_by is None
    with time_machine.travel(date(2026, 3, 4), tick=False):
        report_status_update(access=access_of(handler, unlock, report), status="acknowledged")
    acknowledged = Report.objects.get(pk=report.pk)
    assert acknowledged.acknowledged_on == date(2026, 3, 4) and acknowledged.feedback_by == date(2026, 5, 4)
    with time_machine.travel(date(2026, 4, 1), tick=False):
        message_create_by_handler(access=access_of(handler, unlock, report), body="An update for you.")
    assert Report.objects.get(pk=report.pk).feedback_given_on == date(2026, 4, 1)


def test_the_lead_is_chosen_from_the_team_and_hands_on_alone(org, handler, teammate, submitted, unlock):
    with pytest.raises(AssignmentRefused):
        case_lead_assign(access=access_of(handler, unlock, submitted.report), username="nobody")
    case_lead_assign(access=access_of(handler, unlock, submitted.report), username=teammate.username)
    with pytest.raises(AssignmentRefused, match="Only the lead"):
        case_lead_assign(access=access_of(handler, unlock, submitted.report), username=handler.username)
    case_lead_assign(access=access_of(teammate, unlock, submitted.report), username=handler.username)
    assert Report.objects.get(pk=submitted.report.pk).lead == handler


def test_an_excluded_or_foreign_handler_cannot_lead(personas, submitted, unlock):
    owner = access_of(personas.owner, unlock, submitted.report)
    for persona in ("excluded", "other_tenant", "outsider"):
        with pytest.raises(AssignmentRefused):
            case_lead_assign(access=owner, username=getattr(personas, persona).username)
    assert Report.objects.get(pk=submitted.report.pk).lead is None


def test_the_lead_records_a_colleagues_conflict(handler, teammate, submitted, unlock):
    with pytest.raises(AssignmentRefused, match="Only the lead"):
        case_exclusion_record(access=access_of(handler, unlock, submitted.report), username=teammate.username)
    case_lead_assign(access=access_of(handler, unlock, submitted.report), username=handler.username)
    case_exclusion_record(access=access_of(handler, unlock, submitted.report), username=teammate.username)
    assert not KeyWrap.objects.filter(report=submitted.report, user=teammate).exists()
    assert CaseExclusion.objects.filter(report=submitted.report, user=teammate, recorded_by=handler).exists()
    with pytest.raises(ReportNotFound):
        access_of(teammate, unlock, submitted.report)


def test_only_the_lead_moves_the_feedback_deadline_and_only_within_the_policy(handler, teammate, submitted, unlock):
    from datetime import timedelta

    from confide.audit.models import AuditEntry
    from confide.reports.services.workflow import case_feedback_deadline_set

    with time_machine.travel(date(2026, 3, 2), tick=False):
        report_status_update(access=access_of(handler, unlock, submitted.report), status="acknowledged")
        case_lead_assign(access=access_of(handler, unlock, submitted.report), username=handler.username)
        with pytest.raises(AssignmentRefused, match="Only the lead"):
            case_feedback_deadline_set(
                access=access_of(teammate, unlock, submitted.report), feedback_by=date(2026, 4, 1)
            )
        with pytest.raises(AssignmentRefused, match="latest"):
            case_feedback_deadline_set(
                access=access_of(handler, unlock, submitted.report), feedback_by=date(2026, 6, 3)
            )
        with pytest.raises(AssignmentRefused, match="latest"):
            case_feedback_deadline_set(
                access=access_of(handler, unlock, submitted.report), feedback_by=date(2026, 3, 2) - timedelta(days=1)
            )
        assert Report.objects.get(pk=submitted.report.pk).feedback_by == date(2026, 6, 2)
        case_feedback_deadline_set(access=access_of(handler, unlock, submitted.report), feedback_by=date(2026, 4, 1))
    assert Report.objects.get(pk=submitted.report.pk).feedback_by == date(2026, 4, 1)
    assert AuditEntry.objects.filter(action="case.deadline").count() == 1
