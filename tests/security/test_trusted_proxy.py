"""X-Forwarded-Proto is a proxy's word that the request came over TLS: believed only from a configured proxy."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def behind_a_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.CONFIDE_TRUSTED_PROXIES = ["10.0.0.2"]
    return settings


def test_the_configured_proxy_is_believed_when_it_says_https(client, org, behind_a_proxy):
    response = client.get("/r/acme/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 200


def test_any_other_client_saying_https_is_not_believed(client, org, behind_a_proxy):
    response = client.get("/r/acme/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 301 and response["Location"].startswith("https://")
