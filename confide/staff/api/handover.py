"""Handing a case about the organization's leadership to an independent body, in the staff API (issue 13).
The case opens through case_access_get as for every other case operation: not visible means 404."""

from datetime import date

from ninja import Router, Schema, Status
from pydantic import Field

from confide.reports.selectors.holders import body_title
from confide.reports.services.handover import case_handover
from confide.staff.api.auth import StaffRequest, staff_token
from confide.staff.api.cases import case_open
from confide.web.schemas import FieldProblem, Problem

router = Router(tags=["staff"], auth=staff_token)


class HandoverIn(Schema):
    body: str = Field(max_length=150, description="The username of an independent body of the case's organization")
    note: str = Field("", description="For the body only, encrypted under the case key; the reporter never sees it")


class HandoverOut(Schema):
    id: str
    body: str
    title: str = Field(description="What the reporter is told holds the case")
    handed_on: date


@router.post(
    "/cases/{case_id}/handover",
    operation_id="case_handover",
    response={201: HandoverOut, 400: FieldProblem, 404: Problem},
    summary="The lead hands a case about the organization's leadership to one of its independent bodies",
    description="The case key is sealed to the body, the reporter's thread says which body holds the case, and "
    "the audit log records it. Only the lead, only a case marked as about leadership, only a body registered "
    "for the case's organization.",
)
def hand_over(request: StaffRequest, case_id: str, payload: HandoverIn):
    access = case_open(request, case_id)
    handover = case_handover(access=access, body_username=payload.body, note=payload.note)
    title = body_title(user_id=handover.body_id, organization_id=access.report.organization_id)
    return Status(201, {"id": str(handover.id), "body": payload.body, "title": title, "handed_on": handover.handed_on})
