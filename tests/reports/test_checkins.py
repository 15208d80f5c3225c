"""Retaliation check-ins (issue 13 item 3): made by the daily sweep on the reporter's intervals, answered with
the receipt; "worries me" owes a reply within 7 days, "treated worse" opens a linked retaliation case that only
the original's handlers (never an excluded one) and the reporter, through the same receipt, can open."""

from datetime import date, timedelta

import pytest
import time_machine

from confide.core.errors import Conflict, NotFound, Refused
from confide.reports.models import CaseExclusion, CaseLink, CheckIn, KeyWrap, Report
from confide.reports.selectors.checkins import checkin_case_access_get, checkins_pending
from confide.reports.selectors.checkins_staff import (
    case_checkins,
    retaliation_cases_first,
    worries_awaiting_answer,
)
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.checkins import checkin_answer, checkin_plan_set, checkins_stop, checkins_sweep
from confide.reports.services.notices import reply_notice_set
from confide.reports.services.retention import report_purge
from confide.reports.services.workflow import case_lead_assign
from tests.helpers.reports import submit_report
from tests.helpers.thread import handler_reply

pytestmark = pytest.mark.django_db

FILED = date(2026, 3, 2)


def _at(day: date):
    return time_machine.travel(day, tick=False)


@pytest.fixture
def filed(org, handler, teammate, excluded_handler):
    with _at(FILED):
        result = submit_report(org)
    KeyWrap.objects.filter(report=result.report, user=excluded_handler).delete()
    CaseExclusion.objects.create(report=result.report, user=excluded_handler, recorded_on=FILED)
    return result


def _access(filed):
    return reporter_access_get(receipt=filed.receipt)


def _due(filed, day: date) -> CheckIn:
    with _at(day):
        checkins_sweep()
    [pending] = checkins_pending(report=filed.report)
    return pending


def test_the_first_check_in_comes_two_weeks_after_the_report_and_not_before(filed):
    with _at(FILED + timedelta(days=13)):
        checkins_sweep()
    assert checkins_pending(report=filed.report) == []
    checkin = _due(filed, FILED + timedelta(days=14))
    assert checkin.due_on == FILED + timedelta(days=14) and checkin.offset_days == 14
    with _at(FILED + timedelta(days=15)):
        checkins_sweep()
    assert CheckIn.objects.filter(report=filed.report).count() == 1, "each interval asks once"


def test_a_sweep_that_missed_days_asks_once_for_the_latest_interval(filed):
    with _at(FILED + timedelta(days=50)):
        checkins_sweep()
    assert [c.offset_days for c in CheckIn.objects.filter(report=filed.report)] == [42]


def test_a_reporter_with_a_notice_address_is_told_and_others_get_nothing(org, filed, handler):
    quiet = submit_report(org)
    with _at(FILED):
        reply_notice_set(access=_access(filed), address="me@mail.example")
    _due(filed, FILED + timedelta(days=14))
    filed.report.reply_notice.refresh_from_db()
    assert filed.report.reply_notice.pending is True
    assert not Report.objects.filter(pk=quiet.report.pk, reply_notice__isnull=False).exists()


def test_the_reporter_changes_the_intervals_and_one_button_stops_them(filed):
    with _at(FILED + timedelta(days=1)):
        checkin_plan_set(access=_access(filed), offsets=[182], after_wind_down=False)
        checkins_sweep()
    with _at(FILED + timedelta(days=100)):
        checkins_sweep()
    assert CheckIn.objects.filter(report=filed.report).count() == 0
    checkin = _due(filed, FILED + timedelta(days=182))
    assert checkin.offset_days == 182
    checkins_stop(access=_access(filed))
    assert CheckIn.objects.filter(report=filed.report).count() == 0, "a waiting check-in is withdrawn"
    with _at(FILED + timedelta(days=400)):
        checkins_sweep()
    assert CheckIn.objects.filter(report=filed.report).count() == 0


def test_intervals_not_offered_are_refused_with_a_sentence(filed):
    with pytest.raises(Refused) as refused:
        checkin_plan_set(access=_access(filed), offsets=[3], after_wind_down=True)
    assert refused.value.field == "offsets" and refused.value.message


def test_nothing_changed_is_recorded_once(filed):
    checkin = _due(filed, FILED + timedelta(days=14))
    checkin_answer(access=_access(filed), checkin_id=checkin.pk, answer="nothing")
    with pytest.raises(Conflict):
        checkin_answer(access=_access(filed), checkin_id=checkin.pk, answer="worse")
    with pytest.raises(Refused):
        checkin_answer(access=_access(filed), checkin_id=checkin.pk, answer="maybe")
    assert not CaseLink.objects.exists()


def test_another_reports_receipt_cannot_answer_this_check_in(org, filed):
    checkin = _due(filed, FILED + timedelta(days=14))
    stranger = submit_report(org)
    with pytest.raises(NotFound):
        checkin_answer(access=_access(stranger), checkin_id=checkin.pk, answer="worse")
    with pytest.raises(NotFound):
        checkin_answer(access=_access(stranger), checkin_id="not-a-uuid", answer="worse")


def test_worries_asks_a_handler_to_answer_within_seven_days(filed, handler, unlock):
    checkin = _due(filed, FILED + timedelta(days=14))
    day = FILED + timedelta(days=16)
    with _at(day):
        answered = checkin_answer(access=_access(filed), checkin_id=checkin.pk, answer="worries")
    assert answered.respond_by == day + timedelta(days=7)
    assert [c.pk for c in worries_awaiting_answer(user=handler)] == [checkin.pk]
    [row] = case_checkins(report=filed.report)
    assert row.answer == "worries" and row.respond_by == day + timedelta(days=7) and not row.responded
    handler_reply(report=filed.report, user=handler, secret_key=unlock(handler).secret_key)
    assert worries_awaiting_answer(user=handler) == []
    assert case_checkins(report=filed.report)[0].responded


def test_treated_worse_opens_a_linked_retaliation_case_due_in_two_days(
    filed, handler, teammate, excluded_handler, other_tenant_handler, unlock
):
    owner = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=filed.report.pk)
    case_lead_assign(access=owner, username=teammate.username)
    checkin = _due(filed, FILED + timedelta(days=42))
    day = FILED + timedelta(days=43)
    with _at(day):
        answered = checkin_answer(
            access=_access(filed), checkin_id=checkin.pk, answer="worse", details="They cut my hours."
        )
    case = answered.case
    assert case.category == "retaliation" and case.acknowledge_by == day + timedelta(days=2)
    assert case.lead_id == teammate.pk and case.organization_id == filed.report.organization_id
    assert CaseLink.objects.filter(source=case, target=filed.report, kind=CaseLink.Kind.RETALIATION).exists()
    assert set(KeyWrap.objects.filter(report=case).values_list("user_id", flat=True)) == {handler.pk, teammate.pk}
    assert CaseExclusion.objects.filter(report=case, user=excluded_handler).exists()
    opened = case_access_get(user=teammate, secret_key=unlock(teammate).secret_key, report_id=case.pk)
    assert opened.report.pk == case.pk
    # The reporter reaches it with the original receipt only.
    reporter_case = checkin_case_access_get(access=_access(filed))
    assert reporter_case is not None and reporter_case.report.pk == case.pk
    assert reporter_access_get(receipt=filed.receipt).report.pk == filed.report.pk
    # First on the lead's dashboard; not on another tenant's.
    assert retaliation_cases_first(user=teammate)[0].pk == case.pk
    assert retaliation_cases_first(user=excluded_handler) == []
    assert retaliation_cases_first(user=other_tenant_handler) == []


def test_a_second_treated_worse_adds_to_the_open_retaliation_case(filed):
    first = _due(filed, FILED + timedelta(days=14))
    case = checkin_answer(access=_access(filed), checkin_id=first.pk, answer="worse").case
    second = _due(filed, FILED + timedelta(days=42))
    again = checkin_answer(access=_access(filed), checkin_id=second.pk, answer="worse", details="Worse again.")
    assert again.case.pk == case.pk
    assert Report.objects.filter(category="retaliation").count() == 1
    assert case.messages.count() == 1


def test_the_retaliation_case_gets_no_check_ins_of_its_own(filed):
    checkin = _due(filed, FILED + timedelta(days=14))
    case = checkin_answer(access=_access(filed), checkin_id=checkin.pk, answer="worse").case
    with _at(FILED + timedelta(days=120)):
        checkins_sweep()
    assert not CheckIn.objects.filter(report=case).exists()


def test_a_purged_case_loses_its_check_ins_and_gets_no_more(filed):
    checkin = _due(filed, FILED + timedelta(days=14))
    checkin_answer(access=_access(filed), checkin_id=checkin.pk, answer="nothing")
    report_purge(report=filed.report)
    assert not CheckIn.objects.filter(report=filed.report).exists()
    with _at(FILED + timedelta(days=100)):
        checkins_sweep()
    assert not CheckIn.objects.filter(report=filed.report).exists()
