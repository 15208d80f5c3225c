"""Issue 11, items 1 and 4 in a real browser with JavaScript off on a phone: a report is filed, the receipt page
reloaded (nothing more is filed), a wrong word shows the receipt again, the right words go on; in both
languages."""

import pytest

from confide import crypto
from confide.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDING = {
    "en": {"received": "Your report has been received", "wrong": "does not match words", "thanks": "Thank you"},
    "es": {"received": "Hemos recibido su denuncia", "wrong": "no coincide con las palabras", "thanks": "Gracias"},
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_reloaded_receipt_page_files_nothing_and_the_words_are_typed_back(
    live_server, no_js_page, org, handler, language, tmp_path
):
    page = no_js_page
    words = WORDING[language]
    page.goto(f"{live_server.url}/r/acme/")
    if language == "es":
        page.click("form.language button[value=es]")
    page.fill("textarea[name=what_happened]", "My supervisor kept texting me at night.")
    page.check("input[name=category][value=sexual_harassment]")
    page.click("button[type=submit]")

    assert page.url == f"{live_server.url}/r/acme/receipt/"
    assert words["received"] in page.content()
    receipt = page.inner_text(".receipt").strip().split()
    assert len(receipt) == crypto.receipt_word_count(language) and Report.objects.count() == 1
    page.reload()
    page.reload()
    assert page.inner_text(".receipt").strip().split() == receipt
    assert Report.objects.count() == 1, "reloading the receipt page filed nothing"
    page.screenshot(path=str(tmp_path / f"receipt-{language}.png"), full_page=True)

    for field in page.query_selector_all("input[name=word]"):
        field.fill("wrong")
    page.click("form[action$='/receipt/'] button[type=submit]")
    assert words["wrong"] in page.inner_text("[role=alert]")
    assert page.inner_text(".receipt").strip().split() == receipt

    for field in page.query_selector_all("input[name=word]"):
        number = int(field.get_attribute("id").removeprefix("id_word_"))
        field.fill(receipt[number - 1])
    page.click("form[action$='/receipt/'] button[type=submit]")
    assert page.url == f"{live_server.url}/r/acme/saved/"
    assert words["thanks"] in page.content()
    assert Report.objects.count() == 1
