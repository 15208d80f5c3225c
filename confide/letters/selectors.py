"""Reads on letters. Access control for letters lives here and only here: a caller gets a letter only
through the key it holds (receipt, invitation link, L as a handler, or a copy as a recipient)."""

import json
import re
import uuid
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from confide import crypto
from confide.letters import keys
from confide.letters.access import CopyAccess, InvitationAccess, ParticipantAccess, ThirdPartyAccess
from confide.letters.content import LetterContent, LetterError, SignatureContent
from confide.letters.models import Letter, LetterCopy, LetterKeyWrap, Signature, Update
from confide.tenants.models import Membership, Organization

_DECOY = "decoy " * 7 + "decoy"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,100}")


class LetterNotFound(LetterError):
    """Unknown, foreign or not visible to this caller: one error (G3)."""

    def __init__(self) -> None:
        from django.utils.translation import gettext as _

        super().__init__(_("Not found."), status=404)


def _uuid(value) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise LetterNotFound() from None


def contacts_of(*, organization: Organization) -> QuerySet:
    """The organization's leaders who can receive letters: contacts with a key pair."""
    return (
        get_user_model()
        .objects.filter(
            memberships__organization=organization,
            memberships__role=Membership.Role.CONTACT,
            is_active=True,
            public_key__isnull=False,
        )
        .order_by("last_name", "first_name", "username")
    )


def contact_name(user) -> str:
    return user.get_full_name() or user.get_username()


def participant_access_get(*, receipt: str, organization: Organization | None = None) -> ParticipantAccess | None:
    """The organizer's or a signer's receipt. Malformed and wrong receipts cost the same (no oracle)."""
    try:
        normalised = crypto.receipt_normalise(receipt)
    except crypto.ReceiptFormatError:
        normalised = None
    lookup = keys.receipt_lookup(normalised or _DECOY)
    signature = None
    letter = Letter.objects.select_related("organization").filter(organizer_lookup=lookup).first()
    if letter is None:
        signature = Signature.objects.select_related("letter__organization").filter(receipt_lookup=lookup).first()
        letter = signature.letter if signature else None
    if normalised is None or letter is None:
        return None
    if organization is not None and letter.organization_id != organization.pk:
        return None
    try:
        if signature is None:
            wrap, ad = bytes(letter.organizer_wrap), keys.ad_letter(letter.id, "organizer")
        else:
            wrap, ad = bytes(signature.receipt_wrap), keys.ad_row(letter.id, "signer", signature.id)
        participant_key = crypto.aead_decrypt(keys.receipt_key(normalised), wrap, ad=ad)
        signature_key = None
        if signature is not None and signature.own_wrap:
            signature_key = crypto.aead_decrypt(
                keys.receipt_key(normalised),
                bytes(signature.own_wrap),
                ad=keys.ad_row(letter.id, "signer-own", signature.id),
            )
    except crypto.DecryptionError:
        return None
    return ParticipantAccess(
        letter=letter, participant_key=participant_key, signature=signature, signature_key=signature_key
    )


def invitation_access_get(*, token: str, organization: Organization | None = None) -> InvitationAccess | None:
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    letter = Letter.objects.select_related("organization").filter(invite_lookup=keys.invite_lookup(token)).first()
    if letter is None or (organization is not None and letter.organization_id != organization.pk):
        return None
    if letter.status not in (Letter.Status.CIRCULATING, Letter.Status.RELEASED):
        return None
    try:
        participant_key = crypto.aead_decrypt(
            keys.invite_key(token), bytes(letter.invite_wrap), ad=keys.ad_letter(letter.id, "invite")
        )
    except crypto.DecryptionError:
        return None
    return InvitationAccess(letter=letter, participant_key=participant_key, token=token)


def letters_for_third_party(*, user) -> QuerySet[Letter]:
    """Letters of organizations the user handles for, whose key is sealed to the user."""
    if not user.is_authenticated or user.role != Membership.Role.HANDLER:
        return Letter.objects.none()
    return (
        Letter.objects.filter(
            key_wraps__user=user,
            organization__memberships__user=user,
            organization__memberships__role=Membership.Role.HANDLER,
        )
        .select_related("organization")
        .order_by("-created_on", "id")
        .distinct()
    )


def third_party_access_get(*, user, secret_key: bytes, letter_id) -> ThirdPartyAccess:
    letter = letters_for_third_party(user=user).filter(pk=_uuid(letter_id)).first()
    if letter is None:
        raise LetterNotFound()
    wrap = LetterKeyWrap.objects.get(letter=letter, user=user)
    try:
        letter_key = crypto.unseal(secret_key, bytes(wrap.sealed_key))
        participant_key = crypto.aead_decrypt(
            letter_key, bytes(letter.participant_wrap), ad=keys.ad_letter(letter.id, "participants")
        )
    except crypto.DecryptionError:
        raise LetterNotFound() from None
    return ThirdPartyAccess(letter=letter, letter_key=letter_key, participant_key=participant_key, user=user)


def copies_for_recipient(*, user) -> QuerySet[LetterCopy]:
    """Released letters addressed to this contact, in organizations where they are still a contact."""
    if not user.is_authenticated:
        return LetterCopy.objects.none()
    return (
        LetterCopy.objects.filter(
            recipient=user,
            letter__status=Letter.Status.RELEASED,
            letter__organization__memberships__user=user,
            letter__organization__memberships__role=Membership.Role.CONTACT,
        )
        .select_related("letter__organization")
        .order_by("-letter__released_on", "id")
        .distinct()
    )


def copy_access_get(*, user, secret_key: bytes, copy_id) -> CopyAccess:
    copy = copies_for_recipient(user=user).filter(pk=_uuid(copy_id)).first()
    if copy is None:
        raise LetterNotFound()
    try:
        copy_key = crypto.unseal(secret_key, bytes(copy.sealed_key))
        thread_key = crypto.aead_decrypt(
            copy_key, bytes(copy.thread_wrap), ad=keys.ad_row(copy.letter_id, "copy-thread", copy.id)
        )
    except crypto.DecryptionError:
        raise LetterNotFound() from None
    return CopyAccess(copy=copy, copy_key=copy_key, thread_key=thread_key, user=user)


# Reading what the keys open.


def letter_content(*, letter: Letter, participant_key: bytes) -> LetterContent:
    raw = crypto.aead_decrypt(participant_key, bytes(letter.content), ad=keys.ad_letter(letter.id, "content"))
    return LetterContent.from_bytes(raw)


def invitation_token(*, letter: Letter, participant_key: bytes) -> str:
    return crypto.aead_decrypt(
        participant_key, bytes(letter.invite_box), ad=keys.ad_letter(letter.id, "token")
    ).decode()


def signature_count(*, letter: Letter) -> int:
    return Signature.objects.filter(letter=letter).count()


def threshold_met(*, letter: Letter, count: int | None = None, on: date | None = None) -> bool:
    count = signature_count(letter=letter) if count is None else count
    if count >= letter.threshold:
        return True
    # The organizer may have chosen to deliver at the deadline with whatever support there is by then.
    return bool(letter.release_at_deadline and letter.deadline and on and on >= letter.deadline and count >= 1)


@dataclass(frozen=True)
class SignatureView:
    id: uuid.UUID
    content: SignatureContent


def signatures_read(*, access: ThirdPartyAccess) -> list[SignatureView]:
    """Only the third party, through L, reads who signed."""
    letter = access.letter
    letter_secret = crypto.aead_decrypt(
        access.letter_key, bytes(letter.secret_wrap), ad=keys.ad_letter(letter.id, "sk")
    )
    result = []
    for signature in Signature.objects.filter(letter=letter).order_by("id"):
        signature_key = crypto.unseal(letter_secret, bytes(signature.sealed_key))
        raw = crypto.aead_decrypt(
            signature_key, bytes(signature.body), ad=keys.ad_row(letter.id, "signature", signature.id)
        )
        result.append(SignatureView(id=signature.id, content=SignatureContent.from_bytes(raw)))
    return result


def signature_own_read(*, access: ParticipantAccess) -> SignatureContent | None:
    """A signer's own signature, read back with their receipt; None for the organizer."""
    signature = access.signature
    if signature is None or access.signature_key is None:
        return None
    raw = crypto.aead_decrypt(
        access.signature_key, bytes(signature.body), ad=keys.ad_row(access.letter.id, "signature", signature.id)
    )
    return SignatureContent.from_bytes(raw)


@dataclass(frozen=True)
class UpdateView:
    id: uuid.UUID
    seq: int
    author_kind: str
    body: str
    created_on: date

    @property
    def author_label(self) -> str:
        return str(Update.Author(self.author_kind).label)


def thread_keys(*, letter: Letter, participant_key: bytes) -> dict[int, bytes]:
    """Epoch -> key, for a holder of P: P itself, and T once the letter is released."""
    found = {0: participant_key}
    if letter.thread_wrap:
        found[1] = crypto.aead_decrypt(
            participant_key, bytes(letter.thread_wrap), ad=keys.ad_letter(letter.id, "thread")
        )
    return found


def thread_key_current(*, letter: Letter, participant_key: bytes) -> tuple[int, bytes]:
    """Where a holder of P writes now: under T after release, under P before."""
    epoch, key = max(thread_keys(letter=letter, participant_key=participant_key).items())
    return epoch, key


def updates_read(*, letter: Letter, keys_by_epoch: dict[int, bytes]) -> list[UpdateView]:
    """The updates the given keys open; a recipient holding only T sees nothing from before delivery."""
    views = []
    for update in Update.objects.filter(letter=letter, epoch__in=list(keys_by_epoch)).order_by("seq"):
        key = keys_by_epoch[update.epoch]
        body = crypto.aead_decrypt(key, bytes(update.body), ad=keys.ad_row(letter.id, "update", update.id))
        views.append(UpdateView(update.id, update.seq, update.author_kind, body.decode(), update.created_on))
    return views


def meeting_read(*, letter: Letter, thread_key: bytes | None) -> dict:
    if not letter.meeting or thread_key is None:
        return {"times": [], "attendees": {}, "scheduled_for": ""}
    raw = crypto.aead_decrypt(thread_key, bytes(letter.meeting), ad=keys.ad_letter(letter.id, "meeting"))
    return json.loads(raw)


def copy_read(*, access: CopyAccess) -> dict:
    copy = access.copy
    raw = crypto.aead_decrypt(access.copy_key, bytes(copy.body), ad=keys.ad_row(copy.letter_id, "copy", copy.id))
    return json.loads(raw)


@dataclass(frozen=True)
class LetterOverview:
    """What every participant may see: the letter, the count (never names), the thread and the meeting."""

    letter: Letter
    content: LetterContent
    count: int
    updates: list[UpdateView]
    meeting: dict


def letter_overview(*, letter: Letter, participant_key: bytes) -> LetterOverview:
    by_epoch = thread_keys(letter=letter, participant_key=participant_key)
    return LetterOverview(
        letter=letter,
        content=letter_content(letter=letter, participant_key=participant_key),
        count=signature_count(letter=letter),
        updates=updates_read(letter=letter, keys_by_epoch=by_epoch),
        meeting=meeting_read(letter=letter, thread_key=by_epoch.get(1)),
    )


@dataclass(frozen=True)
class CopyThread:
    """What a recipient sees of the thread: from delivery on."""

    letter: Letter
    updates: list[UpdateView]
    meeting: dict


def copy_thread(*, access: CopyAccess) -> CopyThread:
    letter = Letter.objects.get(pk=access.copy.letter_id)
    return CopyThread(
        letter=letter,
        updates=updates_read(letter=letter, keys_by_epoch={1: access.thread_key}),
        meeting=meeting_read(letter=letter, thread_key=access.thread_key),
    )
