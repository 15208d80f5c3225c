"""Who holds the key to a report, in the reporter's API (issue 13): the same list as the thread page, the
request that a holder be excluded, and the identity consent for an independent body. Nothing is recorded."""

from datetime import date

from ninja import Router, Schema, Status
from pydantic import Field

from confide.reporter.api.auth import ReporterRequest, report_receipt
from confide.reports.selectors.holders import holders_page_get
from confide.reports.services.exclusion_asks import holder_exclusion_ask
from confide.reports.services.handover import handover_identity_share, handover_identity_withdraw
from confide.web.schemas import FieldProblem, Problem

router = Router(tags=["reporter"])


class HolderOut(Schema):
    slot: int = Field(description="Stable position in this list; name it to ask that this holder be excluded")
    label: str = Field(description='Role and stable pseudonym, e.g. "Case handler B"')
    holds_key: bool
    independent_body: bool
    given_access_on: date | None
    stepped_away_on: date | None = Field(description="The day they stepped away for a conflict of interest")
    read_on: list[date]
    exported_on: list[date]
    exclusion_request: str | None = Field(
        description="null: never asked; pending, excluded, or answered (the lead answered in the thread)"
    )
    exclusion_requested_on: date | None
    exclusion_decided_on: date | None


class HoldersOut(Schema):
    holders: list[HolderOut]
    held_by_independent_body: bool
    identity_shared_on: date | None = Field(description="Since when the independent body may see the identity")


class ExclusionIn(Schema):
    slot: int = Field(ge=0, le=10_000)


def _request_state(outcome: str | None) -> str | None:
    if outcome is None:
        return None
    return outcome or "pending"


@router.get(
    "/reporter/holders",
    auth=report_receipt,
    operation_id="reporter_holders_get",
    response=HoldersOut,
    summary="Everyone who holds the key to this report, by role and pseudonym, with days only",
)
def get_holders(request: ReporterRequest):
    page = holders_page_get(access=request.auth)
    return {
        "holders": [
            {
                "slot": h.slot,
                "label": h.label,
                "holds_key": h.holds_key,
                "independent_body": h.is_body,
                "given_access_on": h.given_access_on,
                "stepped_away_on": h.stepped_away_on,
                "read_on": h.read_on,
                "exported_on": h.exported_on,
                "exclusion_request": _request_state(h.request_outcome),
                "exclusion_requested_on": h.requested_on,
                "exclusion_decided_on": h.decided_on,
            }
            for h in page.holders
        ],
        "held_by_independent_body": page.held_by_body,
        "identity_shared_on": page.identity_shared_on,
    }


@router.post(
    "/reporter/holders/exclusion-requests",
    auth=report_receipt,
    operation_id="reporter_holder_exclusion_request",
    response={204: None, 400: FieldProblem, 429: Problem},
    summary="Ask that a holder be excluded; the lead excludes them or answers in the thread",
)
def ask_exclusion(request: ReporterRequest, payload: ExclusionIn):
    holder_exclusion_ask(access=request.auth, slot=payload.slot)
    return Status(204, None)


@router.put(
    "/reporter/identity-consent",
    auth=report_receipt,
    operation_id="reporter_identity_share",
    response={204: None, 400: Problem, 429: Problem},
    summary="Let the independent body holding the case see the reporter's name and contact",
)
def share_identity(request: ReporterRequest):
    handover_identity_share(access=request.auth)
    return Status(204, None)


@router.delete(
    "/reporter/identity-consent",
    auth=report_receipt,
    operation_id="reporter_identity_withdraw",
    response={204: None, 429: Problem},
    summary="Hide the reporter's name and contact from the independent body again",
)
def withdraw_identity(request: ReporterRequest):
    handover_identity_withdraw(access=request.auth)
    return Status(204, None)
