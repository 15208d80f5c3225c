"""Associated data and key halves for what is sealed apart from a report's key (issue 15): the reporter's
identity (crypto.md §2) and the redacted version an outside investigator reads. Prefixes in crypto.labels."""

import uuid

from confide import crypto
from confide.core import keyfiles
from confide.crypto import labels


def ad_identity(report_id: uuid.UUID) -> bytes:
    return labels.AD_IDENTITY + report_id.bytes


def ad_identity_half(report_id: uuid.UUID) -> bytes:
    return labels.AD_IDENTITY_SHARE + report_id.bytes


def ad_redaction_key(report_id: uuid.UUID) -> bytes:
    return labels.AD_REDACTION_KEY + report_id.bytes


def ad_redacted(report_id: uuid.UUID) -> bytes:
    return labels.AD_REDACTED + report_id.bytes


def ad_redaction_map(report_id: uuid.UUID, revision: int) -> bytes:
    return labels.AD_REDACTION_MAP + report_id.bytes + revision.to_bytes(4, "big")


def ad_investigation_entry(investigation_id: uuid.UUID, entry_id: uuid.UUID) -> bytes:
    return labels.AD_INVESTIGATION_ENTRY + investigation_id.bytes + entry_id.bytes


def identity_server_key() -> bytes:
    """Keeps the server's half I1 of every identity key: derived from the pepper, outside the database, so a
    copy of the database with a custodian's key still lacks half of I."""
    return crypto.keyed_hash(labels.IDENTITY_SHARE, keyfiles.pepper())


def halves_combine(first: bytes, second: bytes) -> bytes:
    """I = I1 xor I2: either half alone is uniformly random and says nothing about I."""
    if len(first) != crypto.KEY_BYTES or len(second) != crypto.KEY_BYTES:
        raise crypto.DecryptionError("an identity key half has the wrong length")
    return bytes(a ^ b for a, b in zip(first, second, strict=True))
