"""RFC 9497 Appendix A.1.1 test vectors: ristretto255-SHA512, OPRF mode."""

import pytest

from confide.crypto import oprf

SEED = bytes.fromhex("a3" * 32)
KEY_INFO = bytes.fromhex("74657374206b6579")
SK = bytes.fromhex("5ebcea5ee37023ccb9fc2d2019f9d7737be85591ae8652ffa9ef0f4d37063b0e")
BLIND = bytes.fromhex("64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706")
VECTORS = [
    (
        "00",
        "609a0ae68c15a3cf6903766461307e5c8bb2f95e7e6550e1ffa2dc99e412803c",
        "7ec6578ae5120958eb2db1745758ff379e77cb64fe77b0b2d8cc917ea0869c7e",
        "527759c3d9366f277d8c6020418d96bb393ba2afb20ff90df23fb7708264e2f3"
        "ab9135e3bd69955851de4b1f9fe8a0973396719b7912ba9ee8aa7d0b5e24bcf6",
    ),
    (
        "5a" * 17,
        "da27ef466870f5f15296299850aa088629945a17d1f5b7f5ff043f76b3c06418",
        "b4cbf5a4f1eeda5a63ce7b77c7d23f461db3fcab0dd28e4e17cecb5c90d02c25",
        "f4a74c9c592497375e796aa837e907b1a045d34306a749db9f34221f7e750cb4"
        "f2a6413a6bf6fa5e19ba6348eb673934a722a7ede2e7621306d18951e7cf2c73",
    ),
]


def test_the_key_derives_as_in_the_rfc():
    assert oprf.derive_key(SEED, KEY_INFO) == SK


@pytest.mark.parametrize(("message", "blinded", "evaluated", "output"), VECTORS)
def test_the_rfc_vectors(message, blinded, evaluated, output):
    message = bytes.fromhex(message)
    scalar, blinded_element = oprf.blind(message, BLIND)
    assert blinded_element.hex() == blinded
    evaluated_element = oprf.blind_evaluate(SK, blinded_element)
    assert evaluated_element.hex() == evaluated
    assert oprf.finalize(message, scalar, evaluated_element).hex() == output
    assert oprf.evaluate(SK, message).hex() == output


def test_random_blinds_give_the_same_output_and_hide_the_input():
    key = oprf.derive_key(bytes(range(32)), b"confide")
    first_blind, first = oprf.blind(b"email:someone@example.org")
    second_blind, second = oprf.blind(b"email:someone@example.org")
    assert first != second
    out_1 = oprf.finalize(b"email:someone@example.org", first_blind, oprf.blind_evaluate(key, first))
    out_2 = oprf.finalize(b"email:someone@example.org", second_blind, oprf.blind_evaluate(key, second))
    assert out_1 == out_2 != oprf.evaluate(key, b"email:someone@else.org")


@pytest.mark.parametrize("element", [bytes(32), b"\xff" * 32, b"short"])
def test_the_key_holder_rejects_invalid_elements(element):
    with pytest.raises(oprf.OprfError):
        oprf.blind_evaluate(SK, element)
