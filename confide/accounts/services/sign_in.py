"""Signing staff in: throttle, password (which also unwraps the key), then TOTP. One way in for pages and API."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone

from confide import crypto
from confide.accounts.access import Unlocked
from confide.accounts.content import SIGNIN_THROTTLE_MINUTES, LoginFailed, SignInThrottled
from confide.accounts.keys import signin_throttle_key, wrapped_key_of
from confide.accounts.models import SignInThrottle, User
from confide.accounts.services.totp import totp_check
from confide.audit.services import Action, audit_record

MAX_FAILURES = 5
THROTTLE_WINDOW = timedelta(minutes=SIGNIN_THROTTLE_MINUTES)


@dataclass(frozen=True)
class SignedIn:
    unlocked: Unlocked
    needs_totp_enrollment: bool


def staff_unlock(*, username: str, password: str, request: Any = None) -> Unlocked:
    """The staff member and their unwrapped secret key. Raises LoginFailed (one error for every cause).
    `request` is the HttpRequest, if any, for the authentication backends (the domain does not import django.http)."""
    user = authenticate(request, username=username, password=password)
    wrapped = wrapped_key_of(user) if isinstance(user, User) else None
    if not isinstance(user, User) or wrapped is None:
        raise LoginFailed()
    try:
        secret_key = crypto.secret_key_unwrap(wrapped, password=password, owner_id=user.key_owner_id)
    except crypto.DecryptionError:
        raise LoginFailed() from None
    return Unlocked(user=user, secret_key=secret_key)


def staff_sign_in(*, username: str, password: str, code: str, request: Any = None) -> SignedIn:
    """Raises SignInThrottled or LoginFailed. A staff member without TOTP yet gets in only to enroll it."""
    if signin_throttled(username=username):
        raise SignInThrottled()
    try:
        unlocked = staff_unlock(username=username, password=password, request=request)
    except LoginFailed:
        signin_failure_count(username=username)
        known = User.objects.filter(username=username).first()
        if known is not None:  # failures on real accounts are worth a row; guesses at names are not
            audit_record(actor=None, action=Action.STAFF_SIGN_IN_FAILED, subject=known)
        raise
    enrolled = unlocked.user.totp_sealed is not None
    if enrolled and not totp_check(user=unlocked.user, code=code):
        signin_failure_count(username=username)
        audit_record(actor=None, action=Action.STAFF_SIGN_IN_FAILED, subject=unlocked.user)
        raise LoginFailed()
    signin_failures_clear(username=username)
    audit_record(actor=unlocked.user, action=Action.STAFF_SIGN_IN)
    return SignedIn(unlocked=unlocked, needs_totp_enrollment=not enrolled)


def signin_throttled(*, username: str) -> bool:
    row = SignInThrottle.objects.filter(key=signin_throttle_key(username)).first()
    return bool(row and row.failures >= MAX_FAILURES and timezone.now() - row.window_start < THROTTLE_WINDOW)


def signin_failure_count(*, username: str) -> None:
    now = timezone.now()
    with transaction.atomic():
        row, _ = SignInThrottle.objects.select_for_update().get_or_create(
            key=signin_throttle_key(username), defaults={"window_start": now}
        )
        if now - row.window_start >= THROTTLE_WINDOW:
            row.failures, row.window_start = 0, now
        row.failures += 1
        row.save(update_fields=["failures", "window_start"])


def signin_failures_clear(*, username: str) -> None:
    SignInThrottle.objects.filter(key=signin_throttle_key(username)).delete()
