"""The vault's receipt between requests: an encrypted browser-session cookie scoped to the vault's path, as
for reports (confide.intake.reporter_cookie), never a server-side session (G2)."""

import base64
import json
import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from confide import crypto

COOKIE = "confide_v"


def _key() -> bytes:
    return crypto.keyed_hash("vault-cookie", settings.SECRET_KEY.encode())


def _ad(slug: str) -> bytes:
    return b"vault-cookie:" + slug.encode()


def _path(slug: str) -> str:
    return f"/r/{slug}/vault/"


def vault_cookie_set(response: HttpResponse, *, slug: str, receipt: str) -> None:
    payload = json.dumps({"r": receipt, "exp": int(time.time()) + settings.CONFIDE_REPORTER_COOKIE_AGE})
    sealed = crypto.aead_encrypt(_key(), payload.encode(), ad=_ad(slug))
    response.set_cookie(
        COOKIE,
        base64.urlsafe_b64encode(sealed).decode(),
        path=_path(slug),
        httponly=True,
        samesite="Strict",
        secure=settings.CONFIDE_REPORTER_COOKIE_SECURE,
    )


def vault_cookie_read(request: HttpRequest, *, slug: str) -> str | None:
    raw = request.COOKIES.get(COOKIE)
    if not raw or len(raw) > 2000:
        return None
    try:
        payload = json.loads(crypto.aead_decrypt(_key(), base64.urlsafe_b64decode(raw), ad=_ad(slug)))
        receipt, expires = payload["r"], int(payload["exp"])
    except (ValueError, KeyError, TypeError, crypto.CryptoError):
        return None
    if expires < time.time() or not isinstance(receipt, str):
        return None
    return receipt


def vault_cookie_clear(response: HttpResponse, *, slug: str) -> None:
    response.delete_cookie(COOKIE, path=_path(slug), samesite="Strict")
