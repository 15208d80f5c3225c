"""AEAD, sealed boxes and keyed hashing (crypto.md, notation). Thin, typed wrappers over libsodium."""

import hmac
from dataclasses import dataclass, field

import nacl.bindings as sodium
import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.public
import nacl.utils

from confide.crypto.errors import DecryptionError, KeyFormatError

KEY_BYTES = 32
_NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
_TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES


def random_bytes(n: int) -> bytes:
    return nacl.utils.random(n)


def random_key() -> bytes:
    return nacl.utils.random(KEY_BYTES)


def _check_key(key: bytes, size: int = KEY_BYTES) -> None:
    if not isinstance(key, bytes) or len(key) != size:
        raise KeyFormatError(f"expected a {size}-byte key")


def aead_encrypt(key: bytes, plaintext: bytes, *, ad: bytes) -> bytes:
    """XChaCha20-Poly1305-IETF with a random 24-byte nonce prepended; `ad` binds the ciphertext to its row."""
    _check_key(key)
    nonce = nacl.utils.random(_NONCE_BYTES)
    return nonce + sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, nonce, key)


def aead_decrypt(key: bytes, ciphertext: bytes, *, ad: bytes) -> bytes:
    _check_key(key)
    if len(ciphertext) < _NONCE_BYTES + _TAG_BYTES:
        raise DecryptionError("ciphertext too short")
    nonce, body = ciphertext[:_NONCE_BYTES], ciphertext[_NONCE_BYTES:]
    try:
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(body, ad, nonce, key)
    except nacl.exceptions.CryptoError:
        raise DecryptionError("authentication failed") from None


def keyed_hash(label: str, data: bytes, *, size: int = 32) -> bytes:
    """H(label, x): BLAKE2b keyed with a domain label, one label per use."""
    key = label.encode()
    if not 1 <= len(key) <= 64:
        raise ValueError("a hash label is 1 to 64 bytes")
    return nacl.hash.blake2b(data, digest_size=size, key=key, encoder=nacl.encoding.RawEncoder)


def constant_time_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


@dataclass(frozen=True)
class KeyPair:
    public_key: bytes
    secret_key: bytes = field(repr=False)


def keypair_generate() -> KeyPair:
    private = nacl.public.PrivateKey.generate()
    return KeyPair(public_key=bytes(private.public_key), secret_key=bytes(private))


def public_key_from_secret(secret_key: bytes) -> bytes:
    _check_key(secret_key)
    return bytes(nacl.public.PrivateKey(secret_key).public_key)


def seal(public_key: bytes, message: bytes) -> bytes:
    """libsodium sealed box: anonymous sender, only the key pair's owner opens it."""
    _check_key(public_key)
    return sodium.crypto_box_seal(message, public_key)


def unseal(secret_key: bytes, ciphertext: bytes) -> bytes:
    _check_key(secret_key)
    public_key = sodium.crypto_scalarmult_base(secret_key)
    try:
        return sodium.crypto_box_seal_open(ciphertext, public_key, secret_key)
    except (nacl.exceptions.CryptoError, nacl.exceptions.TypeError, ValueError):
        raise DecryptionError("sealed box did not open") from None
