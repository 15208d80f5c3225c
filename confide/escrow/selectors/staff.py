"""The counselors' reads: the team key, the counselor's handle, matches and their entries. The reporter
door never imports this module (an import-linter contract)."""

import uuid

from django.db.models import QuerySet

from confide import crypto
from confide.accounts.models import User
from confide.escrow.access import CounselorAccess, OpenedEntry, OpenedMatch
from confide.escrow.content import MatchNotFound
from confide.escrow.models import CounselorKeyWrap, Match


def counselor_team_secret(*, user: User, secret_key: bytes) -> bytes | None:
    """The team secret for an active counselor holding a wrap; None for everyone else (no OPRF, no oracle)."""
    if not user.is_active or user.role != User.Role.COUNSELOR:
        return None
    wrap = CounselorKeyWrap.objects.filter(user=user).first()
    if wrap is None:
        return None
    try:
        return crypto.unseal(secret_key, bytes(wrap.sealed_secret))
    except crypto.CryptoError:
        return None


def counselor_access_get(*, user: User, secret_key: bytes | None) -> CounselorAccess:
    """The counselor's handle, or MatchNotFound for anyone else: to them the counselor's pages do not exist."""
    team_secret = counselor_team_secret(user=user, secret_key=secret_key) if secret_key is not None else None
    if team_secret is None:
        raise MatchNotFound()
    return CounselorAccess(user=user, team_secret=team_secret)


def matches_list(*, access: CounselorAccess) -> QuerySet[Match]:
    return Match.objects.all()


def match_entry_get(*, opened: OpenedMatch, entry_id: uuid.UUID) -> OpenedEntry:
    for entry in opened.entries:
        if entry.id == entry_id:
            return entry
    raise MatchNotFound()
