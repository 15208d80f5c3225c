"""Leak tracing for the third party: which delivered copy a pasted text was taken from (letters/fingerprint.py)."""

from django.utils.translation import gettext as _

from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.letters import fingerprint
from confide.letters.content import MAX_TRACE, letter_text_clean
from confide.letters.models import LetterCopy
from confide.letters.selectors.staff import fingerprint_codes_read


def leak_trace(*, user: User, secret_key: bytes, text: object) -> list[LetterCopy]:
    """The copies a pasted text was taken from, among the letters this handler holds L for. Audited: a trace
    says a leak was suspected, whatever it finds."""
    pasted = letter_text_clean(text, label=_("Text"), limit=MAX_TRACE, field="text")
    found = fingerprint.match(pasted, candidates=fingerprint_codes_read(user=user, secret_key=secret_key))
    audit_record(actor=user, action=Action.LETTER_TRACED)
    return found
