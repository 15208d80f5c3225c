"""Associated data, receipt and invitation keys for letters (crypto.md §3, §5), in one place so that every
writer and reader binds a ciphertext to the same row. Labels and the AD prefix come from crypto.labels."""

import uuid

from confide import crypto
from confide.core import keyfiles
from confide.crypto import labels


def ad_letter(letter_id: uuid.UUID, part: str) -> bytes:
    return labels.AD_LETTER + part.encode() + b":" + letter_id.bytes


def ad_row(letter_id: uuid.UUID, part: str, row_id: uuid.UUID) -> bytes:
    """letter_id ‖ row_id: a ciphertext moved to another row or letter does not open."""
    return labels.AD_LETTER + part.encode() + b":" + letter_id.bytes + row_id.bytes


def receipt_lookup(normalised: str) -> bytes:
    return crypto.keyed_hash(labels.LETTER_RECEIPT_LOOKUP, keyfiles.pepper() + normalised.encode())


def receipt_wrap(normalised: str, key: bytes, *, ad: bytes) -> bytes:
    return crypto.receipt_wrap(labels.LETTER_RECEIPT_KEY, normalised, key, pepper=keyfiles.pepper(), ad=ad)


def receipt_unwrap(normalised: str, wrap: bytes, *, ad: bytes) -> bytes:
    return crypto.receipt_unwrap(labels.LETTER_RECEIPT_KEY, normalised, wrap, pepper=keyfiles.pepper(), ad=ad)


def invite_lookup(token: str) -> bytes:
    return crypto.keyed_hash(labels.LETTER_INVITE_LOOKUP, keyfiles.pepper() + token.encode())


def invite_wrap(token: str, key: bytes, *, ad: bytes) -> bytes:
    return crypto.receipt_wrap(labels.LETTER_INVITE_KEY, token, key, pepper=keyfiles.pepper(), ad=ad)


def invite_unwrap(token: str, wrap: bytes, *, ad: bytes) -> bytes:
    return crypto.receipt_unwrap(labels.LETTER_INVITE_KEY, token, wrap, pepper=keyfiles.pepper(), ad=ad)


def vouch_lookup(code: str) -> bytes:
    return crypto.keyed_hash(labels.LETTER_VOUCH_LOOKUP, keyfiles.pepper() + code.encode())


def vouch_account_ref(vouch_id: uuid.UUID) -> bytes:
    return crypto.keyed_hash(labels.LETTER_VOUCH_ACCOUNT, keyfiles.pepper() + vouch_id.bytes)


def signer_ref(*, account_ref: bytes, letter_id: uuid.UUID) -> bytes:
    return crypto.keyed_hash(labels.LETTER_SIGNER, keyfiles.pepper() + account_ref + letter_id.bytes)
