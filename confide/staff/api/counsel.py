"""Counselor operations of the escrow API (staff token). Everyone but a counselor of the team gets 404."""

import uuid
from datetime import date

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from confide.audit.services import Action, audit_record
from confide.escrow.counsel import MatchNotFound, counselor_access_get, match_entry_get, match_open, matches_list
from confide.escrow.models import ThreadMessage
from confide.escrow.services import EscrowRefused
from confide.escrow.threads import thread_message_create, thread_messages_read
from confide.staff.api.auth import StaffRequest, staff_token
from confide.web.schemas import Problem
from confide.web.schemas_escrow import FieldProblem, MessageIn, ThreadMessageOut, message_out, refused

router = Router()


class MatchOut(Schema):
    id: str
    found_on: date
    accounts: int
    verified: bool


class OpenedEntryOut(Schema):
    id: str
    kind: str
    identifier: str
    text: str
    written_on: date
    organization: str
    verified: bool


class OpenedMatchOut(MatchOut):
    openable: bool
    entries: list[OpenedEntryOut]


def _counselor(request: StaffRequest):
    access = counselor_access_get(user=request.auth.user, secret_key=request.auth.secret_key)
    if access is None:
        raise HttpError(404, _("Not found."))
    return access


def _match_out(match) -> dict:
    return {"id": str(match.pk), "found_on": match.found_on, "accounts": match.accounts, "verified": match.verified}


def _open(request: StaffRequest, match_id: uuid.UUID):
    access = _counselor(request)
    try:
        return access, match_open(access=access, match_id=match_id)
    except MatchNotFound:
        raise HttpError(404, _("Not found.")) from None


@router.get(
    "/escrow/matches",
    auth=staff_token,
    operation_id="escrow_matches_list",
    response={200: list[MatchOut], 404: Problem},
)
def list_matches(request: StaffRequest):
    return [_match_out(m) for m in matches_list(access=_counselor(request))]


@router.get(
    "/escrow/matches/{match_id}",
    auth=staff_token,
    operation_id="escrow_match_get",
    response={200: OpenedMatchOut, 404: Problem},
    summary="Open a match and read its entries (audited)",
)
def get_match(request: StaffRequest, match_id: uuid.UUID):
    _access, opened = _open(request, match_id)
    entries = [
        {
            "id": str(e.id),
            "kind": e.kind,
            "identifier": e.identifier,
            "text": e.text,
            "written_on": e.written_on,
            "organization": e.organization,
            "verified": e.verified,
        }
        for e in opened.entries
    ]
    return {**_match_out(opened.match), "openable": opened.openable, "entries": entries}


@router.get(
    "/escrow/matches/{match_id}/entries/{entry_id}/messages",
    auth=staff_token,
    operation_id="escrow_thread_get",
    response={200: list[ThreadMessageOut], 404: Problem},
)
def get_thread(request: StaffRequest, match_id: uuid.UUID, entry_id: uuid.UUID):
    _access, opened = _open(request, match_id)
    try:
        entry = match_entry_get(opened=opened, entry_id=entry_id)
    except MatchNotFound:
        raise HttpError(404, _("Not found.")) from None
    return thread_messages_read(vault_id=entry.vault_id, thread_key=entry.thread_key)


@router.post(
    "/escrow/matches/{match_id}/entries/{entry_id}/messages",
    auth=staff_token,
    operation_id="escrow_thread_message_create",
    response={201: ThreadMessageOut, 400: FieldProblem, 404: Problem},
    summary="Write to one reporter of a match, through their anonymous thread (audited)",
)
def create_thread_message(request: StaffRequest, match_id: uuid.UUID, entry_id: uuid.UUID, payload: MessageIn):
    access, opened = _open(request, match_id)
    try:
        entry = match_entry_get(opened=opened, entry_id=entry_id)
    except MatchNotFound:
        raise HttpError(404, _("Not found.")) from None
    try:
        message = thread_message_create(
            vault_id=entry.vault_id,
            thread_key=entry.thread_key,
            body=payload.body,
            author_kind=ThreadMessage.Author.COUNSELOR,
            author=access.user,
        )
    except EscrowRefused as error:
        return refused(error)
    audit_record(actor=access.user, action=Action.ESCROW_MESSAGE, obj=opened.match)
    return Status(201, message_out(message, payload.body))
