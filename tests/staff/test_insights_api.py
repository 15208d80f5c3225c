"""The figures over the API: who reads which organization's report, the signed export and the benchmark;
bad input gets a clear 4xx and never a number."""

import base64
import datetime
import re

import pytest
import time_machine

from confide.audit.models import AuditEntry
from confide.insights.exports import export_verify
from confide.tenants.models import Organization
from tests.helpers.insights import AFTER, IN_PERIOD, PERIOD, file_reports
from tests.helpers.staff import make_staff

pytestmark = pytest.mark.django_db

URL = f"/api/staff/insights/organizations/acme/{PERIOD}"


@pytest.fixture
def closed(org, handler):
    return file_reports(org, 7, category="bullying")


@pytest.fixture(autouse=True)
def _after():
    with time_machine.travel(AFTER, tick=False):
        yield


@pytest.mark.parametrize("persona", ["handler", "teammate", "contact"])
def test_the_organizations_handlers_and_contacts_read_its_report(api, closed, persona, request, token_for):
    response = api.get(URL, **token_for(request.getfixturevalue(persona)))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["figures"]["reports"] == 7 and body["period"]["label"] == PERIOD
    assert AuditEntry.objects.filter(action="insight.report_read").count() == 1


@pytest.mark.parametrize(
    "persona", ["outsider", "other_tenant_handler", "other_contact", "call_taker", "counselor", "other_call_taker"]
)
def test_anyone_else_gets_the_404_of_an_organization_that_does_not_exist(api, closed, persona, request, token_for):
    headers = token_for(request.getfixturevalue(persona))
    for url in (URL, f"{URL}/export/json", "/api/staff/insights/organizations/nowhere/2025-q2"):
        response = api.get(url, **headers)
        assert response.status_code == 404, (persona, url)
        assert not re.search(r"\d", response.json()["detail"])


def test_without_a_token_it_is_401(api, closed):
    assert api.get(URL).status_code == 401


def test_a_period_that_has_not_closed_is_a_clear_400(api, closed, handler, token_for):
    response = api.get("/api/staff/insights/organizations/acme/2025-q3", **token_for(handler))
    assert response.status_code == 400
    assert "not closed" in response.json()["detail"]


def test_fewer_than_k_reports_is_a_422_without_a_number(api, org, handler, token_for):
    file_reports(org, 3)
    response = api.get(URL, **token_for(handler))
    assert response.status_code == 422
    assert response.json()["detail"] == "Not enough reports to show this safely."


@pytest.mark.parametrize("period", ["2025-05", "2025-q9", "next", "2025-q2x"])
def test_a_period_written_wrong_is_a_400_naming_the_field(api, closed, handler, token_for, period):
    response = api.get(f"/api/staff/insights/organizations/acme/{period}", **token_for(handler))
    assert response.status_code == 400
    assert response.json()["field"] == "period"


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf"])
def test_an_export_carries_the_deployments_signature_over_its_bytes(api, closed, handler, token_for, fmt):
    response = api.get(f"{URL}/export/{fmt}", **token_for(handler))
    assert response.status_code == 200
    body = response.json()
    data = base64.b64decode(body["content_base64"])
    assert export_verify(data, body["signature"], public_key=body["public_key"])
    assert not export_verify(data + b" ", body["signature"], public_key=body["public_key"])
    assert AuditEntry.objects.filter(action="insight.exported").count() == 1


def test_an_unknown_export_format_is_404(api, closed, handler, token_for):
    assert api.get(f"{URL}/export/xlsx", **token_for(handler)).status_code == 404


def _orgs_with_reports(count: int) -> None:
    for i in range(count):
        file_reports(Organization.objects.create(slug=f"org{i}", name=f"Campaign {i}"), 5 + i)


def test_the_benchmark_needs_five_organizations_and_names_none(api, closed, handler, token_for):
    _orgs_with_reports(3)
    response = api.get(f"/api/staff/insights/sector/{PERIOD}", **token_for(handler))
    assert response.status_code == 200
    assert all(metric is None for metric in response.json()["metrics"].values())  # 4 organizations


def test_the_benchmark_shows_quartiles_once_five_contribute_and_draws_its_noise_once(api, closed, handler, token_for):
    _orgs_with_reports(5)
    first = api.get(f"/api/staff/insights/sector/{PERIOD}", **token_for(handler)).json()
    assert "acme" not in str(first) and "Campaign" not in str(first)
    assert first["metrics"]["came_back_share"]["organizations"] == 6
    again = api.get(f"/api/staff/insights/sector/{PERIOD}", **token_for(handler)).json()
    assert again == first
    report = api.get(URL, **token_for(handler)).json()
    assert report["benchmark"]["metrics"]["came_back_share"]["standing"] in {"q1", "q2", "q3", "q4"}
    assert AuditEntry.objects.filter(action="insight.benchmark_read").count() == 2


def test_the_benchmark_is_404_for_staff_who_read_no_organizations_figures(api, closed, outsider, token_for):
    assert api.get(f"/api/staff/insights/sector/{PERIOD}", **token_for(outsider)).status_code == 404


def test_a_handler_who_left_the_organization_reads_nothing(api, closed, teammate, token_for):
    headers = token_for(teammate)
    teammate.memberships.all().delete()
    assert api.get(URL, **headers).status_code == 404


def test_reports_of_another_organization_never_enter_this_ones_figures(api, closed, other_org, token_for):
    file_reports(other_org, 9)
    rival = make_staff("rival-contact", [other_org], role="contact")
    body = api.get(f"/api/staff/insights/organizations/rival/{PERIOD}", **token_for(rival)).json()
    assert body["figures"]["reports"] == 9
    assert IN_PERIOD.date() <= datetime.date(2025, 6, 30)
