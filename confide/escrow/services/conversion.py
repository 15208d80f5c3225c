"""Turning what a vault holds into a report (the reporter decides; nothing becomes a case otherwise)."""

import uuid

from django.utils.translation import gettext as _

from confide import crypto
from confide.core.identifiers import identifier_display
from confide.escrow.access import VaultAccess
from confide.escrow.content import EscrowRefused
from confide.escrow.selectors.reporter import entry_group_get, record_get
from confide.escrow.services.entries import escrow_entry_mark_reported
from confide.escrow.services.records import record_mark
from confide.reports.content import content_build
from confide.reports.models import Report
from confide.reports.selectors.reporter import intake_target_get
from confide.reports.services.submit import SubmittedReport, report_submit


def _submit(
    access: VaultAccess,
    *,
    text: str,
    category: str,
    people: str = "",
    language: str,
    acknowledge_within: int | None = None,
) -> SubmittedReport:
    target = intake_target_get(slug=access.vault.organization.slug)
    if target is None:
        raise EscrowRefused(_("This organization does not take reports at the moment."))
    return report_submit(
        target=target,
        content=content_build(what_happened=text, category=category, people_involved=people),
        language=language,
        channel=Report.Channel.ESCROW,
        acknowledge_within=acknowledge_within,
    )


def record_to_report(
    *, access: VaultAccess, record_id: uuid.UUID, category: str, language: str = crypto.DEFAULT_RECEIPT_LANGUAGE
) -> SubmittedReport | None:
    """None when the vault has no such record."""
    found = record_get(access=access, record_id=record_id)
    if found is None:
        return None
    record, view = found
    submitted = _submit(access, text=view.text, category=category, language=language)
    record_mark(access=access, record=record, text=view.text, became="report")
    return submitted


def entry_to_report(
    *, access: VaultAccess, group_id: str, category: str, language: str = crypto.DEFAULT_RECEIPT_LANGUAGE
) -> SubmittedReport | None:
    """None when the vault has no such entry."""
    group = entry_group_get(access=access, group_id=group_id)
    if group is None:
        return None
    people = ", ".join(identifier_display(row.identifier) for row in group.rows)
    submitted = _submit(access, text=group.text, category=category, people=people, language=language)
    escrow_entry_mark_reported(access=access, group=group)
    return submitted


def checkin_to_report(*, access: VaultAccess, text: str, language: str, acknowledge_within: int) -> SubmittedReport:
    """A vault check-in's worrying answer as a retaliation report (escrow.services.checkins)."""
    return _submit(
        access,
        text=text,
        category=Report.Category.RETALIATION,
        language=language,
        acknowledge_within=acknowledge_within,
    )
