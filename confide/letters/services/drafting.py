"""The organizer's draft: validated, encrypted, and sealed to the organization's handlers (the third party)."""

import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import cast

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.accounts.selectors import key_holders_eligible
from confide.core import keyfiles
from confide.core.clock import today
from confide.core.throttle import write_allow
from confide.letters import keys
from confide.letters.content import (
    MAX_REQUEST,
    MAX_TEXT,
    MAX_TITLE,
    MIN_THRESHOLD,
    LetterContent,
    LetterError,
    Recipient,
    attendees_clean,
    letter_text_clean,
)
from confide.letters.models import Letter, LetterKeyWrap, Update
from confide.letters.selectors.common import contact_list, contact_name
from confide.letters.services.threads import update_append
from confide.reports.services.once import Once, submission_record
from confide.tenants.models import Organization
from confide.verification.selectors import roster_size


@dataclass(frozen=True)
class Drafted:
    letter: Letter
    receipt: str  # shown once to the organizer; never stored
    token: str  # the invitation link's secret; works once the third party lets the letter circulate

    def __repr__(self) -> str:
        return f"Drafted(letter={self.letter.pk})"  # never the receipt or the token


def threshold_maximum(*, organization: Organization) -> int:
    """A letter cannot ask for more signatures than the roster has people; without a roster, a sane cap."""
    return roster_size(organization=organization) or settings.CONFIDE_LETTER_MAX_THRESHOLD


def _threshold_clean(value: object, *, organization: Organization) -> int:
    maximum = threshold_maximum(organization=organization)
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_THRESHOLD <= value <= maximum:
        raise LetterError(
            _("The number of signatures needed must be between %(min)d and %(max)d.")
            % {"min": MIN_THRESHOLD, "max": maximum},
            field="threshold",
        )
    return value


def _recipients_clean(ids: object, *, organization: Organization, about_leadership: bool) -> list[Recipient]:
    if not isinstance(ids, list | tuple) or not ids:
        raise LetterError(_("Choose at least one recipient."), field="recipients")
    wanted = []
    for value in ids:
        try:
            wanted.append(int(value))
        except (TypeError, ValueError):
            raise LetterError(_("Recipients must be contacts of this organization."), field="recipients") from None
    contacts = {user.pk: user for user in contact_list(organization=organization).filter(pk__in=wanted)}
    if set(wanted) - set(contacts):
        raise LetterError(_("Recipients must be contacts of this organization."), field="recipients")
    if about_leadership and any(user.role != User.Role.INDEPENDENT_BODY for user in contacts.values()):
        # Issue 13: the leaders are the problem, so none of them may receive (or learn of) this letter.
        raise LetterError(
            _(
                "A letter about the campaign's leadership goes to an independent body, not to its leaders: "
                "choose a body."
            ),
            field="recipients",
        )
    return [Recipient(id=pk, name=contact_name(contacts[pk])) for pk in dict.fromkeys(wanted)]


def letter_draft_create(
    *,
    organization: Organization,
    title: object,
    text: object,
    request: object,
    recipient_ids: object,
    threshold: object,
    deadline: date | None = None,
    release_at_deadline: bool = False,
    attendees: str | Iterable[object] = (),
    fingerprinted: bool = True,
    about_leadership: bool = False,
    language: str = crypto.DEFAULT_RECEIPT_LANGUAGE,
    once: Once | None = None,
) -> Drafted:
    """The organizer's draft, encrypted and waiting for the third party's review. Anonymous: the receipt is
    the organizer's only link to it. With `once`, the answer is kept for the form's token in the same
    transaction (letters.services.drafting_once)."""
    write_allow(scope="letter", organization_id=organization.pk)
    content = LetterContent(
        title=letter_text_clean(title, label=_("Title"), limit=MAX_TITLE, field="title"),
        text=letter_text_clean(text, label=_("The letter"), limit=MAX_TEXT, field="text"),
        request=letter_text_clean(request, label=_("Your request"), limit=MAX_REQUEST, required=False, field="request"),
        recipients=_recipients_clean(recipient_ids, organization=organization, about_leadership=bool(about_leadership)),
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
    receipt = crypto.receipt_generate(language)
    normalised = crypto.receipt_normalise(receipt)
    token = secrets.token_urlsafe(24)
    letter = Letter(
        id=letter_id,
        organization=organization,
        threshold=threshold,
        deadline=deadline,
        release_at_deadline=bool(release_at_deadline),
        fingerprinted=bool(fingerprinted),
        about_leadership=bool(about_leadership),
        created_on=day,
        organizer_lookup=keys.receipt_lookup(normalised),
        organizer_wrap=keys.receipt_wrap(normalised, participant_key, ad=keys.ad_letter(letter_id, "organizer")),
        invite_lookup=keys.invite_lookup(token),
        invite_wrap=keys.invite_wrap(token, participant_key, ad=keys.ad_letter(letter_id, "invite")),
        participant_wrap=crypto.aead_encrypt(letter_key, participant_key, ad=keys.ad_letter(letter_id, "participants")),
        recovery_wrap=crypto.seal(keyfiles.recovery_public_key(), letter_key),
        public_key=pair.public_key,
        secret_wrap=crypto.aead_encrypt(letter_key, pair.secret_key, ad=keys.ad_letter(letter_id, "sk")),
        content=crypto.aead_encrypt(participant_key, content.to_bytes(), ad=keys.ad_letter(letter_id, "content")),
        invite_box=crypto.aead_encrypt(participant_key, token.encode(), ad=keys.ad_letter(letter_id, "token")),
    )
    handlers = key_holders_eligible(organization=organization).order_by("pk").values_list("pk", "public_key")
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
        if once is not None:
            submission_record(once=once, receipt=receipt, reference="", submitted_on=day, extra=token)
    return Drafted(letter=letter, receipt=receipt, token=token)
