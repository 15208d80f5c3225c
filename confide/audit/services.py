import enum
import secrets
from datetime import UTC, datetime, time

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from confide import crypto
from confide.audit.models import AuditEntry, AuditHead, PendingEntry
from confide.core.clock import today
from confide.crypto import labels

GENESIS = bytes(32)


class Action(enum.StrEnum):
    STAFF_SIGN_IN = "staff.sign_in"
    CASE_READ = "case.read"
    CASE_REPLY = "case.reply"
    CASE_STATUS = "case.status"
    CASE_ATTACHMENT_READ = "case.attachment_read"
    CASE_ACCESS_GRANT = "case.access_grant"
    CASE_CONFLICT_DECLARED = "case.conflict_declared"
    CASE_CONFLICT_RECORDED = "case.conflict_recorded"
    CASE_ASSIGN = "case.assign"
    CASE_NOTE = "case.note"
    CASE_LABELS = "case.labels"
    STAFF_PASSWORD_CHANGED = "staff.password_changed"  # noqa: S105 - an action name
    STAFF_RECOVERED = "staff.recovered"
    CASE_DELETION_REQUESTED = "case.deletion_requested"
    CASE_DELETED = "case.deleted"
    CASE_PURGED_BY_RETENTION = "case.purged_by_retention"
    CASE_DEADLINE = "case.deadline"
    CASE_LINKED = "case.linked"
    CASE_UNLINKED = "case.unlinked"
    STAFF_SIGN_IN_FAILED = "staff.sign_in_failed"
    STAFF_PASSKEY_ADDED = "staff.passkey_added"
    STAFF_PASSKEY_REMOVED = "staff.passkey_removed"
    CASE_EXPORTED = "case.exported"
    ORGANIZATION_WOUND_DOWN = "organization.wound_down"  # issue 13: by the operator
    CASE_CATEGORY = "case.category"  # the new category is the report's own column, not repeated here
    # Leadership cases (issue 13): the lead hands a case to an independent body; the reporter's exclusion asks.
    CASE_HANDOVER = "case.handover"
    BODY_TITLE_SET = "body.title_set"  # a body changed how reporters see it for one organization
    CASE_EXCLUSION_ASKED_ANSWERED = "case.exclusion_ask_answered"
    # Matching escrow (issue 4)
    ESCROW_MATCH_OPENED = "escrow.match_opened"
    ESCROW_ENTRY_READ = "escrow.entry_read"
    ESCROW_MESSAGE = "escrow.message"
    ESCROW_COUNSELOR_ADDED = "escrow.counselor_added"

    # Hotline (issue 6): who filed a report by phone, and callbacks opened with a caller's receipt.
    HOTLINE_REPORT_FILED = "hotline.report_filed"
    HOTLINE_CALLBACK_OPENED = "hotline.callback_opened"
    HOTLINE_CALLBACK_REPLY = "hotline.callback_reply"
    HOTLINE_CALLBACK_CHECKIN = "hotline.callback_checkin"  # the caller's answer to a check-in, never which

    # Collective letters (issue 5)
    LETTER_READ = "letter.read"
    LETTER_APPROVED = "letter.approved"
    LETTER_DECLINED = "letter.declined"
    LETTER_MESSAGE = "letter.message"
    LETTER_VOUCHED = "letter.vouched"
    LETTER_RELEASED = "letter.released"
    LETTER_TRACED = "letter.traced"
    LETTER_COPY_READ = "letter.copy_read"
    LETTER_ACKNOWLEDGED = "letter.acknowledged"
    LETTER_ANSWERED = "letter.answered"
    LETTER_MEETING = "letter.meeting"
    LETTER_CONFLICT_DECLARED = "letter.conflict_declared"
    LETTER_ACCESS_GRANT = "letter.access_grant"

    # An organization's own questions on the report form (issue 15): a new version was saved.
    QUESTIONS_CHANGED = "questions.changed"
    # The organizations' figures (issue 12): every staff view and export of a report or of the benchmark.
    INSIGHT_REPORT_READ = "insight.report_read"
    INSIGHT_BENCHMARK_READ = "insight.benchmark_read"
    INSIGHT_EXPORTED = "insight.exported"
    INSIGHT_PUBLISHED = "insight.published"
    # Surveys (issue 12 item 4): the third party's definitions and rounds, and reading free-text answers.
    SURVEY_CREATED = "survey.created"
    SURVEY_ROUND_OPENED = "survey.round_opened"
    SURVEY_ROUND_CLOSED = "survey.round_closed"
    SURVEY_TEXTS_READ = "survey.texts_read"
    # Outside investigators and sealed identities (issue 15): ids and counts only, never what was replaced.
    CASE_REDACTED = "case.redacted"
    INVESTIGATOR_INVITED = "investigation.invited"
    INVESTIGATOR_ENDED = "investigation.ended"
    INVESTIGATION_READ = "investigation.read"
    INVESTIGATION_ENTRY = "investigation.entry"
    INVESTIGATION_FINDINGS_SENT = "investigation.findings_sent"
    IDENTITY_DISCLOSURE_REQUESTED = "identity.disclosure_requested"
    IDENTITY_DISCLOSURE_APPROVED = "identity.disclosure_approved"
    IDENTITY_DISCLOSURE_RELEASED = "identity.disclosure_released"


def entry_digest(
    *,
    prev: bytes,
    seq: int,
    at: datetime,
    actor_id: int | None,
    action: str,
    object_type: str,
    object_id: str,
    subject_id: int | None,
) -> bytes:
    canonical = "|".join(
        str(part if part is not None else "")
        for part in (seq, at.isoformat(), actor_id, action, object_type, object_id, subject_id)
    )
    return crypto.keyed_hash(labels.AUDIT, prev + canonical.encode())


def audit_record(
    *, actor: object, action: Action, obj: Model | None = None, subject: object = None, day_only: bool = False
) -> AuditEntry | None:
    """Append one row to the chain, in the caller's transaction when there is one. A `day_only` row, where an
    exact time would date what a reporter or a caller did, is timed to the day (midnight UTC) as reporter-side
    times are, and waits out its day as a PendingEntry (audit_pending_flush): None is returned for it."""
    fields: dict = {
        "actor_id": getattr(actor, "pk", None),
        "action": str(action),
        "object_type": obj._meta.model_name if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
        "subject_id": getattr(subject, "pk", None),
    }
    if day_only:
        PendingEntry.objects.create(day=today(), **fields)
        return None
    # Microseconds dropped: the stored and the hashed value must be identical on every database.
    return _append(at=timezone.now().replace(microsecond=0), fields=fields)


def _append(*, at: datetime, fields: dict) -> AuditEntry:
    with transaction.atomic():
        AuditHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": GENESIS})
        head = AuditHead.objects.select_for_update().get(pk=1)
        row = {"seq": head.seq + 1, "at": at, **fields}
        digest = entry_digest(prev=bytes(head.hash), **row)
        entry = AuditEntry.objects.create(prev=bytes(head.hash), hash=digest, **row)
        head.seq, head.hash = entry.seq, digest
        head.save(update_fields=["seq", "hash"])
    return entry


def audit_pending_flush() -> int:
    """Daily: the day-timed rows of the days before today join the chain, each day's in random order, dated to
    their day at midnight UTC. Returns how many."""
    flushed = 0
    with transaction.atomic():
        pending = list(PendingEntry.objects.select_for_update().filter(day__lt=today()))
        secrets.SystemRandom().shuffle(pending)
        for row in sorted(pending, key=lambda r: r.day):  # stable: shuffled within each day
            at = datetime.combine(row.day, time.min, tzinfo=UTC)
            fields = {f: getattr(row, f) for f in ("actor_id", "action", "object_type", "object_id", "subject_id")}
            _append(at=at, fields=fields)
            flushed += 1
        PendingEntry.objects.filter(pk__in=[row.pk for row in pending]).delete()
    return flushed
