"""Staff operations of the JSON API. Every case lookup goes through case_access_get: not visible means 404."""

import uuid
from datetime import date

from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import Field

from confide.api_auth import ApiRequest, StaffTokenAuth
from confide.api_schemas import (
    CaseStatus,
    FieldProblem,
    MessageIn,
    MessageOut,
    Problem,
    ReportDetail,
    new_message_out,
    report_detail,
    report_fields,
)
from confide.audit.services import Action, audit_record
from confide.reports.access import CaseAccess
from confide.reports.downloads import attachment_download
from confide.reports.keyring import GrantRefused, case_access_grant, case_conflict_declare
from confide.reports.selectors import (
    case_access_get,
    report_list_visible_to,
    report_view,
)
from confide.reports.services import message_create_by_handler, report_status_update
from confide.reports.uploads import uploads_discard
from confide.upload_guard import checked_uploads

router = Router(tags=["staff"], auth=StaffTokenAuth())


class CaseSummary(Schema):
    id: str
    reference: str
    organization: str
    status: str
    category: str
    submitted_on: date
    reporter_active_on: date
    awaiting_handler: bool


class CaseFilter(Schema):
    status: CaseStatus | None = None


class StatusIn(Schema):
    status: CaseStatus


def _summary(report) -> dict:
    return {
        **report_fields(report),
        "reporter_active_on": report.reporter_active_on,
        "awaiting_handler": report.awaiting_handler,
    }


def _access(request: ApiRequest, case_id: str) -> CaseAccess:
    return case_access_get(user=request.auth.user, secret_key=request.auth.secret_key, report_id=case_id)


@router.get("/cases", operation_id="case_list", response=list[CaseSummary])
@paginate(LimitOffsetPagination)
def list_cases(request: ApiRequest, filters: Query[CaseFilter]):
    reports = report_list_visible_to(user=request.auth.user)
    if filters.status:
        reports = reports.filter(status=filters.status)
    return [_summary(r) for r in reports]


@router.get("/cases/{case_id}", operation_id="case_get", response={200: ReportDetail, 404: Problem})
def get_case(request: ApiRequest, case_id: str):
    access = _access(request, case_id)
    audit_record(actor=request.auth.user, action=Action.CASE_READ, obj=access.report)
    return Status(200, report_detail(report_view(access=access, for_staff=True)))


@router.post(
    "/cases/{case_id}/messages",
    operation_id="case_message_create",
    response={201: MessageOut, 400: FieldProblem, 404: Problem},
)
def create_message(request: ApiRequest, case_id: str, payload: MessageIn):
    message = message_create_by_handler(access=_access(request, case_id), body=payload.body)
    return Status(
        201,
        new_message_out(message=message, body=payload.body, uploads=[], author_name=request.auth.user.get_username()),
    )


@router.post(
    "/cases/{case_id}/status",
    operation_id="case_status_update",
    response={200: CaseSummary, 404: Problem, 409: Problem},
)
def update_status(request: ApiRequest, case_id: str, payload: StatusIn):
    report = report_status_update(access=_access(request, case_id), status=payload.status)
    return Status(200, _summary(report))


@router.post(
    "/cases/{case_id}/attachments",
    operation_id="case_attachment_create",
    response={201: MessageOut, 400: FieldProblem, 404: Problem, 413: Problem},
    summary="Send files to the reporter (multipart field `files`), with an optional message `body`",
)
def create_attachments(
    request: ApiRequest, case_id: str, files: File[list[UploadedFile]] | None = None, body: Form[str] = ""
):
    try:
        access = _access(request, case_id)
    except Exception:
        uploads_discard(request.FILES.getlist("files"))
        raise
    uploads = checked_uploads(request, "files")
    message = message_create_by_handler(access=access, body=body, uploads=uploads)
    return Status(
        201,
        new_message_out(message=message, body=body, uploads=uploads, author_name=request.auth.user.get_username()),
    )


@router.get(
    "/cases/{case_id}/attachments/{attachment_id}",
    operation_id="case_attachment_get",
    response={200: None, 404: Problem},
)
def get_attachment(request: ApiRequest, case_id: str, attachment_id: uuid.UUID):
    access = _access(request, case_id)
    response = attachment_download(access=access, attachment_id=attachment_id)
    audit_record(actor=request.auth.user, action=Action.CASE_ATTACHMENT_READ, obj=access.report)
    return response


class GrantIn(Schema):
    username: str = Field(max_length=150)


@router.post(
    "/cases/{case_id}/access",
    operation_id="case_access_grant",
    response={204: None, 400: Problem, 404: Problem},
    summary="Give a colleague of the same organization access, by sealing the case key to them",
)
def grant_access(request: ApiRequest, case_id: str, payload: GrantIn):
    try:
        case_access_grant(access=_access(request, case_id), username=payload.username)
    except GrantRefused as error:
        return Status(400, {"detail": str(error)})
    return Status(204, None)


@router.post(
    "/cases/{case_id}/conflict",
    operation_id="case_conflict_declare",
    response={204: None, 404: Problem},
    summary="Declare a conflict of interest: your access ends now and cannot be granted again",
)
def declare_conflict(request: ApiRequest, case_id: str):
    case_conflict_declare(access=_access(request, case_id))
    return Status(204, None)
