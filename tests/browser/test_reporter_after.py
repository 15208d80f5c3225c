"""After reporting, with JavaScript off on a phone: the thread page says where the case stands and by when, the
quick exit leaves and forgets the receipt, and the outside-options page reads in Spanish."""

import pytest

from tests.helpers.reports import submit_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_thread_page_explains_the_status_and_the_quick_exit_forgets_the_receipt(
    live_server, no_js_page, org, handler, tmp_path, settings
):
    page = no_js_page
    submitted = submit_report(org)
    # The default neutral site is off this machine: a page of the live server stands in for it.
    settings.CONFIDE_QUICK_EXIT_URL = neutral = f"{live_server.url}/static/confide.css"
    page.goto(f"{live_server.url}/r/acme/return/")
    page.fill("input[name=receipt]", submitted.receipt)
    page.click("main button[type=submit]")
    assert page.url.endswith("/r/acme/report/")
    text = page.inner_text("main")
    assert "stored encrypted" in text and "confirms receipt by" in text and "Not yet" in text
    page.screenshot(path=str(tmp_path / "thread.png"), full_page=True)
    exit_link = page.locator("a.quick-exit")
    assert exit_link.is_visible() and exit_link.bounding_box()["y"] < 80, "the quick exit is at the top"
    assert any(c["name"] == "confide_r" for c in page.context.cookies())
    exit_link.click()
    assert page.url == neutral
    assert not any(c["name"] == "confide_r" for c in page.context.cookies()), "the receipt cookie survived"
    page.goto(f"{live_server.url}/r/acme/report/")
    assert page.url.endswith("/r/acme/return/"), "after the exit the report no longer opens without the receipt"


def test_the_outside_options_page_in_spanish(live_server, no_js_page, org, tmp_path):
    page = no_js_page
    page.goto(f"{live_server.url}/r/acme/")
    page.click("form.language button[value=es]")
    page.click("a[href='/r/acme/options/']")
    text = page.inner_text("body")
    assert "Otras formas de denunciar" in text and "Si está en peligro ahora" in text and "Sindicatos" in text
    assert "Salida rápida" in page.inner_text("header")
    page.screenshot(path=str(tmp_path / "options_es.png"), full_page=True)
