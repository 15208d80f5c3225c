"""Staff operations of the JSON API. Every case lookup goes through case_access_get: not visible means 404."""

import uuid
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import PaginationBase, paginate
from pydantic import Field

from confide.audit.services import Action, audit_record
from confide.reports.access import CaseAccess
from confide.reports.models import Report
from confide.reports.selectors.staff import case_access_get, report_list_visible_to
from confide.reports.services.keyring import case_access_grant, case_conflict_declare
from confide.reports.services.messages import message_create_by_handler
from confide.reports.services.notes import case_labels_set, case_note_add
from confide.reports.services.workflow import (
    case_exclusion_record,
    case_feedback_deadline_set,
    case_lead_assign,
    report_category_update,
    report_status_update,
)
from confide.reports.uploads import uploads_discard
from confide.staff.api.auth import StaffRequest, staff_token
from confide.staff.documents import case_document, case_export_response, case_summary
from confide.web.downloads import attachment_download
from confide.web.schemas import (
    CaseStatus,
    FieldProblem,
    MessageOut,
    Problem,
    ReportDetail,
    ReportMessageIn,
    new_message_out,
)
from confide.web.uploads import checked_uploads

router = Router(tags=["staff"], auth=staff_token)


class CaseSummary(Schema):
    id: str
    reference: str
    organization: str
    status: str
    category: str
    submitted_on: date
    reporter_active_on: date
    awaiting_handler: bool
    outcome: str
    lead: str | None
    labels: list[str]
    acknowledge_by: date | None
    feedback_by: date | None


class NoteOut(Schema):
    id: str
    author: str
    body: str
    created_at: datetime


class CaseDetail(ReportDetail):
    case: CaseSummary
    notes: list[NoteOut]
    team: list[str]


class CaseFilter(Schema):
    status: CaseStatus | None = None


class StatusIn(Schema):
    status: CaseStatus
    outcome: Report.Outcome | None = None


class CategoryIn(Schema):
    category: Report.Category


class UsernameIn(Schema):
    username: str = Field(max_length=150)


class LabelsIn(Schema):
    labels: list[str] = Field(max_length=20)


def case_open(request: StaffRequest, case_id: object) -> CaseAccess:
    return case_access_get(user=request.auth.user, secret_key=request.auth.secret_key, report_id=str(case_id))


class CasePagination(PaginationBase):
    """Pages without a total, as the inbox's: counting every visible case is the slowest part of a large
    inbox (tens of milliseconds at 100,000 cases, bench/inbox.py), and a client needs the next page, not the
    count. One row past the page tells whether there is a next one; only the page's cases are summarised."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=100)
        offset: int = Field(0, ge=0, le=10_000_000)

    class Output(Schema):
        items: list[Any]
        next_offset: int | None = Field(None, description="The offset of the next page; null on the last page.")

    def paginate_queryset(self, queryset: QuerySet[Report], pagination: Any, request: HttpRequest, **params: Any):
        offset, limit = pagination.offset, pagination.limit
        reports = list(queryset[offset : offset + limit + 1])
        return {
            self.items_attribute: [case_summary(report) for report in reports[:limit]],
            "next_offset": offset + limit if len(reports) > limit else None,
        }


@router.get("/cases", operation_id="case_list", response=list[CaseSummary])
@paginate(CasePagination)
def list_cases(request: StaffRequest, filters: Query[CaseFilter]) -> QuerySet[Report]:
    reports = report_list_visible_to(user=request.auth.user).select_related("lead").prefetch_related("labels")
    if filters.status:
        reports = reports.filter(status=filters.status)
    return reports


@router.get("/cases/{case_id}", operation_id="case_get", response={200: CaseDetail, 404: Problem})
def get_case(request: StaffRequest, case_id: str):
    access = case_open(request, case_id)
    audit_record(actor=request.auth.user, action=Action.CASE_READ, obj=access.report)
    return Status(200, case_document(access=access))


@router.get(
    "/cases/{case_id}/export",
    operation_id="case_export",
    response={200: None, 404: Problem},
    summary="The whole case, decrypted, as a JSON file (recorded in the audit log)",
)
def export_case(request: StaffRequest, case_id: str):
    return case_export_response(access=case_open(request, case_id))


@router.post(
    "/cases/{case_id}/messages",
    operation_id="case_message_create",
    response={201: MessageOut, 400: FieldProblem, 404: Problem},
)
def create_message(request: StaffRequest, case_id: str, payload: ReportMessageIn):
    message = message_create_by_handler(access=case_open(request, case_id), body=payload.body)
    return Status(
        201,
        new_message_out(message=message, body=payload.body, uploads=[], author_name=request.auth.user.get_username()),
    )


@router.post(
    "/cases/{case_id}/status",
    operation_id="case_status_update",
    response={200: CaseSummary, 404: Problem, 409: Problem},
    summary="Move the case through its workflow; closing needs an outcome",
)
def update_status(request: StaffRequest, case_id: str, payload: StatusIn):
    report = report_status_update(
        access=case_open(request, case_id), status=payload.status, outcome=payload.outcome or ""
    )
    return Status(200, case_summary(report))


@router.post(
    "/cases/{case_id}/category",
    operation_id="case_category_update",
    response={200: CaseSummary, 400: Problem, 404: Problem},
    summary="File the case under another category (recorded in the audit log)",
)
def update_category(request: StaffRequest, case_id: str, payload: CategoryIn):
    report = report_category_update(access=case_open(request, case_id), category=payload.category)
    return Status(200, case_summary(report))


@router.post(
    "/cases/{case_id}/lead",
    operation_id="case_lead_assign",
    response={200: CaseSummary, 400: Problem, 404: Problem},
)
def assign_lead(request: StaffRequest, case_id: str, payload: UsernameIn):
    return Status(200, case_summary(case_lead_assign(access=case_open(request, case_id), username=payload.username)))


class DeadlineIn(Schema):
    feedback_by: date


@router.post(
    "/cases/{case_id}/deadline",
    operation_id="case_deadline_update",
    response={200: CaseSummary, 400: Problem, 404: Problem},
    summary="The lead brings the feedback deadline forward (never past the organization's policy)",
)
def update_deadline(request: StaffRequest, case_id: str, payload: DeadlineIn):
    access = case_open(request, case_id)
    return Status(200, case_summary(case_feedback_deadline_set(access=access, feedback_by=payload.feedback_by)))


@router.post(
    "/cases/{case_id}/notes",
    operation_id="case_note_create",
    response={201: NoteOut, 400: FieldProblem, 404: Problem},
    summary="An internal note: encrypted, staff only, never shown to the reporter",
)
def create_note(request: StaffRequest, case_id: str, payload: ReportMessageIn):
    note = case_note_add(access=case_open(request, case_id), body=payload.body)
    author = request.auth.user.get_username()
    return Status(
        201, {"id": str(note.id), "author": author, "body": payload.body.strip(), "created_at": note.created_at}
    )


@router.put(
    "/cases/{case_id}/labels",
    operation_id="case_labels_update",
    response={200: CaseSummary, 400: FieldProblem, 404: Problem},
)
def update_labels(request: StaffRequest, case_id: str, payload: LabelsIn):
    access = case_open(request, case_id)
    case_labels_set(access=access, names=payload.labels)
    return Status(200, case_summary(access.report))


@router.post(
    "/cases/{case_id}/attachments",
    operation_id="case_attachment_create",
    response={201: MessageOut, 400: FieldProblem, 404: Problem, 413: Problem},
    summary="Send files to the reporter (multipart field `files`), with an optional message `body`",
)
def create_attachments(
    request: StaffRequest, case_id: str, files: File[list[UploadedFile]] | None = None, body: Form[str] = ""
):
    try:
        access = case_open(request, case_id)
        uploads = checked_uploads(request, "files")
        message = message_create_by_handler(access=access, body=body, uploads=uploads)
    except Exception:
        uploads_discard(request.FILES.getlist("files"))  # a refused request keeps nothing it carried
        raise
    return Status(
        201, new_message_out(message=message, body=body, uploads=uploads, author_name=request.auth.user.get_username())
    )


@router.get(
    "/cases/{case_id}/attachments/{attachment_id}",
    operation_id="case_attachment_get",
    response={200: None, 404: Problem},
)
def get_attachment(request: StaffRequest, case_id: str, attachment_id: uuid.UUID):
    access = case_open(request, case_id)
    response = attachment_download(access=access, attachment_id=attachment_id)
    audit_record(actor=request.auth.user, action=Action.CASE_ATTACHMENT_READ, obj=access.report)
    return response


@router.post(
    "/cases/{case_id}/access",
    operation_id="case_access_grant",
    response={204: None, 400: Problem, 404: Problem},
    summary="Give a colleague of the same organization access, by sealing the case key to them",
)
def grant_access(request: StaffRequest, case_id: str, payload: UsernameIn):
    case_access_grant(access=case_open(request, case_id), username=payload.username)
    return Status(204, None)


@router.post(
    "/cases/{case_id}/exclusions",
    operation_id="case_exclusion_record",
    response={204: None, 400: Problem, 404: Problem},
    summary="The lead records a colleague's conflict of interest: their access ends and cannot return",
)
def record_conflict(request: StaffRequest, case_id: str, payload: UsernameIn):
    case_exclusion_record(access=case_open(request, case_id), username=payload.username)
    return Status(204, None)


@router.post(
    "/cases/{case_id}/conflict",
    operation_id="case_conflict_declare",
    response={204: None, 404: Problem},
    summary="Declare your own conflict of interest: your access ends now and cannot be granted again",
)
def declare_conflict(request: StaffRequest, case_id: str):
    case_conflict_declare(access=case_open(request, case_id))
    return Status(204, None)
