"""Associated data and key handling for report ciphertexts (crypto.md §2–3), in one place so that every
writer and reader binds a ciphertext to the same row identity. The prefixes are registered in crypto.labels."""

import uuid

from confide import crypto
from confide.core import keyfiles
from confide.crypto import labels


def ad_report(report_id: uuid.UUID) -> bytes:
    return labels.AD_REPORT + report_id.bytes


def ad_message(report_id: uuid.UUID, message_id: uuid.UUID) -> bytes:
    return labels.AD_MESSAGE + report_id.bytes + message_id.bytes


def ad_file_key(report_id: uuid.UUID, attachment_id: uuid.UUID) -> bytes:
    return labels.AD_FILE_KEY + report_id.bytes + attachment_id.bytes


def ad_file_meta(attachment_id: uuid.UUID) -> bytes:
    return labels.AD_FILE_META + attachment_id.bytes


def ad_file_stream(attachment_id: uuid.UUID) -> bytes:
    return labels.AD_FILE_STREAM + attachment_id.bytes


def ad_note(report_id: uuid.UUID, note_id: uuid.UUID) -> bytes:
    return labels.AD_NOTE + report_id.bytes + note_id.bytes


def ad_handover(report_id: uuid.UUID, handover_id: uuid.UUID) -> bytes:
    return labels.AD_HANDOVER + report_id.bytes + handover_id.bytes


def receipt_wrap(*, report_id: uuid.UUID, normalised_receipt: str, report_key: bytes) -> bytes:
    return crypto.receipt_wrap(
        labels.RECEIPT_KEY, normalised_receipt, report_key, pepper=keyfiles.pepper(), ad=ad_report(report_id)
    )


def report_key_for_receipt(*, report_id: uuid.UUID, receipt_wrap: bytes, normalised_receipt: str) -> bytes:
    return crypto.receipt_unwrap(
        labels.RECEIPT_KEY, normalised_receipt, receipt_wrap, pepper=keyfiles.pepper(), ad=ad_report(report_id)
    )


def reply_notice_key() -> bytes:
    """Seals reply-notice addresses: derived from the pepper, which lives outside the database, so a copy of
    the database alone never opens one. No handler key is involved: no handler can read them."""
    return crypto.keyed_hash(labels.REPLY_NOTICE, keyfiles.pepper())


def ad_reply_notice(report_id: uuid.UUID) -> bytes:
    return labels.AD_REPLY_NOTICE + report_id.bytes


def ad_linked_case(case_id: uuid.UUID, original_id: uuid.UUID) -> bytes:
    """A retaliation case opened from a check-in: its key wrapped under the original report's key."""
    return labels.AD_LINKED_CASE + case_id.bytes + original_id.bytes


def linked_case_key(*, report_key: bytes, original_id: uuid.UUID, case_id: uuid.UUID, wrap: bytes) -> bytes:
    """K' of a retaliation case from the original's K; raises crypto.DecryptionError for any other case."""
    return crypto.aead_decrypt(report_key, wrap, ad=ad_linked_case(case_id, original_id))
