"""After election day (issue 13 item 2): the operator winds an organization down; its lines stay open to former
staff, the roster freezes and still verifies, intake closes after the open period, and a successor's line is
one link away. Only an operator may do it (API and operator site)."""

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client

from confide.audit.models import AuditEntry
from confide.notifications.tasks import retention_job
from confide.reports.models import CheckIn
from confide.reports.services.checkins import checkins_sweep
from confide.reports.services.wind_down import organization_wind_down
from confide.tenants.models import Organization
from confide.verification.content import VerificationError, address_canonical
from confide.verification.selectors import address_eligible
from confide.verification.services import domain_allow, roster_upload
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from, make_staff, staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(db):
    return make_staff("otto", role="operator")


def _wind_down(api, token, slug="acme", **body):
    return api.post(f"/api/operator/orgs/{slug}/wind-down", body, content_type="application/json", **token)


def test_the_operator_winds_down_by_the_api_and_the_line_stays_open(api, token_for, operator, org, handler):
    response = _wind_down(api, token_for(operator), on="2026-11-04")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "slug": "acme",
        "wound_down_on": "2026-11-04",
        "open_until": (date(2026, 11, 4) + timedelta(days=3 * 365)).isoformat(),
        "successor": None,
    }
    org.refresh_from_db()
    assert org.intake_open and org.wound_down_on == date(2026, 11, 4)
    assert AuditEntry.objects.filter(action="organization.wound_down", object_id=str(org.pk)).exists()
    page = Client().get("/r/acme/").content.decode()
    assert "campaign ended on" in page and "still open to its former staff" in page
    again = _wind_down(api, token_for(operator))
    assert again.status_code == 409 and again.json()["detail"]


def test_only_an_operator_winds_down(api, token_for, personas, org, other_org):
    for persona in (personas.owner, personas.outsider, personas.other_tenant):
        assert _wind_down(api, token_for(persona)).status_code == 404
    assert _wind_down(api, {}).status_code == 401
    org.refresh_from_db()
    assert org.wound_down_on is None


def test_bad_input_is_a_clear_4xx(api, token_for, operator, org):
    token = token_for(operator)
    assert _wind_down(api, token, slug="nowhere").status_code == 404
    assert _wind_down(api, token, successor="nowhere").status_code == 404
    assert _wind_down(api, token, open_days=-1).status_code == 422
    assert _wind_down(api, token, on="soon").status_code == 422
    assert _wind_down(api, token, successor="acme").status_code == 400


def test_a_successors_line_is_one_link_away_for_the_old_reporters(api, token_for, operator, org, other_org):
    assert _wind_down(api, token_for(operator), successor="rival").json()["successor"] == "rival"
    page = Client().get("/r/acme/return/").content.decode()
    assert 'href="/r/rival/"' in page and "Rival Campaign" in page


def test_the_roster_freezes_as_former_staff_and_still_verifies(org, operator):
    roster_upload(organization=org, emails=["ana@acme.example"])
    organization_wind_down(actor=operator, organization=org)
    with pytest.raises(VerificationError):
        roster_upload(organization=org, emails=["new@acme.example"])
    with pytest.raises(VerificationError):
        domain_allow(organization=org, domain="acme.example")
    assert address_eligible(organization=org, canonical=address_canonical("ana@acme.example"))


def test_a_former_staffer_still_reports_and_intake_closes_after_the_open_period(org, operator, handler):
    with time_machine.travel(date(2026, 11, 4), tick=False):
        organization_wind_down(actor=operator, organization=org, open_days=30)
    with time_machine.travel(date(2026, 11, 20), tick=False):
        late = submit_report(org)
        retention_job.call()
    assert late.report.organization_id == org.pk
    assert Organization.objects.get(pk=org.pk).intake_open
    with time_machine.travel(date(2026, 12, 5), tick=False):
        retention_job.call()
    assert not Organization.objects.get(pk=org.pk).intake_open


def test_reports_made_before_the_wind_down_get_one_check_in_after_it(org, operator, settings):
    with time_machine.travel(date(2026, 6, 1), tick=False):
        before = submit_report(org)
        checkins_sweep()
    with time_machine.travel(date(2026, 11, 4), tick=False):
        organization_wind_down(actor=operator, organization=org)
        after = submit_report(org)
        checkins_sweep()
    due = date(2026, 11, 4) + timedelta(days=settings.CONFIDE_CHECKIN_AFTER_WIND_DOWN_DAYS)
    with time_machine.travel(due, tick=False):
        checkins_sweep()
        checkins_sweep()
    assert CheckIn.objects.filter(report=before.report, kind="wind_down", due_on=due).count() == 1
    assert not CheckIn.objects.filter(report=after.report, kind="wind_down").exists()


def test_the_operator_site_winds_down_and_others_cannot(operator, org, handler):
    client = staff_login(Client(enforce_csrf_checks=True), operator)
    listing = client.get("/operator/tenants/organization/")
    assert listing.status_code == 200
    response = client.post(
        "/operator/tenants/organization/",
        {"action": "wind_down_today", "_selected_action": [str(org.pk)], "csrfmiddlewaretoken": csrf_from(listing)},
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.wound_down_on is not None
    other = staff_login(Client(), handler)
    assert other.get("/operator/tenants/organization/").status_code == 302


def test_the_operator_site_refuses_a_successor_chain_that_comes_back(operator, org, other_org):
    other_org.successor = org
    other_org.save()
    client = staff_login(Client(), operator)
    url = f"/operator/tenants/organization/{org.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "name": org.name,
        "slug": org.slug,
        "intake_open": "on",
        "acknowledge_days": 7,
        "feedback_months": 3,
        "retention_days": 730,
        "outside_options": "",
        "successor": str(other_org.pk),
        "memberships-TOTAL_FORMS": 0,
        "memberships-INITIAL_FORMS": 0,
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
    }
    refused = client.post(url, data)
    assert refused.status_code == 200 and "cannot succeed itself" in refused.content.decode()
    org.refresh_from_db()
    assert org.successor_id is None
