"""What the case page shows of outside investigators and the sealed identity (issue 15), for the case's own
template to include. Reads only: the forms post to confide.staff.investigation."""

from dataclasses import dataclass

from confide.reports.access import CaseAccess
from confide.reports.models import IdentityDisclosure, InvestigationEntry
from confide.reports.redaction import rules_text
from confide.reports.selectors.identity import (
    DisclosedIdentity,
    case_disclosure_get,
    case_identity_get,
    case_identity_sealed,
)
from confide.reports.selectors.investigation import CaseInvestigation, case_investigation_get


@dataclass(frozen=True)
class InvestigationPanel:
    investigation: CaseInvestigation
    rules: str
    identity_sealed: bool
    disclosure: IdentityDisclosure | None
    identity: DisclosedIdentity | None
    is_lead: bool
    findings_kind: str = InvestigationEntry.Kind.FINDINGS


def investigation_panel(*, access: CaseAccess) -> InvestigationPanel:
    investigation = case_investigation_get(access=access)
    return InvestigationPanel(
        investigation=investigation,
        rules=rules_text(investigation.mapping),
        identity_sealed=case_identity_sealed(access=access),
        disclosure=case_disclosure_get(access=access),
        identity=case_identity_get(access=access),
        is_lead=access.report.lead_id == access.user.pk,
    )
