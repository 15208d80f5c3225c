from django import template
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from confide.hotline.content import CALLERS_WORDS

register = template.Library()


@register.filter
def callers_words(text: str) -> SafeString:
    """Shows the passages marked [[ ]] as the caller's own words; everything else is escaped as usual."""
    parts: list[str] = []
    last = 0
    for match in CALLERS_WORDS.finditer(str(text)):
        parts.append(escape(text[last : match.start()]))
        parts.append(f'<mark class="callers-words"><q>{escape(match.group(1))}</q></mark>')
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of input was escaped above


@register.filter
def language_name(code: str) -> str:
    """The language spoken on a call, named in the reader's language; an unknown code is shown as is."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code or "—"
