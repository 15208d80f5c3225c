"""What the organizer writes after drafting: questions and answers with the third party."""

from django.utils.translation import gettext as _

from confide.core.throttle import receipt_write_allow
from confide.letters.access import ParticipantAccess
from confide.letters.content import MAX_ANSWER, LetterForbidden, letter_text_clean
from confide.letters.models import Update
from confide.letters.services.threads import update_append


def organizer_message(*, access: ParticipantAccess, body: object) -> Update:
    """Under P only, even after release: the third party and the signers read it, recipients never do.
    Signers do not write here, since what one writes could point at them for the other signers."""
    if not access.is_organizer:
        raise LetterForbidden(_("Only the organizer can write to the third party here."))
    text = letter_text_clean(body, label=_("Message"), limit=MAX_ANSWER, field="body")
    receipt_write_allow(holder_id=access.letter.pk)
    return update_append(
        letter=access.letter,
        participant_key=access.participant_key,
        author_kind=Update.Author.ORGANIZER,
        body=text,
        participants_only=True,
    )
