"""Mandatory TOTP for staff (RFC 6238 via pyotp), with replay protection: a code is never accepted twice."""

import time

import pyotp
from django.db import transaction

from confide import crypto
from confide.accounts.keys import ad_totp, totp_key
from confide.accounts.models import User

ISSUER = "Confide"


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
    user.totp_sealed = crypto.aead_encrypt(totp_key(), secret.encode(), ad=ad_totp(user))
    user.totp_last_step = last_step
    user.save(update_fields=["totp_sealed", "totp_last_step"])


def totp_enroll(*, user: User, secret: str, code: str) -> bool:
    """Keep the secret only once the staff member proved their authenticator has it."""
    step = _matching_step(secret, code)
    if step is None:
        return False
    totp_secret_store(user=user, secret=secret, last_step=step)
    return True


def totp_step_match(*, user: User, code: str) -> int | None:
    """The time step `code` is valid for under the user's secret, or None (no secret, or no match). Costs the
    same whether the password typed with it was right or wrong: the sign-in runs it in both cases, so that its
    timing does not tell which factor was wrong."""
    if user.totp_sealed is None:
        return None
    secret = crypto.aead_decrypt(totp_key(), bytes(user.totp_sealed), ad=ad_totp(user))
    return _matching_step(secret.decode(), code)


def totp_step_use(*, user: User, step: int, spend: bool) -> bool:
    """Whether `step` is newer than every code used before; with `spend`, mark it used. The sign-in reads the
    row (and locks it) whether or not the password was right, so that a replayed code times the same either way,
    and spends it only on a full success."""
    with transaction.atomic():
        last = User.objects.select_for_update().values_list("totp_last_step", flat=True).get(pk=user.pk)
        if last is not None and step <= last:
            return False  # replayed, or older than a code already used
        if spend:
            User.objects.filter(pk=user.pk).update(totp_last_step=step)
    return True
