"""The whole loop in a real browser with JavaScript off: report, save the receipt, a handler answers,
the reporter comes back with the receipt, reads the answer and replies."""

import pytest

from tests.helpers.receipts import browser_type_back
from tests.helpers.staff import PASSWORD, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reporter_and_handler_talk_through_the_receipt(live_server, no_js_page, org, handler, tmp_path):
    page = no_js_page
    base = live_server.url

    page.goto(f"{base}/r/acme/")
    assert "Acme for America" in page.content()
    page.fill("textarea[name=what_happened]", "My supervisor kept texting me at night.")
    page.fill("input[name=when]", "Around March")
    page.check("input[name=category][value=sexual_harassment]")
    page.click("button[type=submit]")

    receipt = page.inner_text(".receipt").strip()
    assert len(receipt.split()) == 8
    page.screenshot(path=str(tmp_path / "receipt.png"), full_page=True)
    browser_type_back(page)
    assert page.url.endswith("/r/acme/saved/")

    staff = page.context.browser.new_context(java_script_enabled=False).new_page()
    staff.goto(f"{base}/staff/login/")
    staff.fill("input[name=username]", handler.username)
    staff.fill("input[name=password]", PASSWORD)
    staff.fill("input[name=code]", totp_code(handler))
    staff.click("button[type=submit]")
    staff.screenshot(path=str(tmp_path / "inbox.png"), full_page=True)
    staff.click("table a")
    assert "My supervisor kept texting me at night." in staff.content()
    staff.fill("textarea[name=body]", "Thank you for telling us. Can we ask you a few questions?")
    staff.click("form[action$='/reply/'] button[type=submit]")
    assert "Can we ask you a few questions?" in staff.content()

    page.goto(f"{base}/r/acme/return/")
    page.fill("input[name=receipt]", receipt.upper())
    page.click("button[type=submit]")
    assert "Can we ask you a few questions?" in page.content()
    page.fill("textarea[name=body]", "Yes, you can.")
    page.click("form[action$='/reply/'] button[type=submit]")
    page.screenshot(path=str(tmp_path / "thread.png"), full_page=True)
    assert "Yes, you can." in page.content()

    staff.reload()
    assert "Yes, you can." in staff.content()
    staff.screenshot(path=str(tmp_path / "case.png"), full_page=True)
    staff.context.close()
