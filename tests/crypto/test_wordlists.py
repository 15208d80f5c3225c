"""The curated receipt lists (crypto.md §3, issue 11): clean, well formed, and ≥ 100 bits per receipt."""

import re
import unicodedata

import pytest

from confide import crypto
from confide.core.spelling import SOUNDS_LIKE
from tests.crypto.blocklists import EN_STEMS, EN_WORDS, ES_STEMS, ES_WORDS, ISSUE_WORDS, blocked

BLOCKLISTS = {"en": (EN_STEMS, EN_WORDS), "es": (ES_STEMS, ES_WORDS)}


def folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def sounds(word: str) -> str:
    """A rough Spanish phonetic key: b/v, c/s/z, ll/y, silent h, c/qu/k and g/j before e and i sound alike."""
    key = folded(word).replace("ch", "X").replace("h", "").replace("v", "b").replace("z", "s").replace("ll", "y")
    key = re.sub(r"c([ei])", r"s\1", key).replace("qu", "k").replace("c", "k")
    return re.sub(r"g([ei])", r"j\1", key).replace("gu", "g")


@pytest.mark.parametrize("language", crypto.RECEIPT_LANGUAGES)
def test_every_language_gives_at_least_100_bits(language):
    assert crypto.receipt_bits(language) >= 100
    assert crypto.RECEIPT_BITS >= 100


@pytest.mark.parametrize("language", crypto.RECEIPT_LANGUAGES)
def test_a_list_is_lowercase_letters_unique_and_unambiguous_without_accents(language):
    words = crypto.receipt_words(language)
    assert len(words) == len(set(words)) > 1600
    assert all(word.isalpha() and word == word.lower() for word in words)
    assert all(word == unicodedata.normalize("NFC", word) for word in words)
    assert len({folded(word) for word in words}) == len(words), "two words are one once accents are dropped"
    assert all(folded(word).isascii() for word in words), "a word the reporter cannot type on any keyboard"


@pytest.mark.parametrize("language", crypto.RECEIPT_LANGUAGES)
def test_no_word_of_the_issue_or_the_blocklist_is_on_a_list(language):
    stems, short = BLOCKLISTS[language]
    words = {folded(word) for word in crypto.receipt_words(language)}
    assert not words & ISSUE_WORDS
    assert [w for w in sorted(words) if blocked(w, stems=stems, words=short)] == []


def test_the_issue_words_were_on_the_legacy_list_which_is_why_it_is_never_drawn_from_again():
    assert ISSUE_WORDS.issubset(crypto.receipt_legacy_words())


def test_the_english_list_is_the_eff_list_with_words_removed_and_no_sound_alikes():
    english = set(crypto.receipt_words("en"))
    assert english < set(crypto.receipt_legacy_words())
    assert not english & set(SOUNDS_LIKE)


def test_no_two_spanish_words_sound_alike():
    keys = [sounds(word) for word in crypto.receipt_words("es")]
    assert len(set(keys)) == len(keys)
    assert len({key[:4] for key in map(folded, crypto.receipt_words("es"))}) == len(keys), "first 4 letters"


def test_english_and_spanish_receipts_cannot_be_confused():
    # A receipt mixes no lists, and the counts differ: no string is a receipt of two lists at once.
    assert crypto.receipt_word_count("en") != crypto.receipt_word_count("es")
