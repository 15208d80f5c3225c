"""Keys wrapped under a receipt (crypto.md §3): `R = H(label, PEPPER ‖ secret)`, and `AEAD(R, key, ad)` stored.

With the pepper in R as well as in the lookup, no stored value lets a copy of the database alone test a guessed
receipt (or invitation token). Rows written before that change hold `AEAD(R₀, key, ad)` with `R₀ = H(label,
secret)`: a migration put each of them under a cover, `AEAD(H("receipt-wrap-cover", PEPPER), wrap, ad)`, which
the database alone cannot remove either. The cover cannot be replaced by the final form without the receipt,
which the server never keeps, so covered rows are opened through it for as long as they live.
"""

from confide.crypto import labels
from confide.crypto.errors import DecryptionError
from confide.crypto.primitives import aead_decrypt, aead_encrypt, keyed_hash


def receipt_wrap_key(label: str, secret: str, *, pepper: bytes) -> bytes:
    return keyed_hash(label, pepper + secret.encode())


def receipt_wrap(label: str, secret: str, key: bytes, *, pepper: bytes, ad: bytes) -> bytes:
    return aead_encrypt(receipt_wrap_key(label, secret, pepper=pepper), key, ad=ad)


def receipt_unwrap(label: str, secret: str, wrap: bytes, *, pepper: bytes, ad: bytes) -> bytes:
    """The key under `wrap`, whichever form the row holds; DecryptionError for a wrong secret."""
    try:
        return aead_decrypt(receipt_wrap_key(label, secret, pepper=pepper), wrap, ad=ad)
    except DecryptionError:
        pass
    # A covered row: only a right receipt reaches here (the peppered lookup matched), so trying a second form
    # tells an outsider nothing.
    inner = aead_decrypt(_cover_key(pepper), wrap, ad=ad)
    return aead_decrypt(keyed_hash(label, secret.encode()), inner, ad=ad)


def receipt_wrap_cover(wrap: bytes, *, pepper: bytes, ad: bytes) -> bytes:
    """For the migration only: a wrap made without the pepper, put under a pepper-derived cover."""
    return aead_encrypt(_cover_key(pepper), wrap, ad=ad)


def receipt_wrap_uncover(wrap: bytes, *, pepper: bytes, ad: bytes) -> bytes | None:
    """For the migration's reverse only: the wrap under a cover, or None for a wrap made with the pepper."""
    try:
        return aead_decrypt(_cover_key(pepper), wrap, ad=ad)
    except DecryptionError:
        return None


def _cover_key(pepper: bytes) -> bytes:
    return keyed_hash(labels.RECEIPT_WRAP_COVER, pepper)
