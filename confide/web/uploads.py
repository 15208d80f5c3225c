"""Uploads for API operations: a rejected upload becomes a clear 413, and nothing half-received is kept."""

from django.http import HttpRequest

from confide.core.errors import Refused
from confide.reports.uploads import EncryptedUpload, upload_error_message, upload_rejection, uploads_discard


class UploadRejected(Refused):
    """Too large or too many files: answered 413 by the central mapping (confide.web.errors)."""

    status = 413


def checked_uploads(request: HttpRequest, field: str) -> list[EncryptedUpload]:
    uploads = [u for u in request.FILES.getlist(field) if isinstance(u, EncryptedUpload)]
    reason = upload_rejection(request)
    if reason:
        uploads_discard(uploads)
        raise UploadRejected(upload_error_message(reason))
    return uploads
