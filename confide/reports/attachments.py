"""Attachment rows and their encrypted bytes (crypto.md §2)."""

import json
from collections.abc import Iterator

from django.db import transaction

from confide import crypto
from confide.core.clock import today
from confide.reports import keys
from confide.reports.models import Attachment, Message, Report
from confide.reports.uploads import EncryptedUpload, attachments_dir


def attachments_add(
    *,
    report: Report,
    report_key: bytes,
    uploads: list[EncryptedUpload],
    author_kind: str,
    message: Message | None = None,
) -> list[Attachment]:
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
    return rows


def _file_key(*, attachment: Attachment, report_key: bytes) -> bytes:
    return crypto.aead_decrypt(
        report_key,
        bytes(attachment.wrapped_file_key),
        ad=keys.ad_file_key(attachment.report_id, attachment.id),
    )


def attachment_meta(*, attachment: Attachment, report_key: bytes) -> dict:
    file_key = _file_key(attachment=attachment, report_key=report_key)
    return json.loads(crypto.aead_decrypt(file_key, bytes(attachment.meta), ad=keys.ad_file_meta(attachment.id)))


def attachment_open(*, attachment: Attachment, report_key: bytes) -> tuple[dict, Iterator[bytes]]:
    """Metadata and a generator of plaintext chunks; the file is read lazily, memory stays flat."""
    file_key = _file_key(attachment=attachment, report_key=report_key)
    meta = json.loads(crypto.aead_decrypt(file_key, bytes(attachment.meta), ad=keys.ad_file_meta(attachment.id)))

    def chunks() -> Iterator[bytes]:
        with open(attachments_dir() / attachment.blob_name, "rb") as source:
            yield from crypto.stream_decrypt(
                file_key, source, ad=keys.ad_file_stream(attachment.id), plaintext_size=meta["size"]
            )

    return meta, chunks()
