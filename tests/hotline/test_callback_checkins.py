"""A callback's retaliation check-in (issue 13 item 3): the call-taker records the caller's answer on the
thread page, as the caller would on their own page. "Something worries me" asks a handler to answer within 7
days, "treated worse" opens the linked retaliation case; refusals are a clear 4xx, the receipt stays the only
key, and the audit row names the organization (a callback is a phone call), never the report."""

from datetime import timedelta

import pytest
import time_machine

from confide.audit.models import AuditEntry
from confide.core.clock import today
from confide.core.throttle import buckets_reset
from confide.reports.models import Author, CaseLink, CheckIn, Message, Report
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.checkins import checkins_sweep
from confide.reports.services.messages import message_create_by_reporter
from tests.helpers.audit import audit_flushed
from tests.helpers.hotline import post
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db

CALLBACK = "/staff/hotline/acme/callback/"


def _sweep(days: int) -> None:
    with time_machine.travel(today() + timedelta(days=days), tick=False):
        checkins_sweep()


@pytest.fixture
def waiting(org, handler):
    """A report (filed on the web: callbacks work for any receipt) whose first check-in is due."""
    submitted = submit_report(org)
    _sweep(14)
    return submitted, CheckIn.objects.get(report=submitted.report)


def _thread(client, receipt: str):
    return post(client, CALLBACK, client.get(CALLBACK), {"receipt": receipt})


def _answer_url(checkin_id) -> str:
    return f"/staff/hotline/acme/callback/checkins/{checkin_id}/answer/"


def _answer(client, page, receipt: str, checkin_id, answer: str, details: str = "", lang: str = "en"):
    data = {"receipt": receipt, "answer": answer, "details": details, "lang": lang}
    return post(client, _answer_url(checkin_id), page, data)


def test_the_thread_page_asks_the_check_in_with_a_form_for_it(waiting, call_taker, login):
    submitted, checkin = waiting
    page = _thread(login(call_taker), submitted.receipt).content.decode()
    assert f'action="{_answer_url(checkin.pk)}"' in page
    for answer in ("nothing", "worries", "worse"):
        assert f'name="answer" value="{answer}"' in page
    assert 'name="details"' in page and "Record the caller's answer" in page


def test_nothing_changed_is_recorded_and_the_form_goes(waiting, call_taker, login):
    submitted, checkin = waiting
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    response = _answer(client, thread, submitted.receipt, checkin.pk, "nothing")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The caller's answer to the check-in was recorded." in page
    assert _answer_url(checkin.pk) not in page
    checkin.refresh_from_db()
    assert checkin.answer == "nothing" and checkin.answered_on == today() and checkin.case is None
    assert not Message.objects.filter(report=submitted.report).exists()


def test_worries_asks_a_handler_to_answer_within_seven_days(waiting, call_taker, login):
    submitted, checkin = waiting
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    response = _answer(client, thread, submitted.receipt, checkin.pk, "worries", details="My shifts were moved.")
    assert response.status_code == 200
    checkin.refresh_from_db()
    assert checkin.answer == "worries" and checkin.respond_by == today() + timedelta(days=7)
    page = response.content.decode()
    assert "something worries them" in page and "My shifts were moved." in page  # the caller's message, on the thread
    assert Message.objects.filter(report=submitted.report, author_kind=Author.REPORTER).count() == 1
    assert Report.objects.get(pk=submitted.report.pk).awaiting_handler is True


def test_treated_worse_opens_the_linked_retaliation_case(waiting, handler, call_taker, login, unlock):
    submitted, checkin = waiting
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    response = _answer(client, thread, submitted.receipt, checkin.pk, "worse", details="They cut my hours.")
    assert response.status_code == 200
    checkin.refresh_from_db()
    case = checkin.case
    assert case is not None and case.category == "retaliation"
    assert case.acknowledge_by == today() + timedelta(days=2)
    assert CaseLink.objects.filter(source=case, target=submitted.report, kind=CaseLink.Kind.RETALIATION).exists()
    page = response.content.decode()
    assert "they have been treated worse" in page and case.reference in page
    # The handlers read the caller's words as the retaliation case's account.
    opened = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=case.pk)
    assert "They cut my hours." in login(handler).get(f"/staff/cases/{opened.report.pk}/").content.decode()


def test_the_answer_is_audited_on_the_organization_to_the_day(waiting, call_taker, login):
    submitted, checkin = waiting
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    assert _answer(client, thread, submitted.receipt, checkin.pk, "worse").status_code == 200
    audit_flushed()
    [entry] = AuditEntry.objects.filter(actor_id=call_taker.pk, action="hotline.callback_checkin")
    assert (entry.object_type, entry.object_id) == ("organization", str(submitted.report.organization_id))
    assert (entry.at.hour, entry.at.minute, entry.at.second) == (0, 0, 0)
    reports = {str(submitted.report.pk), str(checkin.case_id)}
    assert not AuditEntry.objects.filter(actor_id=call_taker.pk, object_id__in=reports).exists()


def test_the_latest_of_several_check_ins_is_asked_first_and_the_earlier_one_next(org, handler, call_taker, login):
    submitted = submit_report(org)
    _sweep(14)
    _sweep(42)
    earlier, latest = CheckIn.objects.filter(report=submitted.report).order_by("due_on")
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    page = thread.content.decode()
    assert _answer_url(latest.pk) in page and _answer_url(earlier.pk) not in page
    assert "An earlier check-in waits too" in page
    response = _answer(client, thread, submitted.receipt, latest.pk, "nothing")
    page = response.content.decode()
    assert _answer_url(earlier.pk) in page and "An earlier check-in waits too" not in page


def test_an_answer_that_is_not_offered_is_refused_and_changes_nothing(waiting, call_taker, login):
    submitted, checkin = waiting
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    response = _answer(client, thread, submitted.receipt, checkin.pk, "maybe", details="Some words.")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose one of the answers." in page and _answer_url(checkin.pk) in page
    checkin.refresh_from_db()
    assert checkin.answered_on is None and checkin.answer == ""
    assert not Message.objects.filter(report=submitted.report).exists()
    audit_flushed()
    assert not AuditEntry.objects.filter(action="hotline.callback_checkin").exists()


def test_the_refusal_is_in_the_language_of_the_call(waiting, call_taker, login):
    submitted, checkin = waiting
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    response = _answer(client, thread, submitted.receipt, checkin.pk, "", lang="es")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Elija una de las respuestas." in page and "Registrar la respuesta de quien llama" in page


def test_a_check_in_answered_before_is_a_conflict(waiting, call_taker, login):
    submitted, checkin = waiting
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    assert _answer(client, thread, submitted.receipt, checkin.pk, "nothing").status_code == 200
    again = _answer(client, thread, submitted.receipt, checkin.pk, "worse")
    assert again.status_code == 409
    assert "This check-in was already answered." in again.content.decode()
    checkin.refresh_from_db()
    assert checkin.answer == "nothing" and checkin.case is None
    assert not CaseLink.objects.exists()


def test_another_reports_check_in_is_not_found(org, waiting, call_taker, login):
    submitted, checkin = waiting
    other = submit_report(org)
    client = login(call_taker)
    thread = _thread(client, other.receipt)
    response = _answer(client, thread, other.receipt, checkin.pk, "worse")
    assert response.status_code == 404
    assert submitted.report.reference not in response.content.decode()
    missing = _answer(client, thread, other.receipt, "0b5c1a8e-6d1c-4b3e-9a43-2f6a9d1f1e11", "worse")
    assert missing.status_code == 404
    checkin.refresh_from_db()
    assert checkin.answered_on is None and not CaseLink.objects.exists()
    assert client.post(_answer_url("not-a-uuid"), {"receipt": other.receipt}).status_code == 404
    # The control: the check-in's own receipt answers it.
    own = _thread(client, submitted.receipt)
    assert _answer(client, own, submitted.receipt, checkin.pk, "nothing").status_code == 200


def test_a_wrong_receipt_answers_nothing_and_counts_toward_the_throttle(waiting, call_taker, login, settings):
    settings.CONFIDE_HOTLINE_CALLBACK_FAILURES = 1
    submitted, checkin = waiting
    client = login(call_taker)
    page = client.get(CALLBACK)
    wrong = _answer(client, page, "wrong words", checkin.pk, "worse")
    assert wrong.status_code == 400
    assert "No report matches this receipt." in wrong.content.decode()
    checkin.refresh_from_db()
    assert checkin.answered_on is None
    limited = _answer(client, page, submitted.receipt, checkin.pk, "worse")
    assert limited.status_code == 429 and limited["Retry-After"] == str(15 * 60)
    checkin.refresh_from_db()
    assert checkin.answered_on is None and not CaseLink.objects.exists()


def test_a_receipt_past_its_write_allowance_gets_a_429_with_retry_after(waiting, call_taker, login, settings):
    buckets_reset()
    settings.CONFIDE_RECEIPT_WRITE_LIMIT = (0.001, 1.0)
    submitted, checkin = waiting
    message_create_by_reporter(access=reporter_access_get(receipt=submitted.receipt), body="From the web.")
    client = login(call_taker)
    thread = _thread(client, submitted.receipt)
    response = _answer(client, thread, submitted.receipt, checkin.pk, "worse")
    buckets_reset()
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Please wait a minute" in response.content.decode()
    checkin.refresh_from_db()
    assert checkin.answered_on is None and not CaseLink.objects.exists()


STRANGERS = ["handler", "outsider", "other_call_taker", "contact", "other_tenant_handler"]


@pytest.fixture
def stranger(request, org, other_org):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("stranger", STRANGERS, indirect=True)
def test_only_the_organizations_call_takers_can_answer_for_a_caller(stranger, waiting, call_taker, login):
    submitted, checkin = waiting
    client = login(stranger)
    page = client.get("/staff/password/")
    response = _answer(client, page, submitted.receipt, checkin.pk, "worse")
    assert response.status_code == 404
    assert submitted.report.reference not in response.content.decode()
    checkin.refresh_from_db()
    assert checkin.answered_on is None and not CaseLink.objects.exists()
    # The control: the organization's own call-taker gets through with the same form.
    taker = login(call_taker)
    assert _answer(taker, taker.get(CALLBACK), submitted.receipt, checkin.pk, "worse").status_code == 200
