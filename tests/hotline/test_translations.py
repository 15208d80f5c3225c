"""Every string of the script and the console has a Spanish translation (a call in Spanish never falls back to
English halfway). Strings are read from the sources, so a new string without a translation fails here."""

import ast
import re
from pathlib import Path

import pytest
from django.utils import translation

import confide

ROOT = Path(confide.__file__).parent
TEMPLATES = ROOT / "staff" / "templates" / "staff" / "hotline"
# The console's pages, forms, API and operator settings, and the hotline domain's own messages.
MODULES = [
    ROOT / "staff" / "hotline.py",
    ROOT / "staff" / "forms" / "hotline.py",
    ROOT / "staff" / "api" / "hotline.py",
    ROOT / "staff" / "admin" / "hotline.py",
    *sorted((ROOT / "hotline").glob("*.py")),
]
# Strings outside the hotline app that a call-taker sees on every console page, or that show a phone report.
SHARED = [
    "Case handling",
    "Hotline",
    "Password",
    "Sign out",
    "Reporter dates are shown to the day on purpose: an exact time could identify a reporter.",
    "Highlighted passages are your own words, as marked on the call.",
    "Highlighted passages are the caller's own words.",
    "Received by",
    "Phone, in %(language)s; a call-taker typed it and read it back",
    "the caller consented to this record",
    "no consent recorded",
]
TRANSLATE = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
BLOCK = re.compile(r"{%\s*blocktranslate([^%]*)%}(.+?)(?:{%\s*plural\s*%}(.+?))?{%\s*endblocktranslate\s*%}", re.S)
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext"}


def _template_strings() -> list[tuple[str, str, str | None]]:
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        found += [(path.name, match.group(2), None) for match in TRANSLATE.finditer(text)]
        for match in BLOCK.finditer(text):
            singular = VARIABLE.sub(r"%(\1)s", match.group(2))
            plural = VARIABLE.sub(r"%(\1)s", match.group(3)) if match.group(3) else None
            found.append((path.name, singular, plural))
    return found


def _python_strings() -> list[tuple[str, str, str | None]]:
    found = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in GETTEXT_NAMES
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((path.name, node.args[0].value, None))
    return found


STRINGS = sorted(set(_template_strings() + _python_strings() + [("shared", msgid, None) for msgid in SHARED]))


def test_the_sources_were_read():
    """Guards the test itself: a broken pattern would find nothing and pass for nothing."""
    messages = {msgid for _where, msgid, _plural in STRINGS}
    assert "Is this a safe time to talk?" in messages
    assert "Call for %(name)s" in messages
    assert "The caller says this is a safe time and place to talk." in messages
    assert len(STRINGS) > 100


@pytest.mark.parametrize(("where", "msgid", "plural"), STRINGS, ids=[f"{w}:{m[:40]}" for w, m, _p in STRINGS])
def test_every_hotline_string_has_a_spanish_translation(where, msgid, plural):
    with translation.override("es"):
        spanish = translation.ngettext(msgid, plural, 2) if plural else translation.gettext(msgid)
    assert spanish != (plural or msgid), f"{where}: no Spanish for {msgid!r}"
