"""Shared pieces of the escrow API: the vault's authentication and the error shape."""

from datetime import date

from ninja import Schema, Status
from pydantic import Field


class FieldProblem(Schema):
    detail: str
    field: str | None = None


class ThreadMessageOut(Schema):
    id: str
    author: str
    on: date
    body: str


class MessageIn(Schema):
    body: str = Field(max_length=10_000)


def refused(error: Exception, field: str | None = None) -> Status:
    message = getattr(error, "message", None) or str(error)
    return Status(400, {"detail": message, "field": getattr(error, "field", None) or field})


def message_out(message, body: str) -> dict:
    return {"id": str(message.pk), "author": message.author_kind, "on": message.created_on, "body": body}
