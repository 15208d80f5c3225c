"""Drafting a letter once: the draft form posted twice (reload, double click, back and resubmit) drafts one
letter, and the second post gets the first answer, the same organizer's receipt and invitation link. The same
one-time token as the report form (reports.services.once, channel "letter"): a peppered hash of the token, the
answer sealed under a key from the token and the pepper, forgotten once the organizer confirmed the receipt."""

from typing import Any

from confide.core.clock import today
from confide.letters.services.drafting import letter_draft_create
from confide.reports.services.once import Answer, Once, once_run


def letter_draft_create_once(*, once: Once, **fields: Any) -> Answer:
    """letter_draft_create for the form's token `once`. Raises Spent when that token's receipt was confirmed."""

    def create() -> Answer:
        drafted = letter_draft_create(once=once, **fields)
        return Answer(
            receipt=drafted.receipt,
            reference="",
            submitted_on=today(),
            once_lookup=once.lookup,
            replayed=False,
            extra=drafted.token,
        )

    return once_run(once=once, create=create)
