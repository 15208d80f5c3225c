"""Matching escrow in the JSON API: the reporter's vault (`Authorization: Vault <receipt words>`) and the
counselor's matches (staff token; everyone but a counselor of the team gets 404)."""

import uuid
from datetime import date

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import APIKeyHeader
from pydantic import Field

from confide.api_auth import ApiRequest, StaffTokenAuth
from confide.api_schemas import Problem
from confide.audit.services import Action, audit_record
from confide.escrow.access import VaultAccess
from confide.escrow.counsel import MatchNotFound, counselor_access_get, match_entry_get, match_open, matches_list
from confide.escrow.identifiers import IdentifierError, identifiers_collect
from confide.escrow.keyholder import OprfRateLimited, OprfUnavailable
from confide.escrow.models import ThreadMessage
from confide.escrow.selectors import entry_group_get, entry_group_summary, vault_access_get, vault_view
from confide.escrow.services import (
    EscrowRefused,
    escrow_entry_create,
    escrow_entry_update,
    escrow_entry_withdraw,
    record_create,
    vault_create,
)
from confide.escrow.threads import thread_message_create, thread_messages_read
from confide.tenants.selectors import organization_for_intake

router = Router(tags=["escrow"])


class VaultAuth(APIKeyHeader):
    param_name = "Authorization"
    openapi_description = "The vault's receipt: `Authorization: Vault <eight words>`."

    def authenticate(self, request, key: str | None) -> VaultAccess:
        scheme, _sep, receipt = (key or "").partition(" ")
        access = vault_access_get(receipt=receipt if scheme.lower() == "vault" else "")
        if access is None:
            raise HttpError(401, _("This receipt does not open a vault."))
        return access

    def __call__(self, request):
        result = super().__call__(request)
        if result is None:
            raise HttpError(401, _("Send `Authorization: Vault <receipt words>`."))
        return result


vault_auth = VaultAuth()
staff_auth = StaffTokenAuth()


class VaultCreated(Schema):
    receipt: str
    created_on: date


class RecordIn(Schema):
    text: str = Field(max_length=20_000)


class RecordOut(Schema):
    id: str
    created_on: date
    text: str
    became: str


class IdentifiersIn(Schema):
    email: str = Field("", max_length=200)
    phone: str = Field("", max_length=200)
    handle: str = Field("", max_length=200)
    platform: str = Field("", max_length=40)
    name: str = Field("", max_length=200)


class EntryIn(Schema):
    person: IdentifiersIn
    text: str = Field(max_length=20_000)


class EntryTextIn(Schema):
    text: str = Field(max_length=20_000)


class IdentifierOut(Schema):
    kind: str
    value: str
    verified: bool


class EntryOut(Schema):
    id: str
    written_on: date
    text: str
    reported: bool
    identifiers: list[IdentifierOut]


class ThreadMessageOut(Schema):
    id: str
    author: str
    on: date
    body: str


class MessageIn(Schema):
    body: str = Field(max_length=10_000)


class VaultOut(Schema):
    verified: bool
    created_on: date
    records: list[RecordOut]
    entries: list[EntryOut]
    messages: list[ThreadMessageOut]


class FieldProblem(Schema):
    detail: str
    field: str | None = None


def _refused(error: Exception, field: str | None = None) -> Status:
    message = getattr(error, "message", None) or str(error)
    return Status(400, {"detail": message, "field": getattr(error, "field", field)})


@router.post(
    "/orgs/{org_slug}/vaults",
    operation_id="vault_create",
    response={201: VaultCreated, 404: Problem},
    summary="Open a vault; returns its receipt, once",
)
def create_vault(request: ApiRequest, org_slug: str):
    organization = organization_for_intake(slug=org_slug)
    if organization is None:
        return Status(404, {"detail": _("No organization takes reports at this address.")})
    created = vault_create(organization=organization)
    return Status(201, {"receipt": created.receipt, "created_on": created.vault.created_on})


@router.get("/vault", auth=vault_auth, operation_id="vault_get", response={200: VaultOut, 401: Problem})
def get_vault(request: ApiRequest):
    view = vault_view(access=request.auth)
    view["records"] = [vars(r) for r in view["records"]]
    return view


@router.post(
    "/vault/records", auth=vault_auth, operation_id="record_create", response={201: RecordOut, 400: FieldProblem}
)
def create_record(request: ApiRequest, payload: RecordIn):
    try:
        record = record_create(access=request.auth, text=payload.text)
    except EscrowRefused as error:
        return _refused(error)
    return Status(
        201, {"id": str(record.pk), "created_on": record.created_on, "text": payload.text.strip(), "became": ""}
    )


@router.post(
    "/vault/entries",
    auth=vault_auth,
    operation_id="escrow_entry_create",
    response={201: EntryOut, 400: FieldProblem, 429: Problem, 503: Problem},
    summary="Name a person by one or more identifiers; one sealed entry per identifier",
)
def create_entry(request: ApiRequest, payload: EntryIn):
    access: VaultAccess = request.auth
    try:
        identifiers = identifiers_collect(**payload.person.dict(), tenant=access.vault.organization.slug)
        group = escrow_entry_create(access=access, identifiers=identifiers, text=payload.text)
    except (IdentifierError, EscrowRefused) as error:
        return _refused(error)
    except OprfRateLimited:
        return Status(429, {"detail": _("Too many people named from this account today. Try again tomorrow.")})
    except OprfUnavailable:
        return Status(503, {"detail": _("Matching is unavailable right now. Please try again later.")})
    return Status(201, entry_group_summary(group))


@router.put(
    "/vault/entries/{entry_id}",
    auth=vault_auth,
    operation_id="escrow_entry_update",
    response={200: EntryOut, 400: FieldProblem, 404: Problem},
)
def update_entry(request: ApiRequest, entry_id: uuid.UUID, payload: EntryTextIn):
    group = entry_group_get(access=request.auth, group_id=entry_id)
    if group is None:
        return Status(404, {"detail": _("Not found.")})
    try:
        escrow_entry_update(access=request.auth, group=group, text=payload.text)
    except EscrowRefused as error:
        return _refused(error)
    return entry_group_summary(group)


@router.delete(
    "/vault/entries/{entry_id}",
    auth=vault_auth,
    operation_id="escrow_entry_withdraw",
    response={204: None, 404: Problem},
)
def withdraw_entry(request: ApiRequest, entry_id: uuid.UUID):
    group = entry_group_get(access=request.auth, group_id=entry_id)
    if group is None:
        return Status(404, {"detail": _("Not found.")})
    escrow_entry_withdraw(access=request.auth, group=group)
    return Status(204, None)


@router.post(
    "/vault/messages",
    auth=vault_auth,
    operation_id="vault_message_create",
    response={201: ThreadMessageOut, 400: FieldProblem},
)
def create_vault_message(request: ApiRequest, payload: MessageIn):
    access: VaultAccess = request.auth
    try:
        message = thread_message_create(
            vault_id=access.vault.pk,
            thread_key=access.thread_key,
            body=payload.body,
            author_kind=ThreadMessage.Author.REPORTER,
        )
    except EscrowRefused as error:
        return _refused(error)
    return Status(
        201, {"id": str(message.pk), "author": message.author_kind, "on": message.created_on, "body": payload.body}
    )


# Counselors


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


def _counselor(request: ApiRequest):
    access = counselor_access_get(user=request.auth.user, secret_key=request.auth.secret_key)
    if access is None:
        raise HttpError(404, _("Not found."))
    return access


def _match_out(match) -> dict:
    return {"id": str(match.pk), "found_on": match.found_on, "accounts": match.accounts, "verified": match.verified}


def _open(request: ApiRequest, match_id: uuid.UUID):
    access = _counselor(request)
    try:
        return access, match_open(access=access, match_id=match_id)
    except MatchNotFound:
        raise HttpError(404, _("Not found.")) from None


@router.get(
    "/escrow/matches",
    auth=staff_auth,
    operation_id="escrow_matches_list",
    response={200: list[MatchOut], 404: Problem},
)
def list_matches(request: ApiRequest):
    return [_match_out(m) for m in matches_list(access=_counselor(request))]


@router.get(
    "/escrow/matches/{match_id}",
    auth=staff_auth,
    operation_id="escrow_match_get",
    response={200: OpenedMatchOut, 404: Problem},
    summary="Open a match and read its entries (audited)",
)
def get_match(request: ApiRequest, match_id: uuid.UUID):
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
    auth=staff_auth,
    operation_id="escrow_thread_get",
    response={200: list[ThreadMessageOut], 404: Problem},
)
def get_thread(request: ApiRequest, match_id: uuid.UUID, entry_id: uuid.UUID):
    _access, opened = _open(request, match_id)
    try:
        entry = match_entry_get(opened=opened, entry_id=entry_id)
    except MatchNotFound:
        raise HttpError(404, _("Not found.")) from None
    return thread_messages_read(vault_id=entry.vault_id, thread_key=entry.thread_key)


@router.post(
    "/escrow/matches/{match_id}/entries/{entry_id}/messages",
    auth=staff_auth,
    operation_id="escrow_thread_message_create",
    response={201: ThreadMessageOut, 400: FieldProblem, 404: Problem},
    summary="Write to one reporter of a match, through their anonymous thread (audited)",
)
def create_thread_message(request: ApiRequest, match_id: uuid.UUID, entry_id: uuid.UUID, payload: MessageIn):
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
        return _refused(error)
    audit_record(actor=access.user, action=Action.ESCROW_MESSAGE, obj=opened.match)
    return Status(
        201, {"id": str(message.pk), "author": message.author_kind, "on": message.created_on, "body": payload.body}
    )
