"""The outside investigator's view with JavaScript off, on a phone: sign in with the second factor, land on
the cases shared with them, read the redacted version (never a name it replaced), write an interview log,
and find no download anywhere; after the last day, a plain refusal."""

from datetime import timedelta

import pytest

from confide.core.clock import today
from confide.reports.models import Investigation, InvestigationEntry, Report
from confide.reports.services.identity import identity_disclosure_request
from tests.helpers.browser import follow
from tests.helpers.investigation import (
    NAMED,
    PLACE,
    case_of,
    custodian_account,
    investigator_account,
    lead_prepares_and_invites,
)
from tests.helpers.reports import submit_report
from tests.helpers.staff import PASSWORD, make_staff, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, base, user) -> None:
    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(user))
    follow(page, page.locator("button[type=submit]"))


def test_the_investigator_reads_the_redacted_case_and_writes_with_javascript_off(
    live_server, no_js_page, org, unlock, tmp_path, audit
):
    handler = make_staff("hana", [org])
    investigator = investigator_account("ines", [org])
    report = submit_report(org, what_happened=f"{NAMED} cornered me at the {PLACE}.", people_involved=NAMED).report
    investigation = lead_prepares_and_invites(unlock, handler, report, investigator)
    page, base = audit.watch(no_js_page), live_server.url

    _sign_in(page, base, investigator)
    assert "/staff/investigations/" in page.url
    audit.check(page, "investigations")
    follow(page, page.get_by_role("link", name=f"Case {report.reference}"))
    html = page.content()
    assert "Person A cornered me at the Place B." in html
    assert NAMED not in html and PLACE not in html
    audit.check(page, "redacted case")
    assert page.locator("a[href*='export'], a[download], a[href*='attachments']").count() == 0

    page.select_option("select[name=kind]", "interview")
    page.fill("textarea[name=body]", "Met Person A; they deny it.")
    follow(page, page.get_by_role("button", name="Save entry"))
    assert "Met Person A; they deny it." in page.content()
    assert InvestigationEntry.objects.filter(kind="interview").count() == 1
    page.screenshot(path=str(tmp_path / "investigator.png"), full_page=True)

    Investigation.objects.filter(pk=investigation.pk).update(until=today() - timedelta(days=1))
    page.fill("textarea[name=body]", "Written too late.")
    follow(page, page.get_by_role("button", name="Save entry"))
    assert "has ended" in page.content() and "Nothing was saved" in page.content()
    assert InvestigationEntry.objects.count() == 1
    audit.check(page, "investigation ended")
    audit.assert_clean()


def test_the_case_panel_and_the_custodian_page_with_javascript_off(live_server, no_js_page, org, unlock, audit):
    handler = make_staff("hana", [org])
    custodian = custodian_account("cora", [org])
    investigator = investigator_account("ines", [org])
    report = submit_report(org, anonymous=False, name="Robin Quill", what_happened=f"{NAMED} did it.").report
    lead_prepares_and_invites(unlock, handler, report, investigator)
    identity_disclosure_request(access=case_of(unlock, handler, Report.objects.get(pk=report.pk)))
    page, base = audit.watch(no_js_page), live_server.url
    _sign_in(page, base, custodian)
    assert "/staff/identity/" in page.url and report.reference in page.content()
    audit.check(page, "identity requests")
    page.fill("textarea[name=reason]", "Needed for the hearing.")
    follow(page, page.get_by_role("button", name="Approve the request"))
    assert "No request is waiting." in page.content()
    follow(page, page.get_by_role("button", name="Sign out (cora)"))
    _sign_in(page, base, handler)
    page.goto(f"{base}/staff/cases/{report.pk}/")
    assert "Robin Quill" not in page.content()
    audit.check(page, "case with investigation and sealed identity")
    page.check("input[name=confirm][id=confirm_identity]")
    follow(page, page.get_by_role("button", name="Open the identity"))
    assert "Robin Quill" in page.content() and "Needed for the hearing." in page.content()
    audit.assert_clean()
