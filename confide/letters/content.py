"""What a letter and a signature say, validated, as JSON documents that are only ever stored encrypted."""

import json
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

MAX_TITLE = 200
MAX_TEXT = 20_000
MAX_REQUEST = 5_000
MAX_SHORT = 200
MAX_ATTENDEES = 20
MAX_ANSWER = 5_000


class LetterError(ValueError):
    """Bad input or a refused step: `status` is the HTTP status to answer with, `message` says why."""

    def __init__(self, message: str, *, status: int = 400, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.field = field


def clean_text(value, *, label: str, limit: int, required: bool, field_name: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not isinstance(value, str | type(None)):
        raise LetterError(_("%(label)s must be text.") % {"label": label}, field=field_name)
    if required and not text:
        raise LetterError(_("%(label)s is required.") % {"label": label}, field=field_name)
    if len(text) > limit:
        raise LetterError(
            _("%(label)s is too long (at most %(limit)d characters).") % {"label": label, "limit": limit},
            field=field_name,
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise LetterError(_("%(label)s is not valid text.") % {"label": label}, field=field_name) from None
    if "\x00" in text:
        raise LetterError(_("%(label)s contains a character that is not allowed.") % {"label": label}, field=field_name)
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


def attendees_clean(value) -> list[str]:
    lines = value.splitlines() if isinstance(value, str) else list(value or [])
    names = []
    for line in lines:
        name = clean_text(line, label=_("An attendee"), limit=MAX_SHORT, required=False, field_name="attendees")
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


def signature_build(*, name, role, cohort, visibility) -> SignatureContent:
    if visibility not in Visibility.CHOICES:
        raise LetterError(_("Choose how your signature is shown."), field="visibility")
    return SignatureContent(
        name=clean_text(name, label=_("Name"), limit=MAX_SHORT, required=True, field_name="name"),
        role=clean_text(role, label=_("Role"), limit=MAX_SHORT, required=False, field_name="role"),
        cohort=clean_text(cohort, label=_("Cohort"), limit=MAX_SHORT, required=False, field_name="cohort"),
        visibility=visibility,
    )
