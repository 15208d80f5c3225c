"""What a reporter writes, as one document encrypted under the report key, and the report app's errors.
Limits shared by form and API."""

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from confide.core.errors import Conflict, NotFound, Refused
from confide.core.text import LONG_TEXT_MAX_CHARS, text_clean
from confide.reports.models import Report

LIMITS = {
    "what_happened": LONG_TEXT_MAX_CHARS,
    "when": 300,
    "where": 300,
    "people_involved": 20_000,
    "name": 200,
    "contact": 300,
    "avoid_handlers": 500,
}
MESSAGE_MAX_CHARS = LONG_TEXT_MAX_CHARS  # a reply is often the rest of the account
CATEGORIES = [c.value for c in Report.Category]


class ContentError(Refused):
    """Input that cannot become a report, a message or a note; the message is shown to whoever typed it."""


class ReportNotFound(NotFound):
    """Unknown, foreign, or not visible to this user: deliberately one error (threat model G3, G4)."""


class IllegalTransition(Conflict):
    """The case's status does not allow this step now."""


class AssignmentRefused(Refused):
    """Lead, deadline and recorded conflicts: only the right person, only a colleague on the case."""


class GrantRefused(Refused):
    """A key grant to someone who may not hold the report key."""


class DeletionRefused(Refused):
    """The four-eyes deletion: a second handler must approve what the first requested."""


class RecoveryRefused(Refused):
    """The offline recovery (a management command): wrong recovery key or unknown staff member."""


@dataclass(frozen=True)
class ReportContent:
    what_happened: str
    category: str
    when: str = ""
    where: str = ""
    people_involved: str = ""
    anonymous: bool = True
    name: str = ""
    contact: str = ""
    avoid_handlers: str = ""
    # Hotline (issue 6), defaulted so earlier reports decode: how the report came in, the language the caller
    # spoke, and whether the caller consented to the record after it was read back (EU Directive art. 18).
    # On phone reports, passages between [[ and ]] in the text are the caller's own words.
    channel: str = "web"
    language: str = ""
    consent_read_back: bool = False
    # The organization's own questions (issue 15), defaulted so earlier reports decode: the form version, the
    # questions as they were when the report was filed, and the answers (confide.questions.content).
    answers: dict[str, Any] = field(default_factory=dict)
    # Issue 15: the name and contact were given but sealed apart (models.SealedIdentity), so they are empty here.
    # Reports filed before, or where the organization has no identity custodian, keep them in this document.
    identity_sealed: bool = False

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "ReportContent":
        return cls(**json.loads(raw))


def _text(value: object, *, field: str, limit: int, required: bool = False, empty: str | None = None) -> str:
    """core.text.text_clean, refusing with the report's own error (what the pages re-render with)."""
    try:
        return text_clean(value, field=field, limit=limit, required=required, empty=empty)
    except ContentError:
        raise
    except Refused as refused:
        raise ContentError(refused.message, field=refused.field) from None


def content_build(
    *,
    what_happened: str,
    category: str,
    when: str = "",
    where: str = "",
    people_involved: str = "",
    anonymous: bool = True,
    name: str = "",
    contact: str = "",
    avoid_handlers: str = "",
) -> ReportContent:
    """Validate and normalise; the one place the rules live, used by the pages and the API alike."""
    given = {
        "what_happened": what_happened,
        "when": when,
        "where": where,
        "people_involved": people_involved,
        "name": name if not anonymous else "",
        "contact": contact if not anonymous else "",
        "avoid_handlers": avoid_handlers,
    }
    values: dict[str, Any] = {
        key: _text(
            given[key],
            field=key,
            limit=limit,
            required=key == "what_happened",
            empty=_("Please tell us what happened, in your own words."),
        )
        for key, limit in LIMITS.items()
    }
    if category not in CATEGORIES:
        raise ContentError(_("Please choose one of the listed categories."), field="category")
    if not anonymous and not (values["name"] or values["contact"]):
        raise ContentError(_("To report with your name, give a name or a way to contact you."), field="name")
    return ReportContent(category=category, anonymous=anonymous, **values)


def content_from_form(data: dict, *, anonymous: bool) -> ReportContent:
    """The report a web form or the hotline console collected (both use the same field names)."""
    return content_build(
        what_happened=data["what_happened"],
        category=data["category"],
        when=data["when"],
        where=data["where"],
        people_involved=data["people_involved"],
        anonymous=anonymous,
        name=data["name"],
        contact=data["contact"],
        avoid_handlers=data["avoid_handlers"],
    )


def message_clean(body: object, *, allow_empty: bool = False) -> str:
    """A message or a note: its own sentences for the limit and for NUL, text_clean for everything else."""
    if isinstance(body, str):
        stripped = body.strip()
        if len(stripped) > MESSAGE_MAX_CHARS:
            raise ContentError(
                _("A message is limited to %(limit)d characters.") % {"limit": MESSAGE_MAX_CHARS}, field="body"
            )
        if "\x00" in stripped:
            raise ContentError(_("The message contains a character that cannot be stored."), field="body")
    return _text(
        body, field="body", limit=MESSAGE_MAX_CHARS, required=not allow_empty, empty=_("The message is empty.")
    )
