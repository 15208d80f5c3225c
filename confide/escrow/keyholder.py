"""The OPRF key holder (crypto.md §4): evaluates blinded elements only, never sees an identifier, and limits
evaluations per reporter account. In-process by default; `manage.py oprf_serve` runs it as a service that the
web tier reaches at CONFIDE_OPRF_URL."""

import base64
import json
import urllib.error
import urllib.request

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from confide import crypto, keyfiles
from confide.escrow.models import OprfAllowance
from confide.reports.clock import today

TIMEOUT_SECONDS = 5


class OprfRateLimited(Exception):
    """Too many evaluations for this account today."""


class OprfUnavailable(Exception):
    """The key holder did not answer, or answered something unusable."""


def oprf_rate_key(*, account: bytes) -> bytes:
    # Peppered: the allowance table alone does not say which account was active on which day.
    return crypto.keyed_hash("oprf-rate", keyfiles.pepper() + account)


def oprf_allowance_take(*, rate_key: bytes) -> bool:
    """Count one evaluation for today; False when the account has used up its allowance."""
    day, limit = today(), settings.CONFIDE_OPRF_EVALUATIONS_PER_DAY
    with transaction.atomic():
        try:
            with transaction.atomic():
                OprfAllowance.objects.get_or_create(key=rate_key, day=day)
        except IntegrityError:
            pass  # created concurrently: the update below counts on it
        taken = OprfAllowance.objects.filter(key=rate_key, day=day, count__lt=limit).update(count=F("count") + 1)
    return taken == 1


def oprf_blinded_evaluate(*, blinded: bytes, rate_key: bytes) -> bytes:
    """Key holder side. Raises OprfRateLimited, or crypto.OprfError for a bad element."""
    if not oprf_allowance_take(rate_key=rate_key):
        raise OprfRateLimited()
    return crypto.oprf_blind_evaluate(keyfiles.oprf_key(), blinded)


def _token_header() -> dict[str, str]:
    token = settings.CONFIDE_OPRF_TOKEN
    return {"Authorization": f"Bearer {token}"} if token else {}


def oprf_token_valid(header: str | None) -> bool:
    token = settings.CONFIDE_OPRF_TOKEN
    if not token:
        return True
    return crypto.constant_time_equal((header or "").encode(), f"Bearer {token}".encode())


def _remote_evaluate(*, blinded: bytes, rate_key: bytes) -> bytes:
    body = json.dumps(
        {"blinded": base64.b64encode(blinded).decode(), "rate_key": base64.b64encode(rate_key).decode()}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - the operator's configured http(s) URL
        settings.CONFIDE_OPRF_URL.rstrip("/") + "/evaluate",
        data=body,
        headers={"Content-Type": "application/json", **_token_header()},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return base64.b64decode(json.loads(response.read())["evaluated"], validate=True)
    except urllib.error.HTTPError as error:
        if error.code == 429:
            raise OprfRateLimited() from None
        raise OprfUnavailable() from None
    except (OSError, ValueError, KeyError, TypeError):
        raise OprfUnavailable() from None


def oprf_output(*, identifier: str, account: bytes) -> bytes:
    """Web-tier side: blind the canonical identifier, have it evaluated, unblind. Only the blinded element
    ever leaves this function."""
    message = identifier.encode()
    blind, blinded = crypto.oprf_blind(message)
    rate_key = oprf_rate_key(account=account)
    if settings.CONFIDE_OPRF_URL:
        evaluated = _remote_evaluate(blinded=blinded, rate_key=rate_key)
    else:
        evaluated = oprf_blinded_evaluate(blinded=blinded, rate_key=rate_key)
    try:
        return crypto.oprf_finalize(message, blind, evaluated)
    except crypto.CryptoError:
        raise OprfUnavailable() from None
