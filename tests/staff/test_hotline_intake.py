"""Filing by phone: script, account, read-back with consent, receipt read back; the call-taker forgets."""

import pytest
from django.test import Client

from confide import crypto
from confide.audit.models import AuditEntry
from confide.audit.selectors import audit_chain_verify
from confide.hotline.models import ReadBackUsed
from confide.hotline.services import hotline_report_submit
from confide.reports import keys
from confide.reports.content import LIMITS, ReportContent
from confide.reports.models import KeyWrap, Report
from confide.reports.selectors.common import report_view
from confide.reports.selectors.reporter import reporter_access_get
from confide.staff.forms.hotline import DraftForm
from confide.tenants.models import Membership
from tests.helpers.audit import audit_flushed
from tests.helpers.hotline import ACCOUNT, file_call, hidden_fields, post, read_back, receipt_of
from tests.helpers.reports import sample_content, submit_report
from tests.helpers.staff import PASSWORD, csrf_from, make_staff, totp_code


def _content(report: Report, handler, unlock) -> ReportContent:
    wrap = KeyWrap.objects.get(report=report, user=handler)
    key = crypto.unseal(unlock(handler).secret_key, bytes(wrap.sealed_key))
    return ReportContent.from_bytes(crypto.aead_decrypt(key, bytes(report.content), ad=keys.ad_report(report.id)))


def test_call_taker_files_a_report_the_handlers_can_read(org, handler, call_taker, login, unlock):
    response = file_call(login(call_taker))
    assert response.status_code == 200
    report = Report.objects.get()
    content = _content(report, handler, unlock)
    assert content.what_happened == ACCOUNT["what_happened"]
    assert content.channel == "phone" and content.language == "en" and content.consent_read_back
    assert report.organization == org
    assert "owe me" not in str(report.content)


def test_the_receipt_opens_the_report_and_is_spelled_word_by_word(org, handler, call_taker, login):
    response = file_call(login(call_taker))
    receipt = receipt_of(response)
    assert len(receipt.split()) == 8
    assert Report.objects.get().reference in response.content.decode()
    page = response.content.decode()
    first = receipt.split()[0]
    assert f'<strong lang="en">{first}</strong>' in page
    expected = {"a": "Alfa", "e": "Echo", "o": "Oscar", "s": "Sierra", "t": "Tango"}
    letter = next(ch for ch in receipt.replace(" ", "") if ch in expected)
    assert expected[letter] in page

    assert reporter_access_get(receipt=receipt, organization=org).report == Report.objects.get()


def test_a_correct_read_back_of_the_receipt_is_confirmed_and_the_receipt_leaves_the_screen(org, call_taker, login):
    client = login(call_taker)
    response = file_call(client)
    receipt = receipt_of(response)
    heard = receipt.upper().replace(" ", "-")
    confirmed = post(client, "/staff/hotline/acme/receipt/", response, {**hidden_fields(response), "heard": heard})
    assert confirmed.status_code == 200
    assert "read the receipt back correctly" in confirmed.content.decode()
    assert receipt.split()[3] not in confirmed.content.decode()


def test_a_wrong_read_back_of_the_receipt_shows_it_again(org, call_taker, login):
    client = login(call_taker)
    response = file_call(client)
    receipt = receipt_of(response)
    words = receipt.split()
    heard = " ".join([*words[:7], "acorn" if words[7] != "acorn" else "zoom"])
    wrong = post(client, "/staff/hotline/acme/receipt/", response, {**hidden_fields(response), "heard": heard})
    assert wrong.status_code == 400
    assert "does not match" in wrong.content.decode()
    assert receipt_of(wrong) == receipt


def test_it_refuses_a_submission_without_the_consent_step(org, handler, call_taker, login):
    response = file_call(login(call_taker), consent=False)
    assert response.status_code == 400
    assert "consent" in response.content.decode()
    assert not Report.objects.exists()
    # Nothing typed is lost: the read-back is shown again with the draft.
    assert hidden_fields(response)["what_happened"] == ACCOUNT["what_happened"]


def test_it_refuses_a_text_that_was_not_read_back(org, handler, call_taker, login):
    client = login(call_taker)
    page = read_back(client)
    data = {**hidden_fields(page), "consent": "yes", "what_happened": "Something else entirely."}
    assert post(client, "/staff/hotline/acme/file/", page, data).status_code == 400
    data = {**hidden_fields(page), "consent": "yes", "mac": ""}
    assert post(client, "/staff/hotline/acme/file/", page, data).status_code == 400
    assert not Report.objects.exists()


def test_another_call_takers_read_back_cannot_be_filed(org, handler, call_taker, login):
    colleague = make_staff("cora", [org], role="call_taker")
    page = read_back(login(call_taker))
    other = login(colleague)
    start = other.get("/staff/hotline/acme/")
    response = post(other, "/staff/hotline/acme/file/", start, {**hidden_fields(page), "consent": "yes"})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_a_correction_goes_back_to_the_account_with_everything_typed(org, call_taker, login):
    client = login(call_taker)
    page = read_back(client)
    correct = post(client, "/staff/hotline/acme/call/", page, {**hidden_fields(page), "step": "correct"})
    assert correct.status_code == 200
    assert "you owe me for this job" in correct.content.decode()
    assert 'name="step" value="read_back"' in correct.content.decode()


def test_the_opening_script_must_be_done_before_the_account(org, call_taker, login):
    client = login(call_taker)
    script = client.get("/staff/hotline/acme/")
    response = post(client, "/staff/hotline/acme/call/", script, {"step": "account", "safe_to_talk": "on"})
    assert response.status_code == 400
    assert 'name="what_happened"' not in response.content.decode()


def test_unclosed_callers_words_and_an_empty_account_are_explained(org, call_taker, login):
    client = login(call_taker)
    response = read_back(client, what_happened="He said [[come here")
    assert response.status_code == 400
    assert "Close every [[ with ]]" in response.content.decode()
    response = read_back(client, what_happened="   ")
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_an_unknown_step_is_a_clear_400(org, call_taker, login):
    client = login(call_taker)
    page = client.get("/staff/hotline/acme/")
    response = post(client, "/staff/hotline/acme/call/", page, {"step": "teleport"})
    assert response.status_code == 400
    assert "Start the call again" in response.content.decode()


def test_the_call_taker_cannot_read_the_report_after_filing(org, handler, call_taker, login):
    client = login(call_taker)
    file_call(client)
    report = Report.objects.get()
    assert not KeyWrap.objects.filter(report=report, user=call_taker).exists()
    assert KeyWrap.objects.filter(report=report, user=handler).exists()
    assert client.get(f"/staff/cases/{report.pk}/").status_code == 404
    inbox = client.get("/staff/")
    assert inbox.status_code == 200
    assert report.reference not in inbox.content.decode()
    assert report.reference in login(handler).get("/staff/").content.decode()


def test_the_call_taker_cannot_read_the_report_through_the_api(org, handler, call_taker, login, client):
    file_call(login(call_taker))
    report = Report.objects.get()

    token = client.post(
        "/api/staff/login",
        {"username": call_taker.username, "password": PASSWORD, "totp": totp_code(call_taker)},
        content_type="application/json",
    ).json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get(f"/api/cases/{report.pk}", **auth).status_code == 404
    assert client.get("/api/cases", **auth).json()["items"] == []


def test_a_stray_handler_membership_still_gives_the_filing_call_taker_no_key(org, handler, call_taker, login):
    client = login(call_taker)
    page = read_back(client)
    # An operator mistake after the call began: the call-taker also became a handler member. The console no
    # longer serves them for this organization, and the service itself never seals to the filer.
    Membership.objects.filter(user=call_taker).update(role=Membership.Role.HANDLER)
    assert post(client, "/staff/hotline/acme/file/", page, {**hidden_fields(page), "consent": "yes"}).status_code == 404

    submitted = hotline_report_submit(user=call_taker, organization=org, content=sample_content())
    assert not KeyWrap.objects.filter(report=submitted.report, user=call_taker).exists()


def test_the_audit_log_records_who_filed_it(org, handler, call_taker, login):
    file_call(login(call_taker))
    audit_flushed()
    entry = AuditEntry.objects.get(action="hotline.report_filed")
    assert entry.actor_id == call_taker.pk
    assert (entry.object_type, entry.object_id) == ("organization", str(org.pk))
    assert audit_chain_verify().ok


def test_the_filing_row_does_not_tie_the_report_to_the_time_of_the_call(org, handler, call_taker, login):
    file_call(login(call_taker))
    report = Report.objects.get()
    assert not AuditEntry.objects.filter(object_id=str(report.pk)).exists()


def test_a_second_press_of_file_files_nothing_more(org, handler, call_taker, login):
    client = login(call_taker)
    page = read_back(client)
    data = {**hidden_fields(page), "consent": "yes"}
    first = post(client, "/staff/hotline/acme/file/", page, data)
    assert first.status_code == 200
    second = post(client, "/staff/hotline/acme/file/", page, data)
    assert second.status_code == 409
    assert "already filed" in second.content.decode()
    assert "receipt" not in hidden_fields(second)
    assert Report.objects.count() == 1
    audit_flushed()
    assert AuditEntry.objects.filter(action="hotline.report_filed").count() == 1


def test_a_new_read_back_of_the_same_account_can_be_filed(org, handler, call_taker, login):
    """Single use is per read-back, not per text: two callers may well say the same words."""
    client = login(call_taker)
    assert file_call(client).status_code == 200
    assert file_call(client).status_code == 200
    assert Report.objects.count() == 2


def test_filing_without_the_read_back_nonce_is_refused(org, handler, call_taker, login):
    client = login(call_taker)
    page = read_back(client)
    data = {**hidden_fields(page), "consent": "yes", "nonce": ""}
    response = post(client, "/staff/hotline/acme/file/", page, data)
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_the_used_read_backs_keep_no_time_and_no_link(org, handler, call_taker, login):
    client = login(call_taker)
    page = read_back(client)
    post(client, "/staff/hotline/acme/file/", page, {**hidden_fields(page), "consent": "yes"})
    assert [f.name for f in ReadBackUsed._meta.get_fields()] == ["token_hash"]
    (row,) = ReadBackUsed.objects.all()
    assert hidden_fields(page)["nonce"] not in row.token_hash


def test_the_handler_sees_the_call_details_and_the_callers_words(org, handler, call_taker, login):
    file_call(login(call_taker))
    report = Report.objects.get()
    page = login(handler).get(f"/staff/cases/{report.pk}/").content.decode()
    assert "Phone, in English" in page
    assert "the caller consented to this record" in page
    assert '<mark class="callers-words"><q>you owe me for this job</q></mark>' in page


def test_callers_words_are_escaped(org, handler, call_taker, login):
    file_call(login(call_taker), what_happened="He wrote [[<script>x</script>]] on the board <b>twice</b>")
    report = Report.objects.get()
    page = login(handler).get(f"/staff/cases/{report.pk}/").content.decode()
    assert "<script>x" not in page and "<b>twice" not in page
    assert "<q>&lt;script&gt;x&lt;/script&gt;</q>" in page


def test_web_reports_still_decode_and_show_no_phone_details(org, handler, login, unlock):
    submitted = submit_report(org, what_happened="Typed online [[not a quote]]")
    page = login(handler).get(f"/staff/cases/{submitted.report.pk}/").content.decode()
    assert "Phone, in" not in page
    assert "[[not a quote]]" in page
    legacy = b'{"what_happened":"old","category":"other"}'
    assert ReportContent.from_bytes(legacy).channel == "web"


@pytest.mark.parametrize("field", ["what_happened", "when"])
def test_oversized_fields_are_a_clear_400(org, call_taker, login, field):
    response = read_back(login(call_taker), **{field: "x" * (LIMITS[field] + 1)})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_filing_with_a_tampered_category_is_a_clear_400(org, call_taker, login):
    client = login(call_taker)
    page = read_back(client)
    data = {**hidden_fields(page), "category": "x", "consent": "yes"}
    response = post(client, "/staff/hotline/acme/file/", page, data)
    assert response.status_code == 400
    assert not Report.objects.exists()
    assert csrf_from(response)


def test_the_caller_online_sees_their_words_marked_not_brackets(org, handler, call_taker, login):
    receipt = receipt_of(file_call(login(call_taker)))
    reporter = Client()
    form = reporter.get("/r/acme/return/")
    opened = reporter.post("/r/acme/return/", {"receipt": receipt, "csrfmiddlewaretoken": csrf_from(form)})
    assert opened.status_code in (200, 302, 303)
    page = reporter.get("/r/acme/report/").content.decode()
    assert '<mark class="callers-words"><q>you owe me for this job</q></mark>' in page
    assert "[[" not in page


def test_a_web_reporter_still_sees_brackets_as_typed(org, handler):
    submitted = submit_report(org, what_happened="Typed online [[not a quote]] <b>bold</b>")
    reporter = Client()
    form = reporter.get("/r/acme/return/")
    reporter.post("/r/acme/return/", {"receipt": submitted.receipt, "csrfmiddlewaretoken": csrf_from(form)})
    page = reporter.get("/r/acme/report/").content.decode()
    assert "[[not a quote]] &lt;b&gt;bold" in page
    assert "callers-words" not in page


def test_a_long_call_account_is_filed_whole_and_its_field_states_the_limit(org, call_taker, login):
    """Issue 11: the call-taker's account takes what a caller says at length, with no maxlength to cut a paste."""
    client = login(call_taker)
    long = ("He said [[you owe me]] and followed me to the car. " * 1300)[:60_000].strip()
    filed = file_call(client, what_happened=long)
    assert filed.status_code == 200
    access = reporter_access_get(receipt=receipt_of(filed), organization=org)
    assert report_view(access=access, for_staff=False).content.what_happened == long
    field = str(DraftForm()["what_happened"])
    assert "maxlength" not in field and "Up to 200,000 characters." in str(DraftForm()["what_happened"].help_text)
