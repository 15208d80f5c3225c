"""A password change or a recovery is how staff lock out whoever took their credentials: API tokens issued
before must stop working too, not only the password."""

import pytest

from confide.accounts.recovery import staff_password_change
from tests.accounts.test_recovery import NEW_PASSWORD, recover
from tests.api.conftest import api, token_for  # noqa: F401 - fixtures shared with the API tests
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_password_change_revokes_the_staff_members_api_tokens(api, handler, submitted, token_for):
    headers = token_for(handler)
    assert api.get("/api/cases", **headers).status_code == 200
    staff_password_change(user=handler, old_password=PASSWORD, new_password=NEW_PASSWORD)
    assert api.get("/api/cases", **headers).status_code == 401


def test_a_recovery_revokes_the_staff_members_api_tokens(api, handler, submitted, token_for, recovery_secret_key):
    headers = token_for(handler)
    recover(handler.username, recovery_secret_key, NEW_PASSWORD)
    assert api.get("/api/cases", **headers).status_code == 401
