"""A new report: encrypted, sealed to its handlers and committed before its receipt is shown."""

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from confide import crypto
from confide.core import keyfiles
from confide.core.clock import today
from confide.reports import keys
from confide.reports.access import IntakeTarget
from confide.reports.content import ReportContent
from confide.reports.models import Author, CaseExclusion, KeyWrap, Report
from confide.reports.naming import handlers_named
from confide.reports.services.attachments import attachments_add
from confide.reports.services.workflow import acknowledge_deadline
from confide.reports.uploads import EncryptedUpload

REFERENCE_ATTEMPTS = 5
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed by hand


@dataclass(frozen=True)
class SubmittedReport:
    report: Report
    receipt: str  # shown once to the reporter; never stored


def _reference() -> str:
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def report_submit(
    *,
    target: IntakeTarget,
    content: ReportContent,
    uploads: Sequence[EncryptedUpload] = (),
    language: str = crypto.DEFAULT_RECEIPT_LANGUAGE,
) -> SubmittedReport:
    """Encrypt and commit a report. Returns after the commit: a shown receipt means a kept report (G8). The
    receipt's words are in `language`, the reporter's."""
    report_id = uuid.uuid4()
    report_key = crypto.random_key()
    receipt = crypto.receipt_generate(language)
    normalised = crypto.receipt_normalise(receipt)
    ad = keys.ad_report(report_id)
    day = today()
    report = Report(
        id=report_id,
        organization_id=target.organization_id,
        reference=_reference(),
        category=content.category,
        submitted_on=day,
        reporter_active_on=day,
        acknowledge_by=acknowledge_deadline(submitted_on=day, acknowledge_days=target.acknowledge_days),
        receipt_lookup=crypto.receipt_lookup(normalised, pepper=keyfiles.pepper()),
        receipt_wrap=crypto.aead_encrypt(crypto.receipt_key(normalised), report_key, ad=ad),
        recovery_wrap=crypto.seal(keyfiles.recovery_public_key(), report_key),
        content=crypto.aead_encrypt(report_key, content.to_bytes(), ad=ad),
    )
    # The reporter's "keep these people out" takes effect before anyone can read: no wrap, and an exclusion.
    avoided = handlers_named(text=content.avoid_handlers, handlers=target.handler_names)
    wraps = [
        KeyWrap(report_id=report_id, user_id=user_id, sealed_key=crypto.seal(public_key, report_key))
        for user_id, public_key in target.handler_keys
        if user_id not in avoided
    ]
    exclusions = [CaseExclusion(report_id=report_id, user_id=user_id, recorded_on=day) for user_id in avoided]
    for attempt in range(REFERENCE_ATTEMPTS):
        # The unique index decides whether the random reference is free: no query in front of every insert.
        try:
            with transaction.atomic():
                report.save(force_insert=True)
                KeyWrap.objects.bulk_create(wraps)
                if exclusions:
                    CaseExclusion.objects.bulk_create(exclusions)
                if uploads:
                    attachments_add(
                        report=report,
                        report_key=report_key,
                        uploads=list(uploads),
                        author_kind=Author.REPORTER,
                    )
            break
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
            report.reference = _reference()
    return SubmittedReport(report=report, receipt=receipt)
