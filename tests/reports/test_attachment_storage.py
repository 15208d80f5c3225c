"""Attachments live in the database (issue 14): a file commits with the message or report that carries it,
reaches every web machine, leaves nothing behind in the spool, and files stored on disk before move in."""

import importlib
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from confide.reports.models import Attachment, AttachmentChunk
from confide.reports.services.attachments import CHUNK_BYTES

pytestmark = pytest.mark.django_db(transaction=True)  # on_commit runs: the spool is emptied after the commit


def _spool() -> set[str]:
    folder = Path(settings.MEDIA_ROOT) / "spool"
    return set(os.listdir(folder)) if folder.exists() else set()


def _send(api, receipt, payload: bytes, name="screens.png"):
    return api.post(
        "/api/reporter/attachments",
        {"files": [SimpleUploadedFile(name, payload, "image/png")], "body": ""},
        HTTP_AUTHORIZATION=f"Receipt {receipt}",
    )


def _download(api, receipt, attachment) -> bytes:
    response = api.get(f"/api/reporter/attachments/{attachment.pk}", HTTP_AUTHORIZATION=f"Receipt {receipt}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_file_of_several_chunks_is_kept_in_rows_and_comes_back_whole(api, submitted):
    payload = os.urandom(2 * CHUNK_BYTES + 12345)
    before = _spool()  # other tests' requests may have left files (without transaction=True no on_commit runs)
    assert _send(api, submitted.receipt, payload).status_code == 201
    attachment = Attachment.objects.get()
    chunks = list(attachment.chunks.order_by("seq").values_list("seq", "data"))
    assert [seq for seq, _data in chunks] == [0, 1, 2]
    stored = b"".join(bytes(data) for _seq, data in chunks)
    assert len(stored) == attachment.stored_size and payload[:64] not in stored
    assert _spool() == before
    assert _download(api, submitted.receipt, attachment) == payload


def test_a_refused_file_leaves_no_row_and_no_spooled_file(api, submitted, settings):
    settings.CONFIDE_ATTACHMENT_MAX_BYTES = 1000
    before = _spool()
    assert _send(api, submitted.receipt, os.urandom(5000)).status_code == 413
    assert not Attachment.objects.exists() and not AttachmentChunk.objects.exists()
    assert _spool() == before


def test_files_stored_on_disk_before_move_into_the_database(api, submitted):
    payload = os.urandom(CHUNK_BYTES + 10)
    assert _send(api, submitted.receipt, payload).status_code == 201
    attachment = Attachment.objects.get()
    # As the previous version kept it: the ciphertext in media/attachments/<blob_name>, no rows.
    old = Path(settings.MEDIA_ROOT) / "attachments" / attachment.blob_name
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"".join(bytes(c) for c in attachment.chunks.order_by("seq").values_list("data", flat=True)))
    AttachmentChunk.objects.all().delete()

    importlib.import_module("confide.reports.migrations.0007_attachment_chunks").files_into_rows(apps, None)

    assert attachment.chunks.count() == 2 and not old.exists()
    assert _download(api, submitted.receipt, attachment) == payload
