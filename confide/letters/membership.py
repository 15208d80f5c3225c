"""The one place letters use verified accounts (confide/verification): membership checks for signers."""

from confide.verification.selectors import roster_size
from confide.verification.services import VerificationError, verification_confirm, verification_start

__all__ = ["VerificationError", "roster_size", "verification_confirm", "verification_start"]
