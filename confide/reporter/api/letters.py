"""Organizer and signer operations: anonymous, with a letter receipt (`Authorization: Receipt <words>`) or an
invitation token. The same services and rules as the pages; a refusal is raised and answered by the API's one
error map (confide/web/api.py)."""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Status

from confide.accounts.models import User
from confide.letters.access import InvitationAccess, ParticipantAccess
from confide.letters.content import LetterError, LetterNotFound, signature_build
from confide.letters.models import Letter
from confide.letters.selectors.common import contact_list, contact_name, letter_overview, signature_count
from confide.letters.selectors.reporter import (
    invitation_access_get,
    invitation_token,
    signature_own_read,
    vouch_account_ref_get,
)
from confide.letters.services.drafting import letter_draft_create
from confide.letters.services.drafting_once import letter_draft_create_once
from confide.letters.services.participants import organizer_message
from confide.letters.services.signatures import signature_create, signature_withdraw
from confide.reporter.api.auth import ParticipantRequest, letter_receipt
from confide.reporter.api.idempotency import idempotency_header, replayed_mark
from confide.reports.services.once import API, LETTER, once_for
from confide.tenants.selectors import organization_for_intake_get
from confide.verification.services import VerificationError, verification_confirm, verification_start
from confide.web.schemas import FieldProblem, Problem
from confide.web.schemas_letters import (
    ChallengeOut,
    ContactOut,
    Drafted,
    DraftIn,
    EmailIn,
    LetterMessageIn,
    LetterOut,
    MineOut,
    SignedOut,
    SignIn,
    letter_out,
)

router = Router(tags=["letters"])


def _invitation(token: str) -> InvitationAccess:
    access = invitation_access_get(token=token)
    if access is None:
        raise LetterNotFound()
    return access


def _verified(error: VerificationError, field: str) -> LetterError:
    """A verification refusal, as the letters refusal it is here (its words unchanged)."""
    return LetterError(error.message, field=field)


@router.get(
    "/orgs/{org_slug}/letters/contacts",
    operation_id="letter_contacts_list",
    response={200: list[ContactOut], 404: Problem},
)
def list_contacts(request: HttpRequest, org_slug: str):
    return [
        {"id": u.pk, "name": contact_name(u), "independent_body": u.role == User.Role.INDEPENDENT_BODY}
        for u in contact_list(organization=organization_for_intake_get(slug=org_slug))
    ]


@router.post(
    "/orgs/{org_slug}/letters",
    operation_id="letter_draft_create",
    response={201: Drafted, 400: FieldProblem, 404: Problem, 409: Problem, 429: Problem},
    description="Retried with the same `Idempotency-Key` header, it drafts the letter once (see the header). "
    "`status` is the draft's status when it was drafted.",
)
def create_draft(
    request: HttpRequest,
    org_slug: str,
    payload: DraftIn,
    response: HttpResponse,
    idempotency_key: str | None = idempotency_header("the letter is drafted"),
):
    organization = organization_for_intake_get(slug=org_slug)
    fields: dict[str, Any] = {
        "organization": organization,
        "title": payload.title,
        "text": payload.text,
        "request": payload.request,
        "recipient_ids": payload.recipients,
        "threshold": payload.threshold,
        "deadline": payload.deadline,
        "release_at_deadline": payload.release_at_deadline,
        "attendees": payload.attendees,
        "fingerprinted": payload.fingerprinted,
        "about_leadership": payload.about_leadership,
        "language": get_language(),
    }
    if idempotency_key is None:
        drafted = letter_draft_create(**fields)
        return Status(
            201, {"receipt": drafted.receipt, "invitation_token": drafted.token, "status": drafted.letter.status}
        )
    body = json.dumps(payload.dict(), sort_keys=True, default=str).encode()
    once = once_for(organization_id=organization.pk, channel=f"{API}:{LETTER}", token=idempotency_key, body=body)
    answer = letter_draft_create_once(once=once, **fields)
    replayed_mark(response, answer)
    return Status(201, {"receipt": answer.receipt, "invitation_token": answer.extra, "status": Letter.Status.REVIEW})


def _mine(access: ParticipantAccess) -> dict:
    overview = letter_overview(letter=access.letter, participant_key=access.participant_key)
    own = signature_own_read(access=access)
    return {
        **letter_out(overview),
        "role": "organizer" if access.is_organizer else "signer",
        "signature_id": str(access.signature.pk) if access.signature else None,
        "signature": own.__dict__ if own else None,
        "invitation_token": (
            invitation_token(letter=access.letter, participant_key=access.participant_key)
            if access.is_organizer
            else None
        ),
    }


@router.get("/letters/mine", auth=letter_receipt, operation_id="letter_get", response={200: MineOut, 401: Problem})
def get_mine(request: ParticipantRequest):
    return _mine(request.auth)


@router.post(
    "/letters/mine/messages",
    auth=letter_receipt,
    operation_id="letter_organizer_message",
    response={201: MineOut, 400: FieldProblem, 401: Problem, 403: Problem, 429: Problem},
    summary="The organizer writes to the third party (signers read it too; recipients never do)",
)
def write_message(request: ParticipantRequest, payload: LetterMessageIn):
    organizer_message(access=request.auth, body=payload.body)
    return Status(201, _mine(request.auth))


@router.delete(
    "/letters/signatures/{signature_id}",
    auth=letter_receipt,
    operation_id="signature_withdraw",
    response={204: None, 401: Problem, 404: Problem, 409: Problem},
)
def withdraw(request: ParticipantRequest, signature_id: str):
    signature_withdraw(access=request.auth, signature_id=signature_id)
    return Status(204, None)


@router.get(
    "/letters/invitations/{token}", operation_id="letter_invitation_get", response={200: LetterOut, 404: Problem}
)
def get_invitation(request: HttpRequest, token: str):
    access = _invitation(token)
    return letter_out(letter_overview(letter=access.letter, participant_key=access.participant_key))


@router.post(
    "/letters/invitations/{token}/verification",
    operation_id="letter_verification_start",
    response={200: ChallengeOut, 400: FieldProblem, 404: Problem, 429: Problem},
)
def start_verification(request: HttpRequest, token: str, payload: EmailIn):
    access = _invitation(token)
    try:
        challenge = verification_start(organization=access.letter.organization, email=payload.email)
    except VerificationError as error:
        raise _verified(error, "email") from None
    return {"challenge": str(challenge), "detail": _("If the address is on the staff list, a code is on its way.")}


@router.post(
    "/letters/invitations/{token}/signatures",
    operation_id="letter_sign",
    response={201: SignedOut, 400: FieldProblem, 404: Problem, 409: Problem},
)
def sign(request: HttpRequest, token: str, payload: SignIn):
    access = _invitation(token)
    content = signature_build(
        name=payload.name, role=payload.role, cohort=payload.cohort, visibility=payload.visibility
    )
    if payload.vouch:
        account_ref = vouch_account_ref_get(letter=access.letter, code=payload.vouch)
    elif payload.challenge and payload.code:
        try:
            account_ref = verification_confirm(
                organization=access.letter.organization, challenge_id=payload.challenge, code=payload.code
            ).account_ref
        except VerificationError as error:
            raise _verified(error, "code") from None
    else:
        raise LetterError(_("Send `challenge` and `code` from the verification, or a `vouch` code."))
    signed = signature_create(access=access, account_ref=account_ref, content=content, language=get_language())
    body = {
        "receipt": signed.receipt,
        "signature_id": str(signed.signature.pk),
        "signatures": signature_count(letter=access.letter),
    }
    return Status(201, body)
