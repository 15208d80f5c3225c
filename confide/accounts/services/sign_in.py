"""Signing staff in: both factors checked alike, the throttle, then the key unwrap. One way in for pages and API."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import authenticate

from confide import crypto
from confide.accounts.access import Unlocked
from confide.accounts.content import LoginFailed, SignInThrottled
from confide.accounts.keys import wrapped_key_of
from confide.accounts.models import User
from confide.accounts.services.passkey_challenges import RelyingParty
from confide.accounts.services.passkey_sign_in import PasskeyMatch, passkey_assertion_match, passkey_use
from confide.accounts.services.sign_in_throttle import (
    signin_failure_count,
    signin_failures_clear,
    signin_second_factor_locked,
)
from confide.accounts.services.totp import totp_step_match, totp_step_use
from confide.audit.services import Action, audit_record


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
    return _key_unwrap(user=user, wrapped=wrapped, password=password)


def _key_unwrap(*, user: User, wrapped: crypto.WrappedSecretKey, password: str) -> Unlocked:
    try:
        secret_key = crypto.secret_key_unwrap(wrapped, password=password, owner_id=user.key_owner_id)
    except crypto.DecryptionError:
        raise LoginFailed() from None
    return Unlocked(user=user, secret_key=secret_key)


def staff_sign_in(
    *, username: str, password: str, code: str, passkey: str = "", rp: RelyingParty | None = None, request: Any = None
) -> SignedIn:
    """Raises SignInThrottled or LoginFailed. A staff member without TOTP yet gets in only to enroll it.
    The second factor is the code, or a passkey's answer (`passkey`, for the relying party `rp`) instead of it:
    either is counted, throttled and audited alike.

    Both factors are checked before anything depends on either, with the same work whichever is wrong: the
    password hash, the code against the account's secret (and its replay record), one throttle count. The
    argon2id unwrap of the secret key runs only once both are right; run before the code it made a right
    password ~100 ms slower to refuse than a wrong one."""
    known = User.objects.filter(username=username).first()
    authenticated = authenticate(request, username=username, password=password)
    wrapped = wrapped_key_of(known) if known is not None and authenticated == known else None
    enrolled = known is not None and known.totp_sealed is not None
    locked = signin_second_factor_locked(username=username)
    spend = wrapped is not None and not locked
    match: PasskeyMatch | None = None
    if passkey and rp is not None:
        match = passkey_assertion_match(user=known, rp=rp, response=passkey)
        fresh_code = match is not None
    else:
        step = totp_step_match(user=known, code=code) if known is not None else None
        fresh_code = known is not None and step is not None and totp_step_use(user=known, step=step, spend=spend)
    if known is not None and wrapped is not None and (fresh_code or not enrolled):
        if locked:  # wrong codes typed with this password: only a password holder can have caused it
            raise SignInThrottled()
        try:
            unlocked = _key_unwrap(user=known, wrapped=wrapped, password=password)
        except LoginFailed:
            wrapped = None  # a password hash that disagrees with the wrapped key: refused like a wrong password
        else:
            signin_failures_clear(username=username)
            if match is not None:
                passkey_use(match=match)
            audit_record(actor=unlocked.user, action=Action.STAFF_SIGN_IN)
            return SignedIn(unlocked=unlocked, needs_totp_enrollment=not enrolled)
    within = signin_failure_count(username=username, second_factor=wrapped is not None)
    if not within:
        raise SignInThrottled()
    if known is not None:  # failures on real accounts are worth a row; guesses at names are not
        audit_record(actor=None, action=Action.STAFF_SIGN_IN_FAILED, subject=known)
    raise LoginFailed()
