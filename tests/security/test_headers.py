"""Security headers on every kind of response: pages, API, errors."""

import re

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

URLS = [
    "/",
    "/r/acme/",
    "/r/acme/return/",
    "/staff/login/",
    "/api/openapi.json",
    "/api/docs",
    "/no/such/page",
    "/r/unknown-org/",
]


def _assert_security_headers(response):
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in directives.get("script-src", "")
    assert "unsafe-eval" not in directives.get("script-src", "")
    assert not re.search(r"https?://", csp), "no third-party origin may be allowed"
    assert directives["frame-ancestors"] == "'none'"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("url", URLS)
def test_every_response_carries_the_security_headers(client, org, url):
    response = client.get(url)
    assert response.status_code < 500
    _assert_security_headers(response)


def _too_large(client):
    return client.post("/r/acme/", {"text": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})


def _csrf_refused(client):
    return Client(enforce_csrf_checks=True).post("/r/acme/", {"text": "hello"})


ERRORS = {
    400: lambda client: client.get("/r/acme/?q=%00"),
    403: _csrf_refused,
    404: lambda client: client.get("/no/such/page"),
    405: lambda client: client.get("/r/acme/letters/return/"),
    413: _too_large,
    429: lambda client: client.get("/test-errors/429/"),
    500: lambda client: Client(raise_request_exception=False).get("/test-errors/500/"),
    503: lambda client: client.get("/test-errors/503/"),
}


@pytest.mark.urls("tests.helpers.error_urls")
@pytest.mark.parametrize("status", ERRORS)
def test_every_error_response_carries_the_same_security_headers(client, org, status):
    response = ERRORS[status](client)
    assert response.status_code == status
    _assert_security_headers(response)


@pytest.mark.parametrize("url", ["/", "/r/acme/", "/r/acme/return/", "/staff/login/", "/api/docs"])
def test_pages_load_nothing_from_elsewhere_and_inline_no_script(client, org, url):
    html = client.get(url).content.decode()
    assert not re.search(r"""(src|href)=["']https?://""", html)
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        if 'type="application/json"' in attributes:
            continue  # a data block, never executed
        assert body.strip() == "", "inline script would be blocked by the CSP"
