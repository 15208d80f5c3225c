"""What the organizer writes after drafting: questions and answers with the third party."""

from django.utils.translation import gettext as _

from confide.core.throttle import receipt_write_allow
from confide.letters.access import ParticipantAccess
from confide.letters.content import MAX_ANSWER, LetterError, clean_text
from confide.letters.models import Update
from confide.letters.services import update_append


def organizer_message(*, access: ParticipantAccess, body) -> Update:
    """Under P only, even after release: the third party and the signers read it, recipients never do.
    Signers do not write here, since what one writes could point at them for the other signers."""
    if not access.is_organizer:
        raise LetterError(_("Only the organizer can write to the third party here."), status=403)
    body = clean_text(body, label=_("Message"), limit=MAX_ANSWER, required=True, field_name="body")
    receipt_write_allow(holder_id=access.letter.pk)
    return update_append(
        letter=access.letter,
        participant_key=access.participant_key,
        author_kind=Update.Author.ORGANIZER,
        body=body,
        participants_only=True,
    )
