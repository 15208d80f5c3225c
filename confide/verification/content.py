"""Verification's refusal and its canonical forms."""

from confide.core.errors import Refused
from confide.core.identifiers import IdentifierError, email_canonical


class VerificationError(Refused):
    """A sentence to show the reporter; `field` names the input at fault ("email" or "code")."""


def address_canonical(email: str) -> str:
    """The canonical address (`email:name@domain`), or VerificationError on `email`."""
    try:
        return email_canonical(email)
    except IdentifierError as error:
        raise VerificationError(error.message, field="email") from None


def domain_canonical(domain: str) -> str:
    return address_canonical(f"x@{domain.strip().lstrip('@')}").rpartition("@")[2]
