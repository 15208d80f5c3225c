"""The read-back's hash and MAC stay byte for byte what Django's salted_hmac and hashlib made (crypto/macs.py):
a read-back signed before a deploy must still verify after it, and a filed nonce must still be found."""

from django.utils.crypto import salted_hmac

from confide import crypto
from confide.crypto import labels

SECRET = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"


def test_sha256_hex_is_sha256():
    assert crypto.sha256_hex(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_salted_mac_is_djangos_salted_hmac_sha256():
    for message in ["", '[1, "acme", "es", "nonce", ["él dijo [[ya]]"]]', "x" * 10_000]:
        expected = salted_hmac(labels.HOTLINE_READ_BACK, message, secret=SECRET, algorithm="sha256").hexdigest()
        assert crypto.salted_mac_hex(salt=labels.HOTLINE_READ_BACK, secret=SECRET, message=message) == expected


def test_salted_mac_is_a_fixed_value():
    mac = crypto.salted_mac_hex(salt=labels.HOTLINE_READ_BACK, secret=SECRET, message="read back")
    assert mac == "0b3b88966a3951b682e08c9dca9c66a008b6a25d00a772bf8d6b47cb9cda17bc"
    assert len(mac) == 64 and mac != crypto.salted_mac_hex(salt="other", secret=SECRET, message="read back")


def test_mac_hex_equal():
    mac = crypto.salted_mac_hex(salt=labels.HOTLINE_READ_BACK, secret=SECRET, message="m")
    assert crypto.mac_hex_equal(mac, mac)
    assert not crypto.mac_hex_equal(mac, mac[:-1] + ("0" if mac[-1] != "0" else "1"))
    assert not crypto.mac_hex_equal(mac, "")
