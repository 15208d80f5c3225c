"""The read-back's hash and MAC stay byte for byte what hashlib and Django's salted_hmac made (crypto/macs.py): a
read-back signed before a deploy must still verify after it, and a filed nonce must still be found. The expected
values were computed with django.utils.crypto.salted_hmac(salt, message, secret=SECRET, algorithm="sha256")."""

import pytest

from confide import crypto
from confide.crypto import labels

SECRET = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"


def test_sha256_hex_is_sha256():
    assert crypto.sha256_hex(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("", "bde14e6ce75c917f187a61b5858780a2577b3b35b4c54ce3e830676e8e0c2769"),
        (
            '[7, "acme", "es", "nonce", ["él dijo [[ya]] 🙂", "", "x"]]',
            "82b9d1e395766bd3121212d67213886216201db5fb4274faf0ef98b142dc61e3",
        ),
        ("x" * 10_000, "ff6791ea68d2232994c76cfd52940116590f4298777d12b7710422cb33b3eba4"),
        ("read back", "0b3b88966a3951b682e08c9dca9c66a008b6a25d00a772bf8d6b47cb9cda17bc"),
    ],
)
def test_salted_mac_is_djangos_salted_hmac_sha256(message, expected):
    assert crypto.salted_mac_hex(salt=labels.HOTLINE_READ_BACK, secret=SECRET, message=message) == expected


def test_salted_mac_depends_on_salt_and_secret():
    mac = crypto.salted_mac_hex(salt=labels.HOTLINE_READ_BACK, secret=SECRET, message="m")
    assert mac != crypto.salted_mac_hex(salt="other", secret=SECRET, message="m")
    assert mac != crypto.salted_mac_hex(salt=labels.HOTLINE_READ_BACK, secret=SECRET + "x", message="m")


def test_mac_hex_equal():
    mac = crypto.salted_mac_hex(salt=labels.HOTLINE_READ_BACK, secret=SECRET, message="m")
    assert crypto.mac_hex_equal(mac, mac)
    assert not crypto.mac_hex_equal(mac, mac[:-1] + ("0" if mac[-1] != "0" else "1"))
    assert not crypto.mac_hex_equal(mac, "")
