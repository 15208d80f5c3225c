"""Staff pages in a real browser: the inbox fits a phone without sideways scrolling, and the case page puts the
thread beside the workflow on a desktop and under it on a phone. The pages carry no script; JavaScript is on in
these contexts only to measure them."""

import pytest

from tests.helpers.reports import submit_report
from tests.helpers.staff import PASSWORD, make_staff, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def _signed_in(browser, base, user, viewport):
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(user))
    page.click("button[type=submit]")
    return page


def _scroll_width(page) -> int:
    return page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")


def _box(page, selector):
    box = page.locator(selector).bounding_box()
    assert box, selector
    return box


def test_the_inbox_and_the_case_page_fit_a_phone(live_server, browser, org, tmp_path):
    org.name = "Committee to Re-elect the Honourable Representative for the Ninth District"
    org.save()
    handler = make_staff("hana", [org])
    report = submit_report(org).report
    submit_report(org)
    page = _signed_in(browser, live_server.url, handler, PHONE)
    assert page.locator("table.stacked a").count() == 2
    page.screenshot(path=str(tmp_path / "inbox-phone.png"), full_page=True)
    assert _scroll_width(page) <= PHONE["width"]
    assert page.locator("table.stacked td[data-label=Status]").first.is_visible()

    page.goto(f"{live_server.url}/staff/cases/{report.pk}/")
    assert _scroll_width(page) <= PHONE["width"]
    thread, workflow = _box(page, "section.case-account"), _box(page, "section.case-workflow")
    assert workflow["y"] >= thread["y"] + thread["height"] - 1  # one column: the workflow comes after
    page.goto(f"{live_server.url}/staff/dashboard/")
    assert _scroll_width(page) <= PHONE["width"]
    page.context.close()


def test_the_case_page_puts_the_thread_beside_the_workflow_on_a_desktop(live_server, browser, org, tmp_path):
    handler = make_staff("hana", [org])
    report = submit_report(org).report
    page = _signed_in(browser, live_server.url, handler, DESKTOP)
    page.goto(f"{live_server.url}/staff/cases/{report.pk}/")
    page.screenshot(path=str(tmp_path / "case-desktop.png"), full_page=True)
    account, workflow = _box(page, "section.case-account"), _box(page, "section.case-workflow")
    assert workflow["x"] >= account["x"] + account["width"]  # side by side
    assert abs(workflow["y"] - account["y"]) < 2  # from the same top
    assert _box(page, "section.case-account ol.thread")["x"] < workflow["x"]
    assert _scroll_width(page) <= DESKTOP["width"]
    page.context.close()


def test_the_enrolment_qr_code_fits_a_phone(live_server, browser, org):
    make_staff("nadia", [org], totp=False)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("input[name=username]", "nadia")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    qr = _box(page, "figure.qr svg")
    assert 150 <= qr["width"] <= PHONE["width"] and abs(qr["width"] - qr["height"]) < 1
    assert _scroll_width(page) <= PHONE["width"]
    context.close()
