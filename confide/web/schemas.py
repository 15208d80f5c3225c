"""Shapes shared by the reporter and staff APIs."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from ninja import Schema
from pydantic import Field

from confide.reports.content import LIMITS, MESSAGE_MAX_CHARS
from confide.reports.models import Message, Report
from confide.reports.selectors.common import AttachmentInfo, MessageView, ReportView
from confide.reports.uploads import EncryptedUpload
from confide.web.schemas_questions import ANSWERS_DESCRIPTION

Category = Report.Category
CaseStatus = Report.Status


class Problem(Schema):
    detail: str


class FieldProblem(Schema):
    """Every refusal that names the input at fault (confide.core.errors.Refused.field); the one shape."""

    detail: str
    field: str | None = None


class ValidationProblem(Schema):
    """Input that does not fit the schema (422): a sentence, and pydantic's list of what was wrong where."""

    detail: str
    errors: list[dict]


class ContentOut(Schema):
    what_happened: str
    category: str
    when: str
    where: str
    people_involved: str
    anonymous: bool
    name: str
    contact: str
    avoid_handlers: str
    # Hotline (issue 6): "phone" for reports a call-taker filed, with the language spoken and the consent.
    channel: str = "web"
    language: str = ""
    consent_read_back: bool = False
    # The organization's own questions (issue 15): {"form", "number", "questions", "values"}, or {} without.
    answers: dict[str, Any] = Field(default_factory=dict)
    # Issue 15: a name or contact was given and is sealed apart (name and contact empty here).
    identity_sealed: bool = False


class AttachmentOut(Schema):
    id: str
    name: str
    content_type: str
    size: int
    author: str


class MessageOut(Schema):
    id: str
    author: str
    author_name: str
    body: str
    created_on: date
    attachments: list[AttachmentOut]


class ReportMessageIn(Schema):
    """A message on a report (or a case note): its own component, with the report's limit."""

    body: str = Field(max_length=MESSAGE_MAX_CHARS)


class ReportIn(Schema):
    what_happened: str = Field(max_length=LIMITS["what_happened"])
    category: Category
    when: str = Field("", max_length=LIMITS["when"])
    where: str = Field("", max_length=LIMITS["where"])
    people_involved: str = Field("", max_length=LIMITS["people_involved"])
    anonymous: bool = True
    name: str = Field("", max_length=LIMITS["name"])
    contact: str = Field("", max_length=LIMITS["contact"])
    avoid_handlers: str = Field("", max_length=LIMITS["avoid_handlers"])
    answers: dict[str, Any] = Field(default_factory=dict, description=ANSWERS_DESCRIPTION)
    # About the candidate or senior leadership: kept from every contact, may go to an independent body.
    about_leadership: bool = False


class ReportDetail(Schema):
    id: str
    reference: str
    organization: str
    status: str
    category: str
    submitted_on: date
    content: ContentOut
    messages: list[MessageOut]
    attachments: list[AttachmentOut]


def attachment_out(info: AttachmentInfo) -> dict:
    return {
        "id": str(info.id),
        "name": info.name,
        "content_type": info.content_type,
        "size": info.size,
        "author": info.author_kind,
    }


def message_out(message: MessageView) -> dict:
    return {
        "id": str(message.id),
        "author": message.author_kind,
        "author_name": message.author_name,
        "body": message.body,
        "created_on": message.created_on,
        "attachments": [attachment_out(a) for a in message.attachments],
    }


def report_fields(report: Report) -> dict:
    """The clear metadata of a report, as both the reporter and the staff API show it."""
    return {
        "id": str(report.pk),
        "reference": report.reference,
        "organization": report.organization.slug,
        "status": report.status,
        "category": report.category,
        "submitted_on": report.submitted_on,
    }


def report_detail(view: ReportView) -> dict:
    return {
        **report_fields(view.report),
        "content": view.content.__dict__,
        "messages": [message_out(m) for m in view.messages],
        "attachments": [attachment_out(a) for a in view.attachments],
    }


def new_message_out(*, message: Message, body: str, uploads: Sequence[EncryptedUpload], author_name: str) -> dict:
    return {
        "id": str(message.id),
        "author": message.author_kind,
        "author_name": author_name,
        "body": body.strip(),
        "created_on": message.created_on,
        "attachments": [
            {
                "id": str(u.attachment_id),
                "name": u.name,
                "content_type": u.content_type,
                "size": u.size,
                "author": message.author_kind,
            }
            for u in uploads
        ],
    }
