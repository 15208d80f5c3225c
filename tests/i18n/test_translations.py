"""Every string a reporter can see has a Spanish translation, so a page chosen in Spanish never falls back to
English halfway. Strings are read from the sources (tests/i18n/strings.py): a new string without a translation
fails here. The catalogue checked is our own compiled one, not Django's, which already translates some words."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.i18n.strings import reporter_strings

LOCALE = Path(__file__).resolve().parents[2] / "confide" / "locale" / "es" / "LC_MESSAGES"
STRINGS = reporter_strings()


def _catalog(mo: Path) -> dict:
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]


CATALOG = _catalog(LOCALE / "django.mo")


def test_the_sources_were_read():
    """Guards the test itself: a broken pattern or module list would find nothing and pass for nothing."""
    messages = {msgid for _where, msgid, _plural in STRINGS}
    assert "Send my report" in messages  # intake template
    assert "Reporting line for %(name)s" in messages  # blocktranslate in the reporter base
    assert "Please write what happened, in your own words." in messages  # reports/content.py
    assert "An email address looks like name@example.org." in messages  # escrow identifiers
    assert "We could not find a letter with this receipt. Check the words and try again." in messages
    assert "This form expired or was sent from another site. Go back, reload the page and send it again." in messages
    assert {where.split("/")[0] for where, _m, _p in STRINGS} >= {"reporter", "escrow", "letters", "verification"}
    assert len(STRINGS) > 400


@pytest.mark.parametrize(("where", "msgid", "plural"), STRINGS, ids=[f"{w}:{m[:40]}" for w, m, _p in STRINGS])
def test_every_reporter_string_has_a_spanish_translation(where, msgid, plural):
    spanish = CATALOG.get((msgid, 0) if plural else msgid)
    assert spanish, f"{where}: no Spanish for {msgid!r}"


def test_the_translations_keep_their_placeholders():
    """A dropped or renamed %(name)s would raise or show the wrong thing on a Spanish page."""
    placeholder = re.compile(r"%\(\w+\)[sd]")
    for _where, msgid, plural in STRINGS:
        spanish = CATALOG[(msgid, 0) if plural else msgid]
        assert sorted(placeholder.findall(spanish)) == sorted(placeholder.findall(msgid)), msgid


MSGFMT = shutil.which("msgfmt")


@pytest.mark.skipif(MSGFMT is None, reason="gettext's msgfmt is not installed")
def test_the_committed_catalogue_is_compiled_from_the_po_file(tmp_path):
    """The server reads django.mo: an edit to django.po that was not compiled would never show."""
    subprocess.run([str(MSGFMT), "--check", "-o", str(tmp_path / "django.mo"), str(LOCALE / "django.po")], check=True)
    assert _catalog(tmp_path / "django.mo") == CATALOG


def test_the_po_file_has_no_fuzzy_entries():
    """A fuzzy entry is a guess by msgmerge; it is not used by the server and must be checked by a person."""
    assert "#, fuzzy" not in (LOCALE / "django.po").read_text()
