"""Staff key material (crypto.md §1): keyed-hash derivations and associated data, one label each from
crypto.labels, and the wrapped secret key as stored on the user row."""

from django.conf import settings

from confide import crypto
from confide.accounts.models import User
from confide.core import keyfiles
from confide.crypto import labels


def password_cost() -> crypto.PasswordCost:
    return crypto.PasswordCost(opslimit=settings.CONFIDE_ARGON2_OPSLIMIT, memlimit=settings.CONFIDE_ARGON2_MEMLIMIT)


def wrapped_key_store(user: User, wrapped: crypto.WrappedSecretKey) -> None:
    """Put `wrapped` on the user row (the caller saves it)."""
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


def totp_key() -> bytes:
    """Seals every TOTP secret; derived from the pepper, which lives outside the database."""
    return crypto.keyed_hash(labels.TOTP_SECRET, keyfiles.pepper())


def ad_totp(user: User) -> bytes:
    return labels.AD_TOTP + str(user.pk).encode()


def signin_throttle_key(username: str) -> bytes:
    """Failed sign-ins are counted per keyed hash of the username: no one's name is stored."""
    return crypto.keyed_hash(labels.SIGNIN_THROTTLE, keyfiles.pepper() + username.strip().lower().encode())


def api_token_lookup(token: str) -> bytes:
    return crypto.keyed_hash(labels.API_TOKEN_LOOKUP, keyfiles.pepper() + token.encode())


def api_token_unlock_key(token: str) -> bytes:
    """Seals the staff member's secret key in the token row: the token alone opens it, the table alone cannot."""
    return crypto.keyed_hash(labels.API_TOKEN_UNLOCK, token.encode())


def invitation_lookup(token: str) -> bytes:
    return crypto.keyed_hash(labels.INVITATION, keyfiles.pepper() + token.encode())
