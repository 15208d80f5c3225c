"""The call-taker's console in a real browser with JavaScript off: script, account, read-back and consent,
receipt read word by word and confirmed; the handler then reads the caller's words."""

import pytest

from confide.reports.selectors.staff import case_access_get
from confide.reports.services.messages import message_create_by_handler
from tests.helpers.reports import submit_report
from tests.helpers.staff import PASSWORD, make_staff, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_call_taker_files_a_call_and_confirms_the_receipt(live_server, no_js_page, org, handler, tmp_path):
    call_taker = make_staff("carla", [org], role="call_taker")
    page = no_js_page
    base = live_server.url

    page.goto(f"{base}/staff/login/?next=/staff/hotline/")
    page.fill("input[name=username]", call_taker.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(call_taker))
    page.click("button[type=submit]")
    assert "Acme for America" in page.content()
    page.get_by_role("link", name="New report", exact=True).click()

    assert "Is this a safe time to talk?" in page.content()
    page.check("input[name=safe_to_talk]")
    page.check("input[name=confidentiality_explained]")
    page.get_by_role("button", name="Continue to the account", exact=True).click()

    page.fill("textarea[name=what_happened]", "At the rally he said [[smile more or you are off the team]].")
    page.fill("input[name=when]", "Last week")
    page.check("input[name=category][value=sexual_harassment]")
    page.screenshot(path=str(tmp_path / "account.png"), full_page=True)
    page.get_by_role("button", name="Read back to the caller", exact=True).click()

    assert "smile more or you are off the team" in page.inner_text("mark.callers-words")
    page.check("input[name=consent]")
    page.get_by_role("button", name="File the report", exact=True).click()

    words = [w.strip() for w in page.locator("ol.receipt-words strong").all_inner_texts()]
    assert len(words) == 8
    page.screenshot(path=str(tmp_path / "receipt.png"), full_page=True)
    page.fill("input[name=heard]", " ".join(words).upper())
    page.get_by_role("button", name="Check", exact=True).click()
    assert "The caller read the receipt back correctly." in page.content()
    assert words[0] not in page.inner_text("main")

    staff = page.context.browser.new_context(java_script_enabled=False).new_page()
    staff.goto(f"{base}/staff/login/")
    staff.fill("input[name=username]", handler.username)
    staff.fill("input[name=password]", PASSWORD)
    staff.fill("input[name=code]", totp_code(handler))
    staff.click("button[type=submit]")
    staff.click("table a")
    assert "smile more or you are off the team" in staff.inner_text("mark.callers-words")
    assert "Phone, in English" in staff.content()
    staff.context.close()


def test_a_callback_shows_the_thread_until_the_call_ends(live_server, no_js_page, org, handler, unlock, tmp_path):
    call_taker = make_staff("carla", [org], role="call_taker")
    submitted = submit_report(org, what_happened="Filed earlier by phone")
    access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=submitted.report.pk)
    message_create_by_handler(access=access, body="Could you tell us who else was in the van?")
    page = no_js_page
    base = live_server.url

    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", call_taker.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(call_taker))
    page.click("button[type=submit]")
    page.goto(f"{base}/staff/hotline/?lang=es")
    assert "Consola de la línea" in page.content()
    page.get_by_role("link", name="Nueva llamada", exact=True).click()

    page.fill("input[name=receipt]", "wrong " * 8)
    page.locator("main form button[type=submit]").click()
    assert "Could you tell us" not in page.content()
    page.fill("input[name=receipt]", submitted.receipt.replace(" ", "-").upper())
    page.locator("main form button[type=submit]").click()
    assert "Could you tell us who else was in the van?" in page.inner_text("ol.thread")
    page.fill("textarea[name=body]", "Only the driver, I think.")
    page.locator("main form button[type=submit]").click()
    assert "Only the driver, I think." in page.inner_text("ol.thread")
    page.screenshot(path=str(tmp_path / "callback.png"), full_page=True)
    page.locator("a.button.secondary").click()
    assert "Could you tell us" not in page.content()
    assert "Consola de la línea" in page.content()
