"""Matching escrow's threshold sharing (crypto.md §4, after Rajan et al. 2018): entries naming the same person
open together once t distinct accounts have made one, and not before.

From the OPRF output p: the match index π = H("match-index", p); a polynomial f of degree t-1 over GF(P),
P = 2^256 + 297, with coefficients H("coef-j", p) mod P and k = f(0); account a contributes the point
(x, f(x)) with x = H("x", a‖π). Shamir sharing is field arithmetic; every cipher and hash is libsodium's.
"""

from dataclasses import dataclass
from itertools import combinations

from confide.crypto import labels
from confide.crypto.errors import DecryptionError
from confide.crypto.primitives import aead_decrypt, aead_encrypt, keyed_hash, random_key, seal, unseal

PRIME = 2**256 + 297
_FIELD_BYTES = 33
_W_BYTES = 24 + 32 + 16  # nonce + sealed 32-byte key + tag


def _field(label: str, data: bytes) -> int:
    return int.from_bytes(keyed_hash(label, data, size=64), "big") % PRIME  # 512 bits: negligible bias


def match_index(p: bytes) -> bytes:
    return keyed_hash(labels.MATCH_INDEX, p)


def _coefficients(p: bytes, threshold: int) -> list[int]:
    return [_field(f"{labels.SHARE_COEFFICIENT}{j}", p) for j in range(threshold)]


def _evaluate(coefficients: list[int], x: int) -> int:
    result = 0
    for coefficient in reversed(coefficients):
        result = (result * x + coefficient) % PRIME
    return result


def _wrap_key(k: int) -> bytes:
    return keyed_hash(labels.SHARE_WRAP, k.to_bytes(_FIELD_BYTES, "big"))


def share_for(*, p: bytes, threshold: int, account_ref: bytes) -> tuple[int, int]:
    """Same account and same person give the same point, so a second entry never counts twice."""
    x = _field("x", account_ref + match_index(p)) or 1
    return x, _evaluate(_coefficients(p, threshold), x)


@dataclass(frozen=True)
class SealedEntry:
    index: bytes  # stored in clear, indexed: only an equality count leaks (G5)
    blob: bytes  # Seal(pk_counselor, x‖y‖W)
    ciphertext: bytes  # AEAD(E, entry, ad=π)


def entry_seal(
    *, p: bytes, threshold: int, account_ref: bytes, entry: bytes, counselor_public_key: bytes
) -> SealedEntry:
    index = match_index(p)
    x, y = share_for(p=p, threshold=threshold, account_ref=account_ref)
    entry_key = random_key()
    k = _coefficients(p, threshold)[0]
    wrapped = aead_encrypt(_wrap_key(k), entry_key, ad=index)
    blob = seal(counselor_public_key, x.to_bytes(_FIELD_BYTES, "big") + y.to_bytes(_FIELD_BYTES, "big") + wrapped)
    return SealedEntry(index=index, blob=blob, ciphertext=aead_encrypt(entry_key, entry, ad=index))


def _interpolate_at_zero(points: list[tuple[int, int]]) -> int:
    secret = 0
    for i, (xi, yi) in enumerate(points):
        numerator, denominator = 1, 1
        for j, (xj, _) in enumerate(points):
            if i != j:
                numerator = numerator * (-xj) % PRIME
                denominator = denominator * (xi - xj) % PRIME
        secret = (secret + yi * numerator * pow(denominator, -1, PRIME)) % PRIME
    return secret


def entries_open(*, entries: list[SealedEntry], threshold: int, counselor_secret_key: bytes) -> list[bytes]:
    """Open every entry at one index once t shares agree. Tries t-subsets, because a wrong or malicious share
    only shows up as an authentication failure. Raises DecryptionError below the threshold."""
    if not entries or len({e.index for e in entries}) != 1:
        raise DecryptionError("entries must share one match index")
    index = entries[0].index
    opened = []
    for entry in entries:
        raw = unseal(counselor_secret_key, entry.blob)
        if len(raw) != 2 * _FIELD_BYTES + _W_BYTES:
            raise DecryptionError("malformed share")
        x, y = int.from_bytes(raw[:_FIELD_BYTES], "big"), int.from_bytes(raw[_FIELD_BYTES : 2 * _FIELD_BYTES], "big")
        opened.append(((x, y), raw[2 * _FIELD_BYTES :], entry.ciphertext))
    points = list({point for point, _, _ in opened})  # one account's duplicate counts once
    for subset in combinations(points, threshold):
        wrap_key = _wrap_key(_interpolate_at_zero(list(subset)))
        try:
            keys = [aead_decrypt(wrap_key, wrapped, ad=index) for _, wrapped, _ in opened]
        except DecryptionError:
            continue
        return [aead_decrypt(key, ciphertext, ad=index) for key, (_, _, ciphertext) in zip(keys, opened, strict=True)]
    raise DecryptionError("fewer than the threshold of distinct shares agree")


def unlinked_input(p: bytes) -> bytes:
    """The OPRF output an unverified entry is sealed under: a separate index and polynomial, so unverified
    shares never combine with verified ones (Sybils cannot open a verified reporter's entry)."""
    return keyed_hash(labels.UNVERIFIED_POINT, p, size=64)


def wrap_key_for(*, p: bytes, threshold: int) -> bytes:
    """The key under which every entry's E at this index is wrapped. A verified entry carries the one of the
    unverified index inside its ciphertext, so a verified match also shows the unverified entries, flagged."""
    return _wrap_key(_coefficients(p, threshold)[0])


def entries_open_with_wrap_key(
    *, entries: list[SealedEntry], wrap_key: bytes, counselor_secret_key: bytes
) -> list[bytes]:
    """Open entries whose wrap key is already known (from an opened verified entry); no interpolation."""
    opened = []
    for entry in entries:
        raw = unseal(counselor_secret_key, entry.blob)
        if len(raw) != 2 * _FIELD_BYTES + _W_BYTES:
            raise DecryptionError("malformed share")
        key = aead_decrypt(wrap_key, raw[2 * _FIELD_BYTES :], ad=entry.index)
        opened.append(aead_decrypt(key, entry.ciphertext, ad=entry.index))
    return opened
