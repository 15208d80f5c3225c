import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from confide.reports.models import Attachment, Message, Report
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.messages import message_create_by_handler
from tests.helpers.receipts import followed, receipt_of, submission_of, type_back
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

FORM = {
    "what_happened": "He cornered me after the rally.",
    "when": "Last August",
    "where": "Union hall",
    "people_involved": "The deputy field director",
    "category": "sexual_harassment",
    "identity": "anonymous",
}


def post_form(client: Client, url: str, data: dict, **extra):
    page = client.get(url)
    token = {"submission": submission_of(page)} if 'name="submission"' in page.content.decode() else {}
    return client.post(url, {**token, **data, "csrfmiddlewaretoken": csrf_from(page)}, **extra)


def submit(client: Client, **overrides):
    """File through the form; a filing answers with a redirect, followed here to the receipt page."""
    return followed(client, post_form(client, "/r/acme/", {**FORM, **overrides}))


def enter(client: Client, receipt: str, slug="acme"):
    return post_form(client, f"/r/{slug}/return/", {"receipt": receipt})


def stored_blobs() -> set[str]:
    folder = Path(settings.MEDIA_ROOT) / "attachments"
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def without_csrf(response) -> str:
    return re.sub(
        r'value="[^"]+" name="csrfmiddlewaretoken"|name="csrfmiddlewaretoken" value="[^"]+"',
        "",
        response.content.decode(),
    )


def test_the_form_says_who_reads_it_and_what_stays_confidential(csrf_client, org):
    html = csrf_client.get("/r/acme/").content.decode()
    assert "Acme for America" in html
    assert "independent third party" in html
    assert "IP address" in html
    assert "anonymous" in html
    assert "<script" not in html


def test_it_shows_the_receipt_once_the_report_is_committed(csrf_client, org, handler):
    posted = post_form(csrf_client, "/r/acme/", FORM)
    assert posted.status_code == 303 and posted["Location"] == "/r/acme/receipt/"
    assert "receipt" not in posted.content.decode().lower(), "the receipt is never in the POST's answer or URL"
    response = csrf_client.get(posted["Location"])
    assert response.status_code == 200
    receipt = receipt_of(response)
    assert len(receipt.split()) == 8
    report = Report.objects.get()
    assert report.reference in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_typing_back_the_words_goes_on_and_the_receipt_is_not_shown_again(csrf_client, org, handler):
    page = submit(csrf_client)
    receipt = receipt_of(page)
    saved = type_back(csrf_client, page)
    assert saved.status_code == 303 and saved["Location"] == "/r/acme/saved/"
    thanks = csrf_client.get(saved["Location"])
    assert thanks.status_code == 200 and "/r/acme/return/" in thanks.content.decode()
    again = csrf_client.get("/r/acme/receipt/")
    assert again.status_code == 410 and receipt not in again.content.decode()


def test_a_validation_error_keeps_what_was_typed(csrf_client, org):
    response = submit(csrf_client, what_happened="   ", where="Kept place text")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kept place text" in html
    assert 'role="alert"' in html
    assert not Report.objects.exists()


def test_a_named_report_needs_a_name_or_contact(csrf_client, org):
    response = submit(csrf_client, identity="named")
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_an_unknown_or_closed_organization_is_not_found(csrf_client, org):
    assert csrf_client.get("/r/nobody/").status_code == 404
    org.intake_open = False
    org.save()
    assert csrf_client.get("/r/acme/").status_code == 404


def test_wrong_and_malformed_receipts_get_the_same_answer(csrf_client, org, handler):
    receipt_of(submit(csrf_client))
    wrong = enter(csrf_client, "apple banana cherry dragon eagle falcon garlic hammer")
    malformed = enter(csrf_client, "%%% not a receipt %%%")
    assert wrong.status_code == malformed.status_code == 400
    assert without_csrf(wrong) == without_csrf(malformed)
    assert "confide_r" not in wrong.cookies


def test_the_reporter_reads_the_reply_and_answers(csrf_client, org, handler, unlock):
    receipt = receipt_of(submit(csrf_client))
    report = Report.objects.get()
    access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=report.pk)
    message_create_by_handler(access=access, body="We received your report. Are you safe now?")

    returned = enter(csrf_client, receipt.upper().replace(" ", "-"))
    assert returned.status_code == 303 and returned["Location"] == "/r/acme/report/"
    page = csrf_client.get("/r/acme/report/")
    html = page.content.decode()
    assert "Are you safe now?" in html and "He cornered me after the rally." in html
    assert handler.username not in html, "reporters see 'Case handler', never who"

    reply = csrf_client.post(
        "/r/acme/report/reply/", {"body": "Yes, thank you.", "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert reply.status_code == 303
    assert "Yes, thank you." in csrf_client.get("/r/acme/report/").content.decode()
    assert Report.objects.get().awaiting_handler


def test_an_empty_reply_is_refused_with_a_message(csrf_client, org, handler):
    enter(csrf_client, receipt_of(submit(csrf_client)))
    page = csrf_client.get("/r/acme/report/")
    response = csrf_client.post("/r/acme/report/reply/", {"body": "  ", "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert not Message.objects.exists()


def test_attachments_round_trip_encrypted(csrf_client, org, handler):
    payload = b"%PDF-1.4 screenshot bytes " * 100
    response = submit(csrf_client, attachments=[SimpleUploadedFile("texts.pdf", payload, "application/pdf")])
    enter(csrf_client, receipt_of(response))
    attachment = Attachment.objects.get()
    blob = b"".join(bytes(c) for c in attachment.chunks.order_by("seq").values_list("data", flat=True))
    assert payload[:20] not in blob and b"texts.pdf" not in blob
    download = csrf_client.get(f"/r/acme/report/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == payload
    assert "texts.pdf" in download["Content-Disposition"] and "attachment" in download["Content-Disposition"]


def test_an_oversized_file_is_refused_and_nothing_is_kept(csrf_client, org, handler, settings):
    settings.CONFIDE_ATTACHMENT_MAX_BYTES = 1024
    before = stored_blobs()
    response = submit(csrf_client, attachments=[SimpleUploadedFile("big.bin", b"x" * 5000)])
    assert response.status_code == 413
    assert "He cornered me after the rally." in response.content.decode(), "the typed text is kept"
    assert not Report.objects.exists() and not Attachment.objects.exists()
    assert stored_blobs() == before


def test_another_reports_attachment_is_not_found(csrf_client, org, handler):
    first = receipt_of(submit(csrf_client, attachments=[SimpleUploadedFile("a.txt", b"first")]))
    second = receipt_of(submit(csrf_client))
    assert first != second
    enter(csrf_client, second)
    other = Attachment.objects.get()
    assert csrf_client.get(f"/r/acme/report/attachments/{other.pk}/").status_code == 404


@pytest.mark.parametrize("cookie", ["garbage", "A" * 3000, "eyJ0eXAiOiJKV1QifQ=="])
def test_a_garbage_cookie_sends_the_reporter_to_the_receipt_page(org, cookie):
    client = Client()
    client.cookies["confide_r"] = cookie
    response = client.get("/r/acme/report/")
    assert response.status_code == 303 and response["Location"] == "/r/acme/return/"


def test_a_receipt_only_opens_at_its_own_organizations_address(csrf_client, org, other_org, handler):
    receipt = receipt_of(submit(csrf_client))
    assert enter(csrf_client, receipt, slug="rival").status_code == 400
    csrf_client.cookies["confide_r"] = csrf_client.cookies.get("confide_r", "")
    assert csrf_client.get("/r/rival/report/").status_code == 303


def test_leaving_forgets_this_browser(csrf_client, org, handler):
    enter(csrf_client, receipt_of(submit(csrf_client)))
    page = csrf_client.get("/r/acme/report/")
    left = csrf_client.post("/r/acme/report/leave/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert left.status_code == 200 and left.cookies["confide_r"].value == ""
    assert csrf_client.get("/r/acme/report/").status_code == 303


def test_no_server_side_session_is_created_for_a_reporter(csrf_client, org, handler):
    from django.contrib.sessions.models import Session

    enter(csrf_client, receipt_of(submit(csrf_client)))
    csrf_client.get("/r/acme/report/")
    assert not Session.objects.exists()


def test_wrong_methods_get_a_clear_answer(csrf_client, org):
    response = csrf_client.get("/r/acme/report/reply/")
    assert response.status_code == 405
    assert b"not" in response.content.lower()


def test_an_oversized_form_gets_a_413_page(csrf_client, org):
    response = submit(csrf_client, what_happened="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_too_many_files_are_refused_and_nothing_is_kept(csrf_client, org, handler, settings):
    settings.CONFIDE_ATTACHMENTS_PER_REQUEST = 2
    before = stored_blobs()
    files = [SimpleUploadedFile(f"f{i}.txt", b"data") for i in range(3)]
    response = submit(csrf_client, attachments=files)
    assert response.status_code == 413 and "at most 2 files" in response.content.decode()
    assert not Report.objects.exists() and stored_blobs() == before


def test_the_form_offers_a_private_record_and_letters_before_reporting(org):
    html = Client().get(f"/r/{org.slug}/").content.decode()
    assert f'href="/r/{org.slug}/vault/"' in html
    assert f'href="/r/{org.slug}/letters/"' in html
    assert Client().get(f"/r/{org.slug}/vault/").status_code == 200
    assert Client().get(f"/r/{org.slug}/letters/").status_code == 200
