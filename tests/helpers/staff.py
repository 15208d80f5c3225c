"""Staff people for tests: accounts made through the real services, their second factor, signed-in clients
and API tokens."""

import io
import re
import sys
import time
from dataclasses import dataclass

import pyotp
from django.core.management import call_command
from django.test import Client

from confide.accounts.services.staff import staff_create
from confide.accounts.services.totp import totp_secret_store
from confide.core.keyfiles import encode_key

PASSWORD = "correct horse battery staple"


_TOTP_OFFSETS: dict[str, int] = {}


def make_staff(username: str, organizations=(), role="handler", totp=True):
    user = staff_create(username=username, password=PASSWORD, role=role, organizations=list(organizations))
    if totp:
        secret = pyotp.random_base32()
        totp_secret_store(user=user, secret=secret)
        user.totp_secret_for_tests = secret
    return user


def totp_code(user) -> str:
    """A valid, never-used code: offsets -1, 0 and +1 of the current step are accepted once each, in order."""
    secret = user.totp_secret_for_tests
    # The code of the previous step stops working when the next step begins: never hand one out just before.
    remaining = 30 - time.time() % 30
    if remaining < 3:
        time.sleep(remaining + 0.05)
    offset = _TOTP_OFFSETS.get(secret, -1)
    if offset > 1:
        raise AssertionError("a test may sign the same staff member in three times at most")
    _TOTP_OFFSETS[secret] = offset + 1
    return pyotp.TOTP(secret).at(time.time(), counter_offset=offset)


@dataclass
class Personas:
    owner: object
    teammate: object
    outsider: object
    other_tenant: object
    excluded: object


CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_from(response) -> str:
    match = CSRF_RE.search(response.content.decode())
    assert match, "page has no CSRF token"
    return match.group(1)


def staff_login(client: Client, user) -> Client:
    page = client.get("/staff/login/")
    response = client.post(
        "/staff/login/",
        {
            "username": user.username,
            "password": PASSWORD,
            "code": totp_code(user),
            "csrfmiddlewaretoken": csrf_from(page),
        },
    )
    assert response.status_code == 302, response.content[:500]
    return client


def api_token(user) -> dict:
    """Authorization header of a fresh staff API token (for tests outside tests/api)."""
    response = Client().post(
        "/api/staff/login",
        {"username": user.username, "password": PASSWORD, "totp": totp_code(user)},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


NEW_PASSWORD = "an entirely new passphrase"


def recover(username: str, key: bytes, password: str = NEW_PASSWORD, *extra: str) -> str:
    out, stdin = io.StringIO(), sys.stdin
    sys.stdin = io.StringIO(f"{encode_key(key)}\n{password}\n")
    try:
        call_command("staff_recover", username, "--stdin", *extra, stdout=out)
    finally:
        sys.stdin = stdin
    return out.getvalue()
