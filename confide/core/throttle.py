"""Token buckets on unauthenticated writes (threat model A6).

Nothing about an anonymous requester is known or kept (no IP address), so the only fair keys are the
organization written to and the deployment as a whole. A flood against one organization then slows that
organization's intake alone, and a flood spread over many organizations meets the deployment bucket.

By default the buckets live in each server process's memory: no row is written per request (a row would be a
timestamp of a reporter's action, G2), and with N worker processes the effective limit is N times the
configured one. With a shared store configured (CONFIDE_REDIS_URL) every process and machine spends from the
same counters instead (confide.core.shared_buckets), kept in Redis's memory only.
"""

import math
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from confide.core.errors import Unavailable
from confide.core.shared_buckets import shared_spend


class Throttled(Unavailable):
    """Too many writes just now; `retry_after` is in whole seconds."""

    status = 429

    def __init__(self, retry_after: int, message: str = "") -> None:
        super().__init__(
            message or _("Many reports are arriving right now. Please wait a minute and send it again."),
            retry_after=retry_after,
        )


@dataclass
class TokenBucket:
    rate: float  # tokens added per second
    burst: float  # bucket size
    tokens: float = field(init=False)
    updated: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = self.burst
        self.updated = time.monotonic()

    def wait_for(self, cost: float = 1.0) -> float:
        """Take `cost` tokens and return 0, or take nothing and return the seconds until they are there."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= cost:
            self.tokens -= cost
            return 0.0
        return (cost - self.tokens) / self.rate if self.rate > 0 else math.inf


_lock = threading.Lock()
_buckets: dict[tuple, TokenBucket] = {}


MAX_BUCKETS = 20_000


def _bucket(key: tuple, limits: tuple[float, float]) -> TokenBucket:
    # The limits are part of the key, so changed settings take effect without a restart.
    full_key = (*key, *limits)
    bucket = _buckets.get(full_key)
    if bucket is None:
        if len(_buckets) >= MAX_BUCKETS:
            _prune()
        bucket = _buckets[full_key] = TokenBucket(rate=limits[0], burst=limits[1])
    return bucket


def _prune() -> None:
    """Forget buckets that have refilled: a fresh bucket would be identical. Receipt buckets are one per
    report, vault or letter participant, so without this the dictionary would only grow."""
    now = time.monotonic()
    for key, bucket in list(_buckets.items()):
        if bucket.tokens + (now - bucket.updated) * bucket.rate >= bucket.burst:
            del _buckets[key]


def _spend(key: tuple, limits: tuple[float, float]) -> float:
    """One token from this bucket and one from the deployment's, or none from either: the seconds to wait."""
    if settings.CONFIDE_LIMITS_CACHE:
        return shared_spend(settings.CONFIDE_LIMITS_CACHE, key, limits, settings.CONFIDE_WRITE_LIMITS_DEPLOYMENT)
    with _lock:
        mine = _bucket(key, limits)
        everyone = _bucket(("*",), settings.CONFIDE_WRITE_LIMITS_DEPLOYMENT)
        wait = mine.wait_for()
        if wait == 0:
            wait = everyone.wait_for()
            if wait:
                mine.tokens += 1  # refund: this write did not happen
    return wait


def _retry_after(wait: float) -> int:
    return max(1, math.ceil(min(wait, 3600)))


def write_allow(*, scope: str, organization_id: object) -> None:
    """Spend one token of the organization's and one of the deployment's bucket for `scope`, or raise Throttled
    without spending any."""
    wait = _spend((scope, str(organization_id)), settings.CONFIDE_WRITE_LIMITS[scope])
    if wait:
        raise Throttled(retry_after=_retry_after(wait))


def buckets_reset() -> None:
    with _lock:
        _buckets.clear()


def receipt_write_allow(*, holder_id: object) -> None:
    """One token of the bucket of whoever holds one receipt (a report, a vault, a letter participant), and one
    of the deployment's: "rate limits by receipt" (threat model A6), so that one receipt cannot flood a case
    with messages and files. Kept in memory like the organization buckets, for the same reason (G2)."""
    wait = _spend(("receipt", str(holder_id)), settings.CONFIDE_RECEIPT_WRITE_LIMIT)
    if wait:
        raise Throttled(
            retry_after=_retry_after(wait),
            message=_("You have sent many messages in a short time. Please wait a minute and send it again."),
        )
