"""The call's draft. It lives only in the form fields of the call-taker's screen between steps (never in the
session or the database), and a MAC made at read-back proves that what is filed is exactly what was read."""

import hashlib
import hmac
import json
import re
import secrets

from django import forms
from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from confide.reports.content import LIMITS
from confide.reports.models import Report

CALLERS_WORDS = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)
DRAFT_FIELDS = (
    "what_happened",
    "when",
    "where",
    "people_involved",
    "category",
    "identity",
    "name",
    "contact",
    "avoid_handlers",
)


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class ScriptForm(forms.Form):
    """The opening of the call: nothing is typed about the caller until both are done."""

    safe_to_talk = forms.BooleanField(label=_("The caller says this is a safe time and place to talk."))
    confidentiality_explained = forms.BooleanField(
        label=_("I explained the limits of confidentiality and that the call is not recorded.")
    )


class DraftForm(forms.Form):
    """The account as the call-taker types it. Field rules mirror content_build, which has the last word."""

    what_happened = forms.CharField(
        label=_("What happened, as the caller tells it"),
        help_text=_("Put the caller's exact words between [[ and ]], for example: he said [[you owe me]]."),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=LIMITS["what_happened"],
    )
    when = forms.CharField(label=_("When did it happen?"), required=False, max_length=LIMITS["when"])
    where = forms.CharField(label=_("Where did it happen?"), required=False, max_length=LIMITS["where"])
    people_involved = forms.CharField(
        label=_("Who was involved, and did anyone see it or know about it?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=LIMITS["people_involved"],
    )
    category = forms.ChoiceField(
        label=_("Which best describes it?"), choices=Report.Category.choices, widget=forms.RadioSelect
    )
    identity = forms.ChoiceField(
        label=_("Does the caller want to give their name?"),
        choices=[("anonymous", _("No, anonymous")), ("named", _("Yes, with a name or a way to reach them"))],
        initial="anonymous",
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Caller's name"), required=False, max_length=LIMITS["name"])
    contact = forms.CharField(
        label=_("How to reach the caller"),
        help_text=_("Only a number or address the caller says is safe to use."),
        required=False,
        max_length=LIMITS["contact"],
    )
    avoid_handlers = forms.CharField(
        label=_("Anyone at the third party who should not see this report?"),
        required=False,
        max_length=LIMITS["avoid_handlers"],
    )

    def clean_what_happened(self) -> str:
        text = self.cleaned_data["what_happened"]
        if text.count("[[") != text.count("]]"):
            raise forms.ValidationError(_("Close every [[ with ]] so the caller's own words are marked clearly."))
        return text

    @property
    def anonymous(self) -> bool:
        return self.cleaned_data.get("identity", "anonymous") != "named"

    def hidden_values(self) -> list[tuple[str, str]]:
        """The cleaned draft, to carry in hidden fields to the next step."""
        return [(name, str(self.cleaned_data.get(name, ""))) for name in DRAFT_FIELDS]


def read_back_nonce() -> str:
    """Drawn once per read-back: what makes the signed read-back single-use."""
    return secrets.token_urlsafe(24)


def read_back_token_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def draft_mac(*, user_id: int, organization_slug: str, language: str, nonce: str, values: dict[str, str]) -> str:
    """Binds the read-back to this call-taker, organization, language, exact text and its one-time nonce."""
    canonical = json.dumps(
        [user_id, organization_slug, language, nonce, [values.get(name, "") for name in DRAFT_FIELDS]],
        ensure_ascii=False,
    )
    return salted_hmac("confide.hotline.read_back", canonical, algorithm="sha256").hexdigest()


def draft_mac_valid(*, mac: str, **binding) -> bool:
    return hmac.compare_digest(mac.encode(), draft_mac(**binding).encode())


NATO = {
    "a": "Alfa",
    "b": "Bravo",
    "c": "Charlie",
    "d": "Delta",
    "e": "Echo",
    "f": "Foxtrot",
    "g": "Golf",
    "h": "Hotel",
    "i": "India",
    "j": "Juliett",
    "k": "Kilo",
    "l": "Lima",
    "m": "Mike",
    "n": "November",
    "o": "Oscar",
    "p": "Papa",
    "q": "Quebec",
    "r": "Romeo",
    "s": "Sierra",
    "t": "Tango",
    "u": "Uniform",
    "v": "Victor",
    "w": "Whiskey",
    "x": "X-ray",
    "y": "Yankee",
    "z": "Zulu",
}


def spelled(word: str) -> list[str]:
    """The spelling alphabet for a receipt word: the same code words in English and Spanish (ICAO)."""
    return [NATO.get(letter, letter) for letter in word.lower()]


# Receipt words that sound like another word (the receipt list is the EFF large list, shared with web receipts and
# not ours to change). Heard without spelling, the caller may write the other word down; the first four pairs
# are both receipt words, so a wrong one still looks like a receipt. Found by checking a list of common English
# homophones against the receipt list: tests/hotline/test_receipt_words.py keeps every entry on the list.
SOUNDS_LIKE = {
    "cache": "cash",
    "cash": "cache",
    "carat": "carrot",
    "carrot": "carat",
    "cannon": "canon",
    "canon": "cannon",
    "flier": "flyer",
    "flyer": "flier",
    "browse": "brows",
    "chili": "chilly",
    "clause": "claws",
    "coral": "choral",
    "cymbal": "symbol",
    "duct": "ducked",
    "grill": "grille",
    "jam": "jamb",
    "manor": "manner",
    "overdue": "overdo",
    "paced": "paste",
    "patience": "patients",
    "petal": "pedal",
    "prize": "pries",
    "rack": "wrack",
    "rumor": "roomer",
    "size": "sighs",
    "very": "vary",
    "whole": "hole",
    "borough": "burrow",
    "knickers": "nickers",
}


def sounds_like(word: str) -> str:
    return SOUNDS_LIKE.get(word.lower(), "")
