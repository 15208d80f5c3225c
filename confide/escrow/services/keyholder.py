"""The OPRF key holder (crypto.md §4): evaluates blinded elements only, never sees an identifier, and limits
evaluations per reporter account. In-process by default; `manage.py oprf_serve` runs it as a service that the
web tier reaches at CONFIDE_OPRF_URL.

RFC 9497 mode 0x01 (VOPRF): every evaluation comes with a DLEQ proof that it used the key behind the public key
the web tier pins (checks.py), and the web tier uses no output whose proof fails. A key holder that is
compromised, faulty or impersonated therefore cannot hand some reporters outputs under another key (which would
tag them, or keep their entries from ever matching) without being refused and logged."""

import base64
import functools
import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from confide import crypto
from confide.core import keyfiles
from confide.core.clock import today
from confide.escrow.checks import oprf_public_key_configured
from confide.escrow.content import OprfProofRefused, OprfRateLimited, OprfUnavailable
from confide.escrow.keys import oprf_rate_key
from confide.escrow.models import OprfAllowance

TIMEOUT_SECONDS = 5
logger = logging.getLogger(__name__)


@functools.cache
def _public_key_of(secret_key: bytes) -> bytes:
    return crypto.oprf_public_key(secret_key)


def oprf_public_key_from_file() -> bytes:
    """pkS = skS·G for the key in oprf.key (where the key holder runs)."""
    return _public_key_of(keyfiles.oprf_key())


def oprf_public_key() -> bytes:
    """The key every proof is checked against. In-process it follows from the key file. For a remote key holder
    it is configured (CONFIDE_OPRF_PUBLIC_KEY), never learned from the service: a key fetched from the service
    would only prove that whoever answered at start-up is still answering."""
    if not settings.CONFIDE_OPRF_URL:
        return oprf_public_key_from_file()
    key = oprf_public_key_configured()
    if key is None:
        logger.error(
            "CONFIDE_OPRF_URL is set but CONFIDE_OPRF_PUBLIC_KEY is missing or malformed: escrow entries are "
            "refused until it is set (`manage.py oprf_public_key` on the key holder prints it)."
        )
        raise OprfUnavailable()
    return key


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


def oprf_blinded_evaluate(*, blinded: bytes, rate_key: bytes) -> tuple[bytes, bytes]:
    """Key holder side: (evaluated element, proof). Raises OprfRateLimited, or crypto.OprfError for a bad
    element."""
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


def _remote_evaluate(*, blinded: bytes, rate_key: bytes) -> tuple[bytes, bytes]:
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
            answer = json.loads(response.read())
        return base64.b64decode(answer["evaluated"], validate=True), base64.b64decode(answer["proof"], validate=True)
    except urllib.error.HTTPError as error:
        if error.code == 429:
            raise OprfRateLimited() from None
        logger.warning("The OPRF key holder answered HTTP %s.", error.code)
        raise OprfUnavailable() from None
    except (OSError, ValueError, KeyError, TypeError):
        logger.warning("The OPRF key holder is unreachable or its answer is unusable.")
        raise OprfUnavailable() from None


def oprf_output(*, identifier: str, account: bytes) -> bytes:
    """Web-tier side: blind the canonical identifier, have it evaluated, check the proof, unblind. Only the
    blinded element ever leaves this function. Raises OprfRateLimited, OprfUnavailable or OprfProofRefused."""
    message = identifier.encode()
    public_key = oprf_public_key()
    blind, blinded = crypto.oprf_blind(message)
    rate_key = oprf_rate_key(account=account)
    if settings.CONFIDE_OPRF_URL:
        evaluated, proof = _remote_evaluate(blinded=blinded, rate_key=rate_key)
    else:
        evaluated, proof = oprf_blinded_evaluate(blinded=blinded, rate_key=rate_key)
    try:
        return crypto.oprf_finalize(message, blind, evaluated, blinded, public_key, proof)
    except crypto.CryptoError:
        # Content-free: the identifier never reaches a log, and the elements are useless to a reader.
        logger.error(
            "The OPRF key holder's proof did not verify against the pinned public key; its answer was refused. "
            "Check CONFIDE_OPRF_PUBLIC_KEY against `manage.py oprf_public_key`, then the key holder itself."
        )
        raise OprfProofRefused() from None
