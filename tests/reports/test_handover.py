"""case_handover and the body as a principal (issue 13): only the lead, only a leadership case, only a body of
the case's organization; the body then opens exactly the cases handed to it, sees the reporter's identity only
after the reporter agreed, and answers in the reporter's thread."""

import pytest

from confide.audit.models import AuditEntry
from confide.audit.services import Action
from confide.core.errors import Refused
from confide.reports.content import AssignmentRefused, ReportNotFound
from confide.reports.models import Author, KeyWrap, Message
from confide.reports.selectors.bodies import handed_over_view, handed_over_visible_to
from confide.reports.selectors.common import report_view
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.services.handover import (
    HandoverRefused,
    handover_identity_share,
    handover_identity_withdraw,
    message_create_by_body,
)
from confide.reports.services.keyring import case_conflict_declare
from confide.reports.services.workflow import case_lead_assign
from tests.helpers.leadership import hand_over, make_body, open_as
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


def test_the_lead_hands_a_leadership_case_to_a_body(leadership, handler, body):
    report = leadership.report
    handover = hand_over(report, handler, body)
    assert KeyWrap.objects.filter(report=report, user=body).exists()
    assert AuditEntry.objects.filter(
        action=Action.CASE_HANDOVER, object_id=str(report.pk), actor_id=handler.pk, subject_id=body.pk
    ).exists()
    access = open_as(body, report, as_body=True)
    assert access.report.pk == report.pk
    _view, mine = handed_over_view(access=access)
    assert mine.id == handover.id and "campaign manager" in mine.note
    # The reporter reads which body holds the case, by its title and never its account name.
    reporter = reporter_access_get(receipt=leadership.receipt)
    lines = [m for m in report_view(access=reporter, for_staff=False).messages if m.author_kind == Author.SYSTEM]
    assert [m.body for m in lines] == ["Your case is now held by: Independent body — union representative"]
    assert "unionrep" not in lines[0].body


def test_only_the_lead_hands_over(leadership, teammate, body):
    with pytest.raises(HandoverRefused):
        hand_over(leadership.report, teammate, body)
    assert not KeyWrap.objects.filter(user=body).exists()


def test_a_case_not_about_leadership_is_not_handed_over(org, handler, body):
    report = submit_report(org).report
    case_lead_assign(access=open_as(handler, report), username=handler.username)
    with pytest.raises(HandoverRefused):
        hand_over(report, handler, body)


@pytest.mark.parametrize("persona", ["other_body", "contact", "teammate", "outsider"])
def test_only_a_body_of_the_organization_receives_the_case(leadership, handler, persona, request):
    someone = request.getfixturevalue(persona)
    with pytest.raises(HandoverRefused):
        hand_over(leadership.report, handler, someone)
    assert not Message.objects.filter(report=leadership.report, author_kind=Author.SYSTEM).exists()


def test_a_body_that_stepped_away_cannot_be_handed_the_case_again(leadership, handler, body):
    hand_over(leadership.report, handler, body)
    case_conflict_declare(access=open_as(body, leadership.report, as_body=True))
    with pytest.raises(HandoverRefused):
        hand_over(leadership.report, handler, body)
    with pytest.raises(ReportNotFound):
        open_as(body, leadership.report, as_body=True)


def test_a_body_opens_only_cases_handed_to_it(org, leadership, handler, body):
    other_case = submit_report(org).report
    with pytest.raises(ReportNotFound):
        open_as(body, leadership.report, as_body=True)  # not handed over yet
    hand_over(leadership.report, handler, body)
    second = make_body("counsel", org, title="outside counsel")
    assert list(handed_over_visible_to(user=body)) == [leadership.report]
    assert not handed_over_visible_to(user=second).exists()
    with pytest.raises(ReportNotFound):
        open_as(body, other_case, as_body=True)
    with pytest.raises(ReportNotFound):
        open_as(body, leadership.report)  # never through the handlers' door
    with pytest.raises(ReportNotFound):
        open_as(handler, leadership.report, as_body=True)  # a handler is no body


def test_a_body_removed_from_the_organization_loses_the_case(leadership, handler, body):
    hand_over(leadership.report, handler, body)
    body.memberships.all().delete()
    with pytest.raises(ReportNotFound):
        open_as(body, leadership.report, as_body=True)


def test_the_body_sees_the_identity_only_after_the_reporter_agreed(leadership, handler, body):
    hand_over(leadership.report, handler, body)
    view, _mine = handed_over_view(access=open_as(body, leadership.report, as_body=True))
    assert view.content.name == "" and view.content.contact == ""
    reporter = reporter_access_get(receipt=leadership.receipt)
    handover_identity_share(access=reporter)
    view, mine = handed_over_view(access=open_as(body, leadership.report, as_body=True))
    assert (view.content.name, view.content.contact) == ("Ana Reporter", "ana@example.org")
    assert mine.identity_shared_on is not None
    handover_identity_withdraw(access=reporter)
    view, _mine = handed_over_view(access=open_as(body, leadership.report, as_body=True))
    assert view.content.name == ""


def test_identity_consent_needs_a_body_holding_the_case(leadership):
    with pytest.raises(Refused):
        handover_identity_share(access=reporter_access_get(receipt=leadership.receipt))


def test_the_body_answers_in_the_reporters_thread(leadership, handler, body):
    hand_over(leadership.report, handler, body)
    message_create_by_body(access=open_as(body, leadership.report, as_body=True), body="We are looking into it.")
    reporter = reporter_access_get(receipt=leadership.receipt)
    answers = [m for m in report_view(access=reporter, for_staff=False).messages if m.author_kind == Author.BODY]
    assert [(m.author_name, m.body) for m in answers] == [
        ("Independent body: union representative", "We are looking into it.")
    ]
    assert AuditEntry.objects.filter(action=Action.CASE_REPLY, actor_id=body.pk).exists()


def test_a_body_holding_the_case_never_becomes_its_lead(leadership, handler, body):
    hand_over(leadership.report, handler, body)
    with pytest.raises(AssignmentRefused):
        case_lead_assign(access=open_as(handler, leadership.report), username=body.username)
    leadership.report.refresh_from_db()
    assert leadership.report.lead == handler
