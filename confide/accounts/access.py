"""Frozen handles: proof that a staff member's key was unlocked, passed to whatever needs the key."""

from dataclasses import dataclass

from confide.accounts.models import User


@dataclass(frozen=True)
class Unlocked:
    user: User
    secret_key: bytes

    def __repr__(self) -> str:
        return f"Unlocked(user={self.user.pk})"
