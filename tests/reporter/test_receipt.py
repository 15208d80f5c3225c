"""Issue 11, items 1 and 4: a form sent twice files one report; the receipt page is reached by a redirect,
shown until two of its words are typed back, and can be saved as a plain-text file."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from confide.reports.content import content_build
from confide.reports.models import Report, Submission
from confide.reports.selectors.reporter import intake_target_get
from confide.reports.services.once import FORM, Twin, once_for, submissions_purge_expired
from confide.reports.services.submit import report_submit, report_submit_once
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.receipts import asked, receipt_of, submission_of, type_back
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

FORM_DATA = {
    "what_happened": "He cornered me after the rally.",
    "category": "sexual_harassment",
    "identity": "anonymous",
}


def form_page(client: Client, slug: str = "acme"):
    return client.get(f"/r/{slug}/")


def send(client: Client, page, data: dict | None = None, slug: str = "acme"):
    fields = {"submission": submission_of(page), "csrfmiddlewaretoken": csrf_from(page), **(data or FORM_DATA)}
    return client.post(f"/r/{slug}/", fields)


def test_the_same_form_sent_twice_files_one_report_and_shows_the_same_receipt(csrf_client, org, handler):
    page = form_page(csrf_client)
    first = send(csrf_client, page)
    receipt = receipt_of(csrf_client.get(first["Location"]))
    second = send(csrf_client, page)  # a reload of the POST, a double click, back and resubmit
    assert second.status_code == 303
    assert Report.objects.count() == 1
    assert receipt_of(csrf_client.get(second["Location"])) == receipt


def test_the_same_form_sent_twice_from_a_browser_that_lost_the_cookie_gets_the_same_receipt(org, handler):
    browser = Client(enforce_csrf_checks=True)
    page = form_page(browser)
    receipt = receipt_of(browser.get(send(browser, page)["Location"]))
    browser.cookies.pop("confide_rs")
    again = send(browser, page)
    assert receipt_of(browser.get(again["Location"])) == receipt and Report.objects.count() == 1


def test_two_forms_file_two_reports(csrf_client, org, handler):
    send(csrf_client, form_page(csrf_client))
    send(csrf_client, form_page(csrf_client))
    assert Report.objects.count() == 2


def test_reloading_the_receipt_page_files_nothing(csrf_client, org, handler):
    location = send(csrf_client, form_page(csrf_client))["Location"]
    shown = [receipt_of(csrf_client.get(location)) for _ in range(3)]
    assert len(set(shown)) == 1 and Report.objects.count() == 1


def test_a_token_sent_after_its_receipt_was_confirmed_files_nothing_and_shows_no_receipt(csrf_client, org, handler):
    page = form_page(csrf_client)
    receipt_page = csrf_client.get(send(csrf_client, page)["Location"])
    receipt = receipt_of(receipt_page)
    assert type_back(csrf_client, receipt_page).status_code == 303
    late = send(csrf_client, page)
    assert late.status_code == 409 and receipt not in late.content.decode()
    assert "already received" in late.content.decode()
    assert Report.objects.count() == 1


def test_a_wrong_word_shows_the_receipt_again_with_the_same_words_asked(csrf_client, org, handler):
    page = csrf_client.get(send(csrf_client, form_page(csrf_client))["Location"])
    receipt = receipt_of(page)
    wrong = type_back(csrf_client, page, words=["nothing", "wrong"])
    html = wrong.content.decode()
    assert wrong.status_code == 400 and receipt_of(wrong) == receipt
    assert 'role="alert"' in html and "does not match words" in html
    assert asked(wrong) == asked(page)
    assert type_back(csrf_client, wrong).status_code == 303


def test_typed_back_words_ignore_case_and_spaces(csrf_client, org, handler):
    page = csrf_client.get(send(csrf_client, form_page(csrf_client))["Location"])
    words = receipt_of(page).split()
    answers = [f"  {words[n - 1].upper()} " for n in asked(page)]
    assert type_back(csrf_client, page, words=answers).status_code == 303


def test_changed_positions_are_refused_with_a_message(csrf_client, org, handler):
    page = csrf_client.get(send(csrf_client, form_page(csrf_client))["Location"])
    words = receipt_of(page).split()
    forged = {"positions": "0.1.00", "word": words[:2], "csrfmiddlewaretoken": csrf_from(page)}
    response = csrf_client.post("/r/acme/receipt/", forged)
    assert response.status_code == 400 and "could not be read" in response.content.decode()


def test_the_receipt_asks_for_two_words_and_spells_each_word(csrf_client, org, handler):
    page = csrf_client.get(send(csrf_client, form_page(csrf_client))["Location"])
    html = page.content.decode()
    numbers = asked(page)
    assert len(numbers) == 2 and numbers[0] < numbers[1] and all(1 <= n <= 8 for n in numbers)
    assert html.count('<li><strong lang="en">') == 8 and " · " in html
    assert "<script" not in html


def test_the_receipt_file_has_the_receipt_and_reference_and_nothing_reported(csrf_client, org, handler):
    secret = canary("CONTENT")
    page = csrf_client.get(send(csrf_client, form_page(csrf_client), {**FORM_DATA, "where": secret})["Location"])
    download = csrf_client.get("/r/acme/receipt/file/")
    text = download.content.decode()
    assert download.status_code == 200 and download["Content-Type"].startswith("text/plain")
    assert "attachment" in download["Content-Disposition"] and download["Cache-Control"] == "no-store"
    assert receipt_of(page) in text and Report.objects.get().reference in text
    assert "http://testserver/r/acme/return/" in text
    assert secret not in text and FORM_DATA["what_happened"] not in text


def test_without_its_cookie_there_is_no_receipt_to_show_or_download(org):
    for url in ("/r/acme/receipt/", "/r/acme/receipt/file/"):
        response = Client().get(url)
        assert response.status_code == 410 and "no receipt to show" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_neither_the_receipt_nor_the_token_is_stored_in_plaintext(csrf_client, org, handler, log_buffer, capfd):
    page = form_page(csrf_client)
    token = submission_of(page)
    receipt_page = csrf_client.get(send(csrf_client, page)["Location"])
    receipt = receipt_of(receipt_page)
    send(csrf_client, page)  # the replay opens the sealed answer: nothing of it is written either
    csrf_client.get("/r/acme/receipt/file/")
    type_back(csrf_client, receipt_page, words=["wrong", "words"])
    out, err = capfd.readouterr()
    sources = at_rest_sources(extra_text=log_buffer.getvalue() + out + err)
    assert Submission.objects.count() == 1
    assert not hits([receipt, token], sources)


def test_two_filings_racing_with_one_token_commit_once(org, handler):
    """The second of two concurrent posts meets the first's row at its commit and gets the first's answer."""
    target = intake_target_get(slug=org.slug)
    content = content_build(what_happened="Twice at once.", category="other")
    once = once_for(organization_id=org.pk, channel=FORM, token="racing-token-0123456789")
    first = report_submit(target=target, content=content, once=once)
    with pytest.raises(Twin):
        report_submit(target=target, content=content, once=once)
    assert Report.objects.count() == 1
    assert report_submit_once(target=target, content=content, once=once).receipt == first.receipt


def test_a_token_answers_for_a_day_and_is_purged_after(org, handler):
    target = intake_target_get(slug=org.slug)
    content = content_build(what_happened="Kept for a day.", category="other")
    once = once_for(organization_id=org.pk, channel=FORM, token="purged-token-0123456789")
    with time_machine.travel(datetime(2026, 3, 2, 23, 50, tzinfo=UTC), tick=False):
        first = report_submit_once(target=target, content=content, once=once)
    with time_machine.travel(datetime(2026, 3, 3, 23, 50, tzinfo=UTC), tick=False):
        assert submissions_purge_expired() == 0, "kept on the next day"
        assert report_submit_once(target=target, content=content, once=once).receipt == first.receipt
    with time_machine.travel(datetime(2026, 3, 4, 0, 10, tzinfo=UTC), tick=False):
        assert submissions_purge_expired() == 1 and not Submission.objects.exists()
    assert Report.objects.count() == 1
