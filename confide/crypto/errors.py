"""Typed errors: callers decide what a failure means (404, 401, wrong password) without parsing messages."""


class CryptoError(Exception):
    """Base of every error raised by confide.crypto."""


class DecryptionError(CryptoError):
    """Wrong key, tampered ciphertext, mismatched associated data, or a truncated stream."""


class WrongPasswordError(DecryptionError):
    """The password does not unwrap this secret key."""


class ReceiptFormatError(CryptoError):
    """Text that cannot be a receipt (wrong number of words, unknown word)."""


class KeyFormatError(CryptoError):
    """Key bytes of the wrong length or form."""
