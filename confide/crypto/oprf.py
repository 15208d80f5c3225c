"""RFC 9497 (V)OPRF(ristretto255, SHA-512) for matching escrow (crypto.md §4).

Escrow uses the verifiable mode 0x01: the key holder proves (a DLEQ proof, RFC 9497 §2.2) that it evaluated with
the key behind its published public key, so a compromised or faulty key holder cannot hand one reporter
outputs under another key (tagging them, or silently breaking their matches). Mode 0x00 stays for its RFC
vectors and the tests that compare the two.

Group operations come from libsodium through rbcl. expand_message_xmd is RFC 9380 §5.3.1 over hashlib's
SHA-512: a specified construction, checked here against the RFC 9497 test vectors, not a new primitive.
"""

import hashlib
import hmac
from collections.abc import Sequence

import rbcl

from confide.crypto.errors import CryptoError, KeyFormatError

MODE_OPRF = 0x00
MODE_VOPRF = 0x01
SUITE = b"ristretto255-SHA512"
ELEMENT_BYTES = 32
SCALAR_BYTES = 32
PROOF_BYTES = 2 * SCALAR_BYTES


def context_string(mode: int) -> bytes:
    return b"OPRFV1-" + bytes([mode]) + b"-" + SUITE


CONTEXT = context_string(MODE_OPRF)
VOPRF_CONTEXT = context_string(MODE_VOPRF)


class OprfError(CryptoError):
    """Invalid input or element (e.g. the identity, or bytes that are not a ristretto255 encoding)."""


class OprfVerifyError(OprfError):
    """The key holder's proof does not show it evaluated with the key behind the pinned public key."""


def _i2osp(value: int, length: int) -> bytes:
    return value.to_bytes(length, "big")


def _framed(data: bytes) -> bytes:
    return _i2osp(len(data), 2) + data


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


def hash_to_group(message: bytes, context: bytes = CONTEXT) -> bytes:
    element = rbcl.crypto_core_ristretto255_from_hash(expand_message_xmd(message, b"HashToGroup-" + context, 64))
    if element == bytes(ELEMENT_BYTES):
        raise OprfError("input maps to the identity element")
    return element


def hash_to_scalar(message: bytes, dst: bytes) -> bytes:
    return rbcl.crypto_core_ristretto255_scalar_reduce(expand_message_xmd(message, dst, 64))


def derive_key(seed: bytes, info: bytes, mode: int = MODE_OPRF) -> bytes:
    """DeriveKeyPair (RFC 9497 §3.2.1): the secret scalar from a 32-byte seed and public info."""
    if len(seed) != 32:
        raise KeyFormatError("an OPRF seed is 32 bytes")
    derive_input = seed + _framed(info)
    for counter in range(256):
        secret = hash_to_scalar(derive_input + _i2osp(counter, 1), b"DeriveKeyPair" + context_string(mode))
        if secret != bytes(SCALAR_BYTES):
            return secret
    raise OprfError("key derivation failed")


def random_scalar() -> bytes:
    return rbcl.crypto_core_ristretto255_scalar_random()


def public_key(secret_key: bytes) -> bytes:
    """pkS = skS·G (RFC 9497 §3.2): what the web tier pins to verify the key holder's proofs."""
    return _scalarmult_base(_checked_secret(secret_key))


def blind(message: bytes, blind_scalar: bytes | None = None, mode: int = MODE_OPRF) -> tuple[bytes, bytes]:
    """Client side: returns (blind, blinded element). The web tier sends only the blinded element."""
    scalar = blind_scalar if blind_scalar is not None else random_scalar()
    return scalar, _scalarmult(scalar, hash_to_group(message, context_string(mode)))


def _checked_element(element: bytes) -> bytes:
    # The identity is a valid encoding but must never be evaluated (RFC 9497 §3.3: DeserializeElement).
    if (
        len(element) != ELEMENT_BYTES
        or element == bytes(ELEMENT_BYTES)
        or not rbcl.crypto_core_ristretto255_is_valid_point(element)
    ):
        raise OprfError("not a valid ristretto255 element")
    return element


def _checked_secret(secret_key: bytes) -> bytes:
    if len(secret_key) != SCALAR_BYTES:
        raise KeyFormatError("an OPRF key is 32 bytes")
    return secret_key


def _canonical_scalar(scalar: bytes) -> bool:
    # DeserializeScalar (RFC 9496 §4.4): only the reduced encoding of a scalar is accepted.
    return len(scalar) == SCALAR_BYTES and rbcl.crypto_core_ristretto255_scalar_reduce(scalar + bytes(32)) == scalar


def _scalarmult(scalar: bytes, element: bytes) -> bytes:
    try:
        return rbcl.crypto_scalarmult_ristretto255(scalar, element)
    except (RuntimeError, ValueError, TypeError):
        raise OprfError("scalar multiplication failed") from None


def _scalarmult_base(scalar: bytes) -> bytes:
    try:
        return rbcl.crypto_scalarmult_ristretto255_base(scalar)
    except (RuntimeError, ValueError, TypeError):
        raise OprfError("scalar multiplication failed") from None


def _add(p: bytes, q: bytes) -> bytes:
    return rbcl.crypto_core_ristretto255_add(p, q)


def _output(message: bytes, unblinded: bytes) -> bytes:
    return hashlib.sha512(_framed(message) + _framed(unblinded) + b"Finalize").digest()


def blind_evaluate(secret_key: bytes, blinded_element: bytes) -> bytes:
    """Mode 0x00 key holder side: never sees the input, only a blinded element it validates first."""
    return _scalarmult(_checked_secret(secret_key), _checked_element(blinded_element))


def finalize(message: bytes, blind_scalar: bytes, evaluated_element: bytes) -> bytes:
    unblinded = _scalarmult(
        rbcl.crypto_core_ristretto255_scalar_invert(blind_scalar), _checked_element(evaluated_element)
    )
    return _output(message, unblinded)


def evaluate(secret_key: bytes, message: bytes, mode: int = MODE_OPRF) -> bytes:
    """The PRF computed directly by a key holder (RFC 9497 §3.3.1 Evaluate), equal to the blinded protocol."""
    return _output(message, _scalarmult(_checked_secret(secret_key), hash_to_group(message, context_string(mode))))


# --- Mode 0x01 (VOPRF): the DLEQ proof of RFC 9497 §2.2, with A = G and B = pkS ---------------------------------


def _composites(
    public: bytes, blinded: Sequence[bytes], evaluated: Sequence[bytes], secret_key: bytes | None = None
) -> tuple[bytes, bytes]:
    """ComputeComposites: M = Σ dᵢ·Cᵢ, Z = Σ dᵢ·Dᵢ with dᵢ bound to pkS and the whole batch. Given the secret key
    (ComputeCompositesFast, the key holder's side), Z = k·M instead: one scalar multiplication per batch."""
    seed = hashlib.sha512(_framed(public) + _framed(b"Seed-" + VOPRF_CONTEXT)).digest()
    m = z = b""
    for i, (c_i, d_i) in enumerate(zip(blinded, evaluated, strict=True)):
        transcript = _framed(seed) + _i2osp(i, 2) + _framed(c_i) + _framed(d_i) + b"Composite"
        d = hash_to_scalar(transcript, b"HashToScalar-" + VOPRF_CONTEXT)
        # Starting from the first term rather than the identity: libsodium's scalarmult refuses the identity.
        m_i = _scalarmult(d, c_i)
        m = _add(m, m_i) if m else m_i
        if secret_key is None:
            z_i = _scalarmult(d, d_i)
            z = _add(z, z_i) if z else z_i
    if not m:
        raise OprfError("nothing to prove")
    return m, (_scalarmult(secret_key, m) if secret_key is not None else z)


def _challenge(public: bytes, m: bytes, z: bytes, t2: bytes, t3: bytes) -> bytes:
    transcript = _framed(public) + _framed(m) + _framed(z) + _framed(t2) + _framed(t3) + b"Challenge"
    return hash_to_scalar(transcript, b"HashToScalar-" + VOPRF_CONTEXT)


def _generate_proof(
    secret_key: bytes, public: bytes, blinded: Sequence[bytes], evaluated: Sequence[bytes], r: bytes
) -> bytes:
    m, z = _composites(public, blinded, evaluated, secret_key)
    c = _challenge(public, m, z, _scalarmult_base(r), _scalarmult(r, m))
    s = rbcl.crypto_core_ristretto255_scalar_sub(r, rbcl.crypto_core_ristretto255_scalar_mul(c, secret_key))
    return c + s


def proof_verify(public: bytes, blinded: Sequence[bytes], evaluated: Sequence[bytes], proof: bytes) -> None:
    """VerifyProof(G, pkS, C, D, proof); raises OprfVerifyError unless every Dᵢ = skS·Cᵢ for pkS = skS·G."""
    c, s = proof[:SCALAR_BYTES], proof[SCALAR_BYTES:]
    if len(proof) != PROOF_BYTES or not (_canonical_scalar(c) and _canonical_scalar(s)):
        raise OprfVerifyError("malformed proof")
    try:
        public = _checked_element(public)
        m, z = _composites(public, [_checked_element(e) for e in blinded], [_checked_element(e) for e in evaluated])
        t2 = _add(_scalarmult_base(s), _scalarmult(c, public))
        t3 = _add(_scalarmult(s, m), _scalarmult(c, z))
    except (OprfError, ValueError) as error:
        raise OprfVerifyError("the proof does not verify") from error
    if not hmac.compare_digest(_challenge(public, m, z, t2, t3), c):
        raise OprfVerifyError("the proof does not verify")


def voprf_blind(message: bytes, blind_scalar: bytes | None = None) -> tuple[bytes, bytes]:
    return blind(message, blind_scalar, MODE_VOPRF)


def voprf_blind_evaluate_batch(
    secret_key: bytes, blinded_elements: Sequence[bytes], proof_scalar: bytes | None = None
) -> tuple[list[bytes], bytes]:
    """Key holder side (BlindEvaluateBatch): the evaluated elements and one proof covering all of them.
    proof_scalar is for the RFC vectors only; it is otherwise fresh for every proof (reuse would leak skS)."""
    secret_key = _checked_secret(secret_key)
    blinded = [_checked_element(element) for element in blinded_elements]
    evaluated = [_scalarmult(secret_key, element) for element in blinded]
    r = proof_scalar if proof_scalar is not None else random_scalar()
    return evaluated, _generate_proof(secret_key, public_key(secret_key), blinded, evaluated, r)


def voprf_blind_evaluate(
    secret_key: bytes, blinded_element: bytes, proof_scalar: bytes | None = None
) -> tuple[bytes, bytes]:
    """Key holder side (BlindEvaluate): (evaluated element, proof)."""
    evaluated, proof = voprf_blind_evaluate_batch(secret_key, [blinded_element], proof_scalar)
    return evaluated[0], proof


def voprf_finalize_batch(
    messages: Sequence[bytes],
    blinds: Sequence[bytes],
    evaluated_elements: Sequence[bytes],
    blinded_elements: Sequence[bytes],
    public: bytes,
    proof: bytes,
) -> list[bytes]:
    """Client side: verify the proof against the pinned pkS first, then unblind. Raises OprfVerifyError."""
    if not len(messages) == len(blinds) == len(evaluated_elements) == len(blinded_elements):
        raise OprfError("batch lengths differ")
    proof_verify(public, blinded_elements, evaluated_elements, proof)
    return [
        finalize(message, blind_scalar, evaluated)
        for message, blind_scalar, evaluated in zip(messages, blinds, evaluated_elements, strict=True)
    ]


def voprf_finalize(
    message: bytes, blind_scalar: bytes, evaluated_element: bytes, blinded_element: bytes, public: bytes, proof: bytes
) -> bytes:
    return voprf_finalize_batch([message], [blind_scalar], [evaluated_element], [blinded_element], public, proof)[0]


def voprf_evaluate(secret_key: bytes, message: bytes) -> bytes:
    """The VOPRF's PRF computed directly by the key holder; equal to blind/evaluate/finalize in mode 0x01."""
    return evaluate(secret_key, message, MODE_VOPRF)
