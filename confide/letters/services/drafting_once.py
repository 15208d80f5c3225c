"""Drafting a letter once: the draft form posted twice (reload, double click, back and resubmit) drafts one
letter, and the second post gets the first answer, the same organizer's receipt and invitation link. The same
one-time token as the report form (reports.services.once, channel "letter"): a peppered hash of the token, the
answer sealed under a key from the token and the pepper, forgotten once the organizer confirmed the receipt."""

from django.db import IntegrityError

from confide.core.clock import today
from confide.letters.services.drafting import letter_draft_create
from confide.reports.services.once import Answer, Once, submission_answer, submission_exists


def letter_draft_create_once(*, once: Once, **fields: object) -> Answer:
    """letter_draft_create for the form's token `once`. Raises Spent when that token's receipt was confirmed."""
    answer = submission_answer(once=once)
    if answer is not None:
        return answer
    try:
        drafted = letter_draft_create(once=once, **fields)  # type: ignore[arg-type]
    except IntegrityError:
        # A twin post with the same token committed first: its answer is this one's too.
        if not submission_exists(once=once):
            raise
        twin = submission_answer(once=once)
        if twin is None:
            raise
        return twin
    return Answer(
        receipt=drafted.receipt,
        reference="",
        submitted_on=today(),
        once_lookup=once.lookup,
        replayed=False,
        extra=drafted.token,
    )
