"""axe-core finds no WCAG 2.1 A/AA or best-practice violation on any reporter page (English and Spanish, with
JavaScript off, at a phone's and a desktop's width) nor on the main staff pages. Each test walks a flow as a
person would and audits every page on the way: forms with their errors, receipts shown once, threads."""

import pytest

from confide.reports.selectors.staff import case_access_get
from confide.reports.services.messages import message_create_by_handler
from confide.verification.services import roster_upload
from tests.browser.conftest import no_js_context
from tests.helpers.browser import follow
from tests.helpers.receipts import browser_type_back
from tests.helpers.reports import submit_report
from tests.helpers.staff import PASSWORD, make_staff, totp_code
from tests.helpers.verification import code_sent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "es"]


@pytest.fixture(params=LANGUAGES)
def reporter_page(request, browser, audit):
    """A JavaScript-off page whose browser asks for the language (as the switch or Accept-Language would)."""
    context = no_js_context(browser, extra_http_headers={"Accept-Language": request.param})
    page = audit.watch(context.new_page())
    yield page
    context.close()


def _submit(page, action: str | None) -> None:
    form = "main form:not([action])" if action is None else f"main form[action$='{action}']"
    follow(page, page.locator(f"{form} button[type=submit]").first)


def _type_back_wrong(page) -> None:
    for field in page.query_selector_all("input[name=word]"):
        field.fill("wrong")
    follow(page, page.locator("form[action$='/receipt/'] button[type=submit]"))


def _skip_browser_validation(page) -> None:
    """Send a form the browser would hold back for a `required` field, to see the server's answer to it."""
    page.evaluate("() => document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")


def test_report_pages(live_server, reporter_page, audit, org, handler, unlock):
    answered = submit_report(org, what_happened="Filed earlier")
    access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=answered.report.pk)
    message_create_by_handler(access=access, body="Thank you. Could you tell us who else was there?")
    page, base = reporter_page, live_server.url

    page.goto(f"{base}/")
    audit.check(page, "home")
    page.goto(f"{base}/r/no-such-organization/")
    audit.check(page, "not found")
    page.goto(f"{base}/r/acme/")
    audit.check(page, "report form")
    _submit(page, "/r/acme/")
    assert page.locator("#errors").is_visible()
    audit.check(page, "report form with errors")
    page.fill("textarea[name=what_happened]", "He kept texting me at night.")
    page.check("input[name=category][value=sexual_harassment]")
    _submit(page, "/r/acme/")
    assert len(page.inner_text(".receipt").split()) >= 8
    audit.check(page, "report receipt")
    _type_back_wrong(page)
    audit.check(page, "report receipt, wrong words")
    browser_type_back(page)
    audit.check(page, "receipt saved")

    page.goto(f"{base}/r/acme/return/")
    audit.check(page, "receipt entry")
    page.fill("input[name=receipt]", "wrong " * 8)
    _submit(page, "/return/")
    audit.check(page, "receipt entry, wrong receipt")
    page.fill("input[name=receipt]", answered.receipt)
    _submit(page, "/return/")
    assert "who else was there" in page.content()
    audit.check(page, "report thread")
    _submit(page, "/reply/")
    audit.check(page, "report thread, empty reply")
    _submit(page, "/leave/")
    audit.check(page, "left")
    audit.assert_clean()


def test_vault_pages(live_server, reporter_page, audit, org, counselor):
    page, base = reporter_page, live_server.url

    page.goto(f"{base}/r/acme/vault/")
    audit.check(page, "vault start")
    _submit(page, "/vault/")
    receipt = page.inner_text(".receipt").strip()
    audit.check(page, "vault receipt")
    browser_type_back(page)
    page.goto(f"{base}/r/acme/vault/home/")
    audit.check(page, "vault home, empty")
    _skip_browser_validation(page)
    _submit(page, "/records/")
    audit.check(page, "vault home, empty record")
    page.fill("textarea[name=text]", "He cornered me after the fundraiser.")
    _submit(page, "/records/")
    follow(page, page.locator("main a[href*='/records/'][href$='/report/']").first)
    audit.check(page, "record to report")
    _skip_browser_validation(page)
    _submit(page, None)
    audit.check(page, "record to report, no category")

    page.goto(f"{base}/r/acme/vault/entries/")
    audit.check(page, "vault entry form")
    _skip_browser_validation(page)
    _submit(page, "/entries/")
    audit.check(page, "vault entry form with errors")
    page.fill("input[name=email]", "boss@acme.org")
    page.fill("textarea[name=text]", "He cornered me after the fundraiser.")
    _submit(page, "/entries/")
    audit.check(page, "vault home, with an entry and a record")
    follow(page, page.locator("main a[href$='/edit/']").first)
    audit.check(page, "vault entry edit")

    page.goto(f"{base}/r/acme/vault/verify/")
    audit.check(page, "vault verification, address")
    _skip_browser_validation(page)
    _submit(page, "/verify/")
    audit.check(page, "vault verification, no address")
    page.fill("input[name=email]", "dana@acme.org")
    _submit(page, "/verify/")
    audit.check(page, "vault verification, code")
    page.fill("input[name=code]", "00000000")
    _submit(page, "/verify/code/")
    audit.check(page, "vault verification, wrong code")

    page.goto(f"{base}/r/acme/vault/home/")
    _submit(page, "/vault/leave/")
    audit.check(page, "vault left")
    page.goto(f"{base}/r/acme/vault/open/")
    audit.check(page, "vault open")
    page.fill("input[name=receipt]", "wrong " * 8)
    _submit(page, "/open/")
    audit.check(page, "vault open, wrong receipt")
    page.fill("input[name=receipt]", receipt)
    _submit(page, "/open/")
    assert page.url.endswith("/vault/home/")
    audit.assert_clean()


def _draft(page, recipient) -> None:
    page.fill("input[name=title]", "A request to meet")
    page.fill("textarea[name=text]", "We ask to meet you about what happened on the 2016 campaign.")
    page.check(f"input[name=recipients][value='{recipient.pk}']")
    page.fill("input[name=threshold]", "2")
    _submit(page, "/new/")


def test_letter_pages(live_server, reporter_page, audit, org, circulating, boss, chief):
    roster_upload(organization=org, emails=["dana@acme.org", "lee@acme.org"])  # a threshold of 2 needs two
    page, base = reporter_page, live_server.url

    page.goto(f"{base}/r/acme/letters/")
    audit.check(page, "letters start")
    page.fill("input[name=receipt]", "wrong " * 8)
    _submit(page, "/return/")
    audit.check(page, "letters start, wrong receipt")
    page.goto(f"{base}/r/acme/letters/new/")
    audit.check(page, "letter draft")
    _submit(page, "/new/")
    audit.check(page, "letter draft with errors")
    _draft(page, boss)
    audit.check(page, "letter drafted")
    receipt = page.locator(".receipt").first.inner_text().strip()
    _type_back_wrong(page)
    audit.check(page, "letter receipt, wrong words")
    browser_type_back(page)
    audit.check(page, "letter receipt saved")
    page.goto(f"{base}/r/acme/letters/")
    page.fill("input[name=receipt]", receipt)
    _submit(page, "/return/")
    audit.check(page, "my letter, organizer")
    _submit(page, "/mine/message/")
    audit.check(page, "my letter, empty message")
    _submit(page, "/mine/leave/")
    audit.check(page, "letters left")

    page.goto(f"{base}/r/acme/letters/i/{circulating.token}/")
    audit.check(page, "invitation")
    page.fill("input[name=email]", "dana@acme.org")
    _submit(page, "/verify/")
    audit.check(page, "signing")
    _submit(page, "/sign/")
    audit.check(page, "signing with errors")
    page.fill("input[name=code]", code_sent())
    page.fill("input[name=name]", "Dana Doe")
    _submit(page, "/sign/")
    signed = page.inner_text(".receipt").strip()
    audit.check(page, "signed")
    browser_type_back(page)
    page.goto(f"{base}/r/acme/letters/")
    page.fill("input[name=receipt]", signed)
    _submit(page, "/return/")
    audit.check(page, "my letter, signer")
    _submit(page, "/mine/withdraw/")
    audit.check(page, "signature withdrawn")
    audit.assert_clean()


def _staff_page(browser, audit):
    return audit.watch(no_js_context(browser).new_page())


def _sign_in(page, base: str, user, code: str | None = None) -> None:
    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(user) if code is None else code)
    _submit(page, None)


def test_staff_pages(live_server, browser, audit, org, handler, unlock, circulating, call_taker, counselor):
    submitted = submit_report(org, what_happened="He kept texting me at night.")
    access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=submitted.report.pk)
    message_create_by_handler(access=access, body="Thank you. Could you tell us who else was there?")
    base = live_server.url

    page = _staff_page(browser, audit)
    page.goto(f"{base}/staff/login/")
    audit.check(page, "staff sign-in")
    _sign_in(page, base, handler, code="000000")
    audit.check(page, "staff sign-in, wrong code")
    _sign_in(page, base, handler)
    page.goto(f"{base}/staff/")
    audit.check(page, "inbox")
    page.goto(f"{base}/staff/dashboard/")
    audit.check(page, "dashboard")
    page.goto(f"{base}/staff/cases/{submitted.report.pk}/")
    assert "who else was there" in page.content()
    audit.check(page, "case")
    page.goto(f"{base}/staff/letters/")
    audit.check(page, "letters")
    page.goto(f"{base}/staff/letters/{circulating.letter.pk}/")
    audit.check(page, "letter")
    page.goto(f"{base}/staff/password/")
    audit.check(page, "password")
    page.goto(f"{base}/staff/account/")
    audit.check(page, "account")
    page.goto(f"{base}/staff/passkeys/")
    audit.check(page, "passkeys")
    page.context.close()

    page = _staff_page(browser, audit)
    _sign_in(page, base, call_taker)
    page.goto(f"{base}/staff/hotline/")
    audit.check(page, "hotline console")
    follow(page, page.get_by_role("link", name="New report", exact=True))
    audit.check(page, "hotline script")
    page.check("input[name=safe_to_talk]")
    page.check("input[name=confidentiality_explained]")
    _submit(page, "/call/")
    audit.check(page, "hotline account")
    page.context.close()

    page = _staff_page(browser, audit)
    _sign_in(page, base, counselor)
    page.goto(f"{base}/staff/escrow/")
    audit.check(page, "escrow matches")
    page.context.close()

    newcomer = make_staff("nadia", [org], totp=False)
    page = _staff_page(browser, audit)
    _sign_in(page, base, newcomer, code="")
    assert page.url.endswith("/staff/two-factor/")
    audit.check(page, "two-factor enrolment")
    page.context.close()
    audit.assert_clean()
