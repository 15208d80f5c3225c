"""The call's draft. It lives only in the form fields of the call-taker's screen between steps (never in the
session or the database), and a MAC made at read-back proves that what is filed is exactly what was read."""

import hashlib
import hmac
import json
import re
import secrets

from django.utils.crypto import salted_hmac

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
