import pytest
from django.test import Client

from tests.helpers.staff import make_staff, staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(db):
    operator = make_staff("otto", role="operator")
    client = Client()
    return staff_login(client, operator)  # the operator site needs the second factor too


def test_the_operator_manages_organizations_and_sees_only_report_metadata(operator_client, submitted):
    for url in [
        "/operator/",
        "/operator/tenants/organization/",
        "/operator/accounts/user/",
        "/operator/reports/report/",
    ]:
        assert operator_client.get(url).status_code == 200, url
    page = operator_client.get(f"/operator/reports/report/{submitted.report.pk}/change/").content.decode()
    assert submitted.report.reference in page
    assert "field office" not in page


def test_handlers_cannot_use_the_admin(handler):
    client = Client()
    staff_login(client, handler)
    assert client.get("/operator/").status_code == 302
