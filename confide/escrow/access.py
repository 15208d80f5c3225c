"""Frozen handles, for one request only: a handle is the proof a service asks for (`access=`), and its repr
never shows a key or a word of content."""

import uuid
from dataclasses import dataclass, field
from datetime import date

from confide.accounts.models import User
from confide.escrow.content import VaultContent
from confide.escrow.models import Match, Vault


@dataclass(frozen=True)
class VaultAccess:
    """An unlocked vault: opened with its receipt by selectors.vault_access_get."""

    vault: Vault
    vault_key: bytes = field(repr=False)
    content: VaultContent = field(repr=False)

    def __repr__(self) -> str:
        return f"VaultAccess(vault={self.vault.pk})"

    @property
    def thread_key(self) -> bytes:
        return bytes.fromhex(self.content.thread_key)


@dataclass(frozen=True)
class CounselorAccess:
    """A counselor of the team holding the team secret: opened by selectors.counselor_access_get."""

    user: User
    team_secret: bytes = field(repr=False)

    def __repr__(self) -> str:
        return f"CounselorAccess(user={self.user.pk})"


@dataclass(frozen=True)
class OpenedEntry:
    """One entry of an opened match, as the counselor reads it."""

    id: uuid.UUID
    identifier: str
    kind: str
    text: str
    written_on: date
    organization: str
    verified: bool
    vault_id: uuid.UUID
    thread_key: bytes = field(repr=False)

    def __repr__(self) -> str:
        return f"OpenedEntry(id={self.id})"  # never whom it names or what it says


@dataclass(frozen=True)
class OpenedMatch:
    match: Match
    entries: list[OpenedEntry]
    openable: bool  # False when withdrawals left fewer than the threshold

    def __repr__(self) -> str:
        return f"OpenedMatch(match={self.match.pk}, entries={len(self.entries)}, openable={self.openable})"
