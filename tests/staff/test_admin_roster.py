import pytest
from django.test import Client

from confide.verification.models import AllowedDomain
from confide.verification.selectors import roster_size
from tests.helpers.staff import make_staff, staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(db):
    return staff_login(Client(), make_staff("otto", role="operator"))


def test_the_operator_uploads_a_roster_that_cannot_be_read_back(operator_client, org):
    assert operator_client.get("/operator/verification/rosterentry/").status_code == 200
    response = operator_client.post(
        "/operator/verification/rosterentry/upload/",
        {"organization": org.pk, "emails": "ann@example.org\nbob@example.org"},
    )
    assert response.status_code == 302
    assert roster_size(organization=org) == 2
    listing = operator_client.get("/operator/verification/rosterentry/").content.decode()
    assert "ann@example.org" not in listing


def test_a_bad_address_is_named_and_nothing_uploads(operator_client, org):
    response = operator_client.post(
        "/operator/verification/rosterentry/upload/", {"organization": org.pk, "emails": "ann@example.org\nbroken"}
    )
    assert response.status_code == 200
    assert "name@example.org" in response.content.decode()
    assert roster_size(organization=org) == 0


def test_an_allowed_domain_is_stored_canonical(operator_client, org):
    response = operator_client.post(
        "/operator/verification/alloweddomain/add/", {"organization": org.pk, "domain": "@Campaign.Example"}
    )
    assert response.status_code == 302
    assert AllowedDomain.objects.get().domain == "campaign.example"


def test_handlers_cannot_upload_rosters(org):
    client = staff_login(Client(), make_staff("hana", [org]))
    assert client.get("/operator/verification/rosterentry/upload/").status_code == 302
