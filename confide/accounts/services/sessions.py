"""A signed-in staff member's key between requests (crypto.md §1): the session store keeps AEAD(S, sk) and S
lives only in the staff member's cookie, so neither the session table nor the cookie alone unlocks anything.
`request` and `response` are Django's (typed loosely: the domain does not import django.http)."""

from typing import Any

from django.conf import settings

from confide import crypto
from confide.core import keyfiles

SESSION_BLOB_KEY = "confide_key_blob"
UNLOCK_COOKIE = "confide_unlock"


def session_key_store(*, request: Any, response: Any, secret_key: bytes) -> None:
    cookie_secret, blob = crypto.session_unlock_seal(secret_key)
    request.session[SESSION_BLOB_KEY] = keyfiles.encode_key(blob)
    response.set_cookie(
        UNLOCK_COOKIE,
        keyfiles.encode_key(cookie_secret),
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Strict",
    )


def session_key_get(*, request: Any) -> bytes | None:
    blob = request.session.get(SESSION_BLOB_KEY)
    cookie = request.COOKIES.get(UNLOCK_COOKIE)
    if not blob or not cookie:
        return None
    try:
        return crypto.session_unlock_open(keyfiles.decode_key(cookie), keyfiles.decode_key(blob))
    except (crypto.CryptoError, ValueError):
        return None
