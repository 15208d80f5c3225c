"""Attachment rows for files already encrypted on arrival (crypto.md §2); reading them is in
confide.reports.selectors.common."""

import json
import uuid

from django.db import transaction

from confide import crypto
from confide.core.clock import today
from confide.reports import keys
from confide.reports.models import Attachment, AttachmentChunk, Message, Report
from confide.reports.uploads import EncryptedUpload, spool_dir, uploads_discard

CHUNK_BYTES = 1024 * 1024  # of ciphertext per row: large files stay a few rows, memory stays flat


def attachments_add(
    *,
    report: Report,
    report_key: bytes,
    uploads: list[EncryptedUpload],
    author_kind: str,
    message: Message | None = None,
) -> list[Attachment]:
    """The rows and their ciphertext, in the caller's transaction; the spooled files go once it commits."""
    rows = []
    for upload in uploads:
        meta = {"name": upload.name or "attachment", "type": upload.content_type, "size": upload.size}
        rows.append(
            Attachment(
                id=upload.attachment_id,
                report=report,
                message=message,
                author_kind=author_kind,
                blob_name=upload.blob_name,
                stored_size=upload.stored_size,
                wrapped_file_key=crypto.aead_encrypt(
                    report_key, upload.file_key, ad=keys.ad_file_key(report.id, upload.attachment_id)
                ),
                meta=crypto.aead_encrypt(
                    upload.file_key, json.dumps(meta).encode(), ad=keys.ad_file_meta(upload.attachment_id)
                ),
                created_on=today(),
            )
        )
    with transaction.atomic():
        Attachment.objects.bulk_create(rows)
        for upload in uploads:
            _chunks_store(attachment_id=upload.attachment_id, blob_name=upload.blob_name)
    transaction.on_commit(lambda: uploads_discard(uploads))
    return rows


def _chunks_store(*, attachment_id: uuid.UUID, blob_name: str) -> None:
    with open(spool_dir() / blob_name, "rb") as source:
        seq = 0
        while piece := source.read(CHUNK_BYTES):
            AttachmentChunk.objects.create(attachment_id=attachment_id, seq=seq, data=piece)
            seq += 1
