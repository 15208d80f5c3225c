"""Canonical, type-prefixed identifiers for matching escrow (crypto.md §4). Two reporters who name the same
person the same way must produce the same bytes before the OPRF, whatever their spelling."""

import re
import unicodedata

import phonenumbers
from django.utils.translation import gettext as _

from confide.core.errors import Refused

PLATFORMS = ("x", "instagram", "tiktok", "facebook", "linkedin", "signal", "telegram", "whatsapp", "bluesky")
_HANDLE = re.compile(r"^[a-z0-9._-]{1,64}$")
_NAME_DROP = re.compile(r"[^\w\s'-]")


class IdentifierError(Refused):
    """The message names the expected form; it is shown to the reporter. `field` names the input at fault."""


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def email_canonical(value: str) -> str:
    text = _nfkc(value).casefold()
    local, at, domain = text.rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in text) or "@" in local:
        raise IdentifierError(_("An email address looks like name@example.org."))
    local = local.split("+", 1)[0]
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise IdentifierError(_("An email address looks like name@example.org.")) from None
    if not local:
        raise IdentifierError(_("An email address looks like name@example.org."))
    return f"email:{local}@{domain}"


def phone_canonical(value: str, *, region: str = "US") -> str:
    try:
        number = phonenumbers.parse(_nfkc(value), region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise IdentifierError(
            _("A phone number with its country code, for example +1 202 555 0143 or +44 20 7946 0958.")
        )
    return "phone:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def handle_canonical(value: str, *, platform: str) -> str:
    platform = platform.strip().casefold()
    if platform not in PLATFORMS:
        raise IdentifierError(_("Choose one of the listed platforms."))
    handle = _nfkc(value).casefold().lstrip("@")
    if not _HANDLE.match(handle):
        raise IdentifierError(_("A handle is letters, digits, dots, hyphens or underscores, without spaces."))
    return f"handle:{platform}:{handle}"


def name_canonical(value: str, *, tenant: str) -> str:
    """Weak by nature (two people share a name; one person has many spellings): shown as such."""
    words = _NAME_DROP.sub(" ", _nfkc(value).casefold()).split()
    if len(words) < 2 or sum(len(w) for w in words) < 4:
        raise IdentifierError(_("Give at least a first and a last name."))
    return f"name:{tenant}:{' '.join(words)}"


def identifiers_collect(
    *, email: str = "", phone: str = "", handle: str = "", platform: str = "", name: str = "", tenant: str
) -> list[str]:
    """The canonical identifiers a reporter gave for one person, at least one. Raises IdentifierError naming
    the field's expected form (the `field` attribute says which)."""
    found: list[str] = []
    for field_name, value, canonical in [
        ("email", email, lambda v: email_canonical(v)),
        ("phone", phone, lambda v: phone_canonical(v)),
        ("handle", handle, lambda v: handle_canonical(v, platform=platform)),
        ("name", name, lambda v: name_canonical(v, tenant=tenant)),
    ]:
        if not (value or "").strip():
            continue
        if len(value) > 200 or not _utf8(value):
            raise IdentifierError(
                _("This identifier is too long (200 characters at most) or has characters that cannot be stored."),
                field=field_name,
            )
        try:
            found.append(canonical(value))
        except IdentifierError as error:
            raise IdentifierError(error.message, field=field_name) from None
    if not found:
        raise IdentifierError(_("Name the person by at least one of: email, phone, handle or full name."))
    return list(dict.fromkeys(found))


def _utf8(value: str) -> bool:
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


def identifier_kind(canonical: str) -> str:
    return canonical.split(":", 1)[0]


def identifier_display(canonical: str) -> str:
    """For people: `handle:x:someone` reads as `someone (x)`, `name:acme:jo doe` as `jo doe`."""
    kind, _sep, rest = canonical.partition(":")
    if kind == "handle":
        platform, _sep, handle = rest.partition(":")
        return f"@{handle} ({platform})"
    if kind == "name":
        return rest.partition(":")[2]
    return rest
