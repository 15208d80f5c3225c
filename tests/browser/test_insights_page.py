"""A published period's figures in a real browser with JavaScript off, under the real CSP, in English and in
Spanish: the charts are SVG drawn by the server, the page holds no script and fits a phone."""

import pytest

from confide.insights.access import InsightAccess
from confide.insights.services.documents import insight_publish, period_from
from tests.helpers.insights import PERIOD, file_reports
from tests.helpers.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_published_report_reads_in_english_and_spanish_without_javascript(live_server, no_js_page, org):
    file_reports(org, 6, category="bullying")
    file_reports(org, 2, category="retaliation")
    contact = make_staff("connie", [org], role="contact")
    insight_publish(access=InsightAccess(user=contact, organization=org, as_handler=False), period=period_from(PERIOD))
    page = no_js_page
    page.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.5"})
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)

    page.goto(f"{live_server.url}/r/acme/figures/{PERIOD}/")
    assert page.locator("svg.chart").count() == 3
    assert page.locator("script").count() == 0
    assert page.locator("#insight-total").inner_text() == "8"
    assert "Reports by category and intake channel" in page.content()
    assert page.locator("table.insight-grid td", has_text="hidden").count() >= 2

    page.click("form.language button[value=es]")
    assert page.get_attribute("html", "lang") == "es"
    assert "Denuncias por categoría y vía de entrada" in page.content()
    assert page.locator("table.insight-grid td", has_text="oculto").count() >= 2
    assert blocked == []
