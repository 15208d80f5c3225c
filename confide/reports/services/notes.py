"""Staff-only material on a case: encrypted internal notes and clear labels. Reading the notes is
confide.reports.selectors.staff.case_notes_get."""

import re
import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.reports import keys
from confide.reports.access import CaseAccess
from confide.reports.content import ContentError, message_clean
from confide.reports.models import InternalNote, Label

LABEL_PATTERN = re.compile(r"^[\w][\w \-]{0,39}$")
MAX_LABELS = 10


def case_note_add(*, access: CaseAccess, body: str) -> InternalNote:
    body = message_clean(body)
    note_id = uuid.uuid4()
    with transaction.atomic():
        note = InternalNote.objects.create(
            id=note_id,
            report=access.report,
            author=access.user,
            body=crypto.aead_encrypt(access.report_key, body.encode(), ad=keys.ad_note(access.report.id, note_id)),
        )
        audit_record(actor=access.user, action=Action.CASE_NOTE, obj=access.report)
    return note


def case_labels_set(*, access: CaseAccess, names: list[str]) -> list[Label]:
    cleaned = sorted({" ".join(name.split()).lower() for name in names if name.strip()})
    if len(cleaned) > MAX_LABELS:
        raise ContentError(_("A case can have at most %(count)d labels.") % {"count": MAX_LABELS}, field="labels")
    for name in cleaned:
        if not LABEL_PATTERN.match(name):
            raise ContentError(_("A label is one to 40 letters, digits, spaces or hyphens."), field="labels")
    report = access.report
    with transaction.atomic():
        labels = [Label.objects.get_or_create(organization_id=report.organization_id, name=n)[0] for n in cleaned]
        report.labels.set(labels)
        audit_record(actor=access.user, action=Action.CASE_LABELS, obj=report)
    return labels
