"""The reporter's holders list (issue 13, item 4): every holder by role and a stable pseudonym, days read or
exported, when access was given and when someone stepped away; the reporter's exclusion requests and the lead's
answer. Reading the list records nothing."""

import pytest

from confide.audit.models import AuditEntry
from confide.audit.services import Action, audit_record
from confide.core.errors import NotFound, Refused
from confide.reports.models import HolderExclusionRequest, KeyWrap, Message
from confide.reports.selectors.holders import holders_get, holders_page_get
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.services.exclusion_asks import holder_exclusion_ask
from confide.reports.services.exclusion_decisions import holder_exclusion_answer, holder_exclusion_grant
from confide.reports.services.keyring import case_access_grant, case_conflict_declare
from tests.helpers.leadership import hand_over, leadership_report, open_as
from tests.helpers.staff import make_staff

pytestmark = pytest.mark.django_db


def _reporter(leadership):
    return reporter_access_get(receipt=leadership.receipt)


def _labels(leadership):
    return [(h.label, h.holds_key) for h in holders_get(access=_reporter(leadership))]


def test_holders_are_listed_by_role_and_pseudonym_never_by_name(leadership, handler, teammate, body):
    hand_over(leadership.report, handler, body)
    assert _labels(leadership) == [
        ("Case handler A", True),
        ("Case handler B", True),
        ("Independent body: union representative", True),
    ]
    page = holders_page_get(access=_reporter(leadership))
    assert page.held_by_body and page.identity_shared_on is None
    text = repr(page)
    assert handler.username not in text and teammate.username not in text and body.username not in text


def test_pseudonyms_stay_when_someone_steps_away_or_joins(org, leadership, handler, teammate):
    before = _labels(leadership)
    case_conflict_declare(access=open_as(handler, leadership.report))
    late = make_staff("lucia", [org])
    case_access_grant(access=open_as(teammate, leadership.report), username=late.username)
    after = holders_get(access=_reporter(leadership))
    assert [h.label for h in after][:2] == [label for label, _ in before]
    assert [(h.label, h.holds_key) for h in after] == [
        ("Case handler A", False),
        ("Case handler B", True),
        ("Case handler C", True),
    ]
    assert after[0].stepped_away_on is not None and after[2].given_access_on is not None
    assert after[1].given_access_on is None  # held the key from the start


def test_read_and_export_days_come_from_the_audit_log(leadership, handler, teammate):
    audit_record(actor=handler, action=Action.CASE_READ, obj=leadership.report)
    audit_record(actor=handler, action=Action.CASE_READ, obj=leadership.report)
    audit_record(actor=teammate, action=Action.CASE_EXPORTED, obj=leadership.report)
    first, second = holders_get(access=_reporter(leadership))
    day = AuditEntry.objects.filter(action=Action.CASE_READ).first().at.date()
    assert first.read_on == [day] and first.exported_on == []
    assert second.exported_on == [day] and second.read_on == []


def test_reading_the_list_records_nothing(leadership, handler, body):
    hand_over(leadership.report, handler, body)
    rows = AuditEntry.objects.count()
    holders_page_get(access=_reporter(leadership))
    assert AuditEntry.objects.count() == rows


def test_the_lead_excludes_a_holder_the_reporter_asked_about(leadership, handler, teammate):
    holder_exclusion_ask(access=_reporter(leadership), slot=1)
    ask = HolderExclusionRequest.objects.get()
    assert ask.user == teammate and ask.outcome == ""
    with pytest.raises(Refused):
        holder_exclusion_grant(access=open_as(teammate, leadership.report), request_id=ask.pk)  # not the lead
    holder_exclusion_grant(access=open_as(handler, leadership.report), request_id=ask.pk)
    assert not KeyWrap.objects.filter(report=leadership.report, user=teammate).exists()
    second = holders_get(access=_reporter(leadership))[1]
    assert (second.holds_key, second.request_outcome, second.stepped_away_on is not None) == (False, "excluded", True)
    with pytest.raises(Refused):
        holder_exclusion_grant(access=open_as(handler, leadership.report), request_id=ask.pk)  # dealt with


def test_the_lead_may_answer_in_the_thread_instead(leadership, handler, teammate):
    holder_exclusion_ask(access=_reporter(leadership), slot=1)
    ask = HolderExclusionRequest.objects.get()
    holder_exclusion_answer(
        access=open_as(handler, leadership.report), request_id=ask.pk, answer="They are not involved, we checked."
    )
    assert KeyWrap.objects.filter(report=leadership.report, user=teammate).exists()
    assert Message.objects.filter(report=leadership.report, author_kind="handler").count() == 1
    assert holders_get(access=_reporter(leadership))[1].request_outcome == "answered"
    holder_exclusion_ask(access=_reporter(leadership), slot=1)  # asked again: open again
    assert holders_get(access=_reporter(leadership))[1].request_pending


@pytest.mark.parametrize("slot", ["-1", "7", "x", ""])
def test_an_ask_must_name_a_current_holder(leadership, slot):
    with pytest.raises(Refused):
        holder_exclusion_ask(access=_reporter(leadership), slot=slot)
    assert not HolderExclusionRequest.objects.exists()


def test_an_ask_of_another_case_is_not_found(org, leadership, handler):
    holder_exclusion_ask(access=_reporter(leadership), slot=0)
    ask = HolderExclusionRequest.objects.get()
    other = leadership_report(org, handler).report
    with pytest.raises(NotFound):
        holder_exclusion_grant(access=open_as(handler, other), request_id=ask.pk)
