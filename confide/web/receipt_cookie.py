"""A reporter's return visit without a server-side session, for reports, vaults and letters alike.

A session row would record when a reporter came back (threat model G2), so the receipt travels in an
encrypted, browser-session cookie instead, scoped to the organization's path for that feature, bound to the
organization by the associated data, and expiring on its own.
"""

import base64
import json
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from confide import crypto
from confide.crypto import labels

_MAX_COOKIE = 2000


@dataclass(frozen=True)
class ReceiptCookie:
    name: str
    label: str  # one hash label per feature: a vault cookie never opens as a report cookie
    subpath: str  # under /r/<slug>/

    def _key(self) -> bytes:
        return crypto.keyed_hash(self.label, settings.SECRET_KEY.encode())

    def _ad(self, slug: str) -> bytes:
        return f"{self.label}:{slug}".encode()

    def _path(self, slug: str) -> str:
        return f"/r/{slug}/{self.subpath}"

    def set(self, response: HttpResponseBase, *, slug: str, receipt: str) -> None:
        payload = json.dumps({"r": receipt, "exp": int(time.time()) + settings.CONFIDE_REPORTER_COOKIE_AGE})
        sealed = crypto.aead_encrypt(self._key(), payload.encode(), ad=self._ad(slug))
        response.set_cookie(
            self.name,
            base64.urlsafe_b64encode(sealed).decode(),
            path=self._path(slug),
            httponly=True,
            samesite="Strict",
            secure=settings.CONFIDE_REPORTER_COOKIE_SECURE,
        )

    def read(self, request: HttpRequest, *, slug: str) -> str | None:
        raw = request.COOKIES.get(self.name)
        if not raw or len(raw) > _MAX_COOKIE:
            return None
        try:
            payload = json.loads(crypto.aead_decrypt(self._key(), base64.urlsafe_b64decode(raw), ad=self._ad(slug)))
            receipt, expires = payload["r"], int(payload["exp"])
        except (ValueError, KeyError, TypeError, crypto.CryptoError):
            return None
        if expires < time.time() or not isinstance(receipt, str):
            return None
        return receipt

    def refresh(self, request: HttpRequest, response: HttpResponseBase, *, slug: str) -> None:
        """Sliding expiry: a visit with a valid cookie renews it, so it expires after inactivity, not use."""
        receipt = self.read(request, slug=slug)
        if receipt:
            self.set(response, slug=slug, receipt=receipt)

    def clear(self, response: HttpResponseBase, *, slug: str) -> None:
        response.delete_cookie(self.name, path=self._path(slug), samesite="Strict")


def csrf_cookie_clear(request: HttpRequest, response: HttpResponseBase) -> None:
    """ "Leave and forget this browser" takes the CSRF cookie too: it would otherwise outlive the visit. The page
    just rendered asked CsrfViewMiddleware to set it again (its language form carries a token); that is undone,
    and the next page sets a fresh one."""
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    response.delete_cookie(
        settings.CSRF_COOKIE_NAME,
        path=settings.CSRF_COOKIE_PATH,
        domain=settings.CSRF_COOKIE_DOMAIN,
        samesite="Strict",  # CSRF_COOKIE_SAMESITE, as a literal for the type checker
    )


REPORT_COOKIE = ReceiptCookie(name="confide_r", label=labels.REPORTER_COOKIE, subpath="")
VAULT_COOKIE = ReceiptCookie(name="confide_v", label=labels.VAULT_COOKIE, subpath="vault/")
LETTER_COOKIE = ReceiptCookie(name="confide_l", label=labels.LETTER_COOKIE, subpath="letters/")
