"""Staff accounts and their key pairs (crypto.md §1)."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from confide import crypto
from confide.accounts.models import ApiToken, User
from confide.audit.services import Action, audit_record
from confide.core import keyfiles
from confide.tenants.models import Organization
from confide.tenants.services import membership_add

SESSION_BLOB_KEY = "confide_key_blob"
UNLOCK_COOKIE = "confide_unlock"


def password_cost() -> crypto.PasswordCost:
    return crypto.PasswordCost(opslimit=settings.CONFIDE_ARGON2_OPSLIMIT, memlimit=settings.CONFIDE_ARGON2_MEMLIMIT)


def wrapped_key_store(user: User, wrapped: crypto.WrappedSecretKey) -> None:
    user.wrapped_secret_key = wrapped.ciphertext
    user.key_salt = wrapped.salt
    user.key_opslimit = wrapped.opslimit
    user.key_memlimit = wrapped.memlimit


def wrapped_key_of(user: User) -> crypto.WrappedSecretKey | None:
    salt, ciphertext = user.key_salt, user.wrapped_secret_key
    if salt is None or ciphertext is None or user.key_opslimit is None or user.key_memlimit is None:
        return None
    return crypto.WrappedSecretKey(
        salt=bytes(salt), ciphertext=bytes(ciphertext), opslimit=user.key_opslimit, memlimit=user.key_memlimit
    )


def staff_create(
    *,
    username: str,
    password: str,
    role: str = User.Role.HANDLER,
    organizations: list[Organization] | tuple = (),
    email: str = "",
    validate: bool = True,
) -> User:
    """A staff user with a fresh key pair wrapped under their password. New handlers see reports filed
    from now on; existing ones need a colleague to re-wrap (case management)."""
    user = User(username=username, email=email, role=role, is_staff=role == User.Role.OPERATOR)
    if validate:
        validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save()
        pair = crypto.keypair_generate()
        user.public_key = pair.public_key
        wrapped_key_store(
            user,
            crypto.secret_key_wrap(
                pair.secret_key, password=password, owner_id=user.key_owner_id, cost=password_cost()
            ),
        )
        if role == User.Role.OPERATOR:
            user.is_superuser = True
        user.save()
        for organization in organizations:
            membership_add(organization=organization, user=user)
    return user


class LoginFailed(Exception):
    """Wrong credentials, inactive account, or no key: one error, one message."""


@dataclass(frozen=True)
class Unlocked:
    user: User
    secret_key: bytes

    def __repr__(self) -> str:
        return f"Unlocked(user={self.user.pk})"


def staff_unlock(*, username: str, password: str, request=None) -> Unlocked:
    user = authenticate(request, username=username, password=password)
    wrapped = wrapped_key_of(user) if isinstance(user, User) else None
    if not isinstance(user, User) or wrapped is None:
        raise LoginFailed()
    try:
        secret_key = crypto.secret_key_unwrap(wrapped, password=password, owner_id=user.key_owner_id)
    except crypto.DecryptionError:
        raise LoginFailed() from None
    return Unlocked(user=user, secret_key=secret_key)


class SignInThrottled(Exception):
    """Too many failures for this username: try again later."""


@dataclass(frozen=True)
class SignedIn:
    unlocked: Unlocked
    needs_totp_enrollment: bool


def staff_sign_in(*, username: str, password: str, code: str, request=None) -> SignedIn:
    """The one way in for pages and API: throttle, password (which also unwraps the key), then TOTP. A staff
    member without TOTP yet gets in only to enroll it."""
    from confide.accounts.mfa import signin_failure_count, signin_failures_clear, signin_throttled, totp_check

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


def session_key_store(*, request, response, secret_key: bytes) -> None:
    """crypto.md §1: the session store keeps AEAD(S, sk); S lives only in the staff member's cookie."""
    cookie_secret, blob = crypto.session_unlock_seal(secret_key)
    request.session[SESSION_BLOB_KEY] = keyfiles.encode_key(blob)
    response.set_cookie(
        UNLOCK_COOKIE,
        keyfiles.encode_key(cookie_secret),
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Strict",
    )


def session_key_get(*, request) -> bytes | None:
    blob = request.session.get(SESSION_BLOB_KEY)
    cookie = request.COOKIES.get(UNLOCK_COOKIE)
    if not blob or not cookie:
        return None
    try:
        return crypto.session_unlock_open(keyfiles.decode_key(cookie), keyfiles.decode_key(blob))
    except (crypto.CryptoError, ValueError):
        return None


def _token_lookup(token: str) -> bytes:
    return crypto.keyed_hash("api-token-lookup", keyfiles.pepper() + token.encode())


def api_token_issue(*, unlocked: Unlocked) -> tuple[str, ApiToken]:
    """A bearer token that both authenticates and unlocks; the table alone can do neither."""
    token = secrets.token_urlsafe(32)
    unlock_key = crypto.keyed_hash("api-token-unlock", token.encode())
    row = ApiToken(
        user=unlocked.user,
        lookup=_token_lookup(token),
        expires_at=timezone.now() + timedelta(seconds=settings.CONFIDE_API_TOKEN_AGE),
    )
    row.unlock_blob = crypto.aead_encrypt(unlock_key, unlocked.secret_key, ad=row.id.bytes)
    row.save()
    return token, row


def api_token_resolve(*, token: str) -> Unlocked | None:
    if not token or len(token) > 100:
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(lookup=_token_lookup(token), expires_at__gt=timezone.now(), user__is_active=True)
        .first()
    )
    if row is None:
        return None
    unlock_key = crypto.keyed_hash("api-token-unlock", token.encode())
    try:
        secret_key = crypto.aead_decrypt(unlock_key, bytes(row.unlock_blob), ad=row.id.bytes)
    except crypto.DecryptionError:
        return None
    return Unlocked(user=row.user, secret_key=secret_key)


def api_token_revoke(*, token: str) -> None:
    ApiToken.objects.filter(lookup=_token_lookup(token)).delete()


def staff_password_change(*, user: User, old_password: str, new_password: str) -> None:
    """Raises WrongPasswordError for a wrong old password, ValidationError for a weak new one."""
    wrapped = wrapped_key_of(user)
    if wrapped is None or not user.check_password(old_password):
        raise crypto.WrongPasswordError("wrong password")
    validate_password(new_password, user)
    rewrapped = crypto.secret_key_rewrap(
        wrapped, old_password=old_password, new_password=new_password, owner_id=user.key_owner_id, cost=password_cost()
    )
    with transaction.atomic():
        wrapped_key_store(user, rewrapped)
        user.set_password(new_password)
        user.save()
        # A new password is how staff shut out whoever learnt the old one: tokens issued under it go too.
        ApiToken.objects.filter(user=user).delete()
        audit_record(actor=user, action=Action.STAFF_PASSWORD_CHANGED, subject=user)
