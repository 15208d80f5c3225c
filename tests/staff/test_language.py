"""Staff pages, refusals and mail in the staff member's own language (User.language), whatever the browser asks;
the reporter's pages keep their own choice; before sign-in the browser's language stands (issue 15, 2)."""

import html

import pytest
from django.core import mail
from django.test import Client

from confide.accounts.services.language import staff_language_set
from confide.escrow.services.matching import match_notifications_send, matches_detect
from confide.letters.services.reminders import letter_reminders_send
from confide.notifications.services import staff_digests_send
from tests.helpers.escrow import name_person, new_vault
from tests.helpers.hotline import read_back
from tests.helpers.letters import draft
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from, make_staff, staff_login
from tests.i18n.staff_strings import staff_strings
from tests.i18n.test_translations import CATALOG

pytestmark = pytest.mark.django_db

# Letter history the system writes (encrypted, like any message) stays in the language it was written in.
STORED = {
    "Draft received. The third party reviews it before it circulates.",
    "The third party reviewed the letter: it may now circulate. Share the invitation link privately.",
    "The third party did not let this letter circulate.",
}
# Sentences only: short words can be the same in both languages or part of a name.
ENGLISH = sorted(
    {
        msgid
        for _where, msgid, plural in staff_strings()
        if plural is None
        and len(msgid) > 15
        and "%(" not in msgid
        and CATALOG.get(msgid, msgid) != msgid
        and msgid not in STORED
    }
)
SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9"}
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.5"}


def browser(headers: dict, cookie: str | None = None) -> Client:
    client = Client(enforce_csrf_checks=True, **headers)
    if cookie:
        client.cookies["django_language"] = cookie  # the reporter's language switch, left in this browser
    return client


def spanish(response) -> str:
    assert response.status_code == 200, response.status_code
    text = html.unescape(response.content.decode())
    assert '<html lang="es">' in text and response["Content-Language"] == "es"
    left = [msgid for msgid in ENGLISH if msgid in text]
    assert not left, f"English left on a Spanish staff page: {left}"
    return text


def english(response) -> str:
    assert response.status_code == 200, response.status_code
    text = html.unescape(response.content.decode())
    assert '<html lang="en">' in text and response["Content-Language"] == "en"
    return text


@pytest.fixture
def hispanic(handler):
    """The owner persona, whose account is set to Spanish; the browser asks for English."""
    staff_language_set(user=handler, language="es")
    return staff_login(browser(ENGLISH_BROWSER, cookie="en"), handler)


def test_the_english_list_is_not_empty():
    assert len(ENGLISH) > 300


def test_a_spanish_account_gets_its_main_pages_in_spanish(org, handler, hispanic):
    report = submit_report(org).report
    assert "Bandeja de entrada" in spanish(hispanic.get("/staff/"))
    case = spanish(hispanic.get(f"/staff/cases/{report.pk}/"))
    assert "Notas internas" in case and "Responder a quien denuncia" in case
    assert "Vencidos" in spanish(hispanic.get("/staff/dashboard/"))
    assert "Su cuenta" in spanish(hispanic.get("/staff/account/"))
    assert "Cambie su contraseña" in spanish(hispanic.get("/staff/password/"))


def test_a_spanish_account_gets_the_letters_in_spanish(org, handler, hispanic, boss):
    letter = draft(org, [boss]).letter
    assert "Cartas que gestiona como tercero independiente" in spanish(hispanic.get("/staff/letters/"))
    assert "Rastrear una copia filtrada" in spanish(hispanic.get("/staff/letters/trace/"))
    page = spanish(hispanic.get(f"/staff/letters/{letter.pk}/"))
    assert "Registrar la revisión" in page


def test_an_english_account_gets_english_whatever_the_browser_asks(org, handler, teammate):
    report = submit_report(org).report
    client = staff_login(browser(SPANISH_BROWSER, cookie="es"), teammate)
    assert "Internal notes" in english(client.get(f"/staff/cases/{report.pk}/"))
    assert "Inbox" in english(client.get("/staff/"))
    assert "Your account" in english(client.get("/staff/account/"))


def test_a_spanish_call_taker_gets_the_console_in_spanish(org, call_taker):
    staff_language_set(user=call_taker, language="es")
    client = staff_login(browser(ENGLISH_BROWSER), call_taker)
    assert "Consola de la línea" in spanish(client.get("/staff/hotline/"))


def test_the_call_language_still_overrides_the_account_on_a_call(org, call_taker):
    """The script is read to the caller: a Spanish-speaking call-taker takes an English call in English."""
    staff_language_set(user=call_taker, language="es")
    client = staff_login(browser(ENGLISH_BROWSER), call_taker)
    assert "Is this a safe time to talk?" in client.get("/staff/hotline/acme/?lang=en").content.decode()
    assert "Free recall first" not in read_back(client, lang="es").content.decode()


def test_the_sign_in_page_follows_the_browser(db):
    assert "Iniciar sesión" in spanish(browser(SPANISH_BROWSER).get("/staff/login/"))
    assert "Sign in" in english(browser(ENGLISH_BROWSER).get("/staff/login/"))


def test_a_wrong_sign_in_is_refused_in_the_browsers_language(handler):
    client = browser(SPANISH_BROWSER)
    data = {"username": handler.username, "password": "wrong", "code": "000000"}
    refused = client.post("/staff/login/", {**data, "csrfmiddlewaretoken": csrf_from(client.get("/staff/login/"))})
    assert refused.status_code == 400
    assert "no corresponden a ninguna cuenta" in html.unescape(refused.content.decode())


def test_the_account_page_changes_the_language_and_answers_in_the_new_one(handler, login):
    client = login(handler)
    page = client.get("/staff/account/")
    saved = client.post("/staff/account/", {"language": "es", "csrfmiddlewaretoken": csrf_from(page)})
    assert "Guardado: sus páginas de personal y sus correos están ahora en este idioma." in spanish(saved)
    handler.refresh_from_db()
    assert handler.language == "es"
    assert "Bandeja de entrada" in spanish(client.get("/staff/"))
    back = client.post("/staff/account/", {"language": "en", "csrfmiddlewaretoken": csrf_from(saved)})
    assert "Saved: your staff pages and emails are now in this language." in english(back)


def test_an_unknown_language_is_refused_with_a_message(handler, login):
    client = login(handler)
    page = client.get("/staff/account/")
    refused = client.post("/staff/account/", {"language": "fr", "csrfmiddlewaretoken": csrf_from(page)})
    assert refused.status_code == 400 and "Select a valid choice" in refused.content.decode()
    handler.refresh_from_db()
    assert handler.language == "en"


def test_the_account_page_needs_a_signed_in_staff_member(db):
    response = browser(ENGLISH_BROWSER).get("/staff/account/")
    assert response.status_code == 302 and "/staff/account/" in response["Location"]


def test_a_signed_in_spanish_handler_still_gets_reporter_pages_in_the_browsers_language(org, hispanic):
    page = hispanic.get("/r/acme/").content.decode()
    assert '<html lang="en">' in page and "Send my report" in page


def test_the_api_refuses_in_the_token_owners_language(org, handler, teammate, api, token_for):
    report = submit_report(org).report
    staff_language_set(user=handler, language="es")
    url, body = f"/api/cases/{report.pk}/links", {"case": str(report.pk)}
    refused = api.post(url, body, content_type="application/json", **ENGLISH_BROWSER, **token_for(handler))
    assert refused.status_code == 409 and refused.json()["detail"] == "Un caso no puede vincularse consigo mismo."
    other = api.post(url, body, content_type="application/json", **SPANISH_BROWSER, **token_for(teammate))
    assert other.status_code == 409 and other.json()["detail"] == "A case cannot be linked to itself."


def test_the_digest_goes_out_in_each_recipients_language(org, handler, teammate):
    for user, address in ((handler, "hana@third.example"), (teammate, "tomas@third.example")):
        user.email = address
        user.save()
    staff_language_set(user=handler, language="es")
    submit_report(org)
    submit_report(org)
    assert staff_digests_send() == 2
    sent = {message.to[0]: message for message in mail.outbox}
    spanish_mail, english_mail = sent["hana@third.example"], sent["tomas@third.example"]
    assert spanish_mail.subject == "Confide: hay casos que necesitan su atención"
    assert spanish_mail.body.startswith("2 casos necesitan su atención")
    assert english_mail.subject == "Confide: cases need your attention"
    assert english_mail.body.startswith("2 cases need your attention")


def test_letter_reminders_go_out_in_each_recipients_language(org, handler, teammate, boss):
    for user, address in ((handler, "hana@third.example"), (teammate, "tomas@third.example")):
        user.email = address
        user.save()
    staff_language_set(user=handler, language="es")
    draft(org, [boss])  # waits for the third party's review
    assert letter_reminders_send() == 2
    sent = {message.to[0]: message for message in mail.outbox}
    assert sent["hana@third.example"].body.startswith("1 carta que recibe o gestiona necesita su atención")
    assert sent["tomas@third.example"].body.startswith("1 letter you receive or handle needs your attention")


def test_counselors_are_told_of_matches_in_their_language(org, counselor):
    counselor.email = "cora@third.example"
    counselor.save()
    staff_language_set(user=counselor, language="es")
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, vault = new_vault(org, email=email)
        name_person(vault, ["email:boss@campaign.example"])
    matches_detect()
    assert match_notifications_send() == 1
    [message] = mail.outbox
    assert message.subject == "Confide: el depósito de coincidencias necesita a un consejero"
    assert message.body.startswith("Hay 1 coincidencia nueva")


def test_a_missing_case_is_explained_in_the_accounts_language(hispanic):
    response = hispanic.get("/staff/cases/00000000-0000-4000-8000-000000000000/")
    assert response.status_code == 404
    assert '<html lang="es">' in response.content.decode()


def test_the_operator_site_follows_the_operators_account(db):
    operator = make_staff("otto", role="operator")
    staff_language_set(user=operator, language="es")
    client = staff_login(browser(ENGLISH_BROWSER), operator)
    index = html.unescape(client.get("/operator/").content.decode())
    assert 'lang="es"' in index and "Administración" in index
    upload = html.unescape(client.get("/operator/verification/rosterentry/upload/").content.decode())
    assert "Subir una lista de personal" in upload and "Direcciones, una por línea" in upload


@pytest.mark.parametrize("persona", ["handler", "call_taker", "contact", "counselor"])
def test_every_staff_role_sets_its_own_language_and_only_its_own(persona, request, teammate, login):
    """The page is about the signed-in account only: nothing in the form names another account."""
    user = request.getfixturevalue(persona)
    client = login(user)
    page = client.get("/staff/account/")
    assert page.status_code == 200
    saved = client.post(
        "/staff/account/", {"language": "es", "user": teammate.pk, "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert saved.status_code == 200
    user.refresh_from_db()
    teammate.refresh_from_db()
    assert user.language == "es" and teammate.language == "en"
