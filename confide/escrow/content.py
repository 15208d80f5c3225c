"""What a vault holds, as documents, and the escrow's refusals.

The documents live inside ciphertexts (the vault's content, each entry's vault copy); the errors are the ones
escrow raises, in the one family of confide.core.errors, mapped to HTTP once by confide.web.errors.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from confide import crypto
from confide.core import text
from confide.core.errors import NotFound, Refused, Unavailable

CONTENT_VERSION = 1
TEXT_MAX_CHARS = text.LONG_TEXT_MAX_CHARS
MESSAGE_MAX_CHARS = text.LONG_TEXT_MAX_CHARS


class EscrowRefused(Refused):
    """Input or state that cannot become a record, an entry or a message; the message is shown to the reporter."""


class TeamRefused(Refused):
    """A change to the counselor team that cannot be made; the message is shown to the staff member."""


class MatchNotFound(NotFound):
    """No such match or entry, or the caller is no counselor of the team: deliberately one error."""


class OprfUnavailable(Unavailable):
    """The key holder did not answer, or answered something unusable."""

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(
            message or _("Matching is unavailable right now. Please try again later; nothing was saved."), field=field
        )


class OprfProofRefused(OprfUnavailable):
    """The key holder answered without a valid proof for the pinned public key: its answer is not used."""


class OprfRateLimited(Unavailable):
    """Too many evaluations for this account today: the allowance comes back at midnight UTC."""

    status = 429

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        now = timezone.now()
        midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        super().__init__(
            message or self.default_message(),
            retry_after=max(1, int((midnight - now).total_seconds()) + 1),
            field=field,
        )

    def default_message(self) -> str:
        return _("Too many people named from this account today. Please try again tomorrow; nothing was saved.")


class OprfPoolSpent(OprfRateLimited):
    """The organization's or the deployment's daily pool for unverified entries is used up."""

    def default_message(self) -> str:
        return _(
            "Too many people have been named without a verified account today. Please try again tomorrow, or "
            "verify your account first; nothing was saved."
        )


class OprfCeilingReached(OprfRateLimited):
    """The key holder's own daily ceiling is reached, for everyone."""

    def default_message(self) -> str:
        return _("Matching has reached its limit for today. Please try again tomorrow; nothing was saved.")


def _escrow_refused(value: object, *, field: str, limit: int, empty: str) -> str:
    try:
        return text.text_clean(value, field=field, limit=limit, empty=empty)
    except Refused as error:
        raise EscrowRefused(error.message, field=error.field) from None


def text_clean(value: object, *, field: str = "text") -> str:
    """A record's or an entry's text, stripped, or EscrowRefused naming `field`."""
    return _escrow_refused(
        value, field=field, limit=TEXT_MAX_CHARS, empty=_("Please write what happened, in your own words.")
    )


def message_clean(body: object) -> str:
    """A thread message, stripped, or EscrowRefused naming `body`."""
    if isinstance(body, str) and len(body.strip()) > MESSAGE_MAX_CHARS:
        raise EscrowRefused(
            _("A message is at most %(limit)d characters.") % {"limit": MESSAGE_MAX_CHARS}, field="body"
        )
    return _escrow_refused(body, field="body", limit=MESSAGE_MAX_CHARS, empty=_("Write a message first."))


@dataclass
class EntryRow:
    """One stored Entry row, as its vault copy tells it: the OPRF output p is what lets the vault re-seal
    without asking the key holder again."""

    id: str
    p: str
    identifier: str
    verified: bool

    def __repr__(self) -> str:
        return f"EntryRow(id={self.id})"  # never p or the identifier


@dataclass
class EntryGroup:
    """What the reporter wrote about one person, under one or more identifiers."""

    id: str
    written_on: str
    text: str
    rows: list[EntryRow]
    reported: bool = False

    def __repr__(self) -> str:
        return f"EntryGroup(id={self.id}, rows={len(self.rows)})"  # never the text

    @property
    def written(self) -> date:
        return date.fromisoformat(self.written_on)


@dataclass
class VaultContent:
    """The vault's encrypted content: the thread key, and the account its entries are made under."""

    thread_key: str
    unverified_ref: str
    account_ref: str | None = None
    account_organization: str | None = None

    def __repr__(self) -> str:
        return f"VaultContent(verified={self.verified})"

    def to_bytes(self) -> bytes:
        data = {
            "v": CONTENT_VERSION,
            "thread_key": self.thread_key,
            "unverified_ref": self.unverified_ref,
            "account_ref": self.account_ref,
            "account_organization": self.account_organization,
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "VaultContent":
        data = json.loads(raw)
        return cls(
            thread_key=data["thread_key"],
            unverified_ref=data["unverified_ref"],
            account_ref=data.get("account_ref"),
            account_organization=data.get("account_organization"),
        )

    @classmethod
    def fresh(cls) -> "VaultContent":
        return cls(thread_key=crypto.random_key().hex(), unverified_ref=crypto.random_key().hex())

    @property
    def verified(self) -> bool:
        return self.account_ref is not None
