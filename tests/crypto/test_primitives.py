import pytest

from confide import crypto


def test_aead_round_trips():
    key = crypto.random_key()
    assert crypto.aead_decrypt(key, crypto.aead_encrypt(key, b"secret", ad=b"row-1"), ad=b"row-1") == b"secret"


def test_aead_uses_a_fresh_nonce_each_time():
    key = crypto.random_key()
    assert crypto.aead_encrypt(key, b"same", ad=b"") != crypto.aead_encrypt(key, b"same", ad=b"")


def test_it_rejects_the_wrong_key():
    ciphertext = crypto.aead_encrypt(crypto.random_key(), b"secret", ad=b"a")
    with pytest.raises(crypto.DecryptionError):
        crypto.aead_decrypt(crypto.random_key(), ciphertext, ad=b"a")


@pytest.mark.parametrize("position", [0, 10, 23, 24, 30, -1])
def test_it_rejects_tampered_ciphertext(position):
    key = crypto.random_key()
    ciphertext = bytearray(crypto.aead_encrypt(key, b"secret message", ad=b"a"))
    ciphertext[position] ^= 0x01
    with pytest.raises(crypto.DecryptionError):
        crypto.aead_decrypt(key, bytes(ciphertext), ad=b"a")


def test_it_rejects_swapped_associated_data():
    key = crypto.random_key()
    ciphertext = crypto.aead_encrypt(key, b"belongs to row 1", ad=b"report:1")
    with pytest.raises(crypto.DecryptionError):
        crypto.aead_decrypt(key, ciphertext, ad=b"report:2")


@pytest.mark.parametrize("garbage", [b"", b"short", b"\x00" * 39])
def test_short_ciphertext_is_a_typed_error(garbage):
    with pytest.raises(crypto.DecryptionError):
        crypto.aead_decrypt(crypto.random_key(), garbage, ad=b"")


@pytest.mark.parametrize("key", [b"", b"x" * 31, b"x" * 33])
def test_bad_key_lengths_are_typed_errors(key):
    with pytest.raises(crypto.KeyFormatError):
        crypto.aead_encrypt(key, b"m", ad=b"")
    with pytest.raises(crypto.KeyFormatError):
        crypto.seal(key, b"m")


def test_sealed_boxes_open_only_for_their_key_pair():
    pair, other = crypto.keypair_generate(), crypto.keypair_generate()
    sealed = crypto.seal(pair.public_key, b"report key")
    assert crypto.unseal(pair.secret_key, sealed) == b"report key"
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(other.secret_key, sealed)
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(pair.secret_key, b"garbage" * 10)


def test_key_pair_repr_hides_the_secret():
    pair = crypto.keypair_generate()
    assert pair.secret_key.hex() not in repr(pair) and str(pair.secret_key) not in repr(pair)
    assert crypto.public_key_from_secret(pair.secret_key) == pair.public_key


def test_keyed_hash_separates_domains():
    assert crypto.keyed_hash("a", b"x") != crypto.keyed_hash("b", b"x")
    assert crypto.keyed_hash("a", b"x") == crypto.keyed_hash("a", b"x")
    assert len(crypto.keyed_hash("a", b"x", size=16)) == 16
    with pytest.raises(ValueError):
        crypto.keyed_hash("", b"x")
