"""Unlocked handles on a report: proof that the caller holds the report key, for one request only.
Frozen, and their repr never shows a key: the selectors (confide.reports.selectors) are the only makers."""

import uuid
from dataclasses import dataclass, field

from confide.accounts.models import User
from confide.reports.models import Report


@dataclass(frozen=True)
class ReporterAccess:
    report: Report
    report_key: bytes

    def __repr__(self) -> str:
        return f"ReporterAccess(report={self.report.pk})"


@dataclass(frozen=True)
class CaseAccess:
    report: Report
    report_key: bytes
    user: User

    def __repr__(self) -> str:
        return f"CaseAccess(report={self.report.pk}, user={self.user.pk})"


@dataclass(frozen=True)
class IntakeTarget:
    """Where a new report goes: an organization taking reports, and the keys of its eligible handlers."""

    organization_id: uuid.UUID
    slug: str
    name: str
    handler_keys: list[tuple[int, bytes]]
    acknowledge_days: int = 7
    # user id -> (username, first name, last name), to honour a reporter's "keep these people out".
    handler_names: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    # False only when the organization has never had questions: the submission then skips looking them up.
    has_questions: bool = True

    def __repr__(self) -> str:
        return f"IntakeTarget({self.slug}, handlers={len(self.handler_keys)})"
