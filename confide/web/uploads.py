"""Uploads for API operations: a rejected upload becomes a clear 413, and nothing half-received is kept."""

from ninja.errors import HttpError

from confide.reports.uploads import EncryptedUpload, upload_error_message, upload_rejection, uploads_discard


class UploadRejected(HttpError):
    def __init__(self, message: str) -> None:
        super().__init__(413, message)


def checked_uploads(request, field: str) -> list[EncryptedUpload]:
    uploads = [u for u in request.FILES.getlist(field) if isinstance(u, EncryptedUpload)]
    reason = upload_rejection(request)
    if reason:
        uploads_discard(uploads)
        raise UploadRejected(upload_error_message(reason))
    return uploads
