"""Ed25519 signatures over what the deployment publishes (insight exports), so a reader holding the deployment's
public key can check that a file is the one Confide produced. Each signature covers a context prefix from
labels.py and the bytes, so a signature made for one kind of document is never valid for another."""

from dataclasses import dataclass, field

import nacl.exceptions
import nacl.signing

from confide.crypto.errors import DecryptionError, KeyFormatError

SIGNING_SEED_BYTES = 32
SIGNATURE_BYTES = 64


@dataclass(frozen=True)
class SigningPair:
    verify_key: bytes
    seed: bytes = field(repr=False)


def signing_pair_generate() -> SigningPair:
    key = nacl.signing.SigningKey.generate()
    return SigningPair(verify_key=bytes(key.verify_key), seed=bytes(key))


def verify_key_from_seed(seed: bytes) -> bytes:
    if len(seed) != SIGNING_SEED_BYTES:
        raise KeyFormatError("a signing seed is 32 bytes")
    return bytes(nacl.signing.SigningKey(seed).verify_key)


def sign_detached(seed: bytes, message: bytes, *, context: bytes) -> bytes:
    if len(seed) != SIGNING_SEED_BYTES:
        raise KeyFormatError("a signing seed is 32 bytes")
    return nacl.signing.SigningKey(seed).sign(context + message).signature


def verify_detached(verify_key: bytes, message: bytes, signature: bytes, *, context: bytes) -> None:
    """Raises DecryptionError (the library's one "does not check out") when the signature is not valid."""
    if len(verify_key) != 32 or len(signature) != SIGNATURE_BYTES:
        raise DecryptionError("not an Ed25519 key or signature")
    try:
        nacl.signing.VerifyKey(verify_key).verify(context + message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, nacl.exceptions.TypeError):
        raise DecryptionError("the signature does not match") from None
