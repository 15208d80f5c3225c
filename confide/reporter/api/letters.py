"""Organizer and signer operations: anonymous, with a letter receipt (`Authorization: Receipt <words>`) or an
invitation token. The same services and rules as the pages."""

from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from confide.letters.access import InvitationAccess, ParticipantAccess
from confide.letters.content import LetterError, signature_build
from confide.letters.membership import VerificationError, verification_confirm, verification_start
from confide.letters.participants import organizer_message
from confide.letters.selectors import (
    contact_name,
    contacts_of,
    invitation_access_get,
    invitation_token,
    letter_overview,
    signature_count,
    signature_own_read,
)
from confide.letters.services import letter_draft_create, signature_create, signature_withdraw, vouch_account_ref
from confide.reporter.api.auth import ParticipantRequest, letter_receipt
from confide.tenants.models import Organization
from confide.tenants.selectors import organization_for_intake
from confide.web.schemas_letters import (
    ChallengeOut,
    ContactOut,
    Drafted,
    DraftIn,
    EmailIn,
    LetterOut,
    MessageIn,
    MineOut,
    SignedOut,
    SignIn,
    letter_out,
    refuse,
)

router = Router(tags=["letters"])


def _organization(slug: str) -> Organization:
    organization = organization_for_intake(slug=slug)
    if organization is None:
        raise HttpError(404, _("No organization at this address."))
    return organization


def _invitation(token: str) -> InvitationAccess:
    access = invitation_access_get(token=token)
    if access is None:
        raise HttpError(404, _("This invitation does not match a circulating letter."))
    return access


@router.get("/orgs/{org_slug}/letters/contacts", operation_id="letter_contacts_list", response=list[ContactOut])
def list_contacts(request: ParticipantRequest, org_slug: str):
    return [{"id": u.pk, "name": contact_name(u)} for u in contacts_of(organization=_organization(org_slug))]


@router.post("/orgs/{org_slug}/letters", operation_id="letter_draft_create", response={201: Drafted})
def create_draft(request: ParticipantRequest, org_slug: str, payload: DraftIn):
    organization = _organization(org_slug)
    try:
        drafted = letter_draft_create(
            organization=organization,
            title=payload.title,
            text=payload.text,
            request=payload.request,
            recipient_ids=payload.recipients,
            threshold=payload.threshold,
            deadline=payload.deadline,
            release_at_deadline=payload.release_at_deadline,
            attendees=payload.attendees,
            fingerprinted=payload.fingerprinted,
        )
    except LetterError as error:
        raise refuse(error) from None
    return Status(201, {"receipt": drafted.receipt, "invitation_token": drafted.token, "status": drafted.letter.status})


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


@router.get("/letters/mine", auth=letter_receipt, operation_id="letter_get", response=MineOut)
def get_mine(request: ParticipantRequest):
    return _mine(request.auth)


@router.post(
    "/letters/mine/messages",
    auth=letter_receipt,
    operation_id="letter_organizer_message",
    response={201: MineOut},
    summary="The organizer writes to the third party (signers read it too; recipients never do)",
)
def write_message(request: ParticipantRequest, payload: MessageIn):
    try:
        organizer_message(access=request.auth, body=payload.body)
    except LetterError as error:
        raise refuse(error) from None
    return Status(201, _mine(request.auth))


@router.delete(
    "/letters/signatures/{signature_id}", auth=letter_receipt, operation_id="signature_withdraw", response={204: None}
)
def withdraw(request: ParticipantRequest, signature_id: str):
    try:
        signature_withdraw(access=request.auth, signature_id=signature_id)
    except LetterError as error:
        raise refuse(error) from None
    return Status(204, None)


@router.get("/letters/invitations/{token}", operation_id="letter_invitation_get", response=LetterOut)
def get_invitation(request: ParticipantRequest, token: str):
    access = _invitation(token)
    return letter_out(letter_overview(letter=access.letter, participant_key=access.participant_key))


@router.post(
    "/letters/invitations/{token}/verification", operation_id="letter_verification_start", response=ChallengeOut
)
def start_verification(request: ParticipantRequest, token: str, payload: EmailIn):
    access = _invitation(token)
    try:
        challenge = verification_start(organization=access.letter.organization, email=payload.email)
    except VerificationError as error:
        raise HttpError(400, error.message) from None
    return {"challenge": str(challenge), "detail": _("If the address is on the staff list, a code is on its way.")}


@router.post("/letters/invitations/{token}/signatures", operation_id="letter_sign", response={201: SignedOut})
def sign(request: ParticipantRequest, token: str, payload: SignIn):
    access = _invitation(token)
    try:
        content = signature_build(
            name=payload.name, role=payload.role, cohort=payload.cohort, visibility=payload.visibility
        )
        if payload.vouch:
            account_ref = vouch_account_ref(letter=access.letter, code=payload.vouch)
        elif payload.challenge and payload.code:
            account_ref = verification_confirm(
                organization=access.letter.organization, challenge_id=payload.challenge, code=payload.code
            ).account_ref
        else:
            raise HttpError(400, _("Send `challenge` and `code` from the verification, or a `vouch` code."))
        signed = signature_create(access=access, account_ref=account_ref, content=content)
    except VerificationError as error:
        raise HttpError(400, error.message) from None
    except LetterError as error:
        raise refuse(error) from None
    body = {
        "receipt": signed.receipt,
        "signature_id": str(signed.signature.pk),
        "signatures": signature_count(letter=access.letter),
    }
    return Status(201, body)
