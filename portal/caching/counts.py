"""Listing counts kept in the shared cache until the next publication.

A paginated section needs its article count on every view; at 120,000 articles PostgreSQL reads
tens of thousands of rows for it (the join to the article table cannot be skipped), which is most
of a listing's time. The count only changes when a page is published, unpublished, moved or
deleted, and each of those renews the ``counts`` token the counts are stored under
(`portal/caching/tokens.py`, `portal/caching/invalidation.py`), so a cached count is never stale.
"""

from django.db.models import QuerySet

from portal.caching import tokens

AREA = "count"
TIMEOUT = 60 * 60 * 24


def forget_counts() -> None:
    tokens.renew([tokens.COUNTS])


def cached_count(queryset: QuerySet) -> int:
    (token,) = tokens.current(tokens.COUNTS)
    sql, params = queryset.order_by().query.sql_with_params()
    key = tokens.key(AREA, [token], f"{queryset.db}|{sql}|{params!r}")
    store = tokens.cache()
    count = store.get(key)
    if count is None:
        count = queryset.count()
        store.set(key, count, TIMEOUT)
    return count
