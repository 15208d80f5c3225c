"""A reporter who chose Español gets every reporter page in Spanish, including the pages behind a receipt and
the error messages of forms: no English sentence from our catalogue is left on the page."""

import html
import re

import pytest

from tests.helpers.receipts import type_back
from tests.helpers.staff import csrf_from
from tests.i18n.strings import reporter_strings
from tests.i18n.test_translations import CATALOG

pytestmark = pytest.mark.django_db

# Thread entries the system writes into a letter's history (encrypted, like any message) are stored in the
# language of the moment they were written, not translated when read.
STORED = {
    "Draft received. The third party reviews it before it circulates.",
    "The third party reviewed the letter: it may now circulate. Share the invitation link privately.",
    "The third party did not let this letter circulate.",
}
# Sentences only: short words ("Error", "Confide") can be the same in both languages or part of a name.
ENGLISH = sorted(
    {
        msgid
        for _where, msgid, plural in reporter_strings()
        if plural is None
        and len(msgid) > 15
        and "%(" not in msgid
        and CATALOG.get(msgid, msgid) != msgid
        and msgid not in STORED
    }
)
SEALED_FORM = {"category": "sexual_harassment", "identity": "anonymous"}


def assert_spanish(response) -> str:
    text = html.unescape(response.content.decode())
    assert '<html lang="es">' in text
    left = [msgid for msgid in ENGLISH if msgid in text]
    assert not left, f"English left on a Spanish page: {left}"
    return text


def post(client, page, data):
    return client.post(page, {**data, "csrfmiddlewaretoken": csrf_from(client.get(page))})


def test_the_english_list_is_not_empty():
    assert len(ENGLISH) > 200


@pytest.mark.parametrize(
    "page", ["/", "/r/acme/", "/r/acme/return/", "/r/acme/vault/", "/r/acme/vault/open/", "/r/acme/letters/"]
)
def test_public_reporter_pages_are_in_spanish(spanish_client, page):
    assert_spanish(spanish_client.get(page))


def test_the_report_its_receipt_and_its_thread_are_in_spanish(spanish_client):
    filed = post(spanish_client, "/r/acme/", {"what_happened": "Me acorraló tras el mitin.", **SEALED_FORM})
    receipt_page = spanish_client.get(filed["Location"])
    text = assert_spanish(receipt_page)
    assert "Hemos recibido su denuncia" in text and "Su recibo: anótelo ahora" in text
    assert "Palabra " in text and "Guardar como archivo" in text
    receipt = re.search(r'<p class="receipt"[^>]*>([^<]+)</p>', text).group(1).strip()
    wrong = type_back(spanish_client, receipt_page, words=["no", "es"])
    assert wrong.status_code == 400 and "no coincide con las palabras" in assert_spanish(wrong)
    saved = type_back(spanish_client, wrong)
    assert_spanish(spanish_client.get(saved["Location"]))
    opened = post(spanish_client, "/r/acme/return/", {"receipt": receipt})
    thread = assert_spanish(spanish_client.get(opened["Location"]))
    assert "Su denuncia" in thread and "Responder o añadir información" in thread


def test_form_errors_are_in_spanish(spanish_client):
    missing = post(spanish_client, "/r/acme/", {"what_happened": "", **SEALED_FORM})
    assert missing.status_code == 400
    assert "Revise lo siguiente, por favor. No se ha perdido nada de lo que escribió." in assert_spanish(missing)
    wrong = post(spanish_client, "/r/acme/return/", {"receipt": "not a receipt"})
    assert "No encontramos ninguna denuncia con este recibo." in assert_spanish(wrong)


def test_a_wrong_letter_receipt_is_explained_in_spanish(spanish_client):
    """The message is defined once for the module: it must still follow each request's language."""
    token = csrf_from(spanish_client.get("/r/acme/letters/"))
    wrong = spanish_client.post("/r/acme/letters/return/", {"receipt": "not a receipt", "csrfmiddlewaretoken": token})
    assert wrong.status_code == 400
    assert "No encontramos ninguna carta con este recibo." in assert_spanish(wrong)


def test_the_vault_is_in_spanish(spanish_client):
    created = post(spanish_client, "/r/acme/vault/", {})
    shown = spanish_client.get(created["Location"])
    assert "Su bóveda está lista" in assert_spanish(shown)
    assert type_back(spanish_client, shown)["Location"] == "/r/acme/vault/home/"
    home = assert_spanish(spanish_client.get("/r/acme/vault/home/"))
    assert "Su bóveda" in home
    assert_spanish(spanish_client.get("/r/acme/vault/entries/"))
    assert_spanish(spanish_client.get("/r/acme/vault/verify/"))
    wrong = post(spanish_client, "/r/acme/vault/entries/", {"email": "not an address"})
    assert wrong.status_code == 400
    assert_spanish(wrong)


def test_the_letter_pages_are_in_spanish(spanish_client, circulating):
    assert_spanish(spanish_client.get("/r/acme/letters/new/"))
    invitation = assert_spanish(spanish_client.get(f"/r/acme/letters/i/{circulating.token}/"))
    assert "Firmar" in invitation
    opened = post(spanish_client, "/r/acme/letters/return/", {"receipt": circulating.receipt})
    mine = assert_spanish(spanish_client.get(opened["Location"]))
    assert "Su carta" in mine and "Reuniendo firmas" in mine
