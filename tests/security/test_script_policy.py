"""Where script may run: nowhere a reporter goes, and on staff pages only where the passkey ceremony needs it,
and there only Confide's one static script."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.helpers.passkeys import passkey_add
from tests.helpers.receipts import submission_of
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

SCRIPT = "/static/staff/passkeys.js"


def directives_of(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())


def scripts_of(response) -> list[str]:
    return re.findall(r"<script\b[^>]*>", response.content.decode(), flags=re.I)


def _reporter_paths() -> list[str]:
    """Every address of the reporter door that takes no argument beyond the organization."""
    door = next(
        p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == "r/<slug:org_slug>/"
    )

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if "<" in route:
                continue
            if isinstance(pattern, URLPattern):
                yield route
            else:
                yield from walk(pattern.url_patterns, route)

    return ["/r/acme/" + route for route in walk(door.url_patterns, "")]


REPORTER_PATHS = ["/", "/options/", "/exit/", *_reporter_paths()]


def test_the_reporter_door_was_walked():
    assert {"/r/acme/", "/r/acme/return/", "/r/acme/letters/"} <= set(REPORTER_PATHS) and len(REPORTER_PATHS) > 10


@pytest.mark.parametrize("path", REPORTER_PATHS)
def test_no_reporter_page_carries_or_allows_a_script(org, path):
    response = Client().get(path)
    assert response.status_code < 500
    assert directives_of(response)["script-src"] == "'none'"
    assert scripts_of(response) == []


def test_the_receipt_page_carries_and_allows_no_script(csrf_client, org, handler):
    page = csrf_client.get("/r/acme/")
    fields = {"what_happened": "He cornered me.", "category": "sexual_harassment", "identity": "anonymous"}
    sent = csrf_client.post(
        "/r/acme/", fields | {"submission": submission_of(page), "csrfmiddlewaretoken": csrf_from(page)}
    )
    receipt = csrf_client.get(sent["Location"])
    assert receipt.status_code == 200 and "receipt" in sent["Location"]
    assert directives_of(receipt)["script-src"] == "'none'" and scripts_of(receipt) == []


def _only_the_ceremony_script(response):
    directives = directives_of(response)
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert scripts_of(response) == [f'<script src="{SCRIPT}" defer>']
    assert re.search(r"<script[^>]*>\s*</script>", response.content.decode()), "the tag is empty: no inline code"


def test_the_sign_in_page_allows_only_the_passkey_script(org):
    _only_the_ceremony_script(Client().get("/staff/login/"))


def test_a_refused_sign_in_keeps_the_ceremony(csrf_client, handler):
    page = csrf_client.get("/staff/login/")
    refused = csrf_client.post(
        "/staff/login/", {"username": "hana", "password": "no", "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert refused.status_code == 400
    _only_the_ceremony_script(refused)


def test_the_passkeys_page_allows_only_the_passkey_script_even_when_it_refuses(login, handler):
    client = login(handler)
    _only_the_ceremony_script(client.get("/staff/passkeys/"))
    refused, _key = passkey_add(client, rp_id="evil.example")
    assert refused.status_code == 400
    _only_the_ceremony_script(refused)


@pytest.mark.parametrize("path", ["/staff/", "/staff/dashboard/", "/staff/password/", "/staff/letters/"])
def test_other_staff_pages_allow_no_script(login, handler, path):
    response = login(handler).get(path)
    assert response.status_code == 200, path
    assert directives_of(response)["script-src"] == "'none'" and scripts_of(response) == []


def test_the_operator_site_keeps_djangos_admin_scripts(org):
    assert directives_of(Client().get("/operator/login/"))["script-src"] == "'self'"


def test_the_script_is_confides_own_static_file():
    path = finders.find("staff/passkeys.js")
    assert path and "navigator.credentials" in Path(path).read_text(encoding="utf-8")
