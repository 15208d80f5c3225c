"""The counselor team key (crypto.md §4: blobs are sealed to the counselor). One deployment key pair, so that
several counselors can open a match: its secret half is sealed to each counselor and to the recovery key."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.core import keyfiles
from confide.escrow.models import CounselorKeyWrap, CounselorTeam


class TeamRefused(ValueError):
    """The message is shown to the staff member."""


def counselor_team_public_key() -> bytes | None:
    team = CounselorTeam.objects.filter(pk=1).first()
    return bytes(team.public_key) if team is not None else None


def counselor_team_secret(*, user, secret_key: bytes) -> bytes | None:
    """The team secret for an active counselor holding a wrap; None for everyone else (no OPRF, no oracle)."""
    if not getattr(user, "is_active", False) or getattr(user, "role", None) != User.Role.COUNSELOR:
        return None
    wrap = CounselorKeyWrap.objects.filter(user=user).first()
    if wrap is None:
        return None
    try:
        return crypto.unseal(secret_key, bytes(wrap.sealed_secret))
    except crypto.CryptoError:
        return None


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
