"""Matching escrow in a real browser with JavaScript off: two reporters name the same person, the job finds
the match, the counselor reads both and writes to one, who reads it in their vault and answers."""

import pytest

from confide.escrow.selectors.reporter import vault_access_get
from confide.escrow.services.matching import matches_detect
from confide.escrow.services.team import counselor_enrol
from confide.escrow.services.vaults import vault_account_set
from tests.helpers.escrow import account_ref
from tests.helpers.receipts import browser_type_back
from tests.helpers.staff import PASSWORD, make_staff, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _reporter_names(page, base: str, organization, email: str, text: str) -> None:
    page.goto(f"{base}/r/{organization.slug}/vault/")
    page.click("button[type=submit]")
    receipt = page.inner_text(".receipt").strip()
    access = vault_access_get(receipt=receipt, organization=organization)
    vault_account_set(access=access, account_ref=account_ref(email), organization_id=organization.pk)
    browser_type_back(page)
    page.click("a[href$='/vault/entries/']")
    page.fill("input[name=email]", "The.Boss+campaign@Example.org")
    page.fill("textarea[name=text]", text)
    page.click("form[action$='/vault/entries/'] button[type=submit]")
    assert "boss@example.org" in page.content() and text in page.content()


def test_two_reporters_a_match_and_a_counselor_with_javascript_off(
    live_server, no_js_page, browser, org, other_org, tmp_path
):
    counselor = make_staff("cora", role="counselor")
    counselor_enrol(user=counselor)
    base = live_server.url
    _reporter_names(no_js_page, base, org, "ana@acme.example", "He cornered me at the gala.")
    other = browser.new_context(java_script_enabled=False).new_page()
    _reporter_names(other, base, other_org, "rui@rival.example", "Same man, at our office.")
    matches_detect()

    staff = browser.new_context(java_script_enabled=False).new_page()
    staff.goto(f"{base}/staff/login/")
    staff.fill("input[name=username]", counselor.username)
    staff.fill("input[name=password]", PASSWORD)
    staff.fill("input[name=code]", totp_code(counselor))
    staff.click("button[type=submit]")
    staff.goto(f"{base}/staff/escrow/")
    staff.click("table a")
    assert "He cornered me at the gala." in staff.content() and "Same man, at our office." in staff.content()
    staff.click("li:has-text('gala') a")
    staff.fill("textarea[name=body]", "Someone else named the same person. Would you like to talk?")
    staff.check("input[name=options][value=meeting]")
    staff.click("form button[type=submit]:has-text('Send')")
    assert "Would you like to talk?" in staff.content()
    staff.screenshot(path=str(tmp_path / "counselor-thread.png"), full_page=True)

    no_js_page.goto(f"{base}/r/{org.slug}/vault/home/")
    assert "Would you like to talk?" in no_js_page.content()
    no_js_page.fill("#thread textarea[name=body]", "Yes, a meeting please.")
    no_js_page.click("#thread button[type=submit]")
    assert "Yes, a meeting please." in no_js_page.content()
    no_js_page.screenshot(path=str(tmp_path / "vault.png"), full_page=True)
