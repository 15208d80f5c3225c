"""Who holds a letter's key L: handlers who join the organization after drafting get it from a colleague who
holds it (by re-sealing, as for cases, confide/reports/keyring.py), and conflicts of interest end it for good."""

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.letters.access import ThirdPartyAccess
from confide.letters.content import LetterConflict, LetterError
from confide.letters.models import LetterExclusion, LetterKeyWrap
from confide.letters.selectors.staff import letter_grant_candidates


def letter_access_grant(*, access: ThirdPartyAccess, username: object) -> LetterKeyWrap:
    letter = access.letter
    user = User.objects.filter(username=username).first() if isinstance(username, str) else None
    if user is not None and LetterExclusion.objects.filter(letter=letter, user=user).exists():
        raise LetterConflict(
            _("This handler is excluded from this letter for a conflict of interest."), field="username"
        )
    if (
        user is None
        or user.public_key is None
        or not letter_grant_candidates(access=access).filter(pk=user.pk).exists()
    ):
        raise LetterError(
            _("Only an active handler of this organization without access can be given access."), field="username"
        )
    with transaction.atomic():
        wrap = LetterKeyWrap.objects.create(
            letter=letter, user=user, sealed_key=crypto.seal(bytes(user.public_key), access.letter_key)
        )
        audit_record(actor=access.user, action=Action.LETTER_ACCESS_GRANT, obj=letter, subject=user)
    return wrap


def letter_conflict_declare(*, access: ThirdPartyAccess) -> None:
    """A handler with a conflict of interest steps away (G4): their copy of L is deleted, and no colleague can
    grant it back."""
    with transaction.atomic():
        LetterExclusion.objects.get_or_create(letter=access.letter, user=access.user, defaults={"recorded_on": today()})
        LetterKeyWrap.objects.filter(letter=access.letter, user=access.user).delete()
        audit_record(actor=access.user, action=Action.LETTER_CONFLICT_DECLARED, obj=access.letter)
