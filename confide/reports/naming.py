"""Which handlers a reporter named in "keep these people out". Errs towards excluding: a name that could be
one of two handlers keeps both out, because the reporter's safety outweighs a case handled by fewer people."""

import re

_WORD = re.compile(r"[\w@.'-]+")
MIN_NAME_LENGTH = 3


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def handlers_named(*, text: str, handlers: dict[int, tuple[str, str, str]]) -> set[int]:
    """Handlers whose username, full name, first name or last name appears in `text` as whole words."""
    words = _words(text)
    if not words:
        return set()
    haystack = f" {' '.join(words)} "
    named = set()
    for user_id, (username, first, last) in handlers.items():
        candidates = [username, f"{first} {last}", first, last]
        for candidate in candidates:
            phrase = " ".join(_words(candidate))
            if len(phrase) >= MIN_NAME_LENGTH and f" {phrase} " in haystack:
                named.add(user_id)
                break
    return named
