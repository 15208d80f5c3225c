"""Shared fixtures. Personas follow DEVELOPERS.md: owner (the handler), teammate, outsider, other tenant,
excluded handler."""

import io
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pyotp
import pytest
from django.conf import settings
from django.db import DataError, connection
from django.test import Client

from confide.accounts.access import Unlocked
from confide.accounts.services.sign_in import staff_unlock
from confide.core import keyfiles
from confide.reports.content import content_build
from confide.reports.models import KeyWrap
from confide.reports.selectors.reporter import intake_target_get
from confide.reports.services.submit import SubmittedReport, report_submit
from confide.tenants.models import Organization

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def recovery_secret_key() -> bytes:
    result = keyfiles.secrets_init(Path(settings.CONFIDE_SECRETS_DIR))
    keyfiles.pepper.cache_clear()
    keyfiles.recovery_public_key.cache_clear()
    assert result.recovery_secret_key is not None
    return result.recovery_secret_key


@pytest.fixture(autouse=True)
def _secrets(recovery_secret_key):
    return recovery_secret_key


@pytest.fixture
def org(db) -> Organization:
    return Organization.objects.create(slug="acme", name="Acme for America")


@pytest.fixture
def other_org(db) -> Organization:
    return Organization.objects.create(slug="rival", name="Rival Campaign")


_TOTP_OFFSETS: dict[str, int] = {}


def make_staff(username: str, organizations=(), role="handler", totp=True):
    from confide.accounts.services.staff import staff_create
    from confide.accounts.services.totp import totp_secret_store

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


@pytest.fixture
def handler(org):
    """The owner persona: a handler of the report's organization."""
    return make_staff("hana", [org])


@pytest.fixture
def teammate(org):
    return make_staff("tomas", [org])


@pytest.fixture
def outsider(db):
    """Third-party staff attached to no organization."""
    return make_staff("olga")


@pytest.fixture
def other_tenant_handler(other_org):
    return make_staff("rita", [other_org])


@pytest.fixture
def excluded_handler(org):
    """A handler of the organization whose key wrap was removed (conflict of interest, G4)."""
    return make_staff("xavier", [org])


@pytest.fixture
def unlock():
    def _unlock(user) -> Unlocked:
        return staff_unlock(username=user.username, password=PASSWORD)

    return _unlock


def sample_content(**overrides):
    values = {
        "what_happened": "Something happened at the field office.",
        "category": "sexual_harassment",
        "when": "Last spring",
        "where": "Field office",
        "people_involved": "A regional director",
    }
    values.update(overrides)
    return content_build(**values)


def submit_report(org, **content) -> SubmittedReport:
    return report_submit(target=intake_target_get(slug=org.slug), content=sample_content(**content))


@pytest.fixture
def submitted(org, handler, teammate, excluded_handler) -> SubmittedReport:
    result = submit_report(org)
    KeyWrap.objects.filter(report=result.report, user=excluded_handler).delete()
    return result


@dataclass
class Personas:
    owner: object
    teammate: object
    outsider: object
    other_tenant: object
    excluded: object


@pytest.fixture
def personas(handler, teammate, outsider, other_tenant_handler, excluded_handler) -> Personas:
    return Personas(handler, teammate, outsider, other_tenant_handler, excluded_handler)


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


@pytest.fixture
def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def login():
    def _login(user) -> Client:
        return staff_login(Client(enforce_csrf_checks=True), user)

    return _login


def api_token(user) -> dict:
    """Authorization header of a fresh staff API token (for tests outside tests/api)."""
    response = Client().post(
        "/api/staff/login",
        {"username": user.username, "password": PASSWORD, "totp": totp_code(user)},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


@pytest.fixture
def api() -> Client:
    """An API client: no CSRF, as the API authenticates by header only."""
    return Client()


@pytest.fixture
def token_for():
    return api_token


@pytest.fixture
def log_buffer():
    """Everything logged during the test, at DEBUG, from the loggers that could carry a request's content."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for name in ["django", "django.request", "django.db.backends", "confide"]:
        logging.getLogger(name).addHandler(handler)
    yield buffer
    root.removeHandler(handler)
    root.setLevel(old_level)
    for name in ["django", "django.request", "django.db.backends", "confide"]:
        logging.getLogger(name).removeHandler(handler)


def _refuse_nul_like_postgresql(execute, sql, params, many, context):
    rows = params if many else [params]
    for row in rows or ():
        for value in (row.values() if isinstance(row, dict) else row) or ():
            if isinstance(value, str) and "\x00" in value:
                raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return execute(sql, params, many, context)


@pytest.fixture
def nul_refusing_db(db):
    """The database refuses NUL in text parameters, as PostgreSQL does, even when the suite runs on SQLite."""
    with connection.execute_wrapper(_refuse_nul_like_postgresql):
        yield
