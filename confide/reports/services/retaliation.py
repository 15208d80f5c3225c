"""A retaliation case opened by the reporter's check-in answer "I have been treated worse" (issue 13).

It is a report of its own (category `retaliation`, its own key K', thread, deadlines and audit trail), linked to
the original with CaseLink.Kind.RETALIATION. It has no receipt of its own: the reporter reaches it through the
original thread, so K' is wrapped under the original report key K, `receipt_wrap = AEAD(K, K', ad =
"linked-case:" ‖ case id ‖ original id)`, which only the original's receipt opens (crypto.md §3: R opens K, K
opens K'). Its receipt lookup is random bytes that match no receipt, as a purged report's. Staff get K' sealed
exactly to the handlers who hold the original's key, never to one excluded from it (G4), and to the recovery key.
"""

import secrets
import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.core import keyfiles
from confide.core.clock import today
from confide.reports import keys
from confide.reports.access import ReporterAccess
from confide.reports.checkin_rules import RETALIATION_ACKNOWLEDGE_DAYS
from confide.reports.content import content_build
from confide.reports.models import CaseExclusion, CaseLink, KeyWrap, Report
from confide.reports.services.messages import message_create_by_reporter
from confide.reports.services.submit import REFERENCE_ALPHABET, REFERENCE_ATTEMPTS


def _reference() -> str:
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def retaliation_case_key(*, access: ReporterAccess, case: Report) -> bytes:
    return keys.linked_case_key(
        report_key=access.report_key, original_id=access.report.pk, case_id=case.pk, wrap=bytes(case.receipt_wrap)
    )


def _open_case_of(access: ReporterAccess) -> Report | None:
    """The retaliation case this thread opened before, while it is still open: a second "treated worse" adds to
    it rather than opening another."""
    return (
        Report.objects.filter(
            checkin_origins__report=access.report, purged_on__isnull=True, links_out__target=access.report
        )
        .exclude(status=Report.Status.CLOSED)
        .order_by("-submitted_on")
        .first()
    )


def retaliation_case_open(*, access: ReporterAccess, details: str = "") -> Report:
    """Opens (or adds to) the retaliation case; due for acknowledgement in 2 days, led by the original's lead."""
    existing = _open_case_of(access)
    if existing is not None:
        case_access = ReporterAccess(report=existing, report_key=retaliation_case_key(access=access, case=existing))
        message_create_by_reporter(
            access=case_access, body=details or _("I answered a check-in again: I have been treated worse.")
        )
        return existing
    original = access.report
    case_id = uuid.uuid4()
    case_key = crypto.random_key()
    content = content_build(
        what_happened=details
        or _("I answered a check-in: I have been treated worse since I spoke up (case %(reference)s).")
        % {"reference": original.reference},
        category=Report.Category.RETALIATION,
    )
    day = today()
    case = Report(
        id=case_id,
        organization_id=original.organization_id,
        reference=_reference(),
        category=Report.Category.RETALIATION,
        channel=original.channel,
        about_leadership=original.about_leadership,  # kept from every contact, as the original is
        lead_id=original.lead_id,
        submitted_on=day,
        reporter_active_on=day,
        acknowledge_by=day + timedelta(days=RETALIATION_ACKNOWLEDGE_DAYS),
        receipt_lookup=crypto.random_bytes(32),
        receipt_wrap=crypto.aead_encrypt(access.report_key, case_key, ad=keys.ad_linked_case(case_id, original.pk)),
        recovery_wrap=crypto.seal(keyfiles.recovery_public_key(), case_key),
        content=crypto.aead_encrypt(case_key, content.to_bytes(), ad=keys.ad_report(case_id)),
    )
    holders = KeyWrap.objects.filter(report=original, user__is_active=True, user__public_key__isnull=False).values_list(
        "user_id", "user__public_key"
    )
    wraps = [
        KeyWrap(report_id=case_id, user_id=user_id, sealed_key=crypto.seal(bytes(public_key), case_key))
        for user_id, public_key in holders
        if public_key is not None
    ]
    exclusions = [
        CaseExclusion(report_id=case_id, user_id=user_id, recorded_on=day)
        for user_id in CaseExclusion.objects.filter(report=original).values_list("user_id", flat=True)
    ]
    for attempt in range(REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():
                case.save(force_insert=True)
                KeyWrap.objects.bulk_create(wraps)
                CaseExclusion.objects.bulk_create(exclusions)
                CaseLink.objects.create(source=case, target=original, kind=CaseLink.Kind.RETALIATION, created_on=day)
                for report in (case, original):  # each trail shows the link, dated to the day as the reporter's act
                    audit_record(actor=None, action=Action.CASE_LINKED, obj=report, day_only=True)
            break
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
            case.reference = _reference()
    return case
