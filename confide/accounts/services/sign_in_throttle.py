"""The sign-in throttle: failures counted per keyed hash of the username, in two counters of one row.

`failures` counts every failed sign-in, so anyone who knows a username can fill it. It therefore never refuses
the right password with the right code (that passes and empties the row): a full `failures` only turns every
other answer into 429, which says nothing about either factor, so guessing past the allowance learns nothing.

`code_failures` counts only a wrong second factor typed with the right password, which a stranger cannot add
to. Someone who knows the password could otherwise guess codes at will (a right one would pass), so a full
`code_failures` refuses everything, the right code too, until the window ends.

Each count is one conditional UPDATE (`failures < limit`), so N parallel failures get at most `limit` answers
that are not 429 on SQLite and PostgreSQL alike; a read-then-write let 6 or 7 of 32 through a limit of 5.
Both kinds of failure run the same statements (the second-factor count is a parameter, 0 or 1), so the
database work does not tell them apart either.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from confide.accounts.content import SIGNIN_THROTTLE_MINUTES
from confide.accounts.keys import signin_throttle_key
from confide.accounts.models import SignInThrottle

MAX_FAILURES = 5
MAX_CODE_FAILURES = 5
THROTTLE_WINDOW = timedelta(minutes=SIGNIN_THROTTLE_MINUTES)


def signin_failure_count(*, username: str, second_factor: bool) -> bool:
    """Count one failure; True if it was within the allowance (answer 401), False if over it (answer 429)."""
    key = signin_throttle_key(username)
    code = int(second_factor)
    for _attempt in range(5):
        now = timezone.now()
        cutoff = now - THROTTLE_WINDOW
        fresh = SignInThrottle.objects.filter(key=key, window_start__gt=cutoff)
        within = fresh.filter(failures__lt=MAX_FAILURES, code_failures__lt=MAX_CODE_FAILURES)
        if within.update(failures=F("failures") + 1, code_failures=F("code_failures") + code):
            return True
        # Over the allowance: still count a wrong code, or guessing codes would be free once strangers filled
        # `failures`. Only a full row counts as over: a row that a parallel failure created after `within` ran
        # is not full, and is counted against on the next pass (PostgreSQL showed that race).
        full = fresh.filter(Q(failures__gte=MAX_FAILURES) | Q(code_failures__gte=MAX_CODE_FAILURES))
        if full.update(code_failures=F("code_failures") + code):
            return False
        stale = SignInThrottle.objects.filter(key=key, window_start__lte=cutoff)
        if stale.update(failures=1, code_failures=code, window_start=now):
            return True
        try:
            with transaction.atomic():
                SignInThrottle.objects.create(key=key, failures=1, code_failures=code, window_start=now)
        except IntegrityError:
            continue  # a parallel failure made the row first: count against it
        return True
    return False


def signin_second_factor_locked(*, username: str) -> bool:
    """Too many wrong codes with the right password in this window: only a password holder can cause this."""
    return SignInThrottle.objects.filter(
        key=signin_throttle_key(username),
        window_start__gt=timezone.now() - THROTTLE_WINDOW,
        code_failures__gte=MAX_CODE_FAILURES,
    ).exists()


def signin_failures_clear(*, username: str) -> None:
    SignInThrottle.objects.filter(key=signin_throttle_key(username)).delete()
