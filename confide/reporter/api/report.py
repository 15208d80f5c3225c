"""Reporter operations of the JSON API: the same rules and services as the reporter pages."""

import dataclasses
import json
import uuid
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from confide.core.throttle import write_allow
from confide.questions.selectors.forms import answers_for_report
from confide.reporter.api.auth import ReporterRequest, report_receipt
from confide.reporter.api.idempotency import idempotency_header, replayed_mark
from confide.reports.content import content_build
from confide.reports.models import Report
from confide.reports.selectors.common import report_view
from confide.reports.selectors.reporter import intake_target_get
from confide.reports.services.messages import message_create_by_reporter
from confide.reports.services.once import API, once_for, submission_answer
from confide.reports.services.submit import report_submit, report_submit_once
from confide.reports.uploads import uploads_discard
from confide.web.downloads import attachment_download
from confide.web.schemas import (
    FieldProblem,
    MessageOut,
    Problem,
    ReportDetail,
    ReportIn,
    ReportMessageIn,
    new_message_out,
    report_detail,
)
from confide.web.uploads import checked_uploads

router = Router(tags=["reporter"])


class Submitted(Schema):
    receipt: str
    reference: str
    submitted_on: date


IDEMPOTENCY_HEADER = idempotency_header("the report is filed")


@router.post(
    "/orgs/{org_slug}/reports",
    operation_id="report_submit",
    response={201: Submitted, 400: FieldProblem, 404: Problem, 409: Problem},
    summary="File a report; returns the receipt once the report is committed",
    description="Retried with the same `Idempotency-Key` header, it files the report once (see the header).",
)
def submit(
    request: HttpRequest,
    org_slug: str,
    payload: ReportIn,
    response: HttpResponse,
    idempotency_key: str | None = IDEMPOTENCY_HEADER,
):
    target = intake_target_get(slug=org_slug)
    if target is None:
        return Status(404, {"detail": _("No organization takes reports at this address.")})
    fields = payload.dict(exclude={"answers"})
    about_leadership = bool(fields.pop("about_leadership"))
    content = content_build(**fields)
    answers = answers_for_report(
        organization_id=target.organization_id,
        given=payload.answers,
        language=get_language(),
        has_questions=target.has_questions,
    )
    content = dataclasses.replace(content, answers=answers)
    if idempotency_key is None:
        write_allow(scope="intake", organization_id=target.organization_id)
        submitted = report_submit(
            target=target,
            content=content,
            language=get_language(),
            channel=Report.Channel.API,
            about_leadership=about_leadership,
        )
        return Status(201, _submitted(submitted.receipt, submitted.report.reference, submitted.report.submitted_on))
    body = json.dumps(payload.dict(), sort_keys=True).encode()
    once = once_for(organization_id=target.organization_id, channel=API, token=idempotency_key, body=body)
    answer = submission_answer(once=once)  # raises KeyReused (409) for another body
    if answer is None:
        write_allow(scope="intake", organization_id=target.organization_id)
        answer = report_submit_once(
            target=target,
            content=content,
            once=once,
            language=get_language(),
            channel=Report.Channel.API,
            about_leadership=about_leadership,
        )
    replayed_mark(response, answer)
    return Status(201, _submitted(answer.receipt, answer.reference, answer.submitted_on))


def _submitted(receipt: str, reference: str, submitted_on: date) -> dict:
    return {"receipt": receipt, "reference": reference, "submitted_on": submitted_on}


@router.get("/reporter/report", auth=report_receipt, operation_id="reporter_report_get", response=ReportDetail)
def get_report(request: ReporterRequest):
    return report_detail(report_view(access=request.auth, for_staff=False))


@router.post(
    "/reporter/messages",
    auth=report_receipt,
    operation_id="reporter_message_create",
    response={201: MessageOut, 400: FieldProblem},
)
def create_message(request: ReporterRequest, payload: ReportMessageIn):
    message = message_create_by_reporter(access=request.auth, body=payload.body)
    return Status(201, new_message_out(message=message, body=payload.body, uploads=[], author_name=_("Reporter")))


@router.post(
    "/reporter/attachments",
    auth=report_receipt,
    operation_id="reporter_attachment_create",
    response={201: MessageOut, 400: FieldProblem, 413: Problem},
    summary="Send files (multipart field `files`), with an optional message `body`",
)
def create_attachments(request: ReporterRequest, files: File[list[UploadedFile]] | None = None, body: Form[str] = ""):
    try:
        uploads = checked_uploads(request, "files")
        message = message_create_by_reporter(access=request.auth, body=body, uploads=uploads)
    except Exception:
        uploads_discard(request.FILES.getlist("files"))  # a refused request keeps nothing it carried
        raise
    return Status(201, new_message_out(message=message, body=body, uploads=uploads, author_name=_("Reporter")))


@router.get(
    "/reporter/attachments/{attachment_id}",
    auth=report_receipt,
    operation_id="reporter_attachment_get",
    response={200: None, 404: Problem},
)
def get_attachment(request: ReporterRequest, attachment_id: uuid.UUID):
    return attachment_download(access=request.auth, attachment_id=attachment_id)
