"""What a letter and a signature say, validated, as JSON documents that are only ever stored encrypted."""

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from confide.core.errors import Conflict, NotFound, Refused
from confide.core.text import LONG_TEXT_MAX_CHARS, text_clean

MAX_TITLE = 200
MAX_TEXT = LONG_TEXT_MAX_CHARS
MAX_REQUEST = 5_000
MAX_SHORT = 200
MAX_ATTENDEES = 20
MAX_ANSWER = 5_000
# A letter signed by one person names that person to the recipients as surely as a signature would.
MIN_THRESHOLD = 2
# A leaked copy pasted to trace it: the whole letter, with whatever the leak added around it.
MAX_TRACE = 2 * MAX_TEXT


class LetterError(Refused):
    """Bad input or a refused step on a letter (400). Every letters error is one, so a page that re-renders on a
    refusal catches this family only; the status comes from the subclass, never from the raise site."""


class LetterNotFound(LetterError, NotFound):
    """Unknown, foreign or not visible to this caller: one error, one answer (G3)."""


class LetterConflict(LetterError, Conflict):
    """The letter's state forbids the step now (already reviewed, delivered, signed already…): 409."""


class LetterForbidden(LetterError):
    """The caller holds the letter but their part in it does not allow the step (a signer writing as the
    organizer): 403."""

    status = 403


def letter_text_clean(value: object, *, label: str, field: str, limit: int, required: bool = True) -> str:
    """core.text.text_clean, with letters' sentences, which name the field by its label."""
    words = {"label": label, "limit": limit}
    try:
        text = text_clean(value, field=field, limit=limit, required=False)
    except Refused:
        if not isinstance(value, str):
            message = _("%(label)s must be text.")
        elif len(value.strip()) > limit:
            message = _("%(label)s is too long (at most %(limit)d characters).")
        else:  # a NUL or a lone surrogate
            message = _("%(label)s contains a character that is not allowed.")
        raise LetterError(message % words, field=field) from None
    if required and not text:
        raise LetterError(_("%(label)s is required.") % words, field=field)
    return text


@dataclass(frozen=True)
class Recipient:
    id: int
    name: str


@dataclass(frozen=True)
class LetterContent:
    title: str
    text: str
    request: str
    recipients: list[Recipient]
    attendees: list[str] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "LetterContent":
        data = json.loads(raw)
        data["recipients"] = [Recipient(**r) for r in data["recipients"]]
        return cls(**data)

    @property
    def recipient_ids(self) -> list[int]:
        return [r.id for r in self.recipients]


def attendees_clean(value: str | Iterable[object] | None) -> list[str]:
    lines = value.splitlines() if isinstance(value, str) else list(value or [])
    names = []
    for line in lines:
        name = letter_text_clean(line, label=_("An attendee"), limit=MAX_SHORT, required=False, field="attendees")
        if name and name not in names:
            names.append(name)
    if len(names) > MAX_ATTENDEES:
        raise LetterError(_("Name at most %(n)d attendees.") % {"n": MAX_ATTENDEES}, field="attendees")
    return names


class Visibility:
    NAME = "name"
    VERIFIED = "verified"
    CHOICES = (NAME, VERIFIED)


@dataclass(frozen=True)
class SignatureContent:
    name: str
    role: str
    cohort: str
    visibility: str

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "SignatureContent":
        return cls(**json.loads(raw))

    def as_shown_to_recipients(self) -> str:
        """Exactly what the signer chose (G6): their name, or only that a verified staff member signed."""
        if self.visibility == Visibility.NAME:
            details = ", ".join(part for part in (self.role, self.cohort) if part)
            return f"{self.name} ({details})" if details else self.name
        return _("A verified current or former staff member")


def signature_build(*, name: object, role: object, cohort: object, visibility: object) -> SignatureContent:
    if visibility not in Visibility.CHOICES:
        raise LetterError(_("Choose how your signature is shown."), field="visibility")
    return SignatureContent(
        name=letter_text_clean(name, label=_("Name"), limit=MAX_SHORT, field="name"),
        role=letter_text_clean(role, label=_("Role"), limit=MAX_SHORT, required=False, field="role"),
        cohort=letter_text_clean(cohort, label=_("Cohort"), limit=MAX_SHORT, required=False, field="cohort"),
        visibility=visibility,
    )
