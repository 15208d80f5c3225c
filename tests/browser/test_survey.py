"""Answering a survey in a real browser with JavaScript off, in English and in Spanish: confirm an address with
the one-time code, answer the scaled questions and the free-text box, save the receipt. axe-core audits every
page on the way."""

import pytest

from confide.surveys.models import Pending, SurveyText
from confide.verification.services import roster_upload
from tests.helpers.browser import follow
from tests.helpers.receipts import browser_type_back
from tests.helpers.surveys import open_survey
from tests.helpers.verification import code_sent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {"send_code": "Send me a code", "agree": "Strongly agree", "counted": "your answers are counted"},
    "es": {"send_code": "Envíenme un código", "agree": "Muy de acuerdo", "counted": "sus respuestas se han contado"},
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_respondent_answers_a_survey_without_javascript(live_server, no_js_page, audit, org, language, tmp_path):
    survey_round = open_survey(org)
    roster_upload(organization=org, emails=["dana@acme.org"])
    page = audit.watch(no_js_page)
    words = WORDS[language]
    page.goto(f"{live_server.url}/r/acme/surveys/")
    if language == "es":
        follow(page, page.locator("form.language button[value=es]"))
        assert page.get_attribute("html", "lang") == "es"
    audit.check(page, "surveys")
    follow(page, page.locator(f"a[href$='/surveys/{survey_round.pk}/']"))
    assert words["send_code"] in page.content()
    audit.check(page, "survey")
    page.fill("input[name=email]", "dana@acme.org")
    follow(page, page.locator("form[action$='/verify/'] button[type=submit]"))
    audit.check(page, "survey code")

    page.fill("input[name=code]", code_sent())
    follow(page, page.locator("form[action$='/code/'] button[type=submit]"))
    assert words["agree"] in page.content()
    audit.check(page, "survey answers")
    page.check("input[name=q0][value='5']")
    page.check("input[name=q1][value='2']")
    page.fill("textarea[name=free_text]", "The rota is unfair")
    page.screenshot(path=str(tmp_path / f"survey-{language}.png"), full_page=True)
    follow(page, page.locator("form[action$='/answer/'] button[type=submit]"))

    assert words["counted"] in page.content()
    audit.check(page, "survey receipt")
    receipt = page.inner_text(".receipt").strip()
    assert len(receipt.split()) == (8 if language == "en" else 10)
    assert Pending.objects.count() == 1 and SurveyText.objects.count() == 1
    browser_type_back(page)
    assert page.url.endswith("/surveys/thanks/")
    audit.check(page, "survey thanks")
    page.goto(f"{live_server.url}/r/acme/surveys/answer/")
    page.fill("input[name=receipt]", receipt)
    follow(page, page.locator("form[action$='/surveys/answer/'] button[type=submit]"))
    assert "The rota is unfair" in page.content()
    audit.check(page, "survey answer to report")
    audit.assert_clean()
