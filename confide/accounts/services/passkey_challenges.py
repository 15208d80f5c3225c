"""WebAuthn challenges: random, kept only as a keyed hash, answered once, and only for a few minutes.

The challenge travels in the ceremony's options and comes back inside the browser's signed clientDataJSON, so
the answer itself names the row to look for. Deleting the row is what uses it: of two requests carrying the
same answer, at most one deletes it (one statement, on SQLite and PostgreSQL alike), and the other is refused.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.parse_client_data_json import parse_client_data_json

from confide import crypto
from confide.accounts.models import PasskeyChallenge, User
from confide.crypto import labels

CHALLENGE_BYTES = 32
CHALLENGE_MINUTES = 5
CEREMONY_TIMEOUT_MS = CHALLENGE_MINUTES * 60 * 1000


@dataclass(frozen=True)
class RelyingParty:
    """Who the passkeys are for: `id` is the host name the credentials are scoped to, `origin` the scheme, host
    and port the staff pages are served from (the browser writes it into every answer)."""

    id: str
    origin: str


def _digest(challenge: bytes) -> bytes:
    return crypto.keyed_hash(labels.PASSKEY_CHALLENGE, challenge)


def passkey_challenge_new(*, user: User | None) -> bytes:
    """A fresh challenge; `user` for a registration, None for a sign-in. Expired ones go on the way."""
    now = timezone.now()
    PasskeyChallenge.objects.filter(expires_at__lte=now).delete()
    challenge = crypto.random_bytes(CHALLENGE_BYTES)
    PasskeyChallenge.objects.create(
        digest=_digest(challenge), user=user, expires_at=now + timedelta(minutes=CHALLENGE_MINUTES)
    )
    return challenge


def passkey_challenge_use(*, client_data_json: bytes, user: User | None) -> bytes | None:
    """The challenge the answer carries, if it is one we issued (to `user`, or for a sign-in), unused and
    unexpired; it is used up here whatever happens next. None otherwise."""
    try:
        challenge = parse_client_data_json(client_data_json).challenge
    except (WebAuthnException, ValueError, TypeError, KeyError, RecursionError):
        return None
    rows: Any = PasskeyChallenge.objects.filter(digest=_digest(challenge), expires_at__gt=timezone.now())
    rows = rows.filter(user=user) if user is not None else rows.filter(user__isnull=True)
    deleted, _by_model = rows.delete()
    return challenge if deleted == 1 else None
