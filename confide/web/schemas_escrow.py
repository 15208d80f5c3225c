"""Shapes shared by the escrow API of both doors: the anonymous thread's messages. Errors use
web.schemas.Problem and FieldProblem, answered by web.api's handlers."""

from datetime import date

from ninja import Schema
from pydantic import Field

from confide.escrow.content import MESSAGE_MAX_CHARS
from confide.escrow.models import ThreadMessage


class ThreadMessageOut(Schema):
    id: str
    author: str
    on: date
    body: str


class VaultMessageIn(Schema):
    """A message of a vault's thread (a report's message is web.schemas.MessageIn, with its own limit)."""

    body: str = Field(max_length=MESSAGE_MAX_CHARS)


def message_out(message: ThreadMessage, body: str) -> dict:
    return {"id": str(message.pk), "author": message.author_kind, "on": message.created_on, "body": body}
