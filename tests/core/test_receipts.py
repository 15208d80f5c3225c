"""A malformed receipt costs what a wrong one costs: it becomes a decoy that is looked up like any receipt."""

import pytest

from confide import crypto
from confide.core.receipts import receipt_normalise_or_decoy

RECEIPT = "abacus abdomen abdominal abide abiding ability ablaze able"


def test_a_well_formed_receipt_comes_back_canonical_and_valid():
    got = receipt_normalise_or_decoy("  Abacus-abdomen ABDOMINAL abide, abiding ability ablaze able ")
    assert got.valid and got.normalised == RECEIPT


@pytest.mark.parametrize("bad", ["", "one two", "x" * 5000, None, 42, ["abacus"]])
def test_anything_malformed_becomes_the_decoy_which_takes_the_same_lookup_path(bad):
    got = receipt_normalise_or_decoy(bad)
    assert not got.valid
    # The decoy is itself a well-formed receipt, so the caller's lookup and key derivation run unchanged.
    assert crypto.receipt_normalise(got.normalised) == got.normalised
    assert len(got.normalised.split()) == len(RECEIPT.split())


def test_the_handle_never_shows_the_receipt():
    assert "abacus" not in repr(receipt_normalise_or_decoy(RECEIPT))


def test_a_spanish_receipt_typed_without_accents_is_valid_and_canonical():
    shown = crypto.receipt_generate("es")
    got = receipt_normalise_or_decoy(shown.upper())
    assert got.valid and got.normalised == crypto.receipt_normalise(shown) and got.normalised.isascii()


def test_a_receipt_issued_before_the_curated_lists_is_still_valid():
    assert not set(RECEIPT.split()) <= set(crypto.receipt_words("en"))  # "abdomen" is out of the new list
    assert receipt_normalise_or_decoy(RECEIPT) == receipt_normalise_or_decoy(RECEIPT.upper())
    assert receipt_normalise_or_decoy(RECEIPT).valid
