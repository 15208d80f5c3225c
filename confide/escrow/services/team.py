"""The counselor team key (crypto.md §4: blobs are sealed to the counselor). One deployment key pair, so that
several counselors can open a match: its secret half is sealed to each counselor and to the recovery key."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core import keyfiles
from confide.escrow.access import CounselorAccess
from confide.escrow.content import TeamRefused
from confide.escrow.models import CounselorKeyWrap, CounselorTeam


def counselor_enrol(*, user: User, team_secret: bytes | None = None) -> CounselorKeyWrap:
    """Give a counselor the team key. The first counselor creates the team; later ones need a counselor who
    holds the team secret (or the recovery key's holder) to seal it to them."""
    if user.role != User.Role.COUNSELOR or user.public_key is None:
        raise TeamRefused(_("Only a counselor with a key pair can join the counselor team."))
    with transaction.atomic():
        team = CounselorTeam.objects.select_for_update().filter(pk=1).first()
        if team is None:
            pair = crypto.keypair_generate()
            try:
                with transaction.atomic():
                    CounselorTeam.objects.create(
                        pk=1,
                        public_key=pair.public_key,
                        recovery_wrap=crypto.seal(keyfiles.recovery_public_key(), pair.secret_key),
                    )
            except IntegrityError:
                raise TeamRefused(_("The counselor team was created at the same moment; try again.")) from None
            team_secret = pair.secret_key
        elif team_secret is None or crypto.public_key_from_secret(team_secret) != bytes(team.public_key):
            raise TeamRefused(_("A counselor of the team must add this counselor."))
        wrap, _created = CounselorKeyWrap.objects.update_or_create(
            user=user, defaults={"sealed_secret": crypto.seal(bytes(user.public_key), team_secret)}
        )
    return wrap


def counselor_add(*, access: CounselorAccess, username: str) -> User:
    """A counselor of the team adds another (audited). One refusal whatever was wrong, so the form does not
    tell which usernames exist."""
    user = User.objects.filter(username=username, is_active=True).first()
    try:
        if user is None:
            raise TeamRefused("")
        counselor_enrol(user=user, team_secret=access.team_secret)
    except TeamRefused:
        raise TeamRefused(_("No active counselor with a key pair has this username."), field="username") from None
    audit_record(actor=access.user, action=Action.ESCROW_COUNSELOR_ADDED, subject=user)
    return user
