"""A case about leadership in a real browser with JavaScript off, with the reporter in English and in Spanish:
the lead hands it to an independent body, the body answers, and the reporter reads who holds the case, asks
that a holder be excluded and lets the body see their identity."""

import pytest

from tests.helpers.browser import follow
from tests.helpers.leadership import leadership_report, make_body
from tests.helpers.staff import PASSWORD, make_staff, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "holders": "Who holds the key to your report",
        "held": "Your case is now held by: Independent body — union representative",
        "body": "Independent body: union representative",
        "ask": "Ask to exclude",
        "waiting": "waiting for the lead case handler",
        "share": "Let the independent body see my identity",
        "shared": "can see your name and how to reach you",
    },
    "es": {
        "holders": "Quién tiene la llave de su denuncia",
        "held": "Su caso lo tiene ahora: Organismo independiente — union representative",
        "body": "Organismo independiente: union representative",
        "ask": "Pedir la exclusión",
        "waiting": "a la espera del gestor principal del caso",
        "share": "Permitir que el organismo independiente vea mi identidad",
        "shared": "puede ver su nombre y cómo contactarle",
    },
}


def _sign_in(browser, base, user):
    page = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(user))
    follow(page, page.locator("button[type=submit]"))
    return page


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_leadership_case_is_handed_to_a_body_and_answered(live_server, browser, org, lang, tmp_path):
    words = WORDS[lang]
    lead = make_staff("hana", [org])
    make_staff("tomas", [org])
    body = make_body("unionrep", org)
    submitted = leadership_report(org, lead, name="Ana Reporter", contact="ana@example.org", anonymous=False)
    base = live_server.url

    staff = _sign_in(browser, base, lead)
    staff.goto(f"{base}/staff/cases/{submitted.report.pk}/")
    staff.select_option("select[name=body]", "unionrep")
    staff.fill("#id_handover_note", "The campaign manager is named; please take it.")
    follow(staff, staff.get_by_role("button", name="Hand over", exact=True))
    assert "The case is now held by: Independent body — union representative" in staff.content()
    staff.context.close()

    held = _sign_in(browser, base, body)
    assert "Cases handed to you" in held.content()
    follow(held, held.locator("table a"))
    assert "The campaign manager is named; please take it." in held.content()
    assert "Ana Reporter" not in held.content()
    held.fill("textarea[name=body]", "We are the union's representative; we hold your case now.")
    follow(held, held.get_by_role("button", name="Send", exact=True))
    held.screenshot(path=str(tmp_path / "body.png"), full_page=True)

    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    context.set_extra_http_headers({"Accept-Language": lang})
    page = context.new_page()
    page.goto(f"{base}/r/acme/return/")
    page.fill("input[name=receipt]", submitted.receipt)
    follow(page, page.locator("main form button[type=submit]"))
    assert page.get_attribute("html", "lang") == lang
    html = page.content()
    assert words["held"] in html and words["holders"] in html
    assert "We are the union's representative; we hold your case now." in html
    assert page.locator("#holders li.holder").count() == 3
    assert words["body"] in page.inner_text("#holders")
    for name in ["hana", "tomas", "unionrep"]:
        assert name not in page.inner_text("main")
    page.select_option("select[name=holder]", "1")
    follow(page, page.get_by_role("button", name=words["ask"], exact=True))
    assert words["waiting"] in page.inner_text("#holders")
    follow(page, page.get_by_role("button", name=words["share"], exact=True))
    assert words["shared"] in page.inner_text("#holders")
    page.screenshot(path=str(tmp_path / f"holders-{lang}.png"), full_page=True)
    context.close()

    held.reload()
    assert "Ana Reporter" in held.content()  # the reporter agreed
    held.context.close()
