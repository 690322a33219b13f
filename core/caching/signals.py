"""The portal's own change signals: what every cache that follows the content listens to.

`core/caching/invalidation.py` is the only module connected to Wagtail's page signals and to
Django's model signals for pages, sites, locales, view restrictions and site settings. It turns
each of them into one of two signals defined here, so a cache (the page cache, the listing
counts, the sitemap) registers one receiver and filters on `kind`, instead of repeating the
wiring with slightly different filters.

- ``page_changed(sender=<page class>, page, kind, update_fields=None, parent_before=None,
  urls=None)``: ``kind`` is one of `PAGE_KINDS`. ``saved`` is a direct save of a live page or of
  the ``live`` column (scripts, scheduled publication); a draft of an unpublished page saved by
  an editor is not announced. ``deleted`` is sent before the rows go, so the page's tree and
  translations can still be read. ``content`` is what another app announces when its own data
  shown on a page changed (a caption track, a published question): the page's URLs, plus
  ``urls``, are stale, but nothing a list of pages shows (title, address, dates) changed.
- ``site_changed(sender=<model class or None>, kind)``: ``kind`` is one of `SITE_KINDS`; every
  page's navigation, address or visibility may have changed.

Receivers run synchronously, inside the transaction that made the change; a receiver that
purges a cache does it now and again after commit (`now_and_after_commit`), since a reader may
refill the cache from the old rows in between.
"""

from collections.abc import Callable

from django.db import transaction
from django.dispatch import Signal

PUBLISHED = "published"
UNPUBLISHED = "unpublished"
SAVED = "saved"
MOVED = "moved"
DELETED = "deleted"
CONTENT = "content"
PAGE_KINDS = frozenset({PUBLISHED, UNPUBLISHED, SAVED, MOVED, DELETED, CONTENT})

SITES = "sites"
LOCALES = "locales"
RESTRICTIONS = "restrictions"
SETTINGS = "settings"
BULK = "bulk"
SITE_KINDS = frozenset({SITES, LOCALES, RESTRICTIONS, SETTINGS, BULK})

page_changed = Signal()
site_changed = Signal()


def now_and_after_commit(purge: Callable[[], None]) -> None:
    """Run a purge now and again when the current transaction commits (at once outside one)."""
    purge()
    transaction.on_commit(purge)
