"""Shared fixtures. The personas: the owner (`handler`), a `teammate`, an `outsider`, another tenant's handler,
an excluded handler, plus the letters' contacts; data is made through the real services, so every row is
encrypted as in production. Plain helpers live in tests/helpers/."""

import io
import logging
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DataError, connection
from django.test import Client
from django.utils import translation

from confide.accounts.access import Unlocked
from confide.accounts.services.sign_in import staff_unlock
from confide.core import keyfiles
from confide.escrow.selectors.staff import counselor_access_get
from confide.escrow.services.team import counselor_enrol
from confide.letters.services.third_party import letter_review
from confide.reports.models import KeyWrap
from confide.reports.services.submit import SubmittedReport
from confide.tenants.models import Organization
from tests.helpers.escrow import new_vault
from tests.helpers.leadership import leadership_report, make_body
from tests.helpers.letters import draft, third_party
from tests.helpers.reports import submit_report
from tests.helpers.staff import PASSWORD, Personas, api_token, make_staff, staff_login


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


@pytest.fixture(autouse=True)
def _language_reset():
    """Each test starts and ends in the default language: a test that activates Spanish (tests/i18n) must not
    leave the next test on the same worker reading Spanish labels, whatever order xdist deals them in."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def org(db) -> Organization:
    return Organization.objects.create(slug="acme", name="Acme for America")


@pytest.fixture
def other_org(db) -> Organization:
    return Organization.objects.create(slug="rival", name="Rival Campaign")


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


@pytest.fixture
def submitted(org, handler, teammate, excluded_handler) -> SubmittedReport:
    result = submit_report(org)
    KeyWrap.objects.filter(report=result.report, user=excluded_handler).delete()
    return result


@pytest.fixture
def personas(handler, teammate, outsider, other_tenant_handler, excluded_handler) -> Personas:
    return Personas(handler, teammate, outsider, other_tenant_handler, excluded_handler)


@pytest.fixture
def reporter() -> Client:
    """A reporter's browser: no session, CSRF enforced as for a real form."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def login():
    def _login(user) -> Client:
        return staff_login(Client(enforce_csrf_checks=True), user)

    return _login


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


# Letters personas, shared by the letters, i18n and browser tests: the third party (the organization's
# handlers), recipients (contacts named), a contact not named; and a drafted letter moving through its life.


@pytest.fixture
def boss(org):
    user = make_staff("boss", [org], role="contact")
    user.first_name, user.last_name = "Casey", "Manager"
    user.save()
    return user


@pytest.fixture
def chief(org):
    user = make_staff("chief", [org], role="contact")
    user.first_name, user.last_name = "Chris", "Chief"
    user.save()
    return user


@pytest.fixture
def bystander(org):
    """A contact of the organization the letter does not name."""
    return make_staff("bystander", [org], role="contact")


@pytest.fixture
def other_contact(other_org):
    return make_staff("othercontact", [other_org], role="contact")


@pytest.fixture
def drafted(org, handler, teammate, boss, chief, bystander):
    """Drafted while the organization has two handlers (the third party), two named contacts and one not."""
    return draft(org, [boss, chief])


@pytest.fixture
def circulating(drafted, handler):
    letter_review(access=third_party(handler, drafted.letter), approve=True)
    drafted.letter.refresh_from_db()
    return drafted


# Escrow personas: a counselor team and vaults.


@pytest.fixture
def counselor(db):
    user = make_staff("cora", role="counselor")
    counselor_enrol(user=user)
    return user


@pytest.fixture
def counselor_access(counselor):
    unlocked = staff_unlock(username=counselor.username, password=PASSWORD)
    return counselor_access_get(user=counselor, secret_key=unlocked.secret_key)


@pytest.fixture
def make_vault():
    return new_vault


# Hotline personas: call-takers of the organization and of another, and a leader who takes no calls.


@pytest.fixture
def call_taker(org):
    return make_staff("carla", [org], role="call_taker")


@pytest.fixture
def other_call_taker(other_org):
    """A call-taker of another organization (tenant)."""
    return make_staff("otto", [other_org], role="call_taker")


@pytest.fixture
def contact(org):
    """A leader of the organization: receives letters, never takes calls."""
    return make_staff("connie", [org], role="contact")


# Leadership cases (issue 13): independent bodies of the organization and of another one.


@pytest.fixture
def body(org):
    """An independent body registered for the organization."""
    return make_body("unionrep", org)


@pytest.fixture
def other_body(other_org):
    """An independent body of another organization."""
    return make_body("otherbody", other_org, title="party ethics officer")


@pytest.fixture
def leadership(org, handler, teammate, excluded_handler):
    """A report about leadership led by `handler`, with the excluded handler kept out (as `submitted`)."""
    result = leadership_report(org, handler, name="Ana Reporter", contact="ana@example.org", anonymous=False)
    KeyWrap.objects.filter(report=result.report, user=excluded_handler).delete()
    return result
