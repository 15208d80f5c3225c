"""The language switch in a real browser with JavaScript off, under the real CSP, no-referrer and CSRF setup
(here, not under tests/i18n, so that it shares the one Playwright instance of this folder)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_tor_user_switches_to_spanish_without_javascript(live_server, no_js_page, org):
    page = no_js_page
    page.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.5"})
    blocked: list[str] = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )

    page.goto(f"{live_server.url}/r/acme/return/")
    assert "Open my report" in page.content()
    page.click("form.language button[value=es]")

    assert page.url == f"{live_server.url}/r/acme/return/"
    assert page.get_attribute("html", "lang") == "es"
    assert "Abrir mi denuncia" in page.content()
    page.click("a[href='/r/acme/']")
    assert "Enviar mi denuncia" in page.content()

    page.click("form.language button[value=en]")
    assert "Send my report" in page.content()
    assert blocked == []
