"""The read-back scheme. The call's draft lives only in the form fields of the call-taker's screen between steps
(never in the session or the database); a MAC made at read-back proves that what is filed is exactly what was
read, and a one-time nonce, kept only as a hash once filed, makes the signed read-back single-use."""

import json
import secrets
from collections.abc import Sequence

from django.conf import settings

from confide import crypto
from confide.crypto import labels

DRAFT_FIELDS = (
    "what_happened",
    "when",
    "where",
    "people_involved",
    "category",
    "identity",
    "name",
    "contact",
    "avoid_handlers",
    "about_leadership",
)


def read_back_nonce() -> str:
    """Drawn once per read-back: what makes the signed read-back single-use."""
    return secrets.token_urlsafe(24)


def read_back_token_hash(nonce: str) -> str:
    """The key of a filed read-back (ReadBackUsed): nothing that links the row to a call or a report."""
    return crypto.sha256_hex(nonce.encode())


def draft_mac(
    *,
    user_id: int,
    organization_slug: str,
    language: str,
    nonce: str,
    values: dict[str, str],
    answers: Sequence[tuple[str, str]] = (),
) -> str:
    """Binds the read-back to this call-taker, organization, language, exact text (the organization's own
    questions' answers too) and its one-time nonce."""
    fields = [values.get(name, "") for name in DRAFT_FIELDS]
    canonical = json.dumps(
        [user_id, organization_slug, language, nonce, fields, *([list(map(list, answers))] if answers else [])],
        ensure_ascii=False,
    )
    return crypto.salted_mac_hex(salt=labels.HOTLINE_READ_BACK, secret=settings.SECRET_KEY, message=canonical)


def draft_mac_valid(
    *,
    mac: str,
    user_id: int,
    organization_slug: str,
    language: str,
    nonce: str,
    values: dict[str, str],
    answers: Sequence[tuple[str, str]] = (),
) -> bool:
    expected = draft_mac(
        user_id=user_id,
        organization_slug=organization_slug,
        language=language,
        nonce=nonce,
        values=values,
        answers=answers,
    )
    return crypto.mac_hex_equal(mac, expected)
