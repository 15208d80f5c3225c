"""What a reporter writes, as one document encrypted under the report key. Limits shared by form and API."""

import json
from dataclasses import asdict, dataclass
from typing import Any

from django.utils.translation import gettext as _

from confide.reports.models import Report

LIMITS = {
    "what_happened": 20_000,
    "when": 300,
    "where": 300,
    "people_involved": 2_000,
    "name": 200,
    "contact": 300,
    "avoid_handlers": 500,
}
MESSAGE_MAX_CHARS = 20_000
CATEGORIES = [c.value for c in Report.Category]


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

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "ReportContent":
        return cls(**json.loads(raw))


class ContentError(ValueError):
    """Input that cannot become a report; the message is shown to the reporter."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


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
    values: dict[str, Any] = {
        "what_happened": what_happened.strip(),
        "when": when.strip(),
        "where": where.strip(),
        "people_involved": people_involved.strip(),
        "name": name.strip() if not anonymous else "",
        "contact": contact.strip() if not anonymous else "",
        "avoid_handlers": avoid_handlers.strip(),
    }
    if not values["what_happened"]:
        raise ContentError("what_happened", _("Please tell us what happened, in your own words."))
    for key, limit in LIMITS.items():
        if len(values[key]) > limit:
            raise ContentError(key, _("This field is limited to %(limit)d characters.") % {"limit": limit})
        if "\x00" in values[key]:
            raise ContentError(key, _("This field contains a character that cannot be stored."))
    if category not in CATEGORIES:
        raise ContentError("category", _("Please choose one of the listed categories."))
    if not anonymous and not (values["name"] or values["contact"]):
        raise ContentError("name", _("To report with your name, give a name or a way to contact you."))
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


def message_clean(body: str, *, allow_empty: bool = False) -> str:
    body = body.strip()
    if not body and not allow_empty:
        raise ContentError("body", _("The message is empty."))
    if len(body) > MESSAGE_MAX_CHARS:
        raise ContentError("body", _("A message is limited to %(limit)d characters.") % {"limit": MESSAGE_MAX_CHARS})
    if "\x00" in body:
        raise ContentError("body", _("The message contains a character that cannot be stored."))
    return body
