"""Counselor operations of the escrow API (staff token). Everyone but a counselor of the team gets 404:
selectors.counselor_access_get raises MatchNotFound, which web.api answers like any missing match."""

import uuid
from datetime import date

from ninja import Router, Schema, Status

from confide.escrow.access import CounselorAccess, OpenedMatch
from confide.escrow.models import Match
from confide.escrow.selectors.common import thread_messages_read
from confide.escrow.selectors.staff import counselor_access_get, match_entry_get, matches_list
from confide.escrow.services.counsel import match_message_create, match_open
from confide.staff.api.auth import StaffRequest, staff_token
from confide.web.schemas import FieldProblem, Problem
from confide.web.schemas_escrow import ThreadMessageOut, VaultMessageIn, message_out

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


def _counselor(request: StaffRequest) -> CounselorAccess:
    return counselor_access_get(user=request.auth.user, secret_key=request.auth.secret_key)


def _match_out(match: Match) -> dict:
    return {"id": str(match.pk), "found_on": match.found_on, "accounts": match.accounts, "verified": match.verified}


def _open(request: StaffRequest, match_id: uuid.UUID) -> tuple[CounselorAccess, OpenedMatch]:
    access = _counselor(request)
    return access, match_open(access=access, match_id=match_id)


@router.get(
    "/escrow/matches",
    auth=staff_token,
    operation_id="escrow_matches_list",
    response={200: list[MatchOut], 401: Problem, 404: Problem},
)
def list_matches(request: StaffRequest):
    return [_match_out(m) for m in matches_list(access=_counselor(request))]


@router.get(
    "/escrow/matches/{match_id}",
    auth=staff_token,
    operation_id="escrow_match_get",
    response={200: OpenedMatchOut, 401: Problem, 404: Problem},
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
    response={200: list[ThreadMessageOut], 401: Problem, 404: Problem},
)
def get_thread(request: StaffRequest, match_id: uuid.UUID, entry_id: uuid.UUID):
    _access, opened = _open(request, match_id)
    entry = match_entry_get(opened=opened, entry_id=entry_id)
    return thread_messages_read(vault_id=entry.vault_id, thread_key=entry.thread_key)


@router.post(
    "/escrow/matches/{match_id}/entries/{entry_id}/messages",
    auth=staff_token,
    operation_id="escrow_thread_message_create",
    response={201: ThreadMessageOut, 400: FieldProblem, 401: Problem, 404: Problem},
    summary="Write to one reporter of a match, through their anonymous thread (audited)",
)
def create_thread_message(request: StaffRequest, match_id: uuid.UUID, entry_id: uuid.UUID, payload: VaultMessageIn):
    access, opened = _open(request, match_id)
    entry = match_entry_get(opened=opened, entry_id=entry_id)
    message = match_message_create(access=access, opened=opened, entry=entry, body=payload.body)
    return Status(201, message_out(message, payload.body))
