"""A report key wrap outlives a change of role: what a user may read must follow their current role."""

import pytest

from confide.reports.content import ReportNotFound
from confide.reports.selectors.staff import case_access_get, report_list_visible_to
from confide.tenants.models import Membership
from tests.helpers.staff import api_token


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


@pytest.mark.parametrize("role", ["operator", "counselor"])
def test_a_non_handler_given_an_organization_receives_no_report_key(org, handler, role, unlock):
    """membership_add gives every role without a membership role of its own a handler membership: the role
    itself must still keep report keys away from the operator ("reads no report") and the counselor."""
    from tests.helpers.reports import submit_report
    from tests.helpers.staff import make_staff

    other = make_staff(f"not-a-handler-{role}", [org], role=role)
    report = submit_report(org).report
    assert not report.key_wraps.filter(user=other).exists()
    assert not report_list_visible_to(user=other).exists()
