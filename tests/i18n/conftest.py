import pytest
from django.test import Client

from tests.helpers.i18n import choose


@pytest.fixture
def tor_client() -> Client:
    """Tor Browser asks every site for American English, whatever its user reads."""
    return Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.5")


@pytest.fixture
def spanish_client(tor_client, org) -> Client:
    response = choose(tor_client, "es", "/r/acme/")
    assert response.status_code == 302
    return tor_client
