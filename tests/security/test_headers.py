"""Security headers on every kind of response: pages, API, errors."""

import re

import pytest

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


@pytest.mark.parametrize("url", URLS)
def test_every_response_carries_the_security_headers(client, org, url):
    response = client.get(url)
    assert response.status_code < 500
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


@pytest.mark.parametrize("url", ["/", "/r/acme/", "/r/acme/return/", "/staff/login/", "/api/docs"])
def test_pages_load_nothing_from_elsewhere_and_inline_no_script(client, org, url):
    html = client.get(url).content.decode()
    assert not re.search(r"""(src|href)=["']https?://""", html)
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        if 'type="application/json"' in attributes:
            continue  # a data block, never executed
        assert body.strip() == "", "inline script would be blocked by the CSP"
