"""The outside investigator's view with JavaScript off, on a phone: sign in with the second factor, land on
the cases shared with them, read the redacted version (never a name it replaced), write an interview log,
and find no download anywhere; after the last day, a plain refusal."""

from datetime import timedelta

import pytest

from confide.core.clock import today
from confide.reports.models import Investigation, InvestigationEntry
from tests.helpers.browser import follow
from tests.helpers.investigation import NAMED, PLACE, investigator_account, lead_prepares_and_invites
from tests.helpers.reports import submit_report
from tests.helpers.staff import PASSWORD, make_staff, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_investigator_reads_the_redacted_case_and_writes_with_javascript_off(
    live_server, no_js_page, org, unlock, tmp_path
):
    handler = make_staff("hana", [org])
    investigator = investigator_account("ines", [org])
    report = submit_report(org, what_happened=f"{NAMED} cornered me at the {PLACE}.", people_involved=NAMED).report
    investigation = lead_prepares_and_invites(unlock, handler, report, investigator)
    page, base = no_js_page, live_server.url

    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", investigator.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=code]", totp_code(investigator))
    follow(page, page.locator("button[type=submit]"))
    assert "/staff/investigations/" in page.url
    follow(page, page.get_by_role("link", name=f"Case {report.reference}"))
    html = page.content()
    assert "Person A cornered me at the Place B." in html
    assert NAMED not in html and PLACE not in html
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
