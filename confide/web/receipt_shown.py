"""The page that shows a new receipt, for reports, vaults and letters alike.

It is reached by a redirect after the POST that filed (POST-redirect-GET), so a reload shows the page again and
never files again. With no server session (G2), the receipt travels from that POST to the page in a short-lived
encrypted cookie of its own, readable only by us and only under that organization's path; it is cleared once the
reporter typed back two of its words, chosen at random. Nothing of it is stored on the server.
"""

import json
import secrets
from dataclasses import asdict, dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

from confide import crypto
from confide.crypto import labels
from confide.web.receipt_cookie import ReceiptCookie

TYPED_BACK_WORDS = 2
SUBMISSION_FIELD = "submission"  # the report form's one-time token


@dataclass(frozen=True)
class Shown:
    receipt: str
    reference: str = ""
    submitted_on: str = ""  # ISO day
    once: str = ""  # hex lookup of the filing's one-time token: its sealed answer is emptied on confirmation
    invitation: str = ""  # a new letter's invitation link, shown beside its organizer's receipt


@dataclass(frozen=True)
class ShownCookie:
    cookie: ReceiptCookie

    def set(self, response: HttpResponseBase, *, slug: str, shown: Shown) -> None:
        self.cookie.set(response, slug=slug, receipt=json.dumps(asdict(shown)))

    def read(self, request: HttpRequest, *, slug: str) -> Shown | None:
        raw = self.cookie.read(request, slug=slug)
        try:
            shown = Shown(**json.loads(raw)) if raw else None
        except (ValueError, TypeError):
            return None
        return shown if shown and isinstance(shown.receipt, str) and shown.receipt else None

    def clear(self, response: HttpResponseBase, *, slug: str) -> None:
        self.cookie.clear(response, slug=slug)


REPORT_SHOWN = ShownCookie(ReceiptCookie(name="confide_rs", label=labels.SHOWN_RECEIPT_COOKIE, subpath=""))
VAULT_SHOWN = ShownCookie(ReceiptCookie(name="confide_vs", label=labels.SHOWN_RECEIPT_COOKIE, subpath="vault/"))
LETTER_SHOWN = ShownCookie(ReceiptCookie(name="confide_ls", label=labels.SHOWN_RECEIPT_COOKIE, subpath="letters/"))


def submission_token() -> str:
    """The one-time token of a report form: sent again by a reload or a second click, it files nothing more."""
    return secrets.token_urlsafe(24)


def submission_token_from(request: HttpRequest) -> str:
    """The form's token, or a fresh one for a post without one (an old page): that post cannot be recognised."""
    token = request.POST.get(SUBMISSION_FIELD, "")
    if 16 <= len(token) <= 64 and all(ch.isalnum() or ch in "-_" for ch in token):
        return token
    return submission_token()


def _positions_mac(positions: tuple[int, ...]) -> str:
    text = ".".join(str(p) for p in positions)
    return crypto.keyed_hash(labels.TYPE_BACK, settings.SECRET_KEY.encode() + text.encode(), size=16).hex()


def type_back_ask(receipt: str, positions: list[int] | None = None) -> tuple[list[int], str]:
    """Two word positions (0-based), picked at random unless given, and the hidden field that carries them to
    the check (with a MAC: the words asked are ours to choose)."""
    count = len(receipt.split())
    if positions is None:
        positions = sorted(secrets.SystemRandom().sample(range(count), min(TYPED_BACK_WORDS, count)))
    return positions, ".".join(str(p) for p in positions) + "." + _positions_mac(tuple(positions))


def type_back_positions(field: str, receipt: str) -> list[int] | None:
    *numbers, mac = field[:100].split(".") if "." in field else ("", "")
    try:
        positions = [int(n) for n in numbers]
    except ValueError:
        return None
    count = len(receipt.split())
    valid = len(positions) == TYPED_BACK_WORDS and all(0 <= p < count for p in positions)
    if not valid or not crypto.mac_hex_equal(mac, _positions_mac(tuple(positions))):
        return None
    return positions


def _word(text: str) -> bytes:
    return "".join(ch for ch in text.lower() if ch.isalnum()).encode()


def typed_back(receipt: str, positions: list[int], answers: list[str]) -> bool:
    words = receipt.split()
    if len(answers) != len(positions):
        return False
    return all(
        crypto.constant_time_equal(_word(words[p]), _word(a[:100])) for p, a in zip(positions, answers, strict=True)
    )


def receipt_file(*, filename: str, text: str) -> HttpResponse:
    """The receipt as a plain-text download, for a password manager: never cached, never shown as a page."""
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
