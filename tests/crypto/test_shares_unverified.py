"""Additions for the escrow app: unverified entries live on their own index and polynomial, and open with a
wrap key carried inside a verified entry."""

import pytest

from confide import crypto
from confide.crypto import oprf

KEY = oprf.derive_key(bytes(range(32)), b"confide-escrow")
TEAM = crypto.keypair_generate()


def test_an_unverified_input_has_its_own_index():
    p = oprf.evaluate(KEY, b"email:boss@campaign.example")
    assert crypto.match_index(crypto.unlinked_input(p)) != crypto.match_index(p)


def test_unverified_shares_do_not_combine_with_verified_ones():
    p = oprf.evaluate(KEY, b"email:boss@campaign.example")
    verified = crypto.entry_seal(p=p, threshold=2, account_ref=b"a", entry=b"v", counselor_public_key=TEAM.public_key)
    sybil = crypto.entry_seal(
        p=crypto.unlinked_input(p), threshold=2, account_ref=b"s", entry=b"s", counselor_public_key=TEAM.public_key
    )
    forged = crypto.SealedEntry(index=verified.index, blob=sybil.blob, ciphertext=sybil.ciphertext)
    with pytest.raises(crypto.DecryptionError):
        crypto.entries_open(entries=[verified, forged], threshold=2, counselor_secret_key=TEAM.secret_key)


def test_the_wrap_key_opens_entries_at_its_index_and_no_other():
    p = oprf.evaluate(KEY, b"phone:+12025550143")
    entry = crypto.entry_seal(p=p, threshold=2, account_ref=b"a", entry=b"text", counselor_public_key=TEAM.public_key)
    key = crypto.wrap_key_for(p=p, threshold=2)
    opened = crypto.entries_open_with_wrap_key(entries=[entry], wrap_key=key, counselor_secret_key=TEAM.secret_key)
    assert opened == [b"text"]
    other = crypto.wrap_key_for(p=oprf.evaluate(KEY, b"phone:+12025550144"), threshold=2)
    with pytest.raises(crypto.DecryptionError):
        crypto.entries_open_with_wrap_key(entries=[entry], wrap_key=other, counselor_secret_key=TEAM.secret_key)


def test_the_blinded_protocol_through_the_exports_equals_direct_evaluation():
    key = crypto.oprf_key_generate()
    blind, blinded = crypto.oprf_blind(b"handle:x:someone")
    evaluated, proof = crypto.oprf_blind_evaluate(key, blinded)
    output = crypto.oprf_finalize(b"handle:x:someone", blind, evaluated, blinded, crypto.oprf_public_key(key), proof)
    assert output == oprf.voprf_evaluate(key, b"handle:x:someone")  # the exports are the verifiable mode 0x01
