"""Listing counts kept in the shared cache until the next publication.

A paginated section needs its article count on every view; at 120,000 articles PostgreSQL reads
tens of thousands of rows for it (the join to the article table cannot be skipped), which is most
of a listing's time. The count only changes when a page is published, unpublished, moved or
deleted, and each of those renews the token the counts are stored under
(`portal/caching/invalidation.py`), so a cached count is never stale.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db.models import QuerySet

TOKEN_KEY = "portal:counts:token"
COUNT_KEY = "portal:counts:{token}:{digest}"
TIMEOUT = 60 * 60 * 24


def _cache():
    return caches[settings.PORTAL_PAGE_CACHE_ALIAS]


def forget_counts() -> None:
    _cache().set(TOKEN_KEY, uuid.uuid4().hex, timeout=None)


def cached_count(queryset: QuerySet) -> int:
    if not settings.PORTAL_STRUCTURE_CACHE:
        return queryset.count()
    cache = _cache()
    token = cache.get(TOKEN_KEY)
    if token is None:
        cache.add(TOKEN_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(TOKEN_KEY)
    sql, params = queryset.order_by().query.sql_with_params()
    digest = hashlib.blake2b(f"{queryset.db}|{sql}|{params!r}".encode(), digest_size=16).hexdigest()
    key = COUNT_KEY.format(token=token, digest=digest)
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, TIMEOUT)
    return count
