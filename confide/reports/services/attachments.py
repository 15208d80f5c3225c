"""Attachment rows for files already encrypted on arrival (crypto.md §2); reading them is in
confide.reports.selectors.common."""

import json

from django.db import transaction

from confide import crypto
from confide.core.clock import today
from confide.reports import keys
from confide.reports.models import Attachment, Message, Report
from confide.reports.uploads import EncryptedUpload


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
