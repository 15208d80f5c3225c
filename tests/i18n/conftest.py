import re

import pytest
from django.test import Client

from tests.conftest import csrf_from
from tests.letters.conftest import boss, bystander, chief, circulating, drafted  # noqa: F401 - shared fixtures

SWITCH = re.compile(r'<form class="language"[^>]*action="/language/".*?</form>', re.S)


def switch_of(html: str) -> str | None:
    match = SWITCH.search(html)
    return match.group(0) if match else None


def choose(client: Client, language: str, page: str) -> object:
    """Press a language button on `page`, as the browser would: the form's token and its own `next`."""
    html = client.get(page).content.decode()
    form = switch_of(html)
    assert form is not None, f"{page} has no language switch"
    next_url = re.search(r'name="next" value="([^"]*)"', form)
    assert next_url is not None
    return client.post(
        "/language/",
        {"csrfmiddlewaretoken": csrf_from(client.get(page)), "language": language, "next": next_url.group(1)},
    )


@pytest.fixture
def tor_client() -> Client:
    """Tor Browser asks every site for American English, whatever its user reads."""
    return Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.5")


@pytest.fixture
def spanish_client(tor_client, org) -> Client:
    response = choose(tor_client, "es", "/r/acme/")
    assert response.status_code == 302
    return tor_client
