"""Every string a staff member can see has a Spanish translation (issue 15, 2): a Spanish account never meets
English halfway through a page, a refusal or an email. Strings are read from the sources
(tests/i18n/staff_strings.py), so a new staff page, form or message without Spanish fails here, with the list
of what is missing ready to append to confide/locale/es/LC_MESSAGES/django.po."""

import gettext
import re

import pytest

from tests.i18n.staff_strings import staff_strings, untranslated_template_text
from tests.i18n.test_translations import CATALOG, LOCALE

STRINGS = staff_strings()
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]")


def _plural_forms() -> int:
    with (LOCALE / "django.mo").open("rb") as handle:
        info = gettext.GNUTranslations(handle).info()
    return int(re.search(r"nplurals=(\d+)", info["plural-forms"]).group(1))


PLURAL_FORMS = _plural_forms()


def _spanish(msgid: str, plural: str | None) -> list[str]:
    if plural is None:
        return [CATALOG.get(msgid, "")]
    return [CATALOG.get((msgid, form), "") for form in range(PLURAL_FORMS)]


def _po_entry(msgid: str, plural: str | None) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    if plural is None:
        return f'msgid {quoted(msgid)}\nmsgstr ""'
    forms = "\n".join(f'msgstr[{form}] ""' for form in range(PLURAL_FORMS))
    return f"msgid {quoted(msgid)}\nmsgid_plural {quoted(plural)}\n{forms}"


def test_the_staff_sources_were_read():
    """Guards the test itself: a broken pattern or module list would find nothing and pass for nothing."""
    messages = {msgid for _where, msgid, _plural in STRINGS}
    assert "Internal notes" in messages  # the case page
    assert "Page %(number)s" in messages  # blocktranslate in the inbox
    assert "The 6-digit code your app shows now" in messages  # staff forms
    assert "Confide: cases need your attention" in messages  # the staff digest
    assert "Only the lead handler can hand this case to someone else." in messages  # a domain refusal
    assert "Upload a roster" in messages  # the operator's pages
    assert "Free recall first" in messages  # the hotline script
    where = {w.split("/")[0] for w, _m, _p in STRINGS}
    assert where >= {"staff", "notifications", "reports", "letters", "escrow", "accounts", "hotline"}
    assert not {w for w in where if w.startswith("reporter")}
    assert len(STRINGS) > 600


def test_every_staff_string_has_a_spanish_translation():
    """One list of everything missing (not one failure per string): the lead runs this after merging pages."""
    missing: dict[tuple[str, str | None], list[str]] = {}
    for where, msgid, plural in STRINGS:
        if not all(_spanish(msgid, plural)):
            missing.setdefault((msgid, plural), []).append(where)
    report = "\n\n".join(
        f"#: {' '.join(sorted(set(places)))}\n{_po_entry(msgid, plural)}" for (msgid, plural), places in missing.items()
    )
    if missing:  # pytest.fail: an assert's message would be cut short
        pytest.fail(
            f"{len(missing)} staff strings have no Spanish. Append these to the end of django.po with real Spanish "
            f"(fill msgstr in place if the msgid is already there, empty), then compile with msgfmt:\n\n{report}",
            pytrace=False,
        )


def test_the_staff_translations_keep_their_placeholders():
    """A dropped or renamed %(name)s would raise or show the wrong thing on a Spanish page."""
    wrong = []
    for where, msgid, plural in STRINGS:
        # A plural form may take the singular's placeholders or the plural's (the count appears in one only).
        expected = [sorted(PLACEHOLDER.findall(english)) for english in (msgid, plural) if english]
        for spanish in _spanish(msgid, plural):
            if spanish and sorted(PLACEHOLDER.findall(spanish)) not in expected:
                wrong.append(f"{where}: {msgid!r} -> {spanish!r}")
    if wrong:
        pytest.fail("Spanish with other placeholders than the English:\n" + "\n".join(wrong), pytrace=False)


def test_staff_templates_leave_no_english_outside_translate():
    """Text a .po cannot reach: words typed straight into a staff template, or into a label or button."""
    left = untranslated_template_text()
    if left:
        pytest.fail("English outside {% translate %} in staff templates:\n" + "\n".join(left), pytrace=False)
