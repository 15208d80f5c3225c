"""The reporter's vault in the JSON API (`Authorization: Vault <receipt words>`): records, sealed entries,
the counselor's thread, turning either into a report. Verifying an address: vault_verify. Refusals are raised,
not caught: web.api answers them (`{"detail", "field"}`, Retry-After when the reporter may try again)."""

import uuid
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from ninja import Router, Schema, Status
from pydantic import Field

from confide.core.errors import NotFound
from confide.core.identifiers import identifiers_collect
from confide.escrow.content import TEXT_MAX_CHARS, EntryGroup
from confide.escrow.models import ThreadMessage
from confide.escrow.selectors.reporter import entry_group_get, entry_group_summary, vault_view
from confide.escrow.services.conversion import entry_to_report, record_to_report
from confide.escrow.services.entries import escrow_entry_create, escrow_entry_update, escrow_entry_withdraw
from confide.escrow.services.records import record_create, record_delete
from confide.escrow.services.threads import thread_message_create
from confide.escrow.services.vaults import vault_create, vault_create_once
from confide.reporter.api.auth import VaultRequest, vault_receipt
from confide.reporter.api.idempotency import idempotency_header, replayed_mark
from confide.reports.services.once import API, VAULT, once_for
from confide.reports.services.submit import SubmittedReport
from confide.tenants.selectors import organization_for_intake_get
from confide.web.schemas import FieldProblem, Problem
from confide.web.schemas_escrow import ThreadMessageOut, VaultMessageIn, message_out

router = Router()


class VaultCreated(Schema):
    receipt: str
    created_on: date


class RecordIn(Schema):
    text: str = Field(max_length=TEXT_MAX_CHARS)


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
    text: str = Field(max_length=TEXT_MAX_CHARS)


class EntryTextIn(Schema):
    text: str = Field(max_length=TEXT_MAX_CHARS)


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


class VaultOut(Schema):
    verified: bool
    created_on: date
    records: list[RecordOut]
    entries: list[EntryOut]
    messages: list[ThreadMessageOut]


@router.post(
    "/orgs/{org_slug}/vaults",
    operation_id="vault_create",
    response={201: VaultCreated, 404: Problem, 429: Problem},
    summary="Open a vault; returns its receipt, once",
    description="Retried with the same `Idempotency-Key` header, it opens one vault (see the header).",
)
def create_vault(
    request: HttpRequest,
    org_slug: str,
    response: HttpResponse,
    idempotency_key: str | None = idempotency_header("the vault is opened"),
):
    organization = organization_for_intake_get(slug=org_slug)
    if idempotency_key is None:
        created = vault_create(organization=organization, language=get_language())
        return Status(201, {"receipt": created.receipt, "created_on": created.vault.created_on})
    once = once_for(organization_id=organization.pk, channel=f"{API}:{VAULT}", token=idempotency_key)
    answer = vault_create_once(organization=organization, once=once, language=get_language())
    replayed_mark(response, answer)
    return Status(201, {"receipt": answer.receipt, "created_on": answer.submitted_on})


@router.get("/vault", auth=vault_receipt, operation_id="vault_get", response={200: VaultOut, 401: Problem})
def get_vault(request: VaultRequest):
    view = vault_view(access=request.auth)
    view["records"] = [vars(r) for r in view["records"]]
    return view


@router.post(
    "/vault/records",
    auth=vault_receipt,
    operation_id="record_create",
    response={201: RecordOut, 400: FieldProblem, 401: Problem, 429: Problem},
)
def create_record(request: VaultRequest, payload: RecordIn):
    record = record_create(access=request.auth, text=payload.text)
    return Status(
        201, {"id": str(record.pk), "created_on": record.created_on, "text": payload.text.strip(), "became": ""}
    )


@router.delete(
    "/vault/records/{record_id}",
    auth=vault_receipt,
    operation_id="record_delete",
    response={204: None, 401: Problem, 404: Problem},
)
def delete_record(request: VaultRequest, record_id: uuid.UUID):
    if not record_delete(access=request.auth, record_id=record_id):
        raise NotFound()
    return Status(204, None)


@router.post(
    "/vault/entries",
    auth=vault_receipt,
    operation_id="escrow_entry_create",
    response={201: EntryOut, 400: FieldProblem, 401: Problem, 429: Problem, 503: Problem},
    summary="Name a person by one or more identifiers; one sealed entry per identifier",
)
def create_entry(request: VaultRequest, payload: EntryIn):
    access = request.auth
    identifiers = identifiers_collect(**payload.person.dict(), tenant=access.vault.organization.slug)
    group = escrow_entry_create(access=access, identifiers=identifiers, text=payload.text)
    return Status(201, entry_group_summary(group))


def _group(request: VaultRequest, entry_id: uuid.UUID) -> EntryGroup:
    group = entry_group_get(access=request.auth, group_id=entry_id)
    if group is None:
        raise NotFound()
    return group


@router.put(
    "/vault/entries/{entry_id}",
    auth=vault_receipt,
    operation_id="escrow_entry_update",
    response={200: EntryOut, 400: FieldProblem, 401: Problem, 404: Problem},
)
def update_entry(request: VaultRequest, entry_id: uuid.UUID, payload: EntryTextIn):
    group = _group(request, entry_id)
    escrow_entry_update(access=request.auth, group=group, text=payload.text)
    return entry_group_summary(group)


@router.delete(
    "/vault/entries/{entry_id}",
    auth=vault_receipt,
    operation_id="escrow_entry_withdraw",
    response={204: None, 401: Problem, 404: Problem},
)
def withdraw_entry(request: VaultRequest, entry_id: uuid.UUID):
    escrow_entry_withdraw(access=request.auth, group=_group(request, entry_id))
    return Status(204, None)


@router.post(
    "/vault/messages",
    auth=vault_receipt,
    operation_id="vault_message_create",
    response={201: ThreadMessageOut, 400: FieldProblem, 401: Problem, 429: Problem},
)
def create_vault_message(request: VaultRequest, payload: VaultMessageIn):
    access = request.auth
    message = thread_message_create(
        vault_id=access.vault.pk,
        thread_key=access.thread_key,
        body=payload.body,
        author_kind=ThreadMessage.Author.REPORTER,
    )
    return Status(201, message_out(message, payload.body))


# Turning a record or an entry into a report, and verifying an address, from the vault


class ToReportIn(Schema):
    category: str = Field(max_length=40)


class ReportMade(Schema):
    receipt: str
    reference: str
    submitted_on: date


def _report_made(submitted: SubmittedReport | None) -> Status:
    if submitted is None:
        raise NotFound()
    report = submitted.report
    return Status(
        201, {"receipt": submitted.receipt, "reference": report.reference, "submitted_on": report.submitted_on}
    )


@router.post(
    "/vault/records/{record_id}/report",
    auth=vault_receipt,
    operation_id="record_to_report",
    response={201: ReportMade, 400: FieldProblem, 401: Problem, 404: Problem, 429: Problem},
    summary="Send a record as a report; returns the report's own receipt, once",
)
def record_report(request: VaultRequest, record_id: uuid.UUID, payload: ToReportIn):
    return _report_made(
        record_to_report(access=request.auth, record_id=record_id, category=payload.category, language=get_language())
    )


@router.post(
    "/vault/entries/{entry_id}/report",
    auth=vault_receipt,
    operation_id="escrow_entry_to_report",
    response={201: ReportMade, 400: FieldProblem, 401: Problem, 404: Problem, 429: Problem},
    summary="Send an entry as a report (the reporter's choice); returns the report's own receipt, once",
)
def entry_report(request: VaultRequest, entry_id: uuid.UUID, payload: ToReportIn):
    return _report_made(
        entry_to_report(access=request.auth, group_id=str(entry_id), category=payload.category, language=get_language())
    )
