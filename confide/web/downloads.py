"""Decrypted files as downloads, for the pages and the API alike."""

import uuid
from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

from confide.reports.access import CaseAccess, ReporterAccess
from confide.reports.selectors.common import attachment_get_for, attachment_open

SAFE_INLINE_TYPES = {"image/png", "image/jpeg", "application/pdf", "text/plain"}


def attachment_response(meta: dict, chunks: Iterator[bytes]) -> StreamingHttpResponse:
    """A decrypted file as a download. Never rendered by the browser as a page of ours (no stored XSS)."""
    content_type = meta.get("type", "")
    response = StreamingHttpResponse(
        chunks, content_type=content_type if content_type in SAFE_INLINE_TYPES else "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=meta.get("name") or "file"
    )
    response["Content-Length"] = str(meta.get("size", ""))
    return response


def attachment_download(*, access: ReporterAccess | CaseAccess, attachment_id: uuid.UUID) -> StreamingHttpResponse:
    """The file, or ReportNotFound (answered 404 by the pages and the API alike) for any other id."""
    attachment = attachment_get_for(access=access, attachment_id=attachment_id)
    meta, chunks = attachment_open(attachment=attachment, report_key=access.report_key)
    return attachment_response(meta, chunks)
