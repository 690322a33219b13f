"""Exact, immediate purges: what a change to a page makes stale, in the page cache and in the CDN.

Publishing, unpublishing, moving or deleting a page makes stale: the page, every ancestor (the
section listings and Home show it), its translations (their language switch links to it), the
site feed, the section feeds and the sitemap. A change to the site structure (a section, a home or an
information page, a site, a locale, a view restriction, the site settings) may change every
page's navigation or breadcrumbs, so it renews the whole-site token instead.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.caching import counts, pages, structure

logger = logging.getLogger(__name__)

SITE_WIDE_PATHS = ("site_feed", "sitemap")


class _Scratch:
    """Stands in for a request as Wagtail's per-call cache of site root paths."""


def _page_urls(page: Page) -> list[tuple[str, str]]:
    """(root URL, path) of a page on each site it belongs to, plus its routable sub-pages (feeds)."""
    # A scratch object, not the page, holds Wagtail's site-root-paths cache: the caller's instance
    # must not keep root paths from the middle of a change (a home published before its site).
    parts = page.get_url_parts(request=_Scratch())
    if parts is None:
        return []
    _site_id, root_url, path = parts
    found = [(root_url, path)]
    specific = page.specific_deferred
    if hasattr(specific, "get_subpage_urls"):
        for pattern in specific.get_subpage_urls():
            name = getattr(pattern, "name", None)
            if name and not pattern.pattern.regex.groups:
                try:
                    found.append(
                        (root_url, path.rstrip("/") + "/" + specific.reverse_subpage(name))
                    )
                except NoReverseMatch:  # a sub-route needing arguments has no single URL
                    continue
    return found


def affected_urls(page: Page) -> list[tuple[str, str]]:
    """Every (root URL, path) whose content shows this page."""
    urls: list[tuple[str, str]] = []
    ancestors = structure.get_structure().ancestors(page)
    if ancestors is None:
        ancestors = list(page.get_ancestors())
    related = [
        *(a for a in ancestors if a.depth > 1),
        page,
        *Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk),
    ]
    for item in related:
        urls.extend(_page_urls(item))
    roots = {root for root, _path in urls}
    for name in SITE_WIDE_PATHS:
        urls.extend((root, reverse(name)) for root in roots)
    return urls


def purge(urls: Iterable[tuple[str, str]]) -> None:
    urls = list(dict.fromkeys(urls))
    pages.purge_paths(path for _root, path in urls)
    purge_cdn(root + path for root, path in urls)


def purge_cdn(absolute_urls: Iterable[str]) -> None:
    """Purge the configured frontend cache (CDN, Varnish); a no-op when none is configured."""
    from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache

    absolute_urls = list(dict.fromkeys(absolute_urls))
    if not absolute_urls or not get_backends():
        return
    try:
        purge_urls_from_cache(absolute_urls)
    except Exception:  # a CDN outage must not fail the editor's publication
        logger.exception("frontend cache purge failed for %d URLs", len(absolute_urls))


def page_changed(page: Page, urls: list[tuple[str, str]] | None = None) -> None:
    """Purge what shows the page, now and again after commit (a reader may refill in between)."""
    urls = urls if urls is not None else affected_urls(page)
    structural = structure.is_structural(page)
    if structural:
        structure.invalidate()

    def run() -> None:
        if structural:
            pages.purge_everything()
        counts.forget_counts()
        purge(urls)

    run()
    transaction.on_commit(run)


def _on_page_signal(sender: Any, instance: Page, **kwargs: Any) -> None:
    page_changed(instance)


def _on_page_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # Covers every way a live page changes (publish, scheduled publish, unpublish, direct saves in
    # scripts); a draft saved by an editor changes nothing a reader sees, so it purges nothing.
    if raw or not isinstance(instance, Page):
        return
    update_fields = kwargs.get("update_fields")
    if not instance.live and update_fields is not None and "live" not in update_fields:
        return
    page_changed(instance)


def _on_page_move(sender: Any, instance: Page, **kwargs: Any) -> None:
    # The old URLs are stale too: the page, its old parent's listings and their ancestors.
    parent_before = kwargs.get("parent_page_before")
    urls = affected_urls(instance)
    if parent_before is not None:
        urls.extend(affected_urls(parent_before))
        root_path = _page_urls(parent_before)
        urls.extend((root, path + instance.slug + "/") for root, path in root_path)
    structure.invalidate()
    pages.purge_everything()
    page_changed(instance, urls)


def _on_page_deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page) and not isinstance(instance, Site):
        # Before the rows go: afterwards its ancestors and URL can no longer be computed.
        try:
            urls = affected_urls(instance)
        except Page.DoesNotExist:
            urls = []
        page_changed(instance, urls)


def after_bulk_change() -> None:
    """For bulk writes that bypass signals (demo seeding): forget every cached page and count."""
    structure.invalidate()
    pages.purge_everything()
    counts.forget_counts()


def _on_structure_changed(sender: Any, **kwargs: Any) -> None:
    structure.invalidate()
    pages.purge_everything()
    transaction.on_commit(pages.purge_everything)


def connect() -> None:
    from portal.models import SiteSettings

    page_published.connect(_on_page_signal, dispatch_uid="portal_cache_published")
    page_unpublished.connect(_on_page_signal, dispatch_uid="portal_cache_unpublished")
    post_page_move.connect(_on_page_move, dispatch_uid="portal_cache_moved")
    post_save.connect(_on_page_saved, dispatch_uid="portal_cache_saved")
    pre_delete.connect(_on_page_deleting, dispatch_uid="portal_cache_deleting")
    for model in (Site, Locale, PageViewRestriction, SiteSettings):
        post_save.connect(
            _on_structure_changed, sender=model, dispatch_uid=f"portal_cache_{model.__name__}_saved"
        )
        post_delete.connect(
            _on_structure_changed,
            sender=model,
            dispatch_uid=f"portal_cache_{model.__name__}_deleted",
        )
