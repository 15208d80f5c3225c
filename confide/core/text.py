"""One validator for every free text a person writes (accounts, replies, vault records, letters, notes)."""

from django.utils.translation import gettext as _

from confide.core.errors import Refused

# What a person writes in their own words: an account, a reply, a vault record, a letter, a call's notes. A long
# account is a real case (issue 11: a 58,000-character account lost two thirds at the old 20,000); 200,000
# characters is some 80 printed pages, more than anyone has needed, and still small to encrypt and store.
LONG_TEXT_MAX_CHARS = 200_000


def text_clean(value: object, *, field: str, limit: int, required: bool = True, empty: str | None = None) -> str:
    """Strip `value` and return it, or raise Refused naming `field`.

    Refused: not text; empty when `required` (with `empty` as the sentence, when the caller has a kinder one);
    longer than `limit` characters; a NUL or a lone surrogate, which JSON allows but storage cannot hold.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise Refused(_("This field must be text."), field=field)
    text = value.strip()
    if required and not text:
        raise Refused(empty or _("This field is required."), field=field)
    if len(text) > limit:
        raise Refused(_("This field is limited to %(limit)d characters.") % {"limit": limit}, field=field)
    if "\x00" in text or not _encodable(text):
        raise Refused(_("This field contains a character that cannot be stored."), field=field)
    return text


def _encodable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True
