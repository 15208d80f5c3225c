"""What the third party (a handler holding L) writes before release: its review, its messages, and vouching
codes for signers it verified itself."""

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.letters import keys
from confide.letters.access import ThirdPartyAccess
from confide.letters.content import MAX_REQUEST, LetterConflict, letter_text_clean
from confide.letters.models import Letter, Update, Vouch
from confide.letters.services.threads import update_append


def letter_review(*, access: ThirdPartyAccess, approve: bool, note: str = "") -> Letter:
    note = letter_text_clean(note, label=_("Note"), limit=MAX_REQUEST, required=False, field="note")
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=access.letter.pk)
        if letter.status != Letter.Status.REVIEW:
            raise LetterConflict(_("This letter has already been reviewed."))
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


def third_party_message(*, access: ThirdPartyAccess, body: object, to_recipients: bool = False) -> Update:
    """To the organizer and signers; after delivery, to the recipients as well only when asked, so that an
    answer to the organizer's question never reaches the leaders by default."""
    text = letter_text_clean(body, label=_("Message"), limit=MAX_REQUEST, field="body")
    with transaction.atomic():
        update = update_append(
            letter=access.letter,
            participant_key=access.participant_key,
            author_kind=Update.Author.THIRD_PARTY,
            body=text,
            participants_only=not to_recipients,
        )
        audit_record(actor=access.user, action=Action.LETTER_MESSAGE, obj=access.letter)
    return update


def vouch_create(*, access: ThirdPartyAccess) -> str:
    """A one-time code for a signer the third party verified itself; shown once, only its hash is kept."""
    if access.letter.status != Letter.Status.CIRCULATING:
        raise LetterConflict(_("Vouching is possible only while the letter collects signatures."))
    code = crypto.receipt_generate()
    with transaction.atomic():
        Vouch.objects.create(
            letter=access.letter, lookup=keys.vouch_lookup(crypto.receipt_normalise(code)), created_on=today()
        )
        audit_record(actor=access.user, action=Action.LETTER_VOUCHED, obj=access.letter)
    return code
