"""Signing and withdrawing: a verified signer's signature, sealed so that only the third party reads it."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.core.clock import today
from confide.letters import keys
from confide.letters.access import InvitationAccess, ParticipantAccess
from confide.letters.content import LetterConflict, LetterNotFound, SignatureContent
from confide.letters.models import Letter, Signature


@dataclass(frozen=True)
class Signed:
    signature: Signature
    receipt: str  # shown once to the signer; never stored

    def __repr__(self) -> str:
        return f"Signed(signature={self.signature.pk})"  # never the receipt


def _signable(letter: Letter) -> None:
    if letter.status == Letter.Status.RELEASED:
        raise LetterConflict(_("This letter has been delivered: signing is closed."))
    if letter.status != Letter.Status.CIRCULATING:
        raise LetterConflict(_("This letter is not collecting signatures."))
    if letter.deadline is not None and today() > letter.deadline:
        raise LetterConflict(_("The deadline of this letter has passed: signing is closed."))


def signature_create(
    *,
    access: InvitationAccess,
    account_ref: bytes,
    content: SignatureContent,
    language: str = crypto.DEFAULT_RECEIPT_LANGUAGE,
) -> Signed:
    """Sign with a verified account. The signer never holds L: S is sealed to the letter's public key."""
    letter = access.letter
    signature_id = uuid.uuid4()
    signature_key = crypto.random_key()
    receipt = crypto.receipt_generate(language)
    normalised = crypto.receipt_normalise(receipt)
    signature = Signature(
        id=signature_id,
        letter=letter,
        signer_ref=keys.signer_ref(account_ref=account_ref, letter_id=letter.id),
        receipt_lookup=keys.receipt_lookup(normalised),
        receipt_wrap=keys.receipt_wrap(
            normalised, access.participant_key, ad=keys.ad_row(letter.id, "signer", signature_id)
        ),
        sealed_key=crypto.seal(bytes(letter.public_key), signature_key),
        body=crypto.aead_encrypt(
            signature_key, content.to_bytes(), ad=keys.ad_row(letter.id, "signature", signature_id)
        ),
        own_wrap=keys.receipt_wrap(normalised, signature_key, ad=keys.ad_row(letter.id, "signer-own", signature_id)),
    )
    try:
        with transaction.atomic():
            # The row lock orders signing against release: nobody signs into a letter already delivered.
            locked = Letter.objects.select_for_update().get(pk=letter.pk)
            _signable(locked)
            signature.save(force_insert=True)
    except IntegrityError:
        raise LetterConflict(_("You have already signed this letter.")) from None
    return Signed(signature=signature, receipt=receipt)


def signature_withdraw(*, access: ParticipantAccess, signature_id: object = None) -> None:
    """Delete the signer's own signature, completely, until release."""
    signature = access.signature
    if signature is None or (signature_id is not None and str(signature_id) != str(signature.id)):
        raise LetterNotFound()
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=access.letter.pk)
        if letter.status == Letter.Status.RELEASED:
            raise LetterConflict(_("This letter has been delivered: signatures can no longer be withdrawn."))
        deleted, _rows = Signature.objects.filter(pk=signature.pk, letter=letter).delete()
    if not deleted:
        raise LetterNotFound()
