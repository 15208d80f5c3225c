import time
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confide import crypto
from confide.crypto import labels


def test_receipts_carry_at_least_100_bits():
    assert len(crypto.receipt_words()) == len(set(crypto.receipt_words())) >= 7700
    assert crypto.RECEIPT_BITS >= 100


def test_no_word_contains_a_separator():
    assert all(word.isalpha() and word.islower() for word in crypto.receipt_words())


def test_generated_receipts_are_distinct_and_spread_over_the_list():
    receipts = [crypto.receipt_generate() for _ in range(1000)]
    assert len(set(receipts)) == 1000
    words = Counter(w for r in receipts for w in r.split())
    # 8,000 draws from 7,772 words: about 4,850 distinct words expected (sd ~30), and any one word appearing 16
    # times has a probability near 1e-13. A broken generator (a fixed seed, a short list) fails both.
    assert len(words) > 4000
    assert max(words.values()) < 16


def test_a_generated_receipt_is_already_normal():
    receipt = crypto.receipt_generate()
    assert crypto.receipt_normalise(receipt) == receipt


@given(st.sampled_from(["-", " ", "  ", "\n", ". ", ", ", "_", "\t"]), st.booleans())
def test_spelling_variations_normalise_equal(separator, upper):
    receipt = crypto.receipt_generate()
    variant = separator.join(receipt.split())
    variant = variant.upper() if upper else variant.title()
    assert crypto.receipt_normalise(f"  {variant} ") == receipt


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abacus " * 7,
        "abacus " * 9,
        "abacus abacus abacus abacus abacus abacus abacus notaword",
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
