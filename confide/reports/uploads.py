"""Upload handling that never writes a plaintext byte to disk (threat model G1).

Each uploaded file is encrypted chunk by chunk with a fresh file key as it arrives, into a spool folder under a
random name; the service that files it copies the ciphertext into the database in the same transaction, and
the spooled file goes after the commit (or with the refused request). Memory stays flat whatever the size. A
file over the limit is dropped and the request is flagged, so the view can answer 413 with a clear message
instead of failing half way.
"""

import os
import secrets
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload
from django.utils.translation import gettext as _

from confide import crypto
from confide.reports import keys

REJECTED_ATTR = "_confide_upload_rejected"


def spool_dir() -> Path:
    """Encrypted uploads in flight, on this machine only: nothing here outlives its request."""
    path = Path(settings.MEDIA_ROOT) / "spool"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


class EncryptedUpload(UploadedFile):
    """What lands in request.FILES: a sealed blob in the spool plus, in memory only, its key and real name."""

    def __init__(self, *, attachment_id, file_key, blob_name, name, content_type, plaintext_size, stored_size):
        super().__init__(file=None, name=name, content_type=content_type, size=plaintext_size)
        self.attachment_id: uuid.UUID = attachment_id
        self.file_key: bytes = file_key
        self.blob_name: str = blob_name
        self.stored_size: int = stored_size

    def __repr__(self) -> str:
        return f"EncryptedUpload({self.attachment_id})"

    def discard(self) -> None:
        (spool_dir() / self.blob_name).unlink(missing_ok=True)


class EncryptingUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self._count = 0
        limit = settings.CONFIDE_ATTACHMENT_MAX_BYTES * settings.CONFIDE_ATTACHMENTS_PER_REQUEST + 1024 * 1024
        if content_length and content_length > limit:
            upload_reject(self.request, "too_large")
            raise StopUpload(connection_reset=False)

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self._count = getattr(self, "_count", 0) + 1
        if self._count > settings.CONFIDE_ATTACHMENTS_PER_REQUEST:
            upload_reject(self.request, "too_many")
            raise SkipFile()
        self.attachment_id = uuid.uuid4()
        self.file_key = crypto.random_key()
        self.blob_name = secrets.token_hex(20)
        self.path = spool_dir() / self.blob_name
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.out = os.fdopen(fd, "wb")
        self.encryptor = crypto.StreamEncryptor(self.file_key, ad=keys.ad_file_stream(self.attachment_id))
        self.out.write(self.encryptor.header)

    def receive_data_chunk(self, raw_data, start):
        if self.encryptor.plaintext_size + len(raw_data) > settings.CONFIDE_ATTACHMENT_MAX_BYTES:
            self._abort()
            upload_reject(self.request, "too_large")
            raise SkipFile()
        self.out.write(self.encryptor.push(raw_data))
        return None

    def file_complete(self, file_size):
        self.out.write(self.encryptor.finish())
        self.out.close()
        return EncryptedUpload(
            attachment_id=self.attachment_id,
            file_key=self.file_key,
            blob_name=self.blob_name,
            name=self.file_name,
            content_type=self.content_type or "application/octet-stream",
            plaintext_size=self.encryptor.plaintext_size,
            stored_size=self.path.stat().st_size,
        )

    def upload_interrupted(self):
        if hasattr(self, "out"):
            self._abort()

    def _abort(self) -> None:
        if not self.out.closed:
            self.out.close()
        self.path.unlink(missing_ok=True)


def upload_reject(request, reason: str) -> None:
    if request is not None:
        setattr(request, REJECTED_ATTR, reason)


def upload_rejection(request) -> str | None:
    """Why an upload in this request was refused ("too_large" / "too_many"), or None."""
    return getattr(request, REJECTED_ATTR, None)


def upload_error_message(reason: str) -> str:
    mb = max(1, settings.CONFIDE_ATTACHMENT_MAX_BYTES // (1024 * 1024))
    if reason == "too_many":
        return _("You can attach at most %(count)d files at a time.") % {
            "count": settings.CONFIDE_ATTACHMENTS_PER_REQUEST
        }
    return _("Each file can be at most %(mb)d MB. Nothing was saved; please send a smaller file.") % {"mb": mb}


def uploads_discard(files) -> None:
    for upload in files:
        if isinstance(upload, EncryptedUpload):
            upload.discard()
