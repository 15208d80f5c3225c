"""Writes on letters before release: drafting, the third party's review, signing and withdrawing.
Views, API endpoints and jobs call these; nothing else writes letter rows."""

import secrets
import uuid
from dataclasses import dataclass
from datetime import date
from typing import cast

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.core import keyfiles
from confide.core.clock import today
from confide.core.throttle import write_allow
from confide.letters import keys
from confide.letters.access import InvitationAccess, ParticipantAccess, ThirdPartyAccess
from confide.letters.content import (
    MAX_REQUEST,
    MAX_TEXT,
    MAX_TITLE,
    LetterContent,
    LetterError,
    Recipient,
    SignatureContent,
    attendees_clean,
    clean_text,
)
from confide.letters.membership import roster_size
from confide.letters.models import Letter, LetterKeyWrap, Signature, Update, Vouch
from confide.letters.selectors import contact_name, contacts_of, thread_key_current
from confide.tenants.models import Membership, Organization


@dataclass(frozen=True)
class Drafted:
    letter: Letter
    receipt: str  # shown once to the organizer; never stored
    token: str  # the invitation link's secret; works once the third party lets the letter circulate


@dataclass(frozen=True)
class Signed:
    signature: Signature
    receipt: str


def threshold_maximum(*, organization: Organization) -> int:
    """A letter cannot ask for more signatures than the roster has people; without a roster, a sane cap."""
    return roster_size(organization=organization) or settings.CONFIDE_LETTER_MAX_THRESHOLD


def _threshold_clean(value, *, organization: Organization) -> int:
    maximum = threshold_maximum(organization=organization)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise LetterError(
            _("The number of signatures needed must be between 1 and %(max)d.") % {"max": maximum}, field="threshold"
        )
    return value


def _recipients_clean(ids, *, organization: Organization) -> list[Recipient]:
    if not isinstance(ids, list | tuple) or not ids:
        raise LetterError(_("Choose at least one recipient."), field="recipients")
    wanted = []
    for value in ids:
        try:
            wanted.append(int(value))
        except (TypeError, ValueError):
            raise LetterError(_("Recipients must be contacts of this organization."), field="recipients") from None
    contacts = {user.pk: user for user in contacts_of(organization=organization).filter(pk__in=wanted)}
    if set(wanted) - set(contacts):
        raise LetterError(_("Recipients must be contacts of this organization."), field="recipients")
    return [Recipient(id=pk, name=contact_name(contacts[pk])) for pk in dict.fromkeys(wanted)]


def letter_draft_create(
    *,
    organization: Organization,
    title,
    text,
    request,
    recipient_ids,
    threshold,
    deadline: date | None = None,
    release_at_deadline: bool = False,
    attendees=(),
    fingerprinted: bool = True,
) -> Drafted:
    """The organizer's draft, encrypted and waiting for the third party's review. Anonymous: the receipt is
    the organizer's only link to it."""
    write_allow(scope="letter", organization_id=organization.pk)
    content = LetterContent(
        title=clean_text(title, label=_("Title"), limit=MAX_TITLE, required=True, field_name="title"),
        text=clean_text(text, label=_("The letter"), limit=MAX_TEXT, required=True, field_name="text"),
        request=clean_text(request, label=_("Your request"), limit=MAX_REQUEST, required=False, field_name="request"),
        recipients=_recipients_clean(recipient_ids, organization=organization),
        attendees=attendees_clean(attendees),
    )
    threshold = _threshold_clean(threshold, organization=organization)
    day = today()
    if deadline is not None and deadline <= day:
        raise LetterError(_("The deadline must be in the future."), field="deadline")
    if release_at_deadline and deadline is None:
        raise LetterError(_("Set a deadline to deliver at the deadline."), field="deadline")

    letter_id = uuid.uuid4()
    letter_key, participant_key = crypto.random_key(), crypto.random_key()
    pair = crypto.keypair_generate()
    receipt = crypto.receipt_generate()
    normalised = crypto.receipt_normalise(receipt)
    token = secrets.token_urlsafe(24)
    letter = Letter(
        id=letter_id,
        organization=organization,
        threshold=threshold,
        deadline=deadline,
        release_at_deadline=bool(release_at_deadline),
        fingerprinted=bool(fingerprinted),
        created_on=day,
        organizer_lookup=keys.receipt_lookup(normalised),
        organizer_wrap=crypto.aead_encrypt(
            keys.receipt_key(normalised), participant_key, ad=keys.ad_letter(letter_id, "organizer")
        ),
        invite_lookup=keys.invite_lookup(token),
        invite_wrap=crypto.aead_encrypt(
            keys.invite_key(token), participant_key, ad=keys.ad_letter(letter_id, "invite")
        ),
        participant_wrap=crypto.aead_encrypt(letter_key, participant_key, ad=keys.ad_letter(letter_id, "participants")),
        recovery_wrap=crypto.seal(keyfiles.recovery_public_key(), letter_key),
        public_key=pair.public_key,
        secret_wrap=crypto.aead_encrypt(letter_key, pair.secret_key, ad=keys.ad_letter(letter_id, "sk")),
        content=crypto.aead_encrypt(participant_key, content.to_bytes(), ad=keys.ad_letter(letter_id, "content")),
        invite_box=crypto.aead_encrypt(participant_key, token.encode(), ad=keys.ad_letter(letter_id, "token")),
    )
    handlers = (
        Membership.objects.filter(
            organization=organization,
            role=Membership.Role.HANDLER,
            user__role=Membership.Role.HANDLER,  # an operator or counselor member must not receive L
            user__is_active=True,
            user__public_key__isnull=False,
        )
        .order_by("user_id")
        .values_list("user_id", "user__public_key")
    )
    with transaction.atomic():
        letter.save(force_insert=True)
        # L goes to the third party only: recipients are contacts, never handlers, so none of them is here.
        LetterKeyWrap.objects.bulk_create(
            [
                LetterKeyWrap(
                    letter=letter, user_id=user_id, sealed_key=crypto.seal(bytes(cast(bytes, public_key)), letter_key)
                )
                for user_id, public_key in handlers
            ]
        )
        update_append(
            letter=letter,
            participant_key=participant_key,
            author_kind=Update.Author.SERVICE,
            body=_("Draft received. The third party reviews it before it circulates."),
        )
    return Drafted(letter=letter, receipt=receipt, token=token)


def update_append(
    *,
    letter: Letter,
    author_kind: str,
    body: str,
    participant_key: bytes | None = None,
    thread_key: bytes | None = None,
    participants_only: bool = False,
) -> Update:
    """Append to the thread every participant reads: under P before release, under T after. Holders of P
    pass `participant_key`; recipients, who hold only T, pass `thread_key`. `participants_only` keeps the
    update under P even after release, so recipients never read it."""
    update_id = uuid.uuid4()
    with transaction.atomic():
        locked = Letter.objects.select_for_update().get(pk=letter.pk)
        if participant_key is not None and participants_only:
            epoch, key = 0, participant_key
        elif participant_key is not None:
            epoch, key = thread_key_current(letter=locked, participant_key=participant_key)
        elif thread_key is not None and locked.thread_wrap:
            epoch, key = 1, thread_key
        else:
            raise LetterError(_("Not found."), status=404)
        last = Update.objects.filter(letter=letter).aggregate(m=Max("seq"))["m"] or 0
        return Update.objects.create(
            id=update_id,
            letter=letter,
            seq=last + 1,
            epoch=epoch,
            author_kind=author_kind,
            body=crypto.aead_encrypt(key, body.encode(), ad=keys.ad_row(letter.id, "update", update_id)),
            created_on=today(),
        )


def letter_review(*, access: ThirdPartyAccess, approve: bool, note: str = "") -> Letter:
    note = clean_text(note, label=_("Note"), limit=MAX_REQUEST, required=False, field_name="note")
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=access.letter.pk)
        if letter.status != Letter.Status.REVIEW:
            raise LetterError(_("This letter has already been reviewed."), status=409)
        letter.status = Letter.Status.CIRCULATING if approve else Letter.Status.DECLINED
        letter.save(update_fields=["status"])
        if approve:
            body = _("The third party reviewed the letter: it may now circulate. Share the invitation link privately.")
        else:
            body = _("The third party did not let this letter circulate.")
        update_append(
            letter=letter,
            participant_key=access.participant_key,
            author_kind=Update.Author.THIRD_PARTY,
            body=f"{body}\n\n{note}" if note else body,
        )
        audit_record(
            actor=access.user, action=Action.LETTER_APPROVED if approve else Action.LETTER_DECLINED, obj=letter
        )
    return letter


def third_party_message(*, access: ThirdPartyAccess, body: str, to_recipients: bool = False) -> Update:
    """To the organizer and signers; after delivery, to the recipients as well only when asked, so that an
    answer to the organizer's question never reaches the leaders by default."""
    body = clean_text(body, label=_("Message"), limit=MAX_REQUEST, required=True, field_name="body")
    with transaction.atomic():
        update = update_append(
            letter=access.letter,
            participant_key=access.participant_key,
            author_kind=Update.Author.THIRD_PARTY,
            body=body,
            participants_only=not to_recipients,
        )
        audit_record(actor=access.user, action=Action.LETTER_MESSAGE, obj=access.letter)
    return update


def vouch_create(*, access: ThirdPartyAccess) -> str:
    """A one-time code for a signer the third party verified itself; shown once, only its hash is kept."""
    if access.letter.status != Letter.Status.CIRCULATING:
        raise LetterError(_("Vouching is possible only while the letter collects signatures."), status=409)
    code = crypto.receipt_generate()
    with transaction.atomic():
        Vouch.objects.create(
            letter=access.letter, lookup=keys.vouch_lookup(crypto.receipt_normalise(code)), created_on=today()
        )
        audit_record(actor=access.user, action=Action.LETTER_VOUCHED, obj=access.letter)
    return code


def vouch_account_ref(*, letter: Letter, code: str) -> bytes:
    """The account reference a vouch stands for; one signature per vouch, like one per verified address."""
    try:
        normalised = crypto.receipt_normalise(code)
    except crypto.ReceiptFormatError:
        normalised = None
    vouch = Vouch.objects.filter(letter=letter, lookup=keys.vouch_lookup(normalised or "decoy")).first()
    if normalised is None or vouch is None:
        raise LetterError(_("This vouching code does not match this letter."), field="vouch")
    return keys.vouch_account_ref(vouch.id)


def _signable(letter: Letter) -> None:
    if letter.status == Letter.Status.RELEASED:
        raise LetterError(_("This letter has been delivered: signing is closed."), status=409)
    if letter.status != Letter.Status.CIRCULATING:
        raise LetterError(_("This letter is not collecting signatures."), status=409)
    if letter.deadline is not None and today() > letter.deadline:
        raise LetterError(_("The deadline of this letter has passed: signing is closed."), status=409)


def signature_create(*, access: InvitationAccess, account_ref: bytes, content: SignatureContent) -> Signed:
    """Sign with a verified account. The signer never holds L: S is sealed to the letter's public key."""
    letter = access.letter
    signature_id = uuid.uuid4()
    signature_key = crypto.random_key()
    receipt = crypto.receipt_generate()
    normalised = crypto.receipt_normalise(receipt)
    signature = Signature(
        id=signature_id,
        letter=letter,
        signer_ref=keys.signer_ref(account_ref=account_ref, letter_id=letter.id),
        receipt_lookup=keys.receipt_lookup(normalised),
        receipt_wrap=crypto.aead_encrypt(
            keys.receipt_key(normalised), access.participant_key, ad=keys.ad_row(letter.id, "signer", signature_id)
        ),
        sealed_key=crypto.seal(bytes(letter.public_key), signature_key),
        body=crypto.aead_encrypt(
            signature_key, content.to_bytes(), ad=keys.ad_row(letter.id, "signature", signature_id)
        ),
        own_wrap=crypto.aead_encrypt(
            keys.receipt_key(normalised), signature_key, ad=keys.ad_row(letter.id, "signer-own", signature_id)
        ),
    )
    try:
        with transaction.atomic():
            # The row lock orders signing against release: nobody signs into a letter already delivered.
            locked = Letter.objects.select_for_update().get(pk=letter.pk)
            _signable(locked)
            signature.save(force_insert=True)
    except IntegrityError:
        raise LetterError(_("You have already signed this letter."), status=409) from None
    return Signed(signature=signature, receipt=receipt)


def signature_withdraw(*, access: ParticipantAccess, signature_id=None) -> None:
    """Delete the signer's own signature, completely, until release."""
    signature = access.signature
    if signature is None or (signature_id is not None and str(signature_id) != str(signature.id)):
        raise LetterError(_("Not found."), status=404)
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=access.letter.pk)
        if letter.status == Letter.Status.RELEASED:
            raise LetterError(_("This letter has been delivered: signatures can no longer be withdrawn."), status=409)
        deleted, _rows = Signature.objects.filter(pk=signature.pk, letter=letter).delete()
    if not deleted:
        raise LetterError(_("Not found."), status=404)
