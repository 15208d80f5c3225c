"""Receipts (crypto.md §3): words drawn by the server from a curated list in the reporter's language, ≥ 100 bits.

With that much entropy no slow hash is needed: the lookup is a peppered keyed hash, so a copy of the database
alone cannot test a guess, and intake stays fast. The lists, their sources and how they were curated:
confide/crypto/WORDLISTS.md.
"""

import functools
import math
import re
import secrets
import unicodedata
from importlib import resources

from confide.crypto import labels
from confide.crypto.errors import ReceiptFormatError
from confide.crypto.primitives import keyed_hash

_MAX_INPUT = 200
_SEPARATORS = re.compile(r"[\s\-_.,;:/]+")

# language -> (file, words per receipt). Spanish has fewer words that pass the curation, so a receipt takes more.
_LISTS = {"en": ("wordlist_en.txt", 8), "es": ("wordlist_es.txt", 10)}
# Receipts issued before the curated lists: 8 words of the EFF large list. Accepted, never generated.
_LEGACY = ("eff_large_wordlist.txt", 8)
RECEIPT_LANGUAGES = tuple(_LISTS)
DEFAULT_RECEIPT_LANGUAGE = "en"


def receipt_language(language: str | None) -> str:
    """The receipt list for a language code ("es", "es-mx", "es_AR" -> "es"); English for any other."""
    code = re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]
    return code if code in _LISTS else DEFAULT_RECEIPT_LANGUAGE


def _fold(text: str) -> str:
    """Lower case without accents: "Camión" and "camion" are one word (no two list words fold alike)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _read(name: str) -> tuple[str, ...]:
    text = resources.files("confide.crypto").joinpath(name).read_text("utf-8")
    return tuple(
        unicodedata.normalize("NFC", line.strip())
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@functools.cache
def _folded(name: str) -> frozenset[str]:
    return frozenset(_fold(word) for word in _read(name))


def receipt_words(language: str | None = DEFAULT_RECEIPT_LANGUAGE) -> tuple[str, ...]:
    """The list new receipts in this language are drawn from, as shown (Spanish with its accents)."""
    return _read(_LISTS[receipt_language(language)][0])


def receipt_legacy_words() -> tuple[str, ...]:
    """The EFF large list of receipts issued before the curated lists: still accepted, never drawn from."""
    return _read(_LEGACY[0])


def receipt_word_count(language: str | None = DEFAULT_RECEIPT_LANGUAGE) -> int:
    return _LISTS[receipt_language(language)][1]


def receipt_bits(language: str | None = DEFAULT_RECEIPT_LANGUAGE) -> float:
    return receipt_word_count(language) * math.log2(len(receipt_words(language)))


RECEIPT_BITS = min(receipt_bits(language) for language in RECEIPT_LANGUAGES)  # the weakest language's receipts


def receipt_generate(language: str | None = DEFAULT_RECEIPT_LANGUAGE) -> str:
    """A new receipt in the reporter's language (English for a language without a list)."""
    words = receipt_words(language)
    return " ".join(secrets.choice(words) for _ in range(receipt_word_count(language)))


def receipt_normalise(text: str) -> str:
    """Accept case, spacing, hyphen, punctuation and accent variations; return the canonical "w1 w2 …".

    A receipt is valid whatever list it was drawn from (the legacy one included), but all its words come from one
    list, in that list's number: a receipt mixes no lists. The canonical form is lower case without accents, so
    a receipt issued before the curated lists normalises exactly as it did then (its stored lookup still matches).
    """
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        raise ReceiptFormatError("A receipt is 8 or 10 words from one word list.")
    words = [w for w in _SEPARATORS.split(_fold(text.strip())) if w]
    lists = [*_LISTS.values(), _LEGACY]
    if len(words) not in {count for _, count in lists}:
        raise ReceiptFormatError("A receipt is 8 or 10 words from one word list.")
    if not any(len(words) == count and _folded(name).issuperset(words) for name, count in lists):
        raise ReceiptFormatError("A receipt uses only words from one word list.")
    return " ".join(words)


def receipt_lookup(normalised: str, *, pepper: bytes) -> bytes:
    return keyed_hash(labels.RECEIPT_LOOKUP, pepper + normalised.encode())
