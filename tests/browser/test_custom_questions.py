"""The organization's own questions in a real browser with JavaScript off, in English and Spanish: the third
party adds one in the editor; the reporter answers them on the form (a missing one comes back with the
summary pointing at it); the handler reads the answers on the case page. The form is audited with axe-core."""

import pytest

from confide.reports.models import Report
from tests.browser.conftest import no_js_context
from tests.helpers.browser import follow
from tests.helpers.questions import questions_set
from tests.helpers.receipts import browser_type_back
from tests.helpers.staff import PASSWORD, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "en": {"team": "Which team were you on?", "volunteer": "Volunteer", "send": "Send my report"},
    "es": {"team": "¿En qué equipo estaba?", "volunteer": "Voluntario", "send": "Enviar mi denuncia"},
}


def _sign_in(page, base: str, user) -> None:
    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(user))
    follow(page, page.locator("button[type=submit]"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_reporter_answers_the_organizations_questions(live_server, browser, audit, org, handler, language, tmp_path):
    questions_set(org, handler)
    base, texts = live_server.url, TEXTS[language]
    context = no_js_context(browser, extra_http_headers={"Accept-Language": language})
    page = audit.watch(context.new_page())

    page.goto(f"{base}/r/acme/")
    assert page.get_attribute("html", "lang") == language
    assert texts["team"] in page.inner_text("main")
    audit.check(page, "report form with questions")
    page.fill("textarea[name=what_happened]", "He kept texting me at night.")
    page.check("input[name=q_role][value=volunteer]")
    page.check("input[name=q_places][value=office]")
    page.check("input[name=q_places][value=online]")
    page.fill("input[name=q_started]", "2024-03")
    page.check("input[name=q_told][value=yes]")
    # The required question is left out; the browser would hold the form back, so the server's answer is seen.
    page.evaluate("() => document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
    follow(page, page.get_by_role("button", name=texts["send"], exact=True))
    assert page.locator("#errors a[href='#id_q_team']").is_visible()
    assert page.is_checked("input[name=q_places][value=online]")  # nothing typed was lost
    audit.check(page, "report form with a missing answer")
    page.screenshot(path=str(tmp_path / f"questions-{language}.png"), full_page=True)

    page.click("#errors a[href='#id_q_team']")
    page.fill("input[name=q_team]", "Field")
    follow(page, page.get_by_role("button", name=texts["send"], exact=True))
    assert len(page.inner_text(".receipt").split()) >= 8
    browser_type_back(page)
    context.close()
    audit.assert_clean()

    staff = no_js_context(browser).new_page()
    _sign_in(staff, base, handler)
    staff.goto(f"{base}/staff/cases/{Report.objects.get().pk}/")
    answers = staff.inner_text("dl.answers")
    assert "Which team were you on?" in answers and "Field" in answers and "Office, Online" in answers
    staff.context.close()


def test_the_third_party_adds_a_question_the_reporter_then_sees(live_server, browser, org, handler, tmp_path):
    base = live_server.url
    staff = no_js_context(browser).new_page()
    _sign_in(staff, base, handler)
    staff.goto(f"{base}/staff/questions/")
    follow(staff, staff.get_by_role("link", name="Acme for America"))
    staff.select_option("select[name=kind]", "choice")
    staff.check("input[name=required]")
    staff.fill("input[name=label_en]", "Which office?")
    staff.fill("input[name=label_es]", "¿Qué oficina?")
    staff.fill("textarea[name=options_en]", "Main office\nField office")
    staff.fill("textarea[name=options_es]", "Oficina central\nOficina de campo")
    follow(staff, staff.get_by_role("button", name="Add the question", exact=True))
    assert "Which office?" in staff.inner_text("ol.questions")
    staff.screenshot(path=str(tmp_path / "editor.png"), full_page=True)
    staff.context.close()

    reporter = no_js_context(browser, extra_http_headers={"Accept-Language": "es"}).new_page()
    reporter.goto(f"{base}/r/acme/")
    assert "¿Qué oficina?" in reporter.inner_text("main") and "Oficina de campo" in reporter.inner_text("main")
    reporter.context.close()
