"""The reporter door's openers: a letter through the organizer's or a signer's receipt, or through the
invitation link. Each answers None for a malformed, wrong or foreign secret alike, at the same cost (no oracle),
so the caller chooses the one answer it gives."""

import re

from django.utils.translation import gettext as _

from confide import crypto
from confide.core.receipts import receipt_normalise_or_decoy
from confide.letters import keys
from confide.letters.access import InvitationAccess, ParticipantAccess
from confide.letters.content import LetterError, SignatureContent
from confide.letters.models import Letter, Signature, Vouch
from confide.tenants.models import Organization

_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,100}")


def participant_access_get(*, receipt: str, organization: Organization | None = None) -> ParticipantAccess | None:
    """The organizer's or a signer's receipt. Malformed and wrong receipts cost the same (no oracle)."""
    given = receipt_normalise_or_decoy(receipt)
    lookup = keys.receipt_lookup(given.normalised)
    signature = None
    letter = Letter.objects.select_related("organization").filter(organizer_lookup=lookup).first()
    if letter is None:
        signature = Signature.objects.select_related("letter__organization").filter(receipt_lookup=lookup).first()
        letter = signature.letter if signature else None
    if not given.valid or letter is None:
        return None
    if organization is not None and letter.organization_id != organization.pk:
        return None
    try:
        if signature is None:
            wrap, ad = bytes(letter.organizer_wrap), keys.ad_letter(letter.id, "organizer")
        else:
            wrap, ad = bytes(signature.receipt_wrap), keys.ad_row(letter.id, "signer", signature.id)
        participant_key = keys.receipt_unwrap(given.normalised, wrap, ad=ad)
        signature_key = None
        if signature is not None and signature.own_wrap:
            signature_key = keys.receipt_unwrap(
                given.normalised, bytes(signature.own_wrap), ad=keys.ad_row(letter.id, "signer-own", signature.id)
            )
    except crypto.DecryptionError:
        return None
    return ParticipantAccess(
        letter=letter, participant_key=participant_key, signature=signature, signature_key=signature_key
    )


def invitation_access_get(*, token: str, organization: Organization | None = None) -> InvitationAccess | None:
    """The invitation link, once the third party let the letter circulate."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    letter = Letter.objects.select_related("organization").filter(invite_lookup=keys.invite_lookup(token)).first()
    if letter is None or (organization is not None and letter.organization_id != organization.pk):
        return None
    if letter.status not in (Letter.Status.CIRCULATING, Letter.Status.RELEASED):
        return None
    try:
        participant_key = keys.invite_unwrap(token, bytes(letter.invite_wrap), ad=keys.ad_letter(letter.id, "invite"))
    except crypto.DecryptionError:
        return None
    return InvitationAccess(letter=letter, participant_key=participant_key, token=token)


def invitation_token(*, letter: Letter, participant_key: bytes) -> str:
    """The invitation link's secret, for the organizer to share again."""
    return crypto.aead_decrypt(
        participant_key, bytes(letter.invite_box), ad=keys.ad_letter(letter.id, "token")
    ).decode()


def signature_own_read(*, access: ParticipantAccess) -> SignatureContent | None:
    """A signer's own signature, read back with their receipt; None for the organizer."""
    signature = access.signature
    if signature is None or access.signature_key is None:
        return None
    raw = crypto.aead_decrypt(
        access.signature_key, bytes(signature.body), ad=keys.ad_row(access.letter.id, "signature", signature.id)
    )
    return SignatureContent.from_bytes(raw)


def vouch_account_ref_get(*, letter: Letter, code: str) -> bytes:
    """The account reference a vouching code stands for; one signature per vouch, like one per verified
    address. A malformed code is looked up like a wrong one, then refused with the same words."""
    given = receipt_normalise_or_decoy(code)
    vouch = Vouch.objects.filter(letter=letter, lookup=keys.vouch_lookup(given.normalised)).first()
    if not given.valid or vouch is None:
        raise LetterError(_("This vouching code does not match this letter."), field="vouch")
    return keys.vouch_account_ref(vouch.id)
