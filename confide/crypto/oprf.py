"""RFC 9497 OPRF(ristretto255, SHA-512), mode 0x00, for matching escrow (crypto.md §4).

Group operations come from libsodium through rbcl. expand_message_xmd is RFC 9380 §5.3.1 over hashlib's
SHA-512: a specified construction, checked here against the RFC 9497 test vectors, not a new primitive.
"""

import hashlib

import rbcl

from confide.crypto.errors import CryptoError, KeyFormatError

MODE_OPRF = 0x00
SUITE = b"ristretto255-SHA512"
CONTEXT = b"OPRFV1-" + bytes([MODE_OPRF]) + b"-" + SUITE
ELEMENT_BYTES = 32
SCALAR_BYTES = 32


class OprfError(CryptoError):
    """Invalid input or element (e.g. the identity, or bytes that are not a ristretto255 encoding)."""


def _i2osp(value: int, length: int) -> bytes:
    return value.to_bytes(length, "big")


def expand_message_xmd(message: bytes, dst: bytes, length: int) -> bytes:
    """RFC 9380 §5.3.1 with SHA-512 (b = 64 bytes, block size s = 128 bytes)."""
    if len(dst) > 255 or length > 255 * 64:
        raise OprfError("expand_message_xmd parameters out of range")
    blocks = -(-length // 64)
    dst_prime = dst + _i2osp(len(dst), 1)
    b0 = hashlib.sha512(bytes(128) + message + _i2osp(length, 2) + b"\x00" + dst_prime).digest()
    previous = hashlib.sha512(b0 + b"\x01" + dst_prime).digest()
    out = previous
    for i in range(2, blocks + 1):
        mixed = bytes(x ^ y for x, y in zip(b0, previous, strict=True))
        previous = hashlib.sha512(mixed + _i2osp(i, 1) + dst_prime).digest()
        out += previous
    return out[:length]


def hash_to_group(message: bytes) -> bytes:
    element = rbcl.crypto_core_ristretto255_from_hash(expand_message_xmd(message, b"HashToGroup-" + CONTEXT, 64))
    if element == bytes(ELEMENT_BYTES):
        raise OprfError("input maps to the identity element")
    return element


def hash_to_scalar(message: bytes, dst: bytes) -> bytes:
    return rbcl.crypto_core_ristretto255_scalar_reduce(expand_message_xmd(message, dst, 64))


def derive_key(seed: bytes, info: bytes) -> bytes:
    """DeriveKeyPair (RFC 9497 §3.2.1): the secret scalar from a 32-byte seed and public info."""
    if len(seed) != 32:
        raise KeyFormatError("an OPRF seed is 32 bytes")
    derive_input = seed + _i2osp(len(info), 2) + info
    for counter in range(256):
        secret = hash_to_scalar(derive_input + _i2osp(counter, 1), b"DeriveKeyPair" + CONTEXT)
        if secret != bytes(SCALAR_BYTES):
            return secret
    raise OprfError("key derivation failed")


def random_scalar() -> bytes:
    return rbcl.crypto_core_ristretto255_scalar_random()


def blind(message: bytes, blind_scalar: bytes | None = None) -> tuple[bytes, bytes]:
    """Client side: returns (blind, blinded element). The web tier sends only the blinded element."""
    scalar = blind_scalar if blind_scalar is not None else random_scalar()
    return scalar, _scalarmult(scalar, hash_to_group(message))


def _checked_element(element: bytes) -> bytes:
    # The identity is a valid encoding but must never be evaluated (RFC 9497 §3.3: DeserializeElement).
    if (
        len(element) != ELEMENT_BYTES
        or element == bytes(ELEMENT_BYTES)
        or not rbcl.crypto_core_ristretto255_is_valid_point(element)
    ):
        raise OprfError("not a valid ristretto255 element")
    return element


def _scalarmult(scalar: bytes, element: bytes) -> bytes:
    try:
        return rbcl.crypto_scalarmult_ristretto255(scalar, element)
    except (RuntimeError, ValueError, TypeError):
        raise OprfError("scalar multiplication failed") from None


def blind_evaluate(secret_key: bytes, blinded_element: bytes) -> bytes:
    """Key holder side: never sees the input, only a blinded element it validates first."""
    if len(secret_key) != SCALAR_BYTES:
        raise KeyFormatError("an OPRF key is 32 bytes")
    return _scalarmult(secret_key, _checked_element(blinded_element))


def finalize(message: bytes, blind_scalar: bytes, evaluated_element: bytes) -> bytes:
    unblinded = _scalarmult(
        rbcl.crypto_core_ristretto255_scalar_invert(blind_scalar), _checked_element(evaluated_element)
    )
    hash_input = _i2osp(len(message), 2) + message + _i2osp(len(unblinded), 2) + unblinded + b"Finalize"
    return hashlib.sha512(hash_input).digest()


def evaluate(secret_key: bytes, message: bytes) -> bytes:
    """The PRF computed directly by a key holder (RFC 9497 §3.3.1 Evaluate), equal to the blinded protocol."""
    element = _scalarmult(secret_key, hash_to_group(message))
    hash_input = _i2osp(len(message), 2) + message + _i2osp(len(element), 2) + element + b"Finalize"
    return hashlib.sha512(hash_input).digest()
