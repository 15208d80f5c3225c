"""A password change or a recovery is how staff lock out whoever took their credentials: API tokens issued
before must stop working too, not only the password."""

import pytest
from django.test import Client

from confide.accounts.services.passwords import staff_password_change
from tests.helpers.staff import NEW_PASSWORD, PASSWORD, api_token, recover

api = Client()
pytestmark = pytest.mark.django_db


def test_a_password_change_revokes_the_staff_members_api_tokens(handler, submitted):
    headers = api_token(handler)
    assert api.get("/api/cases", **headers).status_code == 200
    staff_password_change(user=handler, old_password=PASSWORD, new_password=NEW_PASSWORD)
    assert api.get("/api/cases", **headers).status_code == 401


def test_a_recovery_revokes_the_staff_members_api_tokens(handler, submitted, recovery_secret_key):
    headers = api_token(handler)
    recover(handler.username, recovery_secret_key, NEW_PASSWORD)
    assert api.get("/api/cases", **headers).status_code == 401
