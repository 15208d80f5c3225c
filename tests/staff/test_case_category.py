"""Issue 11: the form tells the reporter the handler can change the category; the handler can, on the case page
and through the API, and each change is one audit row that names no content. Nobody without the case's key
can change it."""

import pytest

from confide.audit.models import AuditEntry
from confide.audit.selectors import audit_chain_verify
from confide.audit.services import Action
from confide.reports.models import Report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db


def change(client, report, category: str):
    page = client.get(f"/staff/cases/{report.pk}/")
    return client.post(
        f"/staff/cases/{report.pk}/category/", {"category": category, "csrfmiddlewaretoken": csrf_from(page)}
    )


def category_rows(report) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=Action.CASE_CATEGORY, object_id=str(report.pk)))


def test_a_handler_changes_the_category_on_the_case_page_and_it_is_audited(login, handler, submitted):
    client = login(handler)
    page = client.get(f"/staff/cases/{submitted.report.pk}/").content.decode()
    assert f'action="/staff/cases/{submitted.report.pk}/category/"' in page
    response = change(client, submitted.report, "retaliation")
    assert response.status_code == 302
    assert Report.objects.get(pk=submitted.report.pk).category == "retaliation"
    [row] = category_rows(submitted.report)
    assert row.actor_id == handler.pk and row.object_type == "report" and row.subject_id is None
    assert audit_chain_verify().ok
    assert "Retaliation for speaking up" in client.get(f"/staff/cases/{submitted.report.pk}/").content.decode()


def test_the_same_category_again_changes_nothing_and_records_nothing(login, handler, submitted):
    assert change(login(handler), submitted.report, submitted.report.category).status_code == 302
    assert category_rows(submitted.report) == []


def test_an_unknown_category_is_a_clear_400_on_the_page(login, handler, submitted):
    response = change(login(handler), submitted.report, "nope")
    assert response.status_code == 400 and "Choose one of the listed categories." in response.content.decode()
    assert Report.objects.get(pk=submitted.report.pk).category == submitted.report.category
    assert category_rows(submitted.report) == []


@pytest.mark.parametrize("persona", ["outsider", "other_tenant", "excluded"])
def test_nobody_without_the_case_key_can_change_the_category(login, personas, submitted, persona):
    client = login(getattr(personas, persona))
    page = client.get("/staff/")
    response = client.post(
        f"/staff/cases/{submitted.report.pk}/category/", {"category": "other", "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert response.status_code == 404
    assert Report.objects.get(pk=submitted.report.pk).category == submitted.report.category
    assert category_rows(submitted.report) == []


def test_the_staff_api_changes_the_category(api, personas, submitted, token_for):
    url = f"/api/cases/{submitted.report.pk}/category"
    teammate = token_for(personas.teammate)
    response = api.post(url, {"category": "discrimination"}, content_type="application/json", **teammate)
    assert response.status_code == 200 and response.json()["category"] == "discrimination"
    assert [row.actor_id for row in category_rows(submitted.report)] == [personas.teammate.pk]
    refused = api.post(url, {"category": "nope"}, content_type="application/json", **teammate)
    assert refused.status_code == 422
    assert Report.objects.get(pk=submitted.report.pk).category == "discrimination"
