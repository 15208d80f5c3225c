"""Outside investigators on one case (issue 15): the redacted version a handler prepares, the invitation by
the lead for a fixed period, the investigator's own entries, and the sweep that takes their key away.

The redacted version is its own document under its own key R: R under the report key for the case team, R
sealed to each investigator. The investigator never holds the report key, so the original stays sealed to
them whatever they try. Each preparation is logged (RedactionLog: counts in the clear, the mapping of what
was replaced by which label sealed under the report key) and audited."""

import json
import uuid
from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.core.errors import NotFound
from confide.reports import keys_sealed
from confide.reports.access import CaseAccess
from confide.reports.access_investigation import InvestigationAccess
from confide.reports.content import message_clean
from confide.reports.investigation_errors import RedactionRefused, investigation_ended
from confide.reports.models import (
    IdentityDisclosure,
    Investigation,
    InvestigationEntry,
    RedactedVersion,
    RedactionLog,
    Report,
    SealedIdentity,
)
from confide.reports.redaction import document_bytes, redact, rules_parse
from confide.reports.selectors.common import report_view
from confide.reports.selectors.investigation import investigation_is_open, redaction_key_for_case
from confide.reports.services.messages import message_create_by_handler

MAX_PERIOD_DAYS = 365


def redaction_prepare(*, access: CaseAccess, replacements: str) -> RedactedVersion:
    """(Re)write the redacted version from the account and thread as they are now; R stays the same, so the
    investigators' wraps stay valid."""
    rules = rules_parse(replacements)
    report = access.report
    redacted = redact(view=report_view(access=access, for_staff=True), rules=rules)
    mapping = [
        {"original": rule.original, "label": rule.label, "occurrences": redacted.occurrences[rule.label]}
        for rule in rules
    ]
    redaction_key = redaction_key_for_case(access=access) or crypto.random_key()
    with transaction.atomic():
        previous = RedactedVersion.objects.select_for_update().filter(report=report).first()
        revision = previous.revision + 1 if previous else 1
        fields = {
            "key_under_report_key": crypto.aead_encrypt(
                access.report_key, redaction_key, ad=keys_sealed.ad_redaction_key(report.pk)
            ),
            "document": crypto.aead_encrypt(
                redaction_key, document_bytes(redacted.document), ad=keys_sealed.ad_redacted(report.pk)
            ),
            "revision": revision,
            "prepared_by": access.user,
            "prepared_on": today(),
        }
        version, _created = RedactedVersion.objects.update_or_create(report=report, defaults=fields)
        RedactionLog.objects.create(
            report=report,
            revision=revision,
            prepared_by=access.user,
            prepared_on=today(),
            labels=len({rule.label for rule in rules}),
            occurrences=sum(redacted.occurrences.values()),
            sealed_mapping=crypto.aead_encrypt(
                access.report_key,
                json.dumps(mapping, ensure_ascii=False).encode(),
                ad=keys_sealed.ad_redaction_map(report.pk, revision),
            ),
        )
        audit_record(actor=access.user, action=Action.CASE_REDACTED, obj=report)
    return version


def investigator_invite(*, access: CaseAccess, username: str, until: date) -> Investigation:
    """The lead gives an outside investigator of the case's organization the redacted version until `until`
    (inclusive). Inviting again changes the date and restores access that had ended."""
    report = access.report
    if report.lead_id != access.user.pk:
        raise RedactionRefused(_("Only the lead handler can invite an investigator."))
    redaction_key = redaction_key_for_case(access=access)
    if redaction_key is None:
        raise RedactionRefused(_("Prepare the redacted version first: it is all an investigator can read."))
    if not today() <= until <= today() + timedelta(days=MAX_PERIOD_DAYS):
        raise RedactionRefused(
            _("The access must end between today and %(days)d days from now.") % {"days": MAX_PERIOD_DAYS},
            field="until",
        )
    investigator = User.objects.filter(
        username=username,
        role=User.Role.INVESTIGATOR,
        is_active=True,
        public_key__isnull=False,
        memberships__organization_id=report.organization_id,
    ).first()
    if investigator is None:
        raise RedactionRefused(
            _("Only an outside investigator account of this organization can be invited."), field="username"
        )
    with transaction.atomic():
        investigation, _created = Investigation.objects.update_or_create(
            report=report,
            investigator=investigator,
            defaults={
                "invited_by": access.user,
                "invited_on": today(),
                "until": until,
                "ended_on": None,
                "sealed_key": crypto.seal(bytes(investigator.public_key or b""), redaction_key),
            },
        )
        audit_record(actor=access.user, action=Action.INVESTIGATOR_INVITED, obj=report, subject=investigator)
    return investigation


def _investigation_of_case(*, access: CaseAccess, investigation_id: uuid.UUID | str) -> Investigation:
    try:
        key = investigation_id if isinstance(investigation_id, uuid.UUID) else uuid.UUID(str(investigation_id))
    except ValueError:
        raise NotFound() from None
    investigation = Investigation.objects.filter(pk=key, report=access.report).first()
    if investigation is None:
        raise NotFound()
    return investigation


def _investigation_end(*, investigation: Investigation, actor: User | None) -> None:
    with transaction.atomic():
        Investigation.objects.filter(pk=investigation.pk).update(sealed_key=b"", ended_on=today())
        audit_record(
            actor=actor, action=Action.INVESTIGATOR_ENDED, obj=investigation.report, subject=investigation.investigator
        )


def investigator_end(*, access: CaseAccess, investigation_id: uuid.UUID | str) -> None:
    """Any handler of the case ends an investigator's access before its date; their wrap of R goes."""
    _investigation_end(
        investigation=_investigation_of_case(access=access, investigation_id=investigation_id), actor=access.user
    )


def investigations_expire() -> int:
    """The daily sweep: investigations past their date lose the sealed key (access already stopped on the
    date itself, since every access checks it)."""
    expired = list(
        Investigation.objects.filter(ended_on__isnull=True, until__lt=today()).select_related("report", "investigator")
    )
    for investigation in expired:
        _investigation_end(investigation=investigation, actor=None)
    return len(expired)


def investigation_entry_add(*, access: InvestigationAccess, kind: str, body: str) -> InvestigationEntry:
    if kind not in InvestigationEntry.Kind.values:
        raise RedactionRefused(_("Choose a note, an interview log or findings."), field="kind")
    body = message_clean(body)
    investigation = access.investigation
    entry_id = uuid.uuid4()
    with transaction.atomic():
        locked = Investigation.objects.select_for_update().get(pk=investigation.pk)
        if not investigation_is_open(locked):  # ended between the opener's check and now
            raise investigation_ended(until=locked.until)
        entry = InvestigationEntry.objects.create(
            id=entry_id,
            investigation=investigation,
            kind=kind,
            body=crypto.aead_encrypt(
                access.redaction_key, body.encode(), ad=keys_sealed.ad_investigation_entry(investigation.pk, entry_id)
            ),
            created_on=today(),
        )
        audit_record(actor=access.user, action=Action.INVESTIGATION_ENTRY, obj=access.report)
    return entry


def investigation_findings_send(*, access: CaseAccess, entry_id: uuid.UUID | str) -> None:
    """A handler sends an investigator's findings summary to the reporter's thread (the investigator cannot
    write there: the thread is under the report key)."""
    try:
        key = entry_id if isinstance(entry_id, uuid.UUID) else uuid.UUID(str(entry_id))
    except ValueError:
        raise NotFound() from None
    entry = InvestigationEntry.objects.filter(
        pk=key, investigation__report=access.report, kind=InvestigationEntry.Kind.FINDINGS
    ).first()
    redaction_key = redaction_key_for_case(access=access)
    if entry is None or redaction_key is None:
        raise NotFound()
    body = crypto.aead_decrypt(
        redaction_key, bytes(entry.body), ad=keys_sealed.ad_investigation_entry(entry.investigation_id, entry.id)
    ).decode()
    with transaction.atomic():
        message_create_by_handler(access=access, body=_("Findings of the investigation:") + "\n\n" + body)
        InvestigationEntry.objects.filter(pk=entry.pk).update(sent_to_reporter_on=today())
        audit_record(actor=access.user, action=Action.INVESTIGATION_FINDINGS_SENT, obj=access.report)


def case_sealed_material_purge(*, report: Report) -> None:
    """Retention and four-eyes deletion take the redacted version, the investigators' work and the sealed
    identity with the rest of the case."""
    RedactedVersion.objects.filter(report=report).delete()
    RedactionLog.objects.filter(report=report).delete()
    Investigation.objects.filter(report=report).delete()
    IdentityDisclosure.objects.filter(report=report).delete()
    SealedIdentity.objects.filter(report=report).delete()
