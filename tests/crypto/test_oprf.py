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


# RFC 9497 Appendix A.1.2: ristretto255-SHA512, VOPRF mode (copied from the RFC text).
VOPRF_SK = bytes.fromhex("e6f73f344b79b379f1a0dd37e07ff62e38d9f71345ce62ae3a9bc60b04ccd909")
VOPRF_PK = bytes.fromhex("c803e2cc6b05fc15064549b5920659ca4a77b2cca6f04f6b357009335476ad4e")
PROOF_SCALAR = bytes.fromhex("222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e")
VOPRF_VECTORS = [
    (
        "00",
        "863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945",
        "aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e",
        "ddef93772692e535d1a53903db24367355cc2cc78de93b3be5a8ffcc6985dd06"
        "6d4346421d17bf5117a2a1ff0fcb2a759f58a539dfbe857a40bce4cf49ec600d",
        "b58cfbe118e0cb94d79b5fd6a6dafb98764dff49c14e1770b566e42402da1a7d"
        "a4d8527693914139caee5bd03903af43a491351d23b430948dd50cde10d32b3c",
    ),
    (
        "5a" * 17,
        "cc0b2a350101881d8a4cba4c80241d74fb7dcbfde4a61fde2f91443c2bf9ef0c",
        "60a59a57208d48aca71e9e850d22674b611f752bed48b36f7a91b372bd7ad468",
        "401a0da6264f8cf45bb2f5264bc31e109155600babb3cd4e5af7d181a2c9dc0a"
        "67154fabf031fd936051dec80b0b6ae29c9503493dde7393b722eafdf5a50b02",
        "8a9a2f3c7f085b65933594309041fc1898d42d0858e59f90814ae90571a6df60"
        "356f4610bf816f27afdd84f47719e480906d27ecd994985890e5f539e7ea74b6",
    ),
]
# Test Vector 3, Batch Size 2: the second blind and the proof scalar differ from the single vectors.
BATCH_BLINDS = [BLIND, bytes.fromhex("222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e")]
BATCH_BLINDED = [
    "863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945",
    "90a0145ea9da29254c3a56be4fe185465ebb3bf2a1801f7124bbbadac751e654",
]
BATCH_EVALUATED = [
    "aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e",
    "cc5ac221950a49ceaa73c8db41b82c20372a4c8d63e5dded2db920b7eee36a2a",
]
BATCH_PROOF = (
    "cc203910175d786927eeb44ea847328047892ddf8590e723c37205cb74600b0a"
    "5ab5337c8eb4ceae0494c2cf89529dcf94572ed267473d567aeed6ab873dee08"
)
BATCH_PROOF_SCALAR = bytes.fromhex("419c4f4f5052c53c45f3da494d2b67b220d02118e0857cdbcf037f9ea84bbe0c")


def test_the_voprf_key_pair_derives_as_in_the_rfc():
    assert oprf.derive_key(SEED, KEY_INFO, oprf.MODE_VOPRF) == VOPRF_SK
    assert oprf.public_key(VOPRF_SK) == VOPRF_PK
    assert oprf.VOPRF_CONTEXT == b"OPRFV1-\x01-ristretto255-SHA512"


@pytest.mark.parametrize(("message", "blinded", "evaluated", "proof", "output"), VOPRF_VECTORS)
def test_the_rfc_voprf_vectors(message, blinded, evaluated, proof, output):
    message = bytes.fromhex(message)
    scalar, blinded_element = oprf.voprf_blind(message, BLIND)
    assert blinded_element.hex() == blinded
    evaluated_element, proof_bytes = oprf.voprf_blind_evaluate(VOPRF_SK, blinded_element, PROOF_SCALAR)
    assert evaluated_element.hex() == evaluated
    assert proof_bytes.hex() == proof
    result = oprf.voprf_finalize(message, scalar, evaluated_element, blinded_element, VOPRF_PK, proof_bytes)
    assert result.hex() == output
    assert oprf.voprf_evaluate(VOPRF_SK, message).hex() == output


def test_the_rfc_voprf_batch_vector():
    messages = [bytes.fromhex("00"), bytes.fromhex("5a" * 17)]
    blinded = [oprf.voprf_blind(m, b)[1] for m, b in zip(messages, BATCH_BLINDS, strict=True)]
    assert [element.hex() for element in blinded] == BATCH_BLINDED
    evaluated, proof = oprf.voprf_blind_evaluate_batch(VOPRF_SK, blinded, BATCH_PROOF_SCALAR)
    assert [element.hex() for element in evaluated] == BATCH_EVALUATED
    assert proof.hex() == BATCH_PROOF
    outputs = oprf.voprf_finalize_batch(messages, BATCH_BLINDS, evaluated, blinded, VOPRF_PK, proof)
    assert [output.hex() for output in outputs] == [VOPRF_VECTORS[0][4], VOPRF_VECTORS[1][4]]


def _honest(message: bytes = b"email:boss@campaign.example"):
    key = oprf.random_scalar()
    scalar, blinded = oprf.voprf_blind(message)
    evaluated, proof = oprf.voprf_blind_evaluate(key, blinded)
    return key, scalar, blinded, evaluated, proof


def test_random_voprf_blinds_give_the_prf_of_the_input():
    key, scalar, blinded, evaluated, proof = _honest()
    output = oprf.voprf_finalize(
        b"email:boss@campaign.example", scalar, evaluated, blinded, oprf.public_key(key), proof
    )
    assert output == oprf.voprf_evaluate(key, b"email:boss@campaign.example")
    assert output != oprf.evaluate(key, b"email:boss@campaign.example")  # the mode is in every hash


def test_a_proof_under_another_key_is_refused():
    _key, scalar, blinded, evaluated, proof = _honest()
    with pytest.raises(oprf.OprfVerifyError):
        oprf.voprf_finalize(b"x", scalar, evaluated, blinded, oprf.public_key(oprf.random_scalar()), proof)


def test_an_element_evaluated_under_another_key_is_refused_even_with_its_own_valid_proof():
    key, scalar, blinded, _evaluated, _proof = _honest()
    other_evaluated, other_proof = oprf.voprf_blind_evaluate(oprf.random_scalar(), blinded)
    with pytest.raises(oprf.OprfVerifyError):
        oprf.voprf_finalize(b"x", scalar, other_evaluated, blinded, oprf.public_key(key), other_proof)


def test_a_wrong_element_with_the_honest_proof_is_refused():
    key, scalar, blinded, _evaluated, proof = _honest()
    wrong = oprf.voprf_blind_evaluate(key, oprf.voprf_blind(b"someone else")[1])[0]
    with pytest.raises(oprf.OprfVerifyError):
        oprf.voprf_finalize(b"x", scalar, wrong, blinded, oprf.public_key(key), proof)


@pytest.mark.parametrize("position", [0, 31, 32, 63])
def test_a_tampered_proof_is_refused(position):
    key, scalar, blinded, evaluated, proof = _honest()
    tampered = bytearray(proof)
    tampered[position] ^= 0x01
    with pytest.raises(oprf.OprfVerifyError):
        oprf.voprf_finalize(b"x", scalar, evaluated, blinded, oprf.public_key(key), bytes(tampered))


@pytest.mark.parametrize("proof", [b"", bytes(63), b"\xff" * 64, bytes(64)])
def test_malformed_proofs_are_refused(proof):
    key, scalar, blinded, evaluated, _proof = _honest()
    with pytest.raises(oprf.OprfVerifyError):
        oprf.voprf_finalize(b"x", scalar, evaluated, blinded, oprf.public_key(key), proof)


def test_a_batch_proof_does_not_cover_a_swapped_batch():
    key = oprf.random_scalar()
    blinded = [oprf.voprf_blind(b"a")[1], oprf.voprf_blind(b"b")[1]]
    evaluated, proof = oprf.voprf_blind_evaluate_batch(key, blinded)
    oprf.proof_verify(oprf.public_key(key), blinded, evaluated, proof)
    with pytest.raises(oprf.OprfVerifyError):
        oprf.proof_verify(oprf.public_key(key), blinded, evaluated[::-1], proof)


@pytest.mark.parametrize("element", [bytes(32), b"\xff" * 32, b"short"])
def test_the_voprf_key_holder_rejects_invalid_elements(element):
    with pytest.raises(oprf.OprfError):
        oprf.voprf_blind_evaluate(VOPRF_SK, element)
