"""The English / Español switch: a plain POST form that works with JavaScript off, keeps the reporter on this
site, and leaves the choice only in a browser cookie."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from tests.helpers.i18n import choose, switch_of
from tests.helpers.receipts import receipt_of, type_back
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

REPORTER_PAGES = [
    "/",
    "/r/acme/",
    "/r/acme/return/",
    "/r/acme/vault/",
    "/r/acme/vault/open/",
    "/r/acme/letters/",
    "/r/acme/letters/new/",
    "/r/acme/no-such-page/",
    "/r/nobody/",
]


@pytest.mark.parametrize("page", REPORTER_PAGES)
def test_every_reporter_page_offers_both_languages(tor_client, org, page):
    html = tor_client.get(page).content.decode()
    form = switch_of(html)
    assert form is not None
    assert 'method="post"' in form and 'name="csrfmiddlewaretoken"' in form
    assert f'name="next" value="{page}"' in form
    assert re.search(r'<button name="language" value="en" lang="en"[^>]*>English</button>', form)
    assert re.search(r'<button name="language" value="es" lang="es"[^>]*>Español</button>', form)
    assert "<script" not in html


def test_the_switch_marks_the_language_in_use(spanish_client):
    form = switch_of(spanish_client.get("/r/acme/").content.decode())
    assert re.search(r'value="es"[^>]*aria-current="true"', form)
    assert not re.search(r'value="en"[^>]*aria-current', form)


def test_choosing_spanish_renders_the_next_page_in_spanish(tor_client, org):
    assert "Send my report" in tor_client.get("/r/acme/").content.decode()
    response = choose(tor_client, "es", "/r/acme/")
    assert response.status_code == 302
    assert response["Location"] == "/r/acme/"
    html = tor_client.get(response["Location"]).content.decode()
    assert '<html lang="es">' in html
    assert "Enviar mi denuncia" in html
    assert "Línea de denuncias de Acme for America" in html
    assert "Send my report" not in html


def test_the_choice_beats_the_browser_language_on_every_reporter_page(spanish_client):
    assert "Abrir una bóveda nueva" in spanish_client.get("/r/acme/vault/").content.decode()
    assert "Empezar una carta" in spanish_client.get("/r/acme/letters/").content.decode()
    assert "Denuncie ante un tercero independiente" in spanish_client.get("/").content.decode()
    assert "No encontrado" in spanish_client.get("/r/acme/no-such-page/").content.decode()


def test_choosing_english_switches_back(spanish_client):
    response = choose(spanish_client, "en", "/r/acme/return/")
    assert response["Location"] == "/r/acme/return/"
    html = spanish_client.get("/r/acme/return/").content.decode()
    assert '<html lang="en">' in html and "Open my report" in html


def test_the_choice_lives_only_in_a_browser_cookie(tor_client, org):
    response = choose(tor_client, "es", "/r/acme/")
    cookie = response.cookies["django_language"]
    assert cookie.value == "es"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"] and not cookie["expires"], "must end with the browser session"
    assert "sessionid" not in response.cookies
    assert Session.objects.count() == 0


@pytest.mark.parametrize(
    "elsewhere",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "http://evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "https://testserver.evil.example/",
    ],
)
def test_it_refuses_to_send_the_reporter_off_site(tor_client, org, elsewhere):
    token = csrf_from(tor_client.get("/r/acme/"))
    response = tor_client.post("/language/", {"csrfmiddlewaretoken": token, "language": "es", "next": elsewhere})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies["django_language"].value == "es"


def test_it_ignores_a_referer_from_another_site(tor_client, org):
    """Django falls back to the Referer when `next` is unsafe; that must not be a way off site either."""
    token = csrf_from(tor_client.get("/r/acme/"))
    response = tor_client.post(
        "/language/",
        {"csrfmiddlewaretoken": token, "language": "es", "next": "https://evil.example/"},
        HTTP_REFERER="https://evil.example/",
    )
    assert response["Location"] == "/"


def test_it_refuses_a_switch_without_the_form_token(tor_client, org):
    tor_client.get("/r/acme/")
    response = tor_client.post("/language/", {"language": "es", "next": "/r/acme/"})
    assert response.status_code == 403
    assert "django_language" not in response.cookies


def test_it_accepts_the_switch_under_no_referrer(tor_client, org):
    """Our pages send no Referer and `Origin: null` (Referrer-Policy: no-referrer); the token is the defence."""
    token = csrf_from(tor_client.get("/r/acme/"))
    response = tor_client.post(
        "/language/", {"csrfmiddlewaretoken": token, "language": "es", "next": "/r/acme/"}, HTTP_ORIGIN="null"
    )
    assert response.status_code == 302 and response.cookies["django_language"].value == "es"


def test_an_unknown_language_changes_nothing(tor_client, org):
    token = csrf_from(tor_client.get("/r/acme/"))
    response = tor_client.post("/language/", {"csrfmiddlewaretoken": token, "language": "xx", "next": "/r/acme/"})
    assert response.status_code == 302
    assert "django_language" not in response.cookies


def test_the_switch_answers_under_the_strict_content_security_policy(tor_client, org):
    page = tor_client.get("/r/acme/")
    policy = page["Content-Security-Policy"]
    assert "form-action 'self'" in policy and "script-src 'none'" in policy
    assert 'action="/language/"' in switch_of(page.content.decode())


def test_a_get_to_the_switch_changes_nothing(org):
    response = Client().get("/language/?language=es&next=/r/acme/")
    assert "django_language" not in response.cookies
    assert response.status_code in (204, 302)


def test_pages_answering_a_form_leave_the_switch_out(tor_client, org):
    """A form with typed text shown again (an error, a wrong typed-back word) would lose it through a switch."""
    token = csrf_from(tor_client.get("/r/acme/"))
    form = {
        "what_happened": "He cornered me after the rally.",
        "category": "sexual_harassment",
        "identity": "anonymous",
        "csrfmiddlewaretoken": token,
    }
    error_page = tor_client.post("/r/acme/", {**form, "what_happened": ""}).content.decode()
    assert switch_of(error_page) is None
    receipt_page = tor_client.get(tor_client.post("/r/acme/", form)["Location"])
    wrong = type_back(tor_client, receipt_page, words=["wrong", "words"])
    assert wrong.status_code == 400 and switch_of(wrong.content.decode()) is None


def test_the_receipt_page_offers_the_switch_and_keeps_the_receipt_through_it(tor_client, org):
    """Reached by a redirect, the receipt page is a GET: switching language shows the same receipt again."""
    page = tor_client.get("/r/acme/")
    form = {"what_happened": "He cornered me.", "category": "other", "identity": "anonymous"}
    filed = tor_client.post("/r/acme/", {**form, "csrfmiddlewaretoken": csrf_from(page)})
    receipt_page = tor_client.get(filed["Location"])
    assert switch_of(receipt_page.content.decode()) is not None
    switched = tor_client.post(
        "/language/",
        {"language": "es", "next": "/r/acme/receipt/", "csrfmiddlewaretoken": csrf_from(receipt_page)},
    )
    spanish = tor_client.get(switched["Location"])
    assert '<html lang="es">' in spanish.content.decode()
    assert receipt_of(spanish) == receipt_of(receipt_page)
