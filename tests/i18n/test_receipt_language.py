"""Receipts come in the reporter's language (issue 11.3), and receipts issued before the curated lists still work."""

import html
import re

import pytest
from django.test import Client

from confide import crypto
from tests.helpers.hotline import file_call
from tests.helpers.hotline import receipt_of as hotline_receipt_of
from tests.helpers.receipts import followed
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from
from tests.reporter.test_report import FORM, enter, post_form, receipt_of

pytestmark = pytest.mark.django_db

RECEIPT_RE = re.compile(r'<p class="receipt"[^>]*>([^<]+)</p>')


def shown_receipt(response) -> str:
    match = RECEIPT_RE.search(response.content.decode())
    assert match, "no receipt on the page"
    return html.unescape(match.group(1)).strip()


def spanish(receipt: str) -> bool:
    words = receipt.split()
    return len(words) == crypto.receipt_word_count("es") and set(words) <= set(crypto.receipt_words("es"))


def english(receipt: str) -> bool:
    words = receipt.split()
    return len(words) == crypto.receipt_word_count("en") and set(words) <= set(crypto.receipt_words("en"))


def test_a_spanish_reporter_gets_spanish_words_which_open_the_report_typed_without_accents(spanish_client, handler):
    receipt = shown_receipt(followed(spanish_client, post_form(spanish_client, "/r/acme/", FORM)))
    assert spanish(receipt), receipt
    typed = crypto.receipt_normalise(receipt).upper()  # no accents, as on a keyboard without them
    assert enter(spanish_client, typed).status_code == 303
    assert "He cornered me after the rally." in spanish_client.get("/r/acme/report/").content.decode()


def test_a_reporter_reading_english_gets_english_words(tor_client, org, handler):
    assert english(receipt_of(followed(tor_client, post_form(tor_client, "/r/acme/", FORM))))


def test_the_browsers_language_counts_as_well_as_the_switch(org, handler):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.8")
    assert spanish(shown_receipt(followed(client, post_form(client, "/r/acme/", FORM))))


def test_a_spanish_reporter_opening_a_vault_gets_spanish_words(spanish_client):
    page = spanish_client.get("/r/acme/vault/")
    response = spanish_client.post("/r/acme/vault/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert spanish(shown_receipt(followed(spanish_client, response)))


def test_a_spanish_reporter_on_the_api_gets_spanish_words(api, org, handler):
    response = api.post("/api/orgs/acme/vaults", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 201 and spanish(response.json()["receipt"])


def test_a_spanish_call_gets_a_spanish_receipt_and_an_english_call_an_english_one(org, handler, call_taker, login):
    client = login(call_taker)
    filed = file_call(client, lang="es")
    assert spanish(hotline_receipt_of(filed))
    assert "Ahora le leeré su recibo: 10 palabras." in filed.content.decode()
    filed = file_call(client, lang="en")
    assert english(hotline_receipt_of(filed))
    assert "I will now read you your receipt: 8 words." in filed.content.decode()


def test_a_receipt_issued_before_the_curated_lists_opens_its_report(monkeypatch, csrf_client, org, handler):
    # Filed as before issue 11: 8 words of the EFF large list, words the new lists no longer hold.
    old = "headlock crying repressed reckless deviancy abacus abdomen zoom"
    monkeypatch.setattr(crypto, "receipt_generate", lambda language="en": old)
    submit_report(org, what_happened="Filed with an old receipt.")
    monkeypatch.undo()
    assert not set(old.split()) <= set(crypto.receipt_words("en"))
    assert enter(csrf_client, "Headlock-Crying REPRESSED reckless deviancy abacus abdomen zoom").status_code == 303
    assert "Filed with an old receipt." in csrf_client.get("/r/acme/report/").content.decode()
