"""Unlocked handles on a letter, for one request only: proof that the caller holds a key of the letter. Only
the selectors make them (confide/letters/selectors/); services take one as `access=`, so no write happens
without the proof. Frozen, and a `repr` never shows a key."""

from dataclasses import dataclass

from confide.accounts.models import User
from confide.letters.models import Letter, LetterCopy, Signature


@dataclass(frozen=True)
class ParticipantAccess:
    """The organizer (signature is None) or a signer, through their receipt: holds P, never L."""

    letter: Letter
    participant_key: bytes
    signature: Signature | None
    signature_key: bytes | None = None  # S, for a signer reading back their own signature

    @property
    def is_organizer(self) -> bool:
        return self.signature is None

    def __repr__(self) -> str:
        return f"ParticipantAccess(letter={self.letter.pk})"


@dataclass(frozen=True)
class InvitationAccess:
    """Whoever holds the invitation link of a circulating or delivered letter: reads it, may sign it."""

    letter: Letter
    participant_key: bytes
    token: str

    def __repr__(self) -> str:
        return f"InvitationAccess(letter={self.letter.pk})"


@dataclass(frozen=True)
class ThirdPartyAccess:
    """A handler of the letter's organization holding L."""

    letter: Letter
    letter_key: bytes
    participant_key: bytes
    user: User

    def __repr__(self) -> str:
        return f"ThirdPartyAccess(letter={self.letter.pk}, user={self.user.pk})"


@dataclass(frozen=True)
class CopyAccess:
    """A recipient holding their copy's key after release."""

    copy: LetterCopy
    copy_key: bytes
    thread_key: bytes
    user: User

    @property
    def letter(self) -> Letter:
        return self.copy.letter

    def __repr__(self) -> str:
        return f"CopyAccess(copy={self.copy.pk}, user={self.user.pk})"
