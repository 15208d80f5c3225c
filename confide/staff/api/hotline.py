"""Call-taker operations of the JSON API: the same rules and services as the console. The caller's receipt
travels in request bodies only (never a URL) and is not kept."""

import dataclasses
from datetime import date
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from confide.hotline.draft import sounds_like, spelled
from confide.hotline.selectors import Line, LineNotFound, callback_throttled, is_call_taker, line_get, line_list_for
from confide.hotline.services import (
    AlreadyFiled,
    LineClosed,
    hotline_callback_open,
    hotline_callback_reply,
    hotline_report_submit,
)
from confide.reports.content import content_build
from confide.reports.selectors.common import report_view
from confide.staff.api.auth import StaffRequest, staff_token
from confide.web.schemas import FieldProblem, MessageIn, MessageOut, Problem, ReportDetail, ReportIn, new_message_out
from confide.web.schemas import report_detail as report_detail_out

router = Router(tags=["hotline"], auth=staff_token)

NOT_A_LINE = gettext_lazy("No line you take calls for is at this address.")
NO_MATCH = gettext_lazy("No report matches this receipt.")
ALREADY_FILED = gettext_lazy("This call's report is already filed: nothing was filed a second time.")
THROTTLED = gettext_lazy("Too many receipts that did not match from this account. Wait 15 minutes before trying again.")


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


class CallbackMessageIn(MessageIn):
    receipt: str = Field(max_length=200)


def _call_taker(request: StaffRequest):
    user = request.auth.user
    if not is_call_taker(user=user):
        raise HttpError(403, _("The hotline is for call-takers."))
    return user


def _line(request: StaffRequest, org_slug: str) -> Line:
    try:
        return line_get(user=_call_taker(request), slug=org_slug)
    except LineNotFound:
        raise HttpError(404, str(NOT_A_LINE)) from None


def _hours(line: Line) -> str:
    hotline = line.hotline
    if hotline is None:
        return ""
    return f"{hotline.open_days} {hotline.opens_at:%H:%M}-{hotline.closes_at:%H:%M} {hotline.time_zone}"


@router.get("/hotline/lines", operation_id="hotline_line_list", response={200: list[LineOut], 403: Problem})
def list_lines(request: StaffRequest):
    """The organizations the call-taker takes calls for, and whether each line is open now."""
    lines = line_list_for(user=_call_taker(request), now=timezone.now())
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
    response={201: PhoneSubmitted, 400: FieldProblem, 403: Problem, 404: Problem, 409: Problem},
    summary="File a caller's report after read-back and consent; returns the receipt to read to the caller",
)
def submit(request: StaffRequest, org_slug: str, payload: PhoneReportIn):
    line = _line(request, org_slug)
    if not payload.consent_read_back:
        return Status(
            400,
            {
                "detail": _("The caller's consent to this record is needed before it can be filed."),
                "field": "consent_read_back",
            },
        )
    fields = payload.dict(exclude={"language", "consent_read_back", "read_back_id"})
    content = dataclasses.replace(
        content_build(**fields), channel="phone", language=payload.language, consent_read_back=True
    )
    try:
        submitted = hotline_report_submit(
            user=request.auth.user,
            organization=line.organization,
            content=content,
            read_back_nonce=payload.read_back_id,
        )
    except LineClosed:
        raise HttpError(404, str(NOT_A_LINE)) from None
    except AlreadyFiled:
        return Status(409, {"detail": str(ALREADY_FILED)})
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
    response={200: ReportDetail, 400: Problem, 403: Problem, 404: Problem, 429: Problem},
    summary="Read a caller's report and replies with the receipt they give, for this call only",
)
def callback_open(request: StaffRequest, org_slug: str, payload: ReceiptIn):
    line = _line(request, org_slug)
    if callback_throttled(user=request.auth.user):
        return Status(429, {"detail": str(THROTTLED)})
    access = hotline_callback_open(user=request.auth.user, organization=line.organization, receipt=payload.receipt)
    if access is None:
        return Status(400, {"detail": str(NO_MATCH)})
    return report_detail_out(report_view(access=access, for_staff=False))


@router.post(
    "/hotline/orgs/{org_slug}/callback/messages",
    operation_id="hotline_callback_reply",
    response={201: MessageOut, 400: FieldProblem | Problem, 403: Problem, 404: Problem, 429: Problem},
    summary="Post the caller's answer as the reporter, with the receipt they give",
)
def callback_reply(request: StaffRequest, org_slug: str, payload: CallbackMessageIn):
    line = _line(request, org_slug)
    if callback_throttled(user=request.auth.user):
        return Status(429, {"detail": str(THROTTLED)})
    result = hotline_callback_reply(
        user=request.auth.user, organization=line.organization, receipt=payload.receipt, body=payload.body
    )
    if result is None:
        return Status(400, {"detail": str(NO_MATCH)})
    if result.problem or result.message is None:
        return Status(400, {"detail": result.problem, "field": "body"})
    return Status(
        201, new_message_out(message=result.message, body=payload.body, uploads=[], author_name=_("Reporter"))
    )
