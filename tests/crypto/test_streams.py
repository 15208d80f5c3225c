import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confide import crypto

C = crypto.CHUNK_SIZE
AD = b"file-stream:1"


def encrypt(data, key, ad=AD):
    return crypto.stream_encrypt_bytes(key, data, ad=ad)


def decrypt(blob, key, size, ad=AD):
    return b"".join(crypto.stream_decrypt(key, io.BytesIO(blob), ad=ad, plaintext_size=size))


@pytest.mark.parametrize("size", [0, 1, C - 1, C, C + 1, 3 * C + 5])
def test_it_round_trips_every_size(size):
    key = crypto.random_key()
    data = bytes(i % 251 for i in range(size))
    blob = encrypt(data, key)
    assert decrypt(blob, key, size) == data
    padded = crypto.padded_size(size)
    chunks = -(-padded // C)
    assert len(blob) == 24 + padded + 17 * chunks


def test_incremental_pushes_match_one_shot():
    key = crypto.random_key()
    encryptor = crypto.StreamEncryptor(key, ad=AD)
    out = encryptor.header
    for piece in [b"a" * 1000, b"b" * (C + 7), b"c" * 3]:
        out += encryptor.push(piece)
    out += encryptor.finish()
    assert decrypt(out, key, encryptor.plaintext_size) == b"a" * 1000 + b"b" * (C + 7) + b"c" * 3


def test_it_rejects_truncation_junk_swaps_and_wrong_context():
    key = crypto.random_key()
    size = 3 * C
    blob = encrypt(b"x" * size, key)
    chunk = C + 17
    with pytest.raises(crypto.DecryptionError):
        decrypt(blob[:-chunk], key, size)
    with pytest.raises(crypto.DecryptionError):
        decrypt(blob + b"junk", key, size)
    swapped = blob[:24] + blob[24 + chunk : 24 + 2 * chunk] + blob[24 : 24 + chunk] + blob[24 + 2 * chunk :]
    with pytest.raises(crypto.DecryptionError):
        decrypt(swapped, key, size)
    with pytest.raises(crypto.DecryptionError):
        decrypt(blob, key, size, ad=b"file-stream:2")
    with pytest.raises(crypto.DecryptionError):
        decrypt(blob, crypto.random_key(), size)
    with pytest.raises(crypto.DecryptionError):
        decrypt(b"", key, size)


@given(st.integers(min_value=0, max_value=10**12))
def test_padding_never_shrinks_and_is_monotonic(n):
    assert crypto.padded_size(n) >= n
    assert crypto.padded_size(n + 1) >= crypto.padded_size(n)
    assert crypto.padded_size(n) <= max(4096, n * 1.12 + 1)
