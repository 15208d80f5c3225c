"""Survey derivations (DESIGN.md), labels from confide.crypto.labels. Every one takes the pepper, a key file
outside the database: a copy of the database, its WAL or a backup cannot recompute or test any of them."""

import base64
import binascii
import uuid

from confide import crypto
from confide.core import keyfiles
from confide.crypto import labels

NONCE_BYTES = 16
TAG_BYTES = 32
CREDENTIAL_CHARS = len(base64.urlsafe_b64encode(bytes(NONCE_BYTES + TAG_BYTES)))


def _tag(round_id: uuid.UUID, nonce: bytes) -> bytes:
    return crypto.keyed_hash(labels.SURVEY_CREDENTIAL, keyfiles.pepper() + round_id.bytes + nonce)


def credential_make(round_id: uuid.UUID) -> str:
    """A fresh credential for the round: a random nonce and a MAC over (round, nonce). Nothing of it is stored."""
    nonce = crypto.random_bytes(NONCE_BYTES)
    return base64.urlsafe_b64encode(nonce + _tag(round_id, nonce)).decode()


def credential_nonce(round_id: uuid.UUID, credential: str) -> bytes | None:
    """The nonce of a credential this server made for this round, or None (forged, altered, another round's)."""
    text = credential.strip()
    if len(text) != CREDENTIAL_CHARS:
        return None
    try:
        raw = base64.urlsafe_b64decode(text.encode("ascii"))
    except (ValueError, binascii.Error, UnicodeEncodeError):
        return None
    nonce, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
    if len(tag) != TAG_BYTES or not crypto.constant_time_equal(tag, _tag(round_id, nonce)):
        return None
    return nonce


def spent_hash(nonce: bytes) -> bytes:
    return crypto.keyed_hash(labels.SURVEY_SPENT, keyfiles.pepper() + nonce)


def marker_of(round_id: uuid.UUID, account_ref: bytes) -> bytes:
    """Keyed by the round: one person's markers of two rounds share nothing that a database copy could match."""
    return crypto.keyed_hash(labels.SURVEY_MARKER, keyfiles.pepper() + round_id.bytes + account_ref)


def pending_key() -> bytes:
    return crypto.keyed_hash(labels.SURVEY_PENDING, keyfiles.pepper())


def ad_pending(round_id: uuid.UUID, pending_id: uuid.UUID) -> bytes:
    return labels.AD_SURVEY_PENDING + round_id.bytes + pending_id.bytes


def ad_text(text_id: uuid.UUID) -> bytes:
    return labels.AD_SURVEY_TEXT + text_id.bytes


def text_receipt_lookup(normalised: str) -> bytes:
    return crypto.keyed_hash(labels.SURVEY_TEXT_LOOKUP, keyfiles.pepper() + normalised.encode())


def text_receipt_wrap(*, text_id: uuid.UUID, normalised: str, text_key: bytes) -> bytes:
    return crypto.receipt_wrap(
        labels.SURVEY_TEXT_KEY, normalised, text_key, pepper=keyfiles.pepper(), ad=ad_text(text_id)
    )


def text_key_for_receipt(*, text_id: uuid.UUID, normalised: str, receipt_wrap: bytes) -> bytes:
    return crypto.receipt_unwrap(
        labels.SURVEY_TEXT_KEY, normalised, receipt_wrap, pepper=keyfiles.pepper(), ad=ad_text(text_id)
    )
