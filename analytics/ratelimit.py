"""The beacon's per-client rate limit in one Redis round trip, on the same counters as the rest.

`portal.security.ratelimit.rate_limited("analytics")` (django-ratelimit on the Django cache)
costs the beacon three Redis round trips a hit (`add`, then `exists` + `incr`) and a new redis
client object per call. Every page view sends a hit, so the fast path (`analytics.wsgi`) counts
here instead, with the same semantics:

- the same counter: django-ratelimit's window (per-client jitter) and cache key (group
  `portal:analytics`, the client's keyed hash, the rate), under the cache's key prefix, so the
  fast path and the full stack (requests with a session cookie) count together, across every
  worker and server;
- the same answer: 429 with `Retry-After` (`portal.security.ratelimit.too_many_requests`);
- the same settings, read on every call (`PORTAL_RATELIMIT_ENABLED`, `PORTAL_RATELIMITS`);
- the same failure mode: if the cache is unreachable the hit is let through.

With Django's Redis cache the counter is `SET key 0 EX ttl NX` + `INCR key`, pipelined (one round
trip), through a redis client kept per process; with any other cache backend (tests, a dev
machine) it falls back to django-ratelimit itself.
"""

import logging
import time
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest, HttpResponse
from django_ratelimit import ALL
from django_ratelimit.core import (
    EXPIRATION_FUDGE,
    _get_window,
    _make_cache_key,
    _split_rate,
    get_usage,
)

from portal.security.clients import client_key
from portal.security.ratelimit import too_many_requests

logger = logging.getLogger("portal.security.ratelimit")  # the decorator's logger: one place

GROUP = "analytics"
# As `portal.security.ratelimit.rate_limited` names it, so both paths share one counter.
RATELIMIT_GROUP = f"portal:{GROUP}"

# One redis client per process and cache location (its connection pool survives gunicorn's fork).
_clients: dict[tuple[str, ...], Any] = {}


def _redis_client(cache: RedisCache) -> Any:
    servers = tuple(cache._servers)
    client = _clients.get(servers)
    if client is None:
        client = _clients[servers] = cache._cache.get_client(write=True)
    return client


def _count_in_redis(cache: RedisCache, request: HttpRequest, rate: str) -> tuple[bool, int]:
    """Count this request in its window: (over the limit?, seconds left in the window)."""
    limit, period = _split_rate(rate)
    value = client_key(request)
    window = _get_window(value, period)
    key = cache.make_and_validate_key(_make_cache_key(RATELIMIT_GROUP, window, rate, value, ALL))
    pipeline = _redis_client(cache).pipeline(transaction=False)
    pipeline.set(key, 0, ex=period + EXPIRATION_FUDGE, nx=True)
    pipeline.incr(key)
    _created, count = pipeline.execute()
    return int(count) > limit, window - int(time.time())


def _count(cache: BaseCache, request: HttpRequest, rate: str) -> tuple[bool, int]:
    if isinstance(cache, RedisCache):
        return _count_in_redis(cache, request, rate)
    usage = get_usage(
        request,
        group=RATELIMIT_GROUP,
        key=lambda _group, request: client_key(request),
        rate=rate,
        increment=True,
    )
    if usage is None:  # django-ratelimit switched off (RATELIMIT_ENABLE)
        return False, 0
    return usage["should_limit"], usage["time_left"]


def beacon_rate_limited(request: HttpRequest) -> HttpResponse | None:
    """Count the beacon call; the 429 answer if the client is over its rate, else None."""
    rate = settings.PORTAL_RATELIMITS.get(GROUP)
    if not (settings.PORTAL_RATELIMIT_ENABLED and rate):
        return None
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    try:
        over, time_left = _count(cache, request, rate)
    except Exception:
        logger.warning("rate limit cache unavailable", extra={"group": GROUP})
        return None
    if over:
        logger.info("rate limited", extra={"group": GROUP})
        return too_many_requests(request, max(1, time_left))
    return None
