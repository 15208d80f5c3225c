import time
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confide import crypto
from confide.crypto import labels

# Issued before the curated lists (8 words of the EFF large list); its stored lookup is a keyed hash of exactly
# this normalised form, so it must never change.
OLD_RECEIPT = "Headlock-crying  REPRESSED reckless, deviancy abacus zoom yodel"
OLD_NORMALISED = "headlock crying repressed reckless deviancy abacus zoom yodel"


def test_no_word_contains_a_separator():
    for language in crypto.RECEIPT_LANGUAGES:
        assert all(word.isalpha() and word.islower() for word in crypto.receipt_words(language))


@pytest.mark.parametrize(("language", "most"), [("en", 16), ("es", 25)])
def test_generated_receipts_are_distinct_and_spread_over_the_list(language, most):
    receipts = [crypto.receipt_generate(language) for _ in range(1000)]
    assert len(set(receipts)) == 1000
    words = Counter(w for r in receipts for w in r.split())
    size, draws = len(crypto.receipt_words(language)), sum(words.values())
    assert set(words) <= set(crypto.receipt_words(language))
    # English: 8,000 draws from 6,010 words, about 4,420 distinct expected (sd ~30); Spanish: 10,000 from 1,646,
    # nearly all of them. One word drawn `most` times is near 1e-5 or less. A fixed seed or short list fails.
    assert len(words) > 0.9 * size * (1 - (1 - 1 / size) ** draws)
    assert max(words.values()) < most


def test_a_receipt_is_drawn_in_the_reporters_language_and_english_otherwise():
    spanish, english = set(crypto.receipt_words("es")), set(crypto.receipt_words("en"))
    assert len(crypto.receipt_generate("es").split()) == crypto.receipt_word_count("es") == 10
    for language in ("es", "es-mx", "es_AR", "ES"):
        assert set(crypto.receipt_generate(language).split()) <= spanish
    for language in ("en", "en-us", "fr", "", None):
        words = crypto.receipt_generate(language).split()
        assert len(words) == 8 and set(words) <= english
    assert set(crypto.receipt_generate().split()) <= english


def test_a_generated_receipt_is_already_normal_once_accents_are_dropped():
    english = crypto.receipt_generate("en")
    assert crypto.receipt_normalise(english) == english
    assert crypto.receipt_normalise(" ".join(["limón"] * 10)) == " ".join(["limon"] * 10)
    receipt = crypto.receipt_generate("es")
    assert crypto.receipt_normalise(receipt) == crypto.receipt_normalise(receipt.upper())
    assert crypto.receipt_normalise(receipt).isascii()


def test_a_spanish_receipt_is_accepted_typed_without_accents():
    receipt = "límite andén bazar llover vale sano placa nuera limón árbol"
    typed = "LIMITE-anden bazar llover vale sano placa nuera limon arbol"
    assert crypto.receipt_normalise(typed) == crypto.receipt_normalise(receipt) == typed.lower().replace("-", " ")


def test_a_receipt_issued_before_the_curated_lists_normalises_as_it_did():
    assert not set(OLD_NORMALISED.split()) <= set(crypto.receipt_words("en"))  # only the legacy list has them
    assert crypto.receipt_normalise(OLD_RECEIPT) == OLD_NORMALISED


@given(st.sampled_from(["-", " ", "  ", "\n", ". ", ", ", "_", "\t"]), st.booleans(), st.sampled_from(["en", "es"]))
def test_spelling_variations_normalise_equal(separator, upper, language):
    receipt = crypto.receipt_normalise(crypto.receipt_generate(language))
    variant = separator.join(receipt.split())
    variant = variant.upper() if upper else variant.title()
    assert crypto.receipt_normalise(f"  {variant} ") == receipt


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abacus " * 7,
        "abacus " * 9,
        "abacus " * 10,  # English words, in Spanish number
        "limón " * 8,  # Spanish words, in English number
        "abacus abacus abacus abacus abacus abacus abacus notaword",
        "abacus abacus abacus abacus abacus abacus abacus limón",  # lists mixed
        "limón limón limón limón limón limón limón limón limón abacus",
        "abacus" * 8,
    ],
)
def test_it_rejects_malformed_receipts(text):
    with pytest.raises(crypto.ReceiptFormatError):
        crypto.receipt_normalise(text)


def test_it_rejects_huge_input_quickly():
    started = time.perf_counter()
    with pytest.raises(crypto.ReceiptFormatError):
        crypto.receipt_normalise("abacus " * 10_000)
    assert time.perf_counter() - started < 0.05


def test_the_lookup_and_the_wrap_key_depend_on_the_pepper_and_differ():
    receipt = crypto.receipt_generate()
    first = crypto.receipt_lookup(receipt, pepper=b"p" * 32)
    assert first != crypto.receipt_lookup(receipt, pepper=b"q" * 32)
    key = crypto.receipt_wrap_key(labels.RECEIPT_KEY, receipt, pepper=b"p" * 32)
    assert key != crypto.receipt_wrap_key(labels.RECEIPT_KEY, receipt, pepper=b"q" * 32)
    assert first != key and len(key) == 32


def test_a_covered_wrap_opens_for_its_secret_and_the_cover_comes_off_again():
    pepper, key, ad = b"p" * 32, crypto.random_key(), b"report:x"
    old = crypto.aead_encrypt(crypto.keyed_hash(labels.RECEIPT_KEY, b"some words"), key, ad=ad)
    covered = crypto.receipt_wrap_cover(old, pepper=pepper, ad=ad)
    assert crypto.receipt_unwrap(labels.RECEIPT_KEY, "some words", covered, pepper=pepper, ad=ad) == key
    assert crypto.receipt_wrap_uncover(covered, pepper=pepper, ad=ad) == old
    with pytest.raises(crypto.DecryptionError):
        crypto.receipt_unwrap(labels.RECEIPT_KEY, "other words", covered, pepper=pepper, ad=ad)
    new = crypto.receipt_wrap(labels.RECEIPT_KEY, "some words", key, pepper=pepper, ad=ad)
    assert crypto.receipt_wrap_uncover(new, pepper=pepper, ad=ad) is None
