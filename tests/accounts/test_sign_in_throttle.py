"""The sign-in throttle's count is atomic: parallel failures cannot slip more guesses through than the limit.
Threads with their own database connections, so the rows are committed (transaction=True)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pyotp
import pytest
from django.db import connection

from confide.accounts.content import LoginFailed, SignInThrottled
from confide.accounts.services.sign_in import staff_sign_in
from confide.accounts.services.sign_in_throttle import MAX_FAILURES
from tests.helpers.staff import PASSWORD, make_staff, totp_code

PARALLEL = 32


def parallel_refusals(username: str, password: str = "", code: str = "000000") -> list[int]:
    barrier = threading.Barrier(PARALLEL)

    def attempt(number: int) -> int:
        try:
            barrier.wait()
            staff_sign_in(username=username, password=password or f"guess {number}", code=code)
        except (LoginFailed, SignInThrottled) as refused:
            return refused.status
        finally:
            connection.close()
        return 200

    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(attempt, range(PARALLEL)))


@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_passwords_get_at_most_the_limit_of_answers(org):
    make_staff("pia", [org])
    assert connection.vendor in ("sqlite", "postgresql")
    statuses = parallel_refusals("pia")
    assert statuses.count(401) == MAX_FAILURES
    assert statuses.count(429) == PARALLEL - MAX_FAILURES


@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_codes_with_the_right_password_lock_even_the_right_code(org):
    user = make_staff("pia", [org])
    wrong = "000000" if pyotp.TOTP(user.totp_secret_for_tests).now() != "000000" else "111111"
    statuses = parallel_refusals("pia", password=PASSWORD, code=wrong)
    assert statuses.count(401) == MAX_FAILURES
    assert statuses.count(429) == PARALLEL - MAX_FAILURES
    with pytest.raises(SignInThrottled):
        staff_sign_in(username="pia", password=PASSWORD, code=totp_code(user))
