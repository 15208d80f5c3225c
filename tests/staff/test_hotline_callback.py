"""Callbacks: the caller gives the receipt, the call-taker reads replies and types the answer, for that call
only. Wrong and malformed receipts get one answer and are rate-limited per call-taker."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.utils import timezone

from confide import crypto
from confide.audit.models import AuditEntry
from confide.reports import keys
from confide.reports.models import Author, Message
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.messages import message_create_by_handler
from tests.helpers.hotline import post
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from, make_staff

HANDLER_REPLY = "Thank you for calling. Could you tell us whether anyone else was present?"


@pytest.fixture
def answered(org, handler, unlock):
    """A report (filed on the web: callbacks work for any receipt) with a reply from the handler."""
    submitted = submit_report(org)
    access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=submitted.report.pk)
    message_create_by_handler(access=access, body=HANDLER_REPLY)
    return submitted


def _open(client, receipt: str):
    page = client.get("/staff/hotline/acme/callback/")
    return post(client, "/staff/hotline/acme/callback/", page, {"receipt": receipt})


def test_the_thread_is_shown_only_in_the_response_to_the_receipt(answered, call_taker, login):
    client = login(call_taker)
    before = client.get("/staff/hotline/acme/callback/")
    assert HANDLER_REPLY not in before.content.decode()
    response = _open(client, answered.receipt)
    assert response.status_code == 200
    assert HANDLER_REPLY in response.content.decode()
    after = client.get("/staff/hotline/acme/callback/")
    assert HANDLER_REPLY not in after.content.decode()
    assert answered.receipt not in after.content.decode()


def test_the_console_never_keeps_the_receipt(answered, call_taker, login):
    client = login(call_taker)
    response = _open(client, answered.receipt)
    assert response.status_code == 200
    first_word = answered.receipt.split()[0]
    for morsel in response.cookies.values():
        assert first_word not in morsel.value
    for session in Session.objects.all():
        assert first_word not in str(session.get_decoded())
    assert first_word not in str(AuditEntry.objects.values_list())


def test_the_callers_answer_reaches_the_handlers_as_the_reporters_message(answered, handler, call_taker, login, unlock):
    client = login(call_taker)
    thread = _open(client, answered.receipt)
    data = {"receipt": answered.receipt, "body": "Yes, a volunteer was there.", "lang": "en"}
    response = post(client, "/staff/hotline/acme/callback/reply/", thread, data)
    assert response.status_code == 200
    assert "Yes, a volunteer was there." in response.content.decode()
    assert "sent to the case handlers" in response.content.decode()
    message = Message.objects.get(author_kind=Author.REPORTER)
    assert message.author is None
    access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=answered.report.pk)
    body = crypto.aead_decrypt(access.report_key, bytes(message.body), ad=keys.ad_message(access.report.id, message.id))
    assert body.decode() == "Yes, a volunteer was there."
    actions = list(AuditEntry.objects.filter(actor_id=call_taker.pk).values_list("action", "object_type", "object_id"))
    org_pk = str(answered.report.organization_id)
    assert ("hotline.callback_opened", "organization", org_pk) in actions
    assert ("hotline.callback_reply", "organization", org_pk) in actions
    # The exact second of a callback is never tied to the report it was about (G2).
    assert not AuditEntry.objects.filter(object_id=str(answered.report.pk), actor_id=call_taker.pk).exists()


def test_an_empty_answer_is_explained_and_the_thread_stays(answered, call_taker, login):
    client = login(call_taker)
    thread = _open(client, answered.receipt)
    response = post(client, "/staff/hotline/acme/callback/reply/", thread, {"receipt": answered.receipt, "body": " "})
    assert response.status_code == 400
    assert "The message is empty." in response.content.decode()
    assert HANDLER_REPLY in response.content.decode()
    assert not Message.objects.filter(author_kind=Author.REPORTER).exists()


def _body_without_token(response) -> str:
    return response.content.decode().replace(csrf_from(response), "")


def test_wrong_and_malformed_receipts_get_the_same_answer(answered, call_taker, login):
    client = login(call_taker)
    words = answered.receipt.split()
    wrong = _open(client, " ".join([*words[:7], "acorn" if words[7] != "acorn" else "zoom"]))
    malformed = _open(client, "not a receipt")
    assert wrong.status_code == malformed.status_code == 400
    assert _body_without_token(wrong) == _body_without_token(malformed)
    assert HANDLER_REPLY not in wrong.content.decode()


def test_a_receipt_of_another_organization_opens_nothing(org, other_org, call_taker, login):
    make_staff("rival-handler", [other_org])
    foreign = submit_report(other_org)
    response = _open(login(call_taker), foreign.receipt)
    assert response.status_code == 400
    assert foreign.report.reference not in response.content.decode()


def test_a_reply_with_a_wrong_receipt_posts_nothing(answered, call_taker, login):
    client = login(call_taker)
    page = client.get("/staff/hotline/acme/callback/")
    response = post(client, "/staff/hotline/acme/callback/reply/", page, {"receipt": "wrong", "body": "hello"})
    assert response.status_code == 400
    assert not Message.objects.filter(author_kind=Author.REPORTER).exists()


def test_failed_receipts_are_rate_limited_per_call_taker(answered, org, call_taker, login, settings):
    settings.CONFIDE_HOTLINE_CALLBACK_FAILURES = 3
    client = login(call_taker)
    for _ in range(3):
        assert _open(client, "wrong words").status_code == 400
    limited = _open(client, answered.receipt)
    assert limited.status_code == 429
    assert HANDLER_REPLY not in limited.content.decode()
    assert "Wait 15 minutes" in limited.content.decode()
    # Another call-taker is not held back by a colleague's mistakes.
    colleague = make_staff("cora", [org], role="call_taker")
    assert _open(login(colleague), answered.receipt).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert _open(client, answered.receipt).status_code == 200


def test_successful_callbacks_do_not_reset_the_count(answered, call_taker, login, settings):
    settings.CONFIDE_HOTLINE_CALLBACK_FAILURES = 2
    client = login(call_taker)
    assert _open(client, "wrong").status_code == 400
    assert _open(client, answered.receipt).status_code == 200
    assert _open(client, "wrong").status_code == 400
    assert _open(client, answered.receipt).status_code == 429
