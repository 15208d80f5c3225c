"""A report key wrap outlives a change of role: what a user may read must follow their current role."""

import pytest

from confide.reports.selectors import ReportNotFound, case_access_get, report_list_visible_to
from confide.tenants.models import Membership
from tests.conftest import api_token


def _demote(user, role):
    Membership.objects.filter(user=user).update(role=role)
    user.role = role
    user.save(update_fields=["role"])


@pytest.mark.parametrize("role", [Membership.Role.CONTACT, Membership.Role.CALL_TAKER])
def test_it_hides_reports_from_a_former_handler_now_in_another_role(submitted, handler, unlock, role):
    secret_key = unlock(handler).secret_key
    _demote(handler, role)
    assert not report_list_visible_to(user=handler).exists()
    with pytest.raises(ReportNotFound):
        case_access_get(user=handler, secret_key=secret_key, report_id=submitted.report.pk)


def test_it_answers_404_to_a_former_handler_now_a_contact_on_pages_and_api(submitted, handler, login):
    client = login(handler)
    headers = api_token(handler)
    assert client.get(f"/staff/cases/{submitted.report.pk}/").status_code == 200
    _demote(handler, Membership.Role.CONTACT)
    assert client.get(f"/staff/cases/{submitted.report.pk}/").status_code == 404
    assert submitted.report.reference not in client.get("/staff/").content.decode()
    response = client.get(f"/api/cases/{submitted.report.pk}", **headers)
    assert response.status_code == 404
    assert client.get("/api/cases", **headers).json()["items"] == []
