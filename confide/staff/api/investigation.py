"""Outside investigators in the staff API (issue 15): the lead invites one to a case; the investigator reads
the redacted version and writes their entries. Cases open through case_access_get, investigations through
investigation_access_get: anything not the caller's is the one 404, a period that is over a plain 403."""

from datetime import date

from ninja import Router, Schema, Status
from pydantic import Field

from confide.audit.services import Action, audit_record
from confide.reports.models import InvestigationEntry
from confide.reports.selectors.investigation import entries_get, investigation_access_get, redacted_document
from confide.reports.services.investigation import investigation_entry_add, investigator_invite
from confide.staff.api.auth import StaffRequest, staff_token
from confide.staff.api.cases import case_open
from confide.web.schemas import FieldProblem, Problem

router = Router(tags=["investigation"], auth=staff_token)


class InviteIn(Schema):
    username: str = Field(max_length=150, description="An outside investigator account of the case's organization")
    until: date = Field(description="The last day of access (inclusive), at most a year ahead")


class InvestigationOut(Schema):
    id: str
    case: str
    investigator: str
    until: date


class EntryIn(Schema):
    kind: InvestigationEntry.Kind
    body: str = Field(max_length=60_000)


class EntryOut(Schema):
    id: str
    kind: str
    body: str
    created_on: date


class InvestigationDetail(InvestigationOut):
    redacted: dict | None = Field(description="The account and thread with names and details replaced by labels")
    entries: list[EntryOut]


@router.post(
    "/cases/{case_id}/investigators",
    operation_id="case_investigator_invite",
    response={201: InvestigationOut, 400: FieldProblem, 404: Problem},
    summary="The lead invites an outside investigator to the redacted version until a date (audited)",
)
def invite(request: StaffRequest, case_id: str, payload: InviteIn):
    investigation = investigator_invite(
        access=case_open(request, case_id), username=payload.username, until=payload.until
    )
    return Status(
        201,
        InvestigationOut(
            id=str(investigation.pk), case=case_id, investigator=payload.username, until=investigation.until
        ),
    )


def _open(request: StaffRequest, investigation_id: str):
    unlocked = request.auth
    return investigation_access_get(
        user=unlocked.user, secret_key=unlocked.secret_key, investigation_id=investigation_id
    )


@router.get(
    "/investigations/{investigation_id}",
    operation_id="investigation_get",
    response={200: InvestigationDetail, 403: Problem, 404: Problem},
    summary="The investigator's redacted case and their entries (403 once the period is over)",
)
def get_investigation(request: StaffRequest, investigation_id: str):
    access = _open(request, investigation_id)
    audit_record(actor=access.user, action=Action.INVESTIGATION_READ, obj=access.report)
    entries = entries_get(investigation=access.investigation, redaction_key=access.redaction_key)
    return Status(
        200,
        InvestigationDetail(
            id=str(access.investigation.pk),
            case=str(access.report.pk),
            investigator=access.user.get_username(),
            until=access.investigation.until,
            redacted=redacted_document(report_id=access.report.pk, redaction_key=access.redaction_key),
            entries=[EntryOut(id=str(e.id), kind=e.kind, body=e.body, created_on=e.created_on) for e in entries],
        ),
    )


@router.post(
    "/investigations/{investigation_id}/entries",
    operation_id="investigation_entry_create",
    response={201: EntryOut, 400: FieldProblem, 403: Problem, 404: Problem},
    summary="A note, an interview log or findings, encrypted for the investigator and the case team",
)
def create_entry(request: StaffRequest, investigation_id: str, payload: EntryIn):
    entry = investigation_entry_add(access=_open(request, investigation_id), kind=payload.kind, body=payload.body)
    return Status(
        201, EntryOut(id=str(entry.id), kind=entry.kind, body=payload.body.strip(), created_on=entry.created_on)
    )
