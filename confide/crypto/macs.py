"""SHA-256 and HMAC-SHA256 for the one scheme that predates keyed_hash: the hotline's read-back (hotline/keys.py).

Their outputs are part of what is stored (`ReadBackUsed.token_hash`) and of what is in flight on a call-taker's
screen (a read-back's MAC), so they stay byte for byte what they were: `salted_mac_hex` is Django's
`salted_hmac(salt, message, secret, algorithm="sha256").hexdigest()`, written here so that nothing outside
confide.crypto needs hashlib or hmac (and confide.crypto needs no Django).
"""

import hashlib
import hmac

from confide.crypto.primitives import constant_time_equal


def sha256_hex(data: bytes) -> str:
    """Unkeyed SHA-256, as 64 hex digits: only for a value that is already random (a one-time nonce)."""
    return hashlib.sha256(data).hexdigest()


def salted_mac_hex(*, salt: str, secret: str, message: str) -> str:
    """HMAC-SHA256 of `message` under SHA-256(salt + secret), as 64 hex digits. `salt` is a label from
    crypto.labels; `secret` the key it is derived from (for the read-back, Django's SECRET_KEY)."""
    key = hashlib.sha256(salt.encode() + secret.encode()).digest()
    return hmac.new(key, msg=message.encode(), digestmod=hashlib.sha256).hexdigest()


def mac_hex_equal(a: str, b: str) -> bool:
    """Compare a MAC that came back from a client with the expected one, in constant time."""
    return constant_time_equal(a.encode(), b.encode())
