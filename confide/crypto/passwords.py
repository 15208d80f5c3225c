"""Staff secret keys wrapped under a password-derived key (crypto.md §1), and the session-unlock scheme."""

from dataclasses import dataclass, field

import nacl.exceptions
import nacl.pwhash.argon2id as argon2id

from confide.crypto import labels
from confide.crypto.errors import DecryptionError, WrongPasswordError
from confide.crypto.primitives import KEY_BYTES, aead_decrypt, aead_encrypt, random_bytes, random_key


@dataclass(frozen=True)
class PasswordCost:
    opslimit: int
    memlimit: int


PRODUCTION_COST = PasswordCost(opslimit=3, memlimit=64 * 1024 * 1024)
TEST_COST = PasswordCost(opslimit=argon2id.OPSLIMIT_MIN, memlimit=argon2id.MEMLIMIT_MIN)


@dataclass(frozen=True)
class WrappedSecretKey:
    salt: bytes
    ciphertext: bytes = field(repr=False)
    opslimit: int
    memlimit: int


def _kek(password: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    try:
        return argon2id.kdf(KEY_BYTES, password.encode(), salt, opslimit=opslimit, memlimit=memlimit)
    except nacl.exceptions.CryptoError as exc:  # out of memory or absurd parameters
        raise DecryptionError(f"key derivation failed: {exc}") from None


def secret_key_wrap(secret_key: bytes, *, password: str, owner_id: bytes, cost: PasswordCost) -> WrappedSecretKey:
    salt = random_bytes(argon2id.SALTBYTES)
    kek = _kek(password, salt, cost.opslimit, cost.memlimit)
    return WrappedSecretKey(
        salt=salt,
        ciphertext=aead_encrypt(kek, secret_key, ad=owner_id),
        opslimit=cost.opslimit,
        memlimit=cost.memlimit,
    )


def secret_key_unwrap(wrapped: WrappedSecretKey, *, password: str, owner_id: bytes) -> bytes:
    kek = _kek(password, wrapped.salt, wrapped.opslimit, wrapped.memlimit)
    try:
        return aead_decrypt(kek, wrapped.ciphertext, ad=owner_id)
    except DecryptionError:
        raise WrongPasswordError("wrong password") from None


def secret_key_rewrap(
    wrapped: WrappedSecretKey, *, old_password: str, new_password: str, owner_id: bytes, cost: PasswordCost
) -> WrappedSecretKey:
    """A password change re-wraps the same secret key; it never re-keys (crypto.md §1)."""
    secret_key = secret_key_unwrap(wrapped, password=old_password, owner_id=owner_id)
    return secret_key_wrap(secret_key, password=new_password, owner_id=owner_id, cost=cost)


_SESSION_AD = labels.AD_SESSION_UNLOCK


def session_unlock_seal(secret_key: bytes) -> tuple[bytes, bytes]:
    """(S, AEAD(S, sk)): the blob goes in the server-side session, S only in the user's cookie."""
    cookie_secret = random_key()
    return cookie_secret, aead_encrypt(cookie_secret, secret_key, ad=_SESSION_AD)


def session_unlock_open(cookie_secret: bytes, blob: bytes) -> bytes:
    return aead_decrypt(cookie_secret, blob, ad=_SESSION_AD)
