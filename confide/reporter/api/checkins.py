"""Retaliation check-ins in the reporter's JSON API (issue 13), opened with the report's receipt."""

import uuid
from datetime import date

from ninja import Router, Schema, Status
from pydantic import Field

from confide.reporter.api.auth import ReporterRequest, report_receipt
from confide.reports.models import CheckIn
from confide.reports.selectors.checkins import checkins_answered, checkins_pending
from confide.reports.services.checkins import checkin_answer
from confide.web.schemas import FieldProblem, Problem

router = Router(tags=["reporter"])


class CheckInOut(Schema):
    id: uuid.UUID
    due_on: date
    answer: str = Field(description="Empty while unanswered; else one of " + ", ".join(CheckIn.Answer.values))
    answered_on: date | None
    respond_by: date | None = Field(description='"worries": the day a case handler answers by')
    case_reference: str | None = Field(description='"worse": the reference of the retaliation case it opened')


class CheckInAnswerIn(Schema):
    answer: str = Field(description=", ".join(CheckIn.Answer.values))
    details: str = Field("", description="Optional: what happened (encrypted; into the thread or the new case)")


def _out(checkin: CheckIn) -> CheckInOut:
    return CheckInOut(
        id=checkin.id,
        due_on=checkin.due_on,
        answer=checkin.answer,
        answered_on=checkin.answered_on,
        respond_by=checkin.respond_by,
        case_reference=checkin.case.reference if checkin.case_id and checkin.case else None,
    )


@router.get(
    "/reporter/checkins",
    auth=report_receipt,
    operation_id="reporter_checkins_list",
    response=list[CheckInOut],
    summary="The report's check-ins, waiting ones first",
)
def list_checkins(request: ReporterRequest):
    report = request.auth.report
    return [_out(c) for c in checkins_pending(report=report) + checkins_answered(report=report)]


@router.post(
    "/reporter/checkins/{checkin_id}/answer",
    auth=report_receipt,
    operation_id="reporter_checkin_answer",
    response={200: CheckInOut, 400: FieldProblem, 404: Problem, 409: Problem},
    summary='Answer a check-in: "nothing", "worries" (a handler answers within 7 days) or "worse" (opens a '
    "linked retaliation case, acknowledged within 2 days)",
)
def answer_checkin(request: ReporterRequest, checkin_id: str, payload: CheckInAnswerIn):
    checkin = checkin_answer(access=request.auth, checkin_id=checkin_id, answer=payload.answer, details=payload.details)
    return Status(200, _out(checkin))
