"""Passkeys in a real browser: Chromium's virtual authenticator (CDP WebAuthn domain) on a JavaScript-enabled
staff context, since the staff passkey pages run Confide's one script. Register, sign out, sign in with it; the
code from the app still works beside it; with JavaScript off nothing of the ceremony shows."""

import pytest

from confide.accounts.models import Passkey
from tests.browser.conftest import PHONE, no_js_context
from tests.helpers.browser import follow
from tests.helpers.staff import PASSWORD, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


def _credentials(page, username: str, password: str = PASSWORD) -> None:
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)


def test_a_passkey_is_registered_then_signs_in_and_the_code_still_works(live_server, browser, org, handler, tmp_path):
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems: list[str] = []
    # A policy violation or a script error; the browser's own request for /favicon.ico (404) and the refused
    # sign-in (400) are expected.
    page.on("console", lambda message: problems.append(message.text) if "Refused" in message.text else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator_id = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})["authenticatorId"]
    base = live_server.url

    page.goto(f"{base}/staff/login/")
    _credentials(page, handler.username)
    page.fill("input[name=code]", totp_code(handler))
    follow(page, page.get_by_role("button", name="Sign in", exact=True))
    follow(page, page.get_by_role("link", name="Passkeys", exact=True))
    assert "You have no passkeys yet." in page.content()
    page.fill("input[name=name]", "Work phone")
    page.screenshot(path=str(tmp_path / "passkeys.png"), full_page=True)
    follow(page, page.get_by_role("button", name="Add a passkey", exact=True))
    assert page.url == f"{base}/staff/passkeys/"
    assert "Work phone" in page.inner_text("ul.passkeys")
    page.screenshot(path=str(tmp_path / "passkey-added.png"), full_page=True)
    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})["credentials"]
    assert len(stored) == 1 and stored[0]["isResidentCredential"] and stored[0]["rpId"] == "localhost"
    follow(page, page.get_by_role("button", name=f"Sign out ({handler.username})"))

    _credentials(page, handler.username)
    page.screenshot(path=str(tmp_path / "sign-in.png"), full_page=True)
    follow(page, page.get_by_role("button", name="Sign in with a passkey", exact=True))
    assert page.url == f"{base}/staff/", page.content()[:2000]
    assert Passkey.objects.get().last_used_on is not None
    follow(page, page.get_by_role("button", name=f"Sign out ({handler.username})"))

    _credentials(page, handler.username, password="not the password")
    follow(page, page.get_by_role("button", name="Sign in with a passkey", exact=True))
    assert "do not match" in page.inner_text("[role=alert]")

    _credentials(page, handler.username)
    page.fill("input[name=code]", totp_code(handler))
    follow(page, page.get_by_role("button", name="Sign in", exact=True))
    assert page.url == f"{base}/staff/"
    assert problems == [], problems
    context.close()


def test_without_javascript_the_sign_in_offers_only_the_code(live_server, browser, org, handler):
    context = no_js_context(browser)
    page = context.new_page()
    page.goto(f"{live_server.url}/staff/login/")
    assert not page.get_by_role("button", name="Sign in with a passkey").is_visible()
    _credentials(page, handler.username)
    page.fill("input[name=code]", totp_code(handler))
    follow(page, page.get_by_role("button", name="Sign in", exact=True))
    page.goto(f"{live_server.url}/staff/passkeys/")
    assert not page.get_by_role("button", name="Add a passkey").is_visible()
    assert "Adding a passkey needs JavaScript" in page.inner_text("main")
    context.close()
