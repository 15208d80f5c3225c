"""The flood limits shared by every process and machine (issue 14), when the operator configures a shared store:
Redis, through Django's cache framework, configured to keep nothing on disk.

Django's cache API offers an atomic add and increment but no compare-and-set, so a bucket here is a counter per
fixed window of `burst / rate` seconds (the time a bucket takes to refill) allowing `burst` writes: the same
long-run rate as the in-process token bucket, with at most twice the burst across a window's edge. Counter
names are peppered keyed hashes of the bucket, so the store's memory names no organization or report. A store
that does not answer refuses the write with a 503: a limit that fails open would let a flood through.
"""

import math
import time

from django.core.cache import caches
from django.utils.translation import gettext as _

from confide import crypto
from confide.core import keyfiles
from confide.core.errors import Unavailable
from confide.crypto import labels

try:
    from redis.exceptions import RedisError
except ImportError:  # an installation without the Redis client uses no shared store
    STORE_DOWN: tuple[type[Exception], ...] = (ConnectionError, TimeoutError)
else:
    STORE_DOWN = (RedisError, ConnectionError, TimeoutError)

LONGEST_WINDOW = 3600.0
RETRY_AFTER_SECONDS = 15


def shared_spend(alias: str, key: tuple, limits: tuple[float, float], everyone: tuple[float, float]) -> float:
    """One write from this bucket and one from the deployment's, or none from either: the seconds to wait."""
    cache = caches[alias]
    now = time.time()
    try:
        wait = _take(cache, key, limits, now)
        if wait == 0:
            wait = _take(cache, ("*",), everyone, now)
            if wait:
                cache.decr(_name(key, limits, _window(limits)[1], now))  # refund: this write did not happen
    except STORE_DOWN:
        raise Unavailable(
            _("The service is briefly unavailable; nothing was changed. Please try again in a moment."),
            retry_after=RETRY_AFTER_SECONDS,
        ) from None
    return wait


def _window(limits: tuple[float, float]) -> tuple[float, float]:
    rate, burst = limits
    return burst, (min(burst / rate, LONGEST_WINDOW) if rate > 0 else LONGEST_WINDOW)


def _name(key: tuple, limits: tuple[float, float], window: float, now: float) -> str:
    index = int(now // window)
    # The limits are part of the name, so changed settings take effect at once (as in the in-process buckets).
    material = repr((key, limits, index)).encode()
    return "bucket:" + crypto.keyed_hash(labels.THROTTLE_BUCKET, keyfiles.pepper() + material, size=16).hex()


def _take(cache, key: tuple, limits: tuple[float, float], now: float) -> float:
    allowed, window = _window(limits)
    name = _name(key, limits, window, now)
    for _attempt in range(2):
        cache.add(name, 0, timeout=math.ceil(window) + 1)
        try:
            count = cache.incr(name)
            break
        except ValueError:  # expired between add and incr: start the window again
            continue
    else:
        count = 1
    if count <= allowed:
        return 0.0
    return (int(now // window) + 1) * window - now
