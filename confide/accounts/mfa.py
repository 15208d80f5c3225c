"""Mandatory TOTP for staff (RFC 6238 via pyotp), with replay protection and throttled sign-in."""

import time
from datetime import timedelta

import pyotp
from django.db import transaction
from django.utils import timezone

from confide import crypto
from confide.accounts.models import SignInThrottle, User
from confide.core import keyfiles

MAX_FAILURES = 5
THROTTLE_WINDOW = timedelta(minutes=15)
ISSUER = "Confide"


def _totp_key() -> bytes:
    return crypto.keyed_hash("totp-secret", keyfiles.pepper())


def _ad(user: User) -> bytes:
    return f"totp:{user.pk}".encode()


def totp_secret_new() -> str:
    return pyotp.random_base32()


def totp_uri(*, user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.get_username(), issuer_name=ISSUER)


def _matching_step(secret: str, code: str) -> int | None:
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp, now = pyotp.TOTP(secret), time.time()
    current = totp.timecode(now)
    for offset in (-1, 0, 1):  # one step of clock drift either way
        if crypto.constant_time_equal(totp.at(now, counter_offset=offset).encode(), code.encode()):
            return current + offset
    return None


def totp_secret_store(*, user: User, secret: str, last_step: int | None = None) -> None:
    user.totp_sealed = crypto.aead_encrypt(_totp_key(), secret.encode(), ad=_ad(user))
    user.totp_last_step = last_step
    user.save(update_fields=["totp_sealed", "totp_last_step"])


def totp_enroll(*, user: User, secret: str, code: str) -> bool:
    """Keep the secret only once the staff member proved their authenticator has it."""
    step = _matching_step(secret, code)
    if step is None:
        return False
    totp_secret_store(user=user, secret=secret, last_step=step)
    return True


def totp_check(*, user: User, code: str) -> bool:
    if user.totp_sealed is None:
        return False
    secret = crypto.aead_decrypt(_totp_key(), bytes(user.totp_sealed), ad=_ad(user)).decode()
    step = _matching_step(secret, code)
    if step is None:
        return False
    with transaction.atomic():
        last = User.objects.select_for_update().values_list("totp_last_step", flat=True).get(pk=user.pk)
        if last is not None and step <= last:
            return False  # replayed, or older than a code already used
        User.objects.filter(pk=user.pk).update(totp_last_step=step)
    return True


def _throttle_key(username: str) -> bytes:
    return crypto.keyed_hash("signin-throttle", keyfiles.pepper() + username.strip().lower().encode())


def signin_throttled(*, username: str) -> bool:
    row = SignInThrottle.objects.filter(key=_throttle_key(username)).first()
    return bool(row and row.failures >= MAX_FAILURES and timezone.now() - row.window_start < THROTTLE_WINDOW)


def signin_failure_count(*, username: str) -> None:
    now = timezone.now()
    with transaction.atomic():
        row, _ = SignInThrottle.objects.select_for_update().get_or_create(
            key=_throttle_key(username), defaults={"window_start": now}
        )
        if now - row.window_start >= THROTTLE_WINDOW:
            row.failures, row.window_start = 0, now
        row.failures += 1
        row.save(update_fields=["failures", "window_start"])


def signin_failures_clear(*, username: str) -> None:
    SignInThrottle.objects.filter(key=_throttle_key(username)).delete()
