"""Issue 11 "done when": a 60,000-character account arrives whole, and one past the limit is refused with the form
kept, in a real browser with JavaScript off on a phone (390x844), in English and in Spanish; the error
summary is on screen and its links land on the field's first input."""

import pytest

from confide.core.text import LONG_TEXT_MAX_CHARS
from confide.reports.models import Report
from confide.reports.selectors.common import report_view
from confide.reports.selectors.reporter import reporter_access_get

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = ("She followed me to the car after the rally, and again the next week. Él no paró. " * 800)[:60_000].strip()
TOO_LONG = "x" * (LONG_TEXT_MAX_CHARS + 1)
WORDS = {
    "en": {"send": "Send my report", "limit": "Up to 200,000 characters.", "kept": "Nothing you typed has been lost."},
    "es": {
        "send": "Enviar mi denuncia",
        "limit": "Hasta 200\xa0000 caracteres.",
        "kept": "No se ha perdido nada de lo que escribió.",
    },
}


def in_view(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    # Any of it on the 844 px screen: an anchor jump can leave the top a fraction of a pixel above it.
    return box is not None and box["y"] + box["height"] > 0 and box["y"] < 844


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_60000_character_account_arrives_whole(live_server, no_js_page, org, handler, language):
    page = no_js_page
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(f"{live_server.url}/r/acme/")
    assert WORDS[language]["limit"] in page.inner_text("#id_what_happened_helptext")
    page.fill("textarea[name=what_happened]", LONG)
    page.click(f"button:has-text('{WORDS[language]['send']}')")
    receipt = page.inner_text(".receipt").strip()
    access = reporter_access_get(receipt=receipt, organization=org)
    assert report_view(access=access, for_staff=False).content.what_happened == LONG


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_account_past_the_limit_comes_back_whole_with_the_error_on_screen(
    live_server, no_js_page, org, handler, language
):
    page = no_js_page
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(f"{live_server.url}/r/acme/")
    page.fill("textarea[name=what_happened]", TOO_LONG)
    page.fill("input[name=where]", "Union hall")
    page.click(f"button:has-text('{WORDS[language]['send']}')")
    assert not Report.objects.exists()
    assert WORDS[language]["kept"] in page.content()
    assert in_view(page, "#errors"), "the error summary is on the first screen"
    assert len(page.input_value("textarea[name=what_happened]")) == len(TOO_LONG)
    assert page.input_value("input[name=where]") == "Union hall"
    page.click("#errors a[href='#id_what_happened']")
    assert page.url.endswith("#id_what_happened") and in_view(page, "#id_what_happened")


def test_an_error_link_of_a_checkbox_group_lands_on_its_first_box(live_server, no_js_page, org, handler, boss):
    page = no_js_page
    page.goto(f"{live_server.url}/r/acme/letters/new/")
    page.fill("input[name=title]", "Please meet us")
    page.fill("textarea[name=text]", "We ask for a meeting.")
    page.fill("input[name=threshold]", "2")
    page.click("form[action$='/letters/new/'] button[type=submit]")
    assert in_view(page, "#errors")
    link = page.locator("#errors a[href='#id_recipients_0']")
    assert link.count() == 1
    link.click()
    assert in_view(page, "#id_recipients_0")
