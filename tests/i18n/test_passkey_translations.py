"""The passkey pages and messages are in Spanish too (staff choose their language): every string of their
templates and modules has a translation in our compiled catalogue."""

import ast
import gettext
from pathlib import Path

import pytest

import confide
from tests.i18n import strings

ROOT = Path(confide.__file__).parent
LOCALE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.mo"
TEMPLATES = ["staff/templates/staff/passkeys.html"]
MODULES = ["accounts/services/passkeys.py", "staff/forms/passkeys.py"]
# The sign-in page's own strings are another piece of work (staff pages are being translated): only the
# passkey's three are checked there.
SIGN_IN = "staff/templates/staff/sign_in.html"
SIGN_IN_PASSKEY = [
    "Sign in with a passkey",
    "Or type the code from your authenticator app:",
    "The passkey did not answer. Try again, or type the code from your authenticator app.",
]


def _passkey_strings() -> list[str]:
    found = []
    for template in TEMPLATES:
        text = (ROOT / template).read_text()
        found += [m.group(2) for m in strings.TRANSLATE.finditer(text)]
        found += [strings._block_text(m.group(2), "trimmed" in m.group(1)) for m in strings.BLOCK.finditer(text)]
    for module in MODULES:
        for node in ast.walk(ast.parse((ROOT / module).read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "gettext"}:
                value = strings._constant(node.args[0])
                if value is not None:
                    found.append(value)
    sign_in = {m.group(2) for m in strings.TRANSLATE.finditer((ROOT / SIGN_IN).read_text())}
    assert set(SIGN_IN_PASSKEY) <= sign_in
    return sorted(set(found) | set(SIGN_IN_PASSKEY))


STRINGS = _passkey_strings()


def test_the_strings_were_read():
    assert {"Sign in with a passkey", "Added %(added)s.", "That passkey is registered already."} <= set(STRINGS)


@pytest.mark.parametrize("msgid", STRINGS)
def test_every_passkey_string_has_spanish(msgid):
    with LOCALE.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    assert catalog.get(msgid), msgid
