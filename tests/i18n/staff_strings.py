"""The msgids a staff member can see, read from the sources: every staff and operator template, and every
module whose messages can reach a staff page, a staff API answer or a staff email (issue 15, 2).

Rather than a list of modules (which a new page would silently escape), it is every module of the project
except those whose text no staff member reads in the product: the reporter door (its own test,
tests/i18n/strings.py), migrations, the command line (management commands, backups: run by the operator in a
terminal, in English), the settings and the crypto core (no messages)."""

import re

from tests.i18n.strings import ROOT, Found, python_strings, template_strings

TEMPLATE_DIRS = [ROOT / "staff" / "templates", ROOT / "templates"]
OUTSIDE = {"reporter", "migrations", "management", "settings", "backups", "crypto"}


def staff_modules() -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if not OUTSIDE & set(path.relative_to(ROOT).parts) and path.name != "__init__.py"
    )


# _("...") in a template's filter argument ({{ lead|default:_("nobody yet") }}).
_FILTER_ARGUMENT = re.compile(r"""_\((["'])(.+?)\1\)""")


def filter_argument_strings() -> list[Found]:
    found: list[Found] = []
    for directory in TEMPLATE_DIRS:
        for path in sorted(directory.rglob("*.html")):
            where = str(path.relative_to(ROOT))
            found += [(where, match.group(2), None) for match in _FILTER_ARGUMENT.finditer(path.read_text())]
    return found


def staff_strings() -> list[Found]:
    return sorted(set(template_strings(TEMPLATE_DIRS) + filter_argument_strings() + python_strings(staff_modules())))


# English left outside {% translate %}: what is left of a template once its tags, variables, comments and
# translated blocks are gone, and the attributes a reader or a screen reader meets (labels, titles, buttons).
_BLOCK = re.compile(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", re.S)
_COMMENT = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
_NOT_TEXT = re.compile(r"{%\s*block\s+body_class\s*%}.*?{%\s*endblock\s*%}|<(script|style)\b.*?</\1>", re.S)
_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
_ATTRIBUTE = re.compile(r"""\b(aria-label|title|placeholder|alt)\s*=\s*(["'])(.*?)\2""", re.S)
_BUTTON_VALUE = re.compile(r"""<input\b[^>]*type=["']?(?:submit|button|reset)[^>]*\bvalue=(["'])(.*?)\1""", re.S)
_HTML = re.compile(r"<[^>]*>", re.S)
_WORD = re.compile(r"[A-Za-z]{2,}")
# Names, not words: the product's name.
# Names that read the same in every language: the product and file formats.
_NAMES = {"Confide", "PDF", "CSV", "JSON", "SVG"}


def _blank(pattern: re.Pattern, text: str) -> str:
    """Removes what matches but keeps its line breaks, so the line numbers reported are the file's."""
    return pattern.sub(lambda match: " " + "\n" * match.group(0).count("\n"), text)


def _words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text) if word not in _NAMES]


def untranslated_template_text() -> list[str]:
    found = []
    for directory in TEMPLATE_DIRS[:1]:  # the shared base templates are the reporter test's
        for path in sorted(directory.rglob("*.html")):
            text = path.read_text()
            for pattern in (_COMMENT, _NOT_TEXT, _BLOCK, _TAG):
                text = _blank(pattern, text)
            where = str(path.relative_to(ROOT))
            for number, line in enumerate(text.splitlines(), 1):
                pieces = [m.group(3) for m in _ATTRIBUTE.finditer(line)]
                pieces += [m.group(2) for m in _BUTTON_VALUE.finditer(line)]
                pieces.append(_HTML.sub(" ", line))
                found += [f"{where}:{number}: {piece.strip()}" for piece in pieces if _words(piece)]
    return found
