"""The hotline API: same rules as the console; every persona that does not take the line's calls gets 404/403."""

import pytest
from django.utils import timezone

from confide.audit.models import AuditEntry
from confide.audit.selectors import audit_chain_verify
from confide.core.spelling import SOUNDS_LIKE
from confide.reports.models import Author, KeyWrap, Message, Report
from tests.helpers.audit import audit_flushed
from tests.helpers.reports import submit_report

PHONE_REPORT = {
    "what_happened": "He said [[you owe me]] in the van.",
    "category": "sexual_harassment",
    "when": "In June",
    "language": "es",
    "consent_read_back": True,
}


def _post(api, url: str, data: dict, auth: dict):
    return api.post(url, data, content_type="application/json", **auth)


def test_a_call_taker_files_by_api_and_cannot_read_it_after(api, token_for, org, handler, call_taker):
    auth = token_for(call_taker)
    response = _post(api, "/api/hotline/orgs/acme/reports", PHONE_REPORT, auth)
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["receipt"].split()) == 10  # a Spanish call: a Spanish receipt (10 words)
    assert body["spelling"][0]["word"] == body["receipt"].split()[0]
    assert len(body["spelling"][0]["letters"]) == len(body["spelling"][0]["word"])
    assert body["spelling"][0]["sounds_like"] == SOUNDS_LIKE.get(body["spelling"][0]["word"], "")
    report = Report.objects.get()
    assert not KeyWrap.objects.filter(report=report, user=call_taker).exists()
    assert api.get(f"/api/cases/{report.pk}", **auth).status_code == 404
    audit_flushed()
    assert AuditEntry.objects.filter(action="hotline.report_filed", actor_id=call_taker.pk).exists()
    case = api.get(f"/api/cases/{report.pk}", **token_for(handler)).json()
    assert case["content"]["channel"] == "phone" and case["content"]["language"] == "es"
    assert case["content"]["consent_read_back"] is True


def test_the_filings_audit_row_is_timed_to_the_day_and_the_chain_still_verifies(
    api, token_for, org, handler, call_taker
):
    assert _post(api, "/api/hotline/orgs/acme/reports", PHONE_REPORT, token_for(call_taker)).status_code == 201
    audit_flushed()
    row = AuditEntry.objects.get(action="hotline.report_filed")
    assert (row.at.hour, row.at.minute, row.at.second, row.at.microsecond) == (0, 0, 0, 0)
    assert row.at.date() == timezone.now().date()
    assert audit_chain_verify().ok


def test_filing_without_consent_is_refused(api, token_for, org, handler, call_taker):
    auth = token_for(call_taker)
    response = _post(api, "/api/hotline/orgs/acme/reports", {**PHONE_REPORT, "consent_read_back": False}, auth)
    assert response.status_code == 400
    assert response.json()["field"] == "consent_read_back"
    missing = {k: v for k, v in PHONE_REPORT.items() if k != "consent_read_back"}
    assert _post(api, "/api/hotline/orgs/acme/reports", missing, auth).status_code == 422
    assert _post(api, "/api/hotline/orgs/acme/reports", {**PHONE_REPORT, "language": "fr"}, auth).status_code == 422
    assert not Report.objects.exists()


def test_callbacks_by_api_read_the_thread_and_post_as_the_reporter(api, token_for, org, handler, call_taker):
    submitted = submit_report(org)
    auth = token_for(call_taker)
    thread = _post(api, "/api/hotline/orgs/acme/callback", {"receipt": submitted.receipt}, auth)
    assert thread.status_code == 200
    assert thread.json()["reference"] == submitted.report.reference
    reply = _post(
        api, "/api/hotline/orgs/acme/callback/messages", {"receipt": submitted.receipt, "body": "Call me back"}, auth
    )
    assert reply.status_code == 201
    assert Message.objects.get().author_kind == Author.REPORTER
    empty = _post(api, "/api/hotline/orgs/acme/callback/messages", {"receipt": submitted.receipt, "body": " "}, auth)
    assert empty.status_code == 400 and empty.json()["detail"]


def test_bad_receipts_by_api_get_one_answer_then_429(api, token_for, org, handler, call_taker, settings):
    settings.CONFIDE_HOTLINE_CALLBACK_FAILURES = 2
    submitted = submit_report(org)
    auth = token_for(call_taker)
    words = submitted.receipt.split()
    wrong = _post(api, "/api/hotline/orgs/acme/callback", {"receipt": " ".join([*words[:7], "zzz"])}, auth)
    malformed = _post(api, "/api/hotline/orgs/acme/callback", {"receipt": "x"}, auth)
    assert wrong.status_code == malformed.status_code == 400
    assert wrong.json() == malformed.json()
    limited = _post(api, "/api/hotline/orgs/acme/callback", {"receipt": submitted.receipt}, auth)
    assert limited.status_code == 429 and "detail" in limited.json()
    reply = {"receipt": submitted.receipt, "body": "hello"}
    assert _post(api, "/api/hotline/orgs/acme/callback/messages", reply, auth).status_code == 429


def test_the_line_list_shows_only_the_call_takers_organizations(api, token_for, org, other_org, call_taker):
    lines = api.get("/api/hotline/lines", **token_for(call_taker)).json()
    assert [line["organization"] for line in lines] == ["acme"]


@pytest.mark.parametrize("who", ["handler", "outsider", "other_call_taker", "contact", "other_tenant_handler"])
def test_strangers_get_nothing_from_the_hotline_api(api, token_for, org, other_org, request, who):
    user = request.getfixturevalue(who)
    auth = token_for(user)
    submitted = submit_report(org)
    for url, data in [
        ("/api/hotline/orgs/acme/reports", PHONE_REPORT),
        ("/api/hotline/orgs/acme/callback", {"receipt": submitted.receipt}),
        ("/api/hotline/orgs/acme/callback/messages", {"receipt": submitted.receipt, "body": "x"}),
    ]:
        response = _post(api, url, data, auth)
        assert response.status_code in (403, 404), (url, response.status_code)
        assert "detail" in response.json()
        assert submitted.report.reference not in response.content.decode()
    lines = api.get("/api/hotline/lines", **auth)
    if who == "other_call_taker":
        assert [line["organization"] for line in lines.json()] == ["rival"]
    else:
        assert lines.status_code == 403
    assert Report.objects.count() == 1
    assert not Message.objects.exists()


def test_the_hotline_api_needs_a_token(api, org):
    assert api.get("/api/hotline/lines").status_code == 401
    assert _post(api, "/api/hotline/orgs/acme/callback", {"receipt": "x"}, {}).status_code == 401


def test_a_retried_filing_with_the_same_read_back_id_files_once(api, token_for, org, handler, call_taker):
    auth = token_for(call_taker)
    data = {**PHONE_REPORT, "read_back_id": "a-random-value-drawn-by-the-client"}
    assert _post(api, "/api/hotline/orgs/acme/reports", data, auth).status_code == 201
    again = _post(api, "/api/hotline/orgs/acme/reports", data, auth)
    assert again.status_code == 409
    assert "already filed" in again.json()["detail"]
    assert Report.objects.count() == 1
