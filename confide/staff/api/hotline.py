"""Call-taker operations of the JSON API: the same rules and services as the console. The caller's receipt
travels in request bodies only (never a URL) and is not kept."""

import dataclasses
from datetime import date
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from confide.core.spelling import sounds_like, spelled
from confide.hotline.access import Line
from confide.hotline.content import ConsentMissing
from confide.hotline.selectors import line_get, line_list_for
from confide.hotline.services import (
    callback_access_open,
    hotline_callback_open,
    hotline_callback_reply,
    hotline_report_submit,
)
from confide.questions.selectors.forms import answers_for_report
from confide.reports.content import content_build
from confide.reports.selectors.common import report_view
from confide.staff.api.auth import StaffRequest, staff_token
from confide.web.schemas import (
    FieldProblem,
    MessageOut,
    Problem,
    ReportDetail,
    ReportIn,
    ReportMessageIn,
    new_message_out,
)
from confide.web.schemas import report_detail as report_detail_out

# Every refusal (LineNotFound, NotACallTaker, ConsentMissing, AlreadyFiled, NoSuchReceipt, CallbackThrottled,
# ContentError) is answered by the API's one error map (web.api, web.errors), with its status and sentence.
router = Router(tags=["hotline"], auth=staff_token)


class LineOut(Schema):
    organization: str
    name: str
    open_now: bool
    phone_number: str
    hours: str
    out_of_hours_message: str


class PhoneReportIn(ReportIn):
    language: Literal["en", "es"] = Field(description="The language the caller spoke.")
    consent_read_back: bool = Field(
        description="The account was read back to the caller, who corrected it and consented to the record. "
        "Filing is refused without it."
    )
    read_back_id: str = Field(
        "",
        max_length=100,
        description="Optional: a random value the client draws once per read-back. Sending it again files nothing "
        "more and answers 409, so a retried request never files the call twice.",
    )


class SpelledWord(Schema):
    word: str
    letters: list[str]
    sounds_like: str = Field("", description="A word this one may be heard as: spell it letter by letter.")


class PhoneSubmitted(Schema):
    receipt: str
    spelling: list[SpelledWord]
    reference: str
    submitted_on: date


class ReceiptIn(Schema):
    receipt: str = Field(max_length=200)


class CallbackMessageIn(ReportMessageIn):
    receipt: str = Field(max_length=200)


def _line(request: StaffRequest, org_slug: str) -> Line:
    return line_get(user=request.auth.user, slug=org_slug)


def _hours(line: Line) -> str:
    hotline = line.hotline
    if hotline is None:
        return ""
    return f"{hotline.open_days} {hotline.opens_at:%H:%M}-{hotline.closes_at:%H:%M} {hotline.time_zone}"


@router.get("/hotline/lines", operation_id="hotline_line_list", response={200: list[LineOut], 403: Problem})
def list_lines(request: StaffRequest):
    """The organizations the call-taker takes calls for, and whether each line is open now."""
    lines = line_list_for(user=request.auth.user, now=timezone.now())
    return [
        {
            "organization": line.organization.slug,
            "name": line.organization.name,
            "open_now": line.open_now,
            "phone_number": line.hotline.phone_number if line.hotline else "",
            "hours": _hours(line),
            "out_of_hours_message": line.hotline.out_of_hours_message if line.hotline else "",
        }
        for line in lines
    ]


@router.post(
    "/hotline/orgs/{org_slug}/reports",
    operation_id="hotline_report_submit",
    response={201: PhoneSubmitted, 400: FieldProblem, 404: Problem, 409: Problem},
    summary="File a caller's report after read-back and consent; returns the receipt to read to the caller",
)
def submit(request: StaffRequest, org_slug: str, payload: PhoneReportIn):
    line = _line(request, org_slug)
    if not payload.consent_read_back:
        raise ConsentMissing()
    fields = payload.dict(exclude={"language", "consent_read_back", "read_back_id", "answers", "about_leadership"})
    answers = answers_for_report(organization_id=line.organization.pk, given=payload.answers, language=payload.language)
    content = dataclasses.replace(
        content_build(**fields), channel="phone", language=payload.language, consent_read_back=True, answers=answers
    )
    submitted = hotline_report_submit(
        user=request.auth.user,
        organization=line.organization,
        content=content,
        read_back_nonce=payload.read_back_id,
        about_leadership=payload.about_leadership,
    )
    return Status(
        201,
        {
            "receipt": submitted.receipt,
            "spelling": [
                {"word": w, "letters": spelled(w), "sounds_like": sounds_like(w)} for w in submitted.receipt.split()
            ],
            "reference": submitted.report.reference,
            "submitted_on": submitted.report.submitted_on,
        },
    )


@router.post(
    "/hotline/orgs/{org_slug}/callback",
    operation_id="hotline_callback_open",
    response={200: ReportDetail, 400: FieldProblem, 404: Problem, 429: Problem},
    summary="Read a caller's report and replies with the receipt they give, for this call only",
)
def callback_open(request: StaffRequest, org_slug: str, payload: ReceiptIn):
    line = _line(request, org_slug)
    access = hotline_callback_open(user=request.auth.user, organization=line.organization, receipt=payload.receipt)
    return report_detail_out(report_view(access=access, for_staff=False))


@router.post(
    "/hotline/orgs/{org_slug}/callback/messages",
    operation_id="hotline_callback_reply",
    response={201: MessageOut, 400: FieldProblem, 404: Problem, 429: Problem},
    summary="Post the caller's answer as the reporter, with the receipt they give",
)
def callback_reply(request: StaffRequest, org_slug: str, payload: CallbackMessageIn):
    line, user = _line(request, org_slug), request.auth.user
    access = callback_access_open(user=user, organization=line.organization, receipt=payload.receipt)
    message = hotline_callback_reply(user=user, access=access, organization=line.organization, body=payload.body)
    return Status(201, new_message_out(message=message, body=payload.body, uploads=[], author_name=_("Reporter")))
