"""Who holds a letter's key L: handlers who join the organization after drafting get it from a colleague who
holds it (by re-sealing, as for cases, confide/reports/keyring.py), and conflicts of interest end it for good."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.letters.access import ThirdPartyAccess
from confide.letters.content import LetterError
from confide.letters.models import LetterExclusion, LetterKeyWrap
from confide.tenants.models import Membership


def letter_grant_candidates(*, access: ThirdPartyAccess) -> QuerySet:
    """Active handlers of the letter's organization, with keys, who hold no copy of L and are not excluded.
    Contacts (possible recipients) are never candidates: L must not reach a recipient."""
    letter = access.letter
    return (
        get_user_model()
        .objects.filter(
            memberships__organization_id=letter.organization_id,
            memberships__role=Membership.Role.HANDLER,
            role=Membership.Role.HANDLER,  # the user's role as well: an operator or counselor member gets no L
            is_active=True,
            public_key__isnull=False,
        )
        .exclude(letter_key_wraps__letter=letter)
        .exclude(pk__in=LetterExclusion.objects.filter(letter=letter).values("user_id"))
        .order_by("username")
        .distinct()
    )


def letter_access_grant(*, access: ThirdPartyAccess, username: str) -> LetterKeyWrap:
    letter = access.letter
    user = get_user_model().objects.filter(username=username).first() if isinstance(username, str) else None
    if user is not None and LetterExclusion.objects.filter(letter=letter, user=user).exists():
        raise LetterError(
            _("This handler is excluded from this letter for a conflict of interest."), status=409, field="username"
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
