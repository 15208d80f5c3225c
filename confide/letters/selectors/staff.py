"""The staff door's openers and reads. Access control for the third party (handlers holding L) and for the
recipients (contacts holding their copy) lives here and only here: each opener raises one LetterNotFound whether
the letter is missing or not the caller's to see (G3, G6)."""

import json
import struct
import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from confide import crypto
from confide.accounts.models import User
from confide.accounts.selectors import key_holders_eligible
from confide.letters import keys
from confide.letters.access import CopyAccess, ThirdPartyAccess
from confide.letters.content import LetterNotFound, SignatureContent
from confide.letters.models import Letter, LetterCopy, LetterExclusion, LetterKeyWrap, Signature
from confide.letters.selectors.common import RECIPIENT_ROLES, UpdateView, meeting_read, updates_read
from confide.tenants.models import Membership


def _uuid(value: object) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise LetterNotFound() from None


def letter_list_visible_to(*, user: User) -> QuerySet[Letter]:
    """Letters of organizations the user handles for, whose key is sealed to the user."""
    if not user.is_authenticated or user.role != User.Role.HANDLER:
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


def third_party_access_get(*, user: User, secret_key: bytes, letter_id: uuid.UUID | str) -> ThirdPartyAccess:
    letter = letter_list_visible_to(user=user).filter(pk=_uuid(letter_id)).first()
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


def copy_list_for(*, user: User) -> QuerySet[LetterCopy]:
    """Released letters addressed to this contact, in organizations where they are still a contact."""
    if not user.is_authenticated:
        return LetterCopy.objects.none()
    copies = LetterCopy.objects.all()
    if user.role != User.Role.INDEPENDENT_BODY:
        # A letter about the leadership (issue 13) never reaches a contact, even one who held a body's seat once.
        copies = copies.exclude(letter__about_leadership=True)
    return (
        copies.filter(
            Q(
                letter__organization__memberships__user=user,
                letter__organization__memberships__role__in=RECIPIENT_ROLES,
            )
            # A leader who moved to the successor (issue 13) keeps reading what was addressed to them.
            | Q(
                letter__organization__successor__memberships__user=user,
                letter__organization__successor__memberships__role__in=RECIPIENT_ROLES,
            ),
            recipient=user,
            letter__status=Letter.Status.RELEASED,
        )
        .select_related("letter__organization")
        .order_by("-letter__released_on", "id")
        .distinct()
    )


def copy_access_get(*, user: User, secret_key: bytes, copy_id: uuid.UUID | str) -> CopyAccess:
    copy = copy_list_for(user=user).filter(pk=_uuid(copy_id)).first()
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


def letter_grant_candidates(*, access: ThirdPartyAccess) -> QuerySet[User]:
    """Active handlers of the letter's organization, with keys, who hold no copy of L and are not excluded.
    Contacts (possible recipients) are never candidates: L must not reach a recipient."""
    letter = access.letter
    return (
        key_holders_eligible(organization=letter.organization)
        .exclude(letter_key_wraps__letter=letter)
        .exclude(pk__in=LetterExclusion.objects.filter(letter=letter).values("user_id"))
        .distinct()
    )


# What the third party reads through L.


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


def fingerprint_codes_read(*, user: User, secret_key: bytes) -> dict[LetterCopy, int]:
    """Copy -> its tracing code, for every delivered letter this handler holds L for (copies of letters drafted
    with tracing off have none)."""
    codes: dict[LetterCopy, int] = {}
    for letter in letter_list_visible_to(user=user).filter(status=Letter.Status.RELEASED):
        access = third_party_access_get(user=user, secret_key=secret_key, letter_id=letter.pk)
        for copy in LetterCopy.objects.filter(letter=letter).select_related("recipient", "letter"):
            if copy.fingerprint is None:
                continue
            raw = crypto.aead_decrypt(
                access.letter_key, bytes(copy.fingerprint), ad=keys.ad_row(letter.id, "fingerprint", copy.id)
            )
            codes[copy] = struct.unpack(">I", raw)[0]
    return codes


# What a recipient reads through their copy.


def copy_read(*, access: CopyAccess) -> dict:
    copy = access.copy
    raw = crypto.aead_decrypt(access.copy_key, bytes(copy.body), ad=keys.ad_row(copy.letter_id, "copy", copy.id))
    return json.loads(raw)


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
