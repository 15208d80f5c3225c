"""Verification's refusal, its canonical forms and the queued code email."""

import json
import uuid
from dataclasses import dataclass

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


# An address is at most 254 characters (RFC 5321; verification_start refuses longer), each at most 4 bytes of
# UTF-8; the rest of the document fits in the remainder. Every queued email is padded to this size, the ones that
# send nothing included, so the task table cannot tell them apart by length.
ADDRESS_MAX_CHARS = 254
CODE_MAIL_BYTES = 1280


@dataclass(frozen=True)
class CodeMail:
    """What the background worker needs to email a code: `to` is empty when the address is not eligible, and
    the job then sends nothing, after the request did the same work either way."""

    challenge_id: uuid.UUID
    to: str
    code: str
    language: str

    def to_bytes(self) -> bytes:
        document = json.dumps(
            {"challenge": str(self.challenge_id), "to": self.to, "code": self.code, "language": self.language},
            ensure_ascii=False,
        ).encode()
        if len(document) > CODE_MAIL_BYTES:
            raise ValueError("a code email longer than its padded size would stand out by length")
        return document.ljust(CODE_MAIL_BYTES)

    @classmethod
    def from_bytes(cls, raw: bytes) -> "CodeMail":
        document = json.loads(raw)
        return cls(
            challenge_id=uuid.UUID(document["challenge"]),
            to=document["to"],
            code=document["code"],
            language=document["language"],
        )
