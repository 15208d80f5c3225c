"""Reads on an unlocked report that both doors make: the report as its reader sees it, and its files.
They take a handle (ReporterAccess or CaseAccess), so they never decide who may read: the openers in
reporter.py and staff.py do."""

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from confide import crypto
from confide.reports import keys
from confide.reports.access import CaseAccess, ReporterAccess
from confide.reports.content import ReportContent, ReportNotFound
from confide.reports.models import Attachment, AttachmentChunk, Author, Report
from confide.reports.selectors.holders import handover_line, holder_author_name


@dataclass(frozen=True)
class AttachmentInfo:
    id: uuid.UUID
    name: str
    content_type: str
    size: int
    author_kind: str


@dataclass(frozen=True)
class MessageView:
    id: uuid.UUID
    seq: int
    author_kind: str
    author_name: str
    body: str
    created_on: date
    attachments: list[AttachmentInfo]


@dataclass(frozen=True)
class ReportView:
    report: Report
    content: ReportContent
    messages: list[MessageView]
    attachments: list[AttachmentInfo]  # those filed with the report itself


def _file_key(*, attachment: Attachment, report_key: bytes) -> bytes:
    return crypto.aead_decrypt(
        report_key,
        bytes(attachment.wrapped_file_key),
        ad=keys.ad_file_key(attachment.report_id, attachment.id),
    )


def _meta(*, attachment: Attachment, file_key: bytes) -> dict:
    return json.loads(crypto.aead_decrypt(file_key, bytes(attachment.meta), ad=keys.ad_file_meta(attachment.id)))


def attachment_meta(*, attachment: Attachment, report_key: bytes) -> dict:
    return _meta(attachment=attachment, file_key=_file_key(attachment=attachment, report_key=report_key))


class _ChunkReader:
    """The ciphertext of one attachment as a file to read from, one chunk row fetched at a time."""

    def __init__(self, attachment_id: uuid.UUID) -> None:
        self.attachment_id = attachment_id
        self.seq = 0
        self.buffer, self.position = b"", 0

    def read(self, size: int) -> bytes:
        while len(self.buffer) - self.position < size:
            piece = (
                AttachmentChunk.objects.filter(attachment_id=self.attachment_id, seq=self.seq)
                .values_list("data", flat=True)
                .first()
            )
            if piece is None:
                break
            self.buffer, self.position = self.buffer[self.position :] + bytes(piece), 0
            self.seq += 1
        taken = self.buffer[self.position : self.position + size]
        self.position += len(taken)
        return taken


def attachment_open(*, attachment: Attachment, report_key: bytes) -> tuple[dict, Iterator[bytes]]:
    """Metadata and a generator of plaintext chunks; the file is read lazily, memory stays flat."""
    file_key = _file_key(attachment=attachment, report_key=report_key)
    meta = _meta(attachment=attachment, file_key=file_key)

    def chunks() -> Iterator[bytes]:
        source = _ChunkReader(attachment.pk)
        yield from crypto.stream_decrypt(
            file_key, source, ad=keys.ad_file_stream(attachment.id), plaintext_size=meta["size"]
        )

    return meta, chunks()


def attachment_info(*, attachment: Attachment, report_key: bytes) -> AttachmentInfo:
    meta = attachment_meta(attachment=attachment, report_key=report_key)
    return AttachmentInfo(
        id=attachment.id,
        name=meta["name"],
        content_type=meta["type"],
        size=meta["size"],
        author_kind=attachment.author_kind,
    )


def attachment_get_for(*, access: ReporterAccess | CaseAccess, attachment_id: uuid.UUID) -> Attachment:
    """An attachment of the report the caller has unlocked; any other id is simply not found."""
    attachment = Attachment.objects.filter(pk=attachment_id, report_id=access.report.pk).first()
    if attachment is None:
        raise ReportNotFound()
    return attachment


def report_view(*, access: ReporterAccess | CaseAccess, for_staff: bool) -> ReportView:
    report, key = access.report, access.report_key
    content = ReportContent.from_bytes(crypto.aead_decrypt(key, bytes(report.content), ad=keys.ad_report(report.id)))
    by_message: dict[uuid.UUID | None, list[AttachmentInfo]] = {}
    for attachment in report.attachments.all().order_by("created_on", "id"):
        info = attachment_info(attachment=attachment, report_key=key)
        by_message.setdefault(attachment.message_id, []).append(info)
    messages = []
    for message in report.messages.select_related("author").order_by("seq"):
        body = crypto.aead_decrypt(key, bytes(message.body), ad=keys.ad_message(report.id, message.id))
        if message.author_kind == Author.HANDLER:
            # Reporters see "case handler", never which one; staff see the colleague's name.
            author_name = message.author.get_username() if (for_staff and message.author) else _("Case handler")
        elif message.author_kind in (Author.BODY, Author.SYSTEM):
            author_name = holder_author_name(
                message=message, organization_id=report.organization_id, for_staff=for_staff
            )
        else:
            author_name = _("Reporter")
        messages.append(
            MessageView(
                id=message.id,
                seq=message.seq,
                author_kind=message.author_kind,
                author_name=author_name,
                body=handover_line(title=body.decode(), for_staff=for_staff)
                if message.author_kind == Author.SYSTEM
                else body.decode(),
                created_on=message.created_on,
                attachments=by_message.get(message.id, []),
            )
        )
    return ReportView(report=report, content=content, messages=messages, attachments=by_message.get(None, []))
