"""Staff-only material on a case: encrypted internal notes and clear labels."""

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.reports.access import CaseAccess
from confide.reports.content import ContentError, message_clean
from confide.reports.models import InternalNote, Label

LABEL_PATTERN = re.compile(r"^[\w][\w \-]{0,39}$")
MAX_LABELS = 10


def ad_note(report_id: uuid.UUID, note_id: uuid.UUID) -> bytes:
    return b"note:" + report_id.bytes + note_id.bytes


def case_note_add(*, access: CaseAccess, body: str) -> InternalNote:
    body = message_clean(body)
    note_id = uuid.uuid4()
    with transaction.atomic():
        note = InternalNote.objects.create(
            id=note_id,
            report=access.report,
            author=access.user,
            body=crypto.aead_encrypt(access.report_key, body.encode(), ad=ad_note(access.report.id, note_id)),
        )
        audit_record(actor=access.user, action=Action.CASE_NOTE, obj=access.report)
    return note


@dataclass(frozen=True)
class NoteView:
    id: uuid.UUID
    author_name: str
    body: str
    created_at: datetime


def case_notes_get(*, access: CaseAccess) -> list[NoteView]:
    report = access.report
    return [
        NoteView(
            id=note.id,
            author_name=note.author.get_username() if note.author else _("former staff"),
            body=crypto.aead_decrypt(access.report_key, bytes(note.body), ad=ad_note(report.id, note.id)).decode(),
            created_at=note.created_at,
        )
        for note in report.notes.select_related("author")
    ]


def case_labels_set(*, access: CaseAccess, names: list[str]) -> list[Label]:
    cleaned = sorted({" ".join(name.split()).lower() for name in names if name.strip()})
    if len(cleaned) > MAX_LABELS:
        raise ContentError("labels", _("A case can have at most %(count)d labels.") % {"count": MAX_LABELS})
    for name in cleaned:
        if not LABEL_PATTERN.match(name):
            raise ContentError("labels", _("A label is one to 40 letters, digits, spaces or hyphens."))
    report = access.report
    with transaction.atomic():
        labels = [Label.objects.get_or_create(organization_id=report.organization_id, name=n)[0] for n in cleaned]
        report.labels.set(labels)
        audit_record(actor=access.user, action=Action.CASE_LABELS, obj=report)
    return labels
