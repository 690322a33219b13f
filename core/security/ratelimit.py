"""Per-client rate limits on public endpoints that cost us something: the one mechanism.

Search, every public form and the analytics beacon call `limit(request, group)` (or wear the
`rate_limited(group)` decorator, which calls it). The limit for a group is
`settings.PORTAL_RATELIMITS[group]` ("60/m": 60 a minute; s, m, h, d), read on every call so a
deployment or a test can change it; `PORTAL_RATELIMIT_ENABLED` switches every limit off.

Counting is a fixed window per client in the shared cache, so every worker and server counts
together. The counter's key holds the group, the window and the client's keyed hash
(`clients.client_key`), never an address, and lives one window: nothing about a reader outlasts
the minute it is counted in. Key style: ``portal:ratelimit:<group>:<window start>:<client>``,
under the cache's own key prefix (`BaseCache.make_key`).

One cache round trip per call: with Django's Redis cache, `SET key 0 EX ttl NX` and `INCR key`
go in one pipeline through a redis-py client made once per process from the cache's own
`LOCATION`; with any other backend (tests, a dev machine) the same counter uses the cache's
public `add` and `incr`. If the cache is unreachable the request is let through: a rate limit
must never take the site down with it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, cast

import redis
from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .clients import client_key

__all__ = ["limit", "over_limit", "rate_limited", "too_many_requests"]

logger = logging.getLogger("portal.security.ratelimit")

CACHE_ALIAS = "default"
PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}

# One redis client per process and server: its connection pool is re-made after a fork.
_clients: dict[str, redis.Redis] = {}


def parse_rate(rate: str) -> tuple[int, int]:
    """("60/m") -> (60 requests, 60 seconds); "100/5m" -> (100, 300)."""
    count, _slash, per = rate.partition("/")
    multiple = int(per[:-1]) if len(per) > 1 else 1
    return int(count), multiple * PERIODS[per[-1]]


def _redis_client(location: str) -> redis.Redis:
    client = _clients.get(location)
    if client is None:
        client = _clients[location] = redis.Redis.from_url(location)
    return client


def _redis_location(cache: BaseCache) -> str | None:
    """The Redis server behind Django's Redis cache (the first, where it writes), else None."""
    if not isinstance(cache, RedisCache):
        return None
    config = cast(dict[str, Any], settings.CACHES[CACHE_ALIAS])
    location = config["LOCATION"]
    servers = location.split(",") if isinstance(location, str) else list(location)
    return servers[0].strip()


def _count(key: str, period: int) -> int:
    """Add this call to the counter `key` (created for `period` seconds); the new count."""
    cache = caches[CACHE_ALIAS]
    full_key = cache.make_key(key)
    location = _redis_location(cache)
    if location is not None:
        pipeline = _redis_client(location).pipeline(transaction=False)
        pipeline.set(full_key, 0, ex=period + 1, nx=True)
        pipeline.incr(full_key)
        _created, count = pipeline.execute()
        return int(count)
    cache.add(key, 0, timeout=period + 1)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr: this call starts the window
        cache.add(key, 1, timeout=period + 1)
        return 1


def over_limit(request: HttpRequest, group: str) -> int | None:
    """Count this request in its group; the seconds to wait if it is over the limit, else None."""
    rate = settings.PORTAL_RATELIMITS.get(group)
    if not (settings.PORTAL_RATELIMIT_ENABLED and rate):
        return None
    allowed, period = parse_rate(rate)
    now = int(time.time())
    window = now - now % period
    try:
        count = _count(f"portal:ratelimit:{group}:{window}:{client_key(request)}", period)
    except Exception:
        logger.warning("rate limit cache unavailable", extra={"group": group})
        return None
    if count <= allowed:
        return None
    logger.info("rate limited", extra={"group": group})
    return max(1, window + period - now)


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The 429 answer: a short page in the reader's language, and when to try again."""
    context = {"page_title": _("Quá nhiều yêu cầu"), "retry_after": retry_after}
    try:
        response = render(request, "portal_security/429.html", context, status=429)
    except Exception:
        response = HttpResponse(_("Quá nhiều yêu cầu. Vui lòng thử lại sau."), status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def limit(request: HttpRequest, group: str) -> HttpResponse | None:
    """Count the request; the 429 answer if the client is over its rate, else None.

    For code that is not a plain view (the beacon's WSGI fast path, a form's POST branch).
    """
    retry_after = over_limit(request, group)
    return None if retry_after is None else too_many_requests(request, retry_after)


def rate_limited(
    group: str, methods: tuple[str, ...] = ()
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Limit a view per client to `settings.PORTAL_RATELIMITS[group]`.

    `methods` limits only those (e.g. ("POST",) for a form whose page may be read freely);
    empty, every call counts.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not methods or request.method in methods:
                refused = limit(request, group)
                if refused is not None:
                    return refused
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
