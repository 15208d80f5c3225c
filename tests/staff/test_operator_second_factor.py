"""The operator site must not be a way around the second factor: with the operator's password alone, the admin
would let anyone invite themselves as a handler of every organization, and read every report filed after."""

import pytest
from django.test import Client

from confide.accounts.models import Invitation
from tests.helpers.staff import PASSWORD, make_staff, staff_login

pytestmark = pytest.mark.django_db


def test_the_password_alone_does_not_open_the_operator_site():
    operator = make_staff("otto", role="operator")
    client = Client()
    # Django's own admin login form, and a session made by the password backend alone.
    response = client.post("/operator/login/", {"username": operator.username, "password": PASSWORD})
    assert response.status_code in (302, 303)
    assert client.get("/operator/").status_code in (302, 303)
    assert client.get("/operator/accounts/invitation/add/").status_code in (302, 303)
    client.login(username=operator.username, password=PASSWORD)
    page = client.get("/operator/accounts/invitation/add/", follow=True)
    assert page.redirect_chain[-1][0].startswith("/staff/login/")
    assert not Invitation.objects.exists()


def test_the_operator_signed_in_with_the_second_factor_reaches_the_site():
    operator = make_staff("otto", role="operator")
    client = staff_login(Client(), operator)
    assert client.get("/operator/").status_code == 200


def test_the_operator_login_page_sends_to_the_staff_sign_in():
    response = Client().get("/operator/login/?next=/operator/tenants/organization/")
    assert response.status_code in (302, 303)
    assert response["Location"].startswith("/staff/login/")
