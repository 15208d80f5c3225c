"""After election day and after speaking up, in a real browser with JavaScript off, in English and Spanish: a
wound-down organization still takes a former staffer's report, and a check-in answered "treated worse" opens
the linked retaliation case that the same receipt reads."""

from datetime import timedelta

import pytest
import time_machine

from confide.core.clock import today
from confide.reports.models import CaseLink, Report
from confide.reports.services.checkins import checkins_sweep
from confide.reports.services.wind_down import organization_wind_down
from tests.browser.conftest import no_js_context
from tests.helpers.browser import follow
from tests.helpers.receipts import browser_type_back
from tests.helpers.reports import submit_report
from tests.helpers.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {"ended": "campaign ended on", "open": "still open to its former staff", "case": "Retaliation case"},
    "es": {"ended": "terminó el", "open": "sigue abierta para quienes trabajaron", "case": "Caso de represalias"},
}


def _speak(page, base: str, language: str) -> None:
    page.goto(f"{base}/r/acme/")
    if language != "en":
        follow(page, page.locator(f"form.language button[value={language}]"))
        assert page.get_attribute("html", "lang") == language


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_wound_down_organization_still_takes_a_former_staffers_report(
    live_server, no_js_page, org, handler, language, tmp_path
):
    organization_wind_down(actor=make_staff("otto", role="operator"), organization=org)
    page = no_js_page
    _speak(page, live_server.url, language)
    footer = page.inner_text("footer")
    assert WORDS[language]["ended"] in footer and WORDS[language]["open"] in footer
    page.fill("textarea[name=what_happened]", "After the campaign ended my former manager called my new employer.")
    page.check("input[name=category][value=retaliation]")
    follow(page, page.locator("main button[type=submit]"))
    receipt = page.inner_text(".receipt").strip()
    assert len(receipt.split()) >= 8  # the Spanish list is shorter, so its receipts have more words
    browser_type_back(page)
    assert page.url.endswith("/r/acme/saved/")
    page.screenshot(path=str(tmp_path / f"wound_down_{language}.png"), full_page=True)
    assert Report.objects.filter(organization=org, category="retaliation").count() == 1


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_check_in_answered_treated_worse_opens_the_linked_case(
    live_server, no_js_page, org, handler, language, tmp_path
):
    submitted = submit_report(org)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    page = no_js_page
    _speak(page, live_server.url, language)
    page.goto(f"{live_server.url}/r/acme/return/")
    page.fill("input[name=receipt]", submitted.receipt)
    follow(page, page.locator("main button[type=submit]"))
    assert page.url.endswith("/r/acme/report/")
    page.check("input[name=answer][value=worse]")
    page.fill("textarea[name=details]", "They took me off the schedule after I reported.")
    follow(page, page.locator("form.checkin button[type=submit]"))
    assert page.url.endswith("/r/acme/report/checkins/case/")
    case = Report.objects.get(category="retaliation")
    text = page.inner_text("main")
    assert WORDS[language]["case"] in text and case.reference in text
    assert "They took me off the schedule after I reported." in page.content()  # inside the closed <details>
    assert CaseLink.objects.filter(source=case, target=submitted.report, kind="retaliation").exists()
    page.fill("textarea[name=body]", "It happened again today.")
    follow(page, page.locator("main form button[type=submit]"))
    assert "It happened again today." in page.inner_text("main")
    page.screenshot(path=str(tmp_path / f"retaliation_case_{language}.png"), full_page=True)


@pytest.fixture(params=["en", "es"])
def audited_page(request, browser, audit):
    context = no_js_context(browser, extra_http_headers={"Accept-Language": request.param})
    page = audit.watch(context.new_page())
    yield page
    context.close()


def test_the_new_reporter_pages_pass_axe(live_server, audited_page, audit, org, handler, other_org):
    submitted = submit_report(org)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    organization_wind_down(actor=make_staff("otto", role="operator"), organization=org, successor=other_org)
    page, base = audited_page, live_server.url
    page.goto(f"{base}/r/acme/")
    audit.check(page, "report form of a wound-down organization")
    page.goto(f"{base}/r/acme/return/")
    page.fill("input[name=receipt]", submitted.receipt)
    follow(page, page.locator("main button[type=submit]"))
    page.locator("#checkins details").evaluate("element => element.open = true")
    audit.check(page, "thread with a check-in waiting")
    # No answer chosen: the browser would hold the form back, so its check is lifted to audit the server's 400.
    page.evaluate("() => document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
    follow(page, page.locator("form.checkin button[type=submit]"))
    assert page.locator("[role=alert]").count() > 0
    audit.check(page, "thread, check-in refused")
    page.check("input[name=answer][value=worse]")
    follow(page, page.locator("form.checkin button[type=submit]"))
    audit.check(page, "retaliation case")
