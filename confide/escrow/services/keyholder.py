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
import uuid

from django.conf import settings

from confide import crypto
from confide.core import keyfiles
from confide.core.clock import today
from confide.escrow.checks import oprf_public_key_configured
from confide.escrow.content import (
    OprfCeilingReached,
    OprfPoolSpent,
    OprfProofRefused,
    OprfRateLimited,
    OprfUnavailable,
)
from confide.escrow.keys import OPRF_CEILING_ROW, oprf_pool_keys, oprf_rate_key
from confide.escrow.services.allowances import allowances_return, allowances_take

TIMEOUT_SECONDS = 5
CEILING = "ceiling"  # the key holder's 429 names its ceiling, so the web tier can say it is not the account's
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


def oprf_blinded_evaluate(*, blinded: bytes, rate_key: bytes) -> tuple[bytes, bytes]:
    """Key holder side: (evaluated element, proof). Every evaluation spends from the caller's account allowance
    and from the key holder's own daily ceiling, which no choice of rate key escapes. Raises OprfRateLimited,
    OprfCeilingReached, or crypto.OprfError for a bad element."""
    limits = [
        (rate_key, settings.CONFIDE_OPRF_EVALUATIONS_PER_DAY),
        (OPRF_CEILING_ROW, settings.CONFIDE_OPRF_CEILING_PER_DAY),
    ]
    spent = allowances_take(limits=limits, day=today())
    if spent is not None:
        raise OprfCeilingReached() if spent == 1 else OprfRateLimited()
    return crypto.oprf_blind_evaluate(keyfiles.oprf_key(), blinded)


def _token_header() -> dict[str, str]:
    token = settings.CONFIDE_OPRF_TOKEN
    return {"Authorization": f"Bearer {token}"} if token else {}


def oprf_token_valid(header: str | None) -> bool:
    """Fails closed: without a configured token no caller is let in (oprf_serve refuses to start anyway)."""
    token = settings.CONFIDE_OPRF_TOKEN
    if not token:
        return False
    return crypto.constant_time_equal((header or "").encode(), f"Bearer {token}".encode())


def _rate_limited(error: urllib.error.HTTPError) -> OprfRateLimited:
    try:
        limit = json.loads(error.read()).get("limit")
    except (OSError, ValueError, AttributeError):
        limit = None
    return OprfCeilingReached() if limit == CEILING else OprfRateLimited()


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
            raise _rate_limited(error) from None
        logger.warning("The OPRF key holder answered HTTP %s.", error.code)
        raise OprfUnavailable() from None
    except (OSError, ValueError, KeyError, TypeError):
        logger.warning("The OPRF key holder is unreachable or its answer is unusable.")
        raise OprfUnavailable() from None


def _evaluate(*, blinded: bytes, rate_key: bytes) -> tuple[bytes, bytes]:
    if settings.CONFIDE_OPRF_URL:
        return _remote_evaluate(blinded=blinded, rate_key=rate_key)
    return oprf_blinded_evaluate(blinded=blinded, rate_key=rate_key)


def _pooled_evaluate(*, blinded: bytes, rate_key: bytes, organization_id: uuid.UUID) -> tuple[bytes, bytes]:
    """An unverified account is free (a new vault is one click), so its own allowance bounds nothing: the
    evaluation also spends from the organization's and the deployment's daily pools, which no new vault or
    letter resets. Taken before the key holder is asked and given back when it does not evaluate, so a spent
    vault allowance does not drain the pools."""
    pools = oprf_pool_keys(organization_id=organization_id)
    limits = [
        (pools[0], settings.CONFIDE_OPRF_UNVERIFIED_PER_ORGANIZATION),
        (pools[1], settings.CONFIDE_OPRF_UNVERIFIED_PER_DEPLOYMENT),
    ]
    day = today()
    if allowances_take(limits=limits, day=day) is not None:
        raise OprfPoolSpent()
    try:
        return _evaluate(blinded=blinded, rate_key=rate_key)
    except (OprfRateLimited, OprfUnavailable, crypto.CryptoError):
        allowances_return(keys=pools, day=day)
        raise


def oprf_output(*, identifier: str, account: bytes, unverified_in: uuid.UUID | None = None) -> bytes:
    """Web-tier side: blind the canonical identifier, have it evaluated, check the proof, unblind. Only the
    blinded element ever leaves this function. `unverified_in` (the vault's organization) marks an unverified
    account, whose evaluations also spend from the daily pools. Raises OprfRateLimited (or its OprfPoolSpent,
    OprfCeilingReached), OprfUnavailable or OprfProofRefused."""
    message = identifier.encode()
    public_key = oprf_public_key()
    blind, blinded = crypto.oprf_blind(message)
    rate_key = oprf_rate_key(account=account)
    if unverified_in is None:
        evaluated, proof = _evaluate(blinded=blinded, rate_key=rate_key)
    else:
        evaluated, proof = _pooled_evaluate(blinded=blinded, rate_key=rate_key, organization_id=unverified_in)
    try:
        return crypto.oprf_finalize(message, blind, evaluated, blinded, public_key, proof)
    except crypto.CryptoError:
        # Content-free: the identifier never reaches a log, and the elements are useless to a reader.
        logger.error(
            "The OPRF key holder's proof did not verify against the pinned public key; its answer was refused. "
            "Check CONFIDE_OPRF_PUBLIC_KEY against `manage.py oprf_public_key`, then the key holder itself."
        )
        raise OprfProofRefused() from None
