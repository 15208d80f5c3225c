"""Outside investigators' reads (issue 15). The investigator's opener is `investigation_access_get`: one
NotFound for anything not theirs, a plain 403 once their period is over (checked at every access, whatever
the sweep has done yet). Case handlers read the same material through the report key (R under K)."""

import json
import uuid
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from confide import crypto
from confide.accounts.models import User
from confide.core.clock import today
from confide.reports import keys_sealed
from confide.reports.access import CaseAccess
from confide.reports.access_investigation import InvestigationAccess
from confide.reports.content import ReportNotFound
from confide.reports.investigation_errors import investigation_ended
from confide.reports.models import Investigation, InvestigationEntry, RedactedVersion, RedactionLog


def investigation_list_for(*, user: User) -> QuerySet[Investigation]:
    if not user.is_authenticated or user.role != User.Role.INVESTIGATOR:
        return Investigation.objects.none()
    return Investigation.objects.filter(investigator=user).select_related("report").order_by("-until", "id")


def investigation_is_open(investigation: Investigation) -> bool:
    return investigation.ended_on is None and investigation.until >= today() and bool(investigation.sealed_key)


def investigation_access_get(
    *, user: User, secret_key: bytes, investigation_id: uuid.UUID | str
) -> InvestigationAccess:
    try:
        key = investigation_id if isinstance(investigation_id, uuid.UUID) else uuid.UUID(str(investigation_id))
    except ValueError:
        raise ReportNotFound() from None
    investigation = investigation_list_for(user=user).filter(pk=key).first()
    if investigation is None:
        raise ReportNotFound()
    if not investigation_is_open(investigation):
        raise investigation_ended(until=investigation.until)
    try:
        redaction_key = crypto.unseal(secret_key, bytes(investigation.sealed_key))
    except crypto.DecryptionError:
        raise ReportNotFound() from None
    return InvestigationAccess(
        investigation=investigation, report=investigation.report, redaction_key=redaction_key, user=user
    )


def redaction_key_for_case(*, access: CaseAccess) -> bytes | None:
    version = RedactedVersion.objects.filter(report=access.report).first()
    if version is None:
        return None
    return crypto.aead_decrypt(
        access.report_key, bytes(version.key_under_report_key), ad=keys_sealed.ad_redaction_key(access.report.pk)
    )


def redacted_document(*, report_id: uuid.UUID, redaction_key: bytes) -> dict | None:
    version = RedactedVersion.objects.filter(report_id=report_id).first()
    if version is None:
        return None
    raw = crypto.aead_decrypt(redaction_key, bytes(version.document), ad=keys_sealed.ad_redacted(report_id))
    return json.loads(raw) | {"revision": version.revision, "prepared_on": version.prepared_on.isoformat()}


@dataclass(frozen=True)
class EntryView:
    id: uuid.UUID
    kind: str
    kind_label: str
    body: str
    created_on: date
    sent_to_reporter_on: date | None


def entries_get(*, investigation: Investigation, redaction_key: bytes) -> list[EntryView]:
    return [
        EntryView(
            id=entry.id,
            kind=entry.kind,
            kind_label=str(InvestigationEntry.Kind(entry.kind).label),
            body=crypto.aead_decrypt(
                redaction_key, bytes(entry.body), ad=keys_sealed.ad_investigation_entry(investigation.pk, entry.id)
            ).decode(),
            created_on=entry.created_on,
            sent_to_reporter_on=entry.sent_to_reporter_on,
        )
        for entry in investigation.entries.all()
    ]


@dataclass(frozen=True)
class InvestigationView:
    investigation: Investigation
    open: bool
    entries: list[EntryView]


@dataclass(frozen=True)
class CaseInvestigation:
    """What the case page shows handlers: the redacted version, its log, the investigators and their work."""

    document: dict | None
    mapping: list[dict]
    log: list[RedactionLog]
    investigations: list[InvestigationView]
    candidates: list[User]


def case_investigation_get(*, access: CaseAccess) -> CaseInvestigation:
    report = access.report
    redaction_key = redaction_key_for_case(access=access)
    log = list(RedactionLog.objects.filter(report=report).select_related("prepared_by"))
    mapping: list[dict] = []
    if log:
        latest = log[-1]
        mapping = json.loads(
            crypto.aead_decrypt(
                access.report_key,
                bytes(latest.sealed_mapping),
                ad=keys_sealed.ad_redaction_map(report.pk, latest.revision),
            )
        )
    views = []
    for investigation in report.investigations.select_related("investigator").order_by("invited_on", "id"):
        entries = entries_get(investigation=investigation, redaction_key=redaction_key) if redaction_key else []
        views.append(InvestigationView(investigation, investigation_is_open(investigation), entries))
    candidates = list(
        User.objects.filter(
            role=User.Role.INVESTIGATOR,
            is_active=True,
            public_key__isnull=False,
            memberships__organization_id=report.organization_id,
        ).order_by("username")
    )
    return CaseInvestigation(
        document=redacted_document(report_id=report.pk, redaction_key=redaction_key) if redaction_key else None,
        mapping=mapping,
        log=log,
        investigations=views,
        candidates=candidates,
    )
