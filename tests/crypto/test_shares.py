"""crypto.md §4: sealed below the threshold (even for the counselor), open at it, duplicates never count."""

import pytest

from confide import crypto
from confide.crypto import oprf
from confide.crypto.shares import entries_open, entry_seal, match_index

KEY = oprf.derive_key(bytes(range(32)), b"confide-escrow")
COUNSELOR = crypto.keypair_generate()


def p_for(identifier: str) -> bytes:
    return oprf.evaluate(KEY, identifier.encode())


def seal(identifier: str, account: str, text: str, threshold: int = 2):
    return entry_seal(
        p=p_for(identifier),
        threshold=threshold,
        account_ref=account.encode(),
        entry=text.encode(),
        counselor_public_key=COUNSELOR.public_key,
    )


def open_all(entries, threshold: int = 2):
    return entries_open(entries=entries, threshold=threshold, counselor_secret_key=COUNSELOR.secret_key)


def test_below_the_threshold_nothing_opens_even_for_the_counselor():
    with pytest.raises(crypto.DecryptionError):
        open_all([seal("email:x@example.org", "alice", "what happened")])


def test_at_the_threshold_every_entry_opens():
    entries = [seal("email:x@example.org", "alice", "first"), seal("email:x@example.org", "bea", "second")]
    assert entries[0].index == entries[1].index == match_index(p_for("email:x@example.org"))
    assert open_all(entries) == [b"first", b"second"]


def test_one_account_twice_never_counts_as_two():
    entries = [seal("email:x@example.org", "alice", "first"), seal("email:x@example.org", "alice", "again")]
    with pytest.raises(crypto.DecryptionError):
        open_all(entries)


def test_shares_for_different_people_do_not_combine():
    a = seal("email:x@example.org", "alice", "one")
    b = seal("email:y@example.org", "bea", "two")
    assert a.index != b.index
    with pytest.raises(crypto.DecryptionError):
        open_all([a, b])


def test_a_higher_threshold_needs_more_accounts():
    entries = [seal("phone:+12025550143", name, name, threshold=3) for name in ("a", "b")]
    with pytest.raises(crypto.DecryptionError):
        open_all(entries, threshold=3)
    entries.append(seal("phone:+12025550143", "c", "c", threshold=3))
    assert open_all(entries, threshold=3) == [b"a", b"b", b"c"]


def test_the_ciphertexts_hold_no_plaintext():
    entry = seal("email:x@example.org", "alice", "CANARYTEXT")
    assert b"CANARYTEXT" not in entry.ciphertext + entry.blob
    assert b"x@example.org" not in entry.index + entry.blob + entry.ciphertext
