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
from confide.reports.services.identity import identity_seal_at_intake
from confide.reports.services.once import Answer, Once, Twin, once_run, submission_exists, submission_record
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
    once: Once | None = None,
    language: str = crypto.DEFAULT_RECEIPT_LANGUAGE,
    channel: str = Report.Channel.WEB,
    about_leadership: bool = False,
    acknowledge_within: int | None = None,
) -> SubmittedReport:
    """Encrypt and commit a report. Returns after the commit: a shown receipt means a kept report (G8). The
    receipt's words are in `language`, the reporter's. With `once`, the answer is kept for the same token in the
    same transaction (see report_submit_once). `acknowledge_within` shortens the organization's acknowledgement
    deadline for a report that cannot wait (a check-in's worrying answer)."""
    report_id = uuid.uuid4()
    report_key = crypto.random_key()
    receipt = crypto.receipt_generate(language)
    normalised = crypto.receipt_normalise(receipt)
    ad = keys.ad_report(report_id)
    day = today()
    acknowledge_days = target.acknowledge_days
    if acknowledge_within is not None:
        acknowledge_days = min(acknowledge_days, acknowledge_within)
    content, identity = identity_seal_at_intake(
        report_id=report_id, organization_id=target.organization_id, content=content
    )
    report = Report(
        id=report_id,
        organization_id=target.organization_id,
        reference=_reference(),
        category=content.category,
        channel=channel,
        about_leadership=about_leadership,
        named=not content.anonymous,
        submitted_on=day,
        reporter_active_on=day,
        acknowledge_by=acknowledge_deadline(submitted_on=day, acknowledge_days=acknowledge_days),
        receipt_lookup=crypto.receipt_lookup(normalised, pepper=keyfiles.pepper()),
        receipt_wrap=keys.receipt_wrap(report_id=report_id, normalised_receipt=normalised, report_key=report_key),
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
                identity.store()
                if exclusions:
                    CaseExclusion.objects.bulk_create(exclusions)
                if uploads:
                    attachments_add(
                        report=report,
                        report_key=report_key,
                        uploads=list(uploads),
                        author_kind=Author.REPORTER,
                    )
                if once is not None:
                    submission_record(
                        once=once, receipt=receipt, reference=report.reference, submitted_on=report.submitted_on
                    )
            break
        except IntegrityError:
            if once is not None and submission_exists(once=once):
                raise Twin from None
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
            report.reference = _reference()
    return SubmittedReport(report=report, receipt=receipt)


def report_submit_once(
    *,
    target: IntakeTarget,
    content: ReportContent,
    uploads: Sequence[EncryptedUpload] = (),
    once: Once,
    language: str = crypto.DEFAULT_RECEIPT_LANGUAGE,
    channel: str = Report.Channel.WEB,
    about_leadership: bool = False,
) -> Answer:
    """File a report at most once per token: the token used before (or by a twin request racing this one, which
    the unique lookup stops at commit) gets the answer the first request got, and nothing more is filed. Raises
    Spent or KeyReused as submission_answer does."""

    def create() -> Answer:
        submitted = report_submit(
            target=target,
            content=content,
            uploads=uploads,
            once=once,
            language=language,
            channel=channel,
            about_leadership=about_leadership,
        )
        return Answer(
            receipt=submitted.receipt,
            reference=submitted.report.reference,
            submitted_on=submitted.report.submitted_on,
            once_lookup=once.lookup,
            replayed=False,
        )

    return once_run(once=once, create=create)
