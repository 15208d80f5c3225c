"""A refused sign-in does the same work whichever factor was wrong, so neither its answer nor its timing tells
an attacker that the password was right. Counted, not timed: the key derivations and the database statements."""

import re

import pyotp
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from confide.accounts.content import LoginFailed
from confide.accounts.services.sign_in import staff_sign_in
from confide.crypto import passwords
from tests.helpers.staff import PASSWORD, make_staff

pytestmark = pytest.mark.django_db

LITERALS = re.compile(r"X?'[^']*'|\d+")  # a statement's shape: its values differ, not its work


@pytest.fixture
def kdf_calls(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = passwords.argon2id.kdf

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(passwords.argon2id, "kdf", counting)
    return calls


def refused_work(username: str, password: str, kdf_calls: list[int]) -> tuple[int, list[str]]:
    kdf_calls.clear()
    with CaptureQueriesContext(connection) as queries, pytest.raises(LoginFailed):
        staff_sign_in(username=username, password=password, code="000000")
    shapes = [LITERALS.sub("?", query["sql"]) for query in queries.captured_queries]
    return len(kdf_calls), shapes


def test_a_right_password_with_a_wrong_code_does_the_work_of_a_wrong_password(org, kdf_calls):
    user = make_staff("tina", [org])
    if pyotp.TOTP(user.totp_secret_for_tests).now() == "000000":
        pytest.skip("the current code happens to be 000000")
    refused_work("tina", "a first guess", kdf_calls)  # the throttle row exists for both, as it would
    wrong_password = refused_work("tina", "not the password", kdf_calls)
    wrong_code = refused_work("tina", PASSWORD, kdf_calls)
    assert wrong_code == wrong_password
    assert wrong_code[0] == 0, "the argon2id unwrap waits until both factors are right"
