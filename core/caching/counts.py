"""Listing counts kept in the shared cache until the next publication.

A paginated section needs its article count on every view; at 120,000 articles PostgreSQL reads
tens of thousands of rows for it (the join to the article table cannot be skipped), which is most
of a listing's time. The count only changes when a page is published, unpublished, moved or
deleted (or a view restriction or a bulk write changes which pages count); each of those is
announced (`core/caching/signals.py`) and renews the ``counts`` token the counts are stored
under (`core/caching/tokens.py`), so a cached count is never stale.
"""

from typing import Any

from django.db.models import QuerySet

from core.caching import signals, tokens

AREA = "count"
TIMEOUT = 60 * 60 * 24


def forget_counts() -> None:
    tokens.renew([tokens.COUNTS])


def cached_count(queryset: QuerySet) -> int:
    sql, params = queryset.order_by().query.sql_with_params()
    detail = f"{queryset.db}|{sql}|{params!r}"
    return tokens.cached(AREA, [tokens.COUNTS], detail, queryset.count, TIMEOUT)


def _on_page_changed(sender: Any, **kwargs: Any) -> None:
    # Any announced change may add, remove or move a counted page.
    signals.now_and_after_commit(forget_counts)


def _on_site_changed(sender: Any, kind: str, **kwargs: Any) -> None:
    # A view restriction, a site, a locale or a bulk write may change which pages are counted.
    if kind != signals.SETTINGS:
        signals.now_and_after_commit(forget_counts)


def connect() -> None:
    signals.page_changed.connect(_on_page_changed, dispatch_uid="portal_counts")
    signals.site_changed.connect(_on_site_changed, dispatch_uid="portal_counts")
