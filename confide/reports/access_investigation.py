"""The outside investigator's unlocked handle: the redacted version's key R, never the report key."""

from dataclasses import dataclass

from confide.accounts.models import User
from confide.reports.models import Investigation, Report


@dataclass(frozen=True)
class InvestigationAccess:
    investigation: Investigation
    report: Report
    redaction_key: bytes
    user: User

    def __repr__(self) -> str:
        return f"InvestigationAccess(investigation={self.investigation.pk}, user={self.user.pk})"
