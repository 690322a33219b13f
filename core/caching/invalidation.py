"""The one listener to page changes, and the page cache's exact, immediate purges.

This module alone is connected to Wagtail's page signals (published, unpublished, moved) and to
Django's model signals for pages (saved, deleted) and for what every page depends on (sites,
locales, view restrictions, the site settings). It announces each as the portal's own
`signals.page_changed` or `signals.site_changed` (`core/caching/signals.py`), which the page
cache (here), the listing counts (`counts.py`) and the sitemap (`seo/purge.py`) receive, each
with its own filter.

For the page cache, publishing, unpublishing, moving or deleting a page makes stale: the page,
every ancestor (the section listings and Home show it), its translations (their language switch
links to it), the site feed, the section feeds and the sitemap index. A change to the site
structure (a section, a home or an information page, a site, a locale, a view restriction, the
site settings) may change every page's navigation or breadcrumbs, so it renews the whole-site
token instead.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.caching import counts, pages, signals, structure

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


def _announce(page: Page, kind: str, **facts: Any) -> None:
    signals.page_changed.send(sender=type(page), page=page, kind=kind, **facts)


def page_changed(page: Page, urls: list[tuple[str, str]] | None = None) -> None:
    """For apps whose own data shows on a page (captions, questions): its URLs (and `urls`) are stale."""
    _announce(page, signals.CONTENT, urls=urls)


def after_bulk_change() -> None:
    """For bulk writes that bypass signals (demo seeding): every cache that follows the content forgets."""
    signals.site_changed.send(sender=None, kind=signals.BULK)


# Wagtail's and Django's signals, heard here only, announced as the portal's own.


def _on_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    _announce(instance, signals.PUBLISHED)


def _on_unpublished(sender: Any, instance: Page, **kwargs: Any) -> None:
    _announce(instance, signals.UNPUBLISHED)


def _on_page_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # Covers every way a live page changes (publish, scheduled publish, unpublish, direct saves in
    # scripts); a draft of an unpublished page changes nothing a reader sees: not announced.
    if raw or not isinstance(instance, Page):
        return
    update_fields = kwargs.get("update_fields")
    if not instance.live and update_fields is not None and "live" not in update_fields:
        return
    _announce(instance, signals.SAVED, update_fields=update_fields)


def _on_page_move(sender: Any, instance: Page, **kwargs: Any) -> None:
    _announce(instance, signals.MOVED, parent_before=kwargs.get("parent_page_before"))


def _on_page_deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        _announce(instance, signals.DELETED)


# What every page depends on, by model (filled by `connect()`, once the apps are loaded).
SITE_KIND_OF_MODEL: dict[type, str] = {}


def _on_site_model_changed(sender: Any, **kwargs: Any) -> None:
    signals.site_changed.send(sender=sender, kind=SITE_KIND_OF_MODEL[sender])


# The page cache's receivers.


def _purge_page_cache(
    page: Page, urls: list[tuple[str, str]], structural: bool | None = None
) -> None:
    structural = structure.is_structural(page) if structural is None else structural
    if structural:
        structure.invalidate()

    def run() -> None:
        if structural:
            pages.purge_everything()
        purge(urls)

    signals.now_and_after_commit(run)


def _moved_urls(page: Page, parent_before: Page | None) -> list[tuple[str, str]]:
    # The old URLs are stale too: the page, its old parent's listings and their ancestors.
    urls = affected_urls(page)
    if parent_before is not None:
        urls.extend(affected_urls(parent_before))
        urls.extend((root, path + page.slug + "/") for root, path in _page_urls(parent_before))
    return urls


def on_page_changed(
    sender: Any,
    page: Page,
    kind: str,
    urls: list[tuple[str, str]] | None = None,
    parent_before: Page | None = None,
    **kwargs: Any,
) -> None:
    """The page cache: the page's URLs, its ancestors', translations' and feeds' (all, for a move)."""
    if kind == signals.MOVED:
        _purge_page_cache(page, _moved_urls(page, parent_before), structural=True)
        return
    if urls is None:
        try:
            urls = affected_urls(page)
        except Page.DoesNotExist:  # a page deleted with its parent: its ancestors are gone
            urls = []
    _purge_page_cache(page, urls)


def on_site_changed(sender: Any, **kwargs: Any) -> None:
    """The page cache and the site structure: every page's navigation may have changed."""
    structure.invalidate()
    signals.now_and_after_commit(pages.purge_everything)


def connect() -> None:
    from core.models import SiteSettings

    page_published.connect(_on_published, dispatch_uid="portal_cache_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="portal_cache_unpublished")
    post_page_move.connect(_on_page_move, dispatch_uid="portal_cache_moved")
    post_save.connect(_on_page_saved, dispatch_uid="portal_cache_saved")
    pre_delete.connect(_on_page_deleting, dispatch_uid="portal_cache_deleting")
    SITE_KIND_OF_MODEL.update(
        {
            Site: signals.SITES,
            Locale: signals.LOCALES,
            PageViewRestriction: signals.RESTRICTIONS,
            SiteSettings: signals.SETTINGS,
        }
    )
    for model in SITE_KIND_OF_MODEL:
        name = model.__name__
        post_save.connect(_on_site_model_changed, sender=model, dispatch_uid=f"portal_{name}_saved")
        post_delete.connect(
            _on_site_model_changed, sender=model, dispatch_uid=f"portal_{name}_deleted"
        )
    signals.page_changed.connect(on_page_changed, dispatch_uid="portal_page_cache")
    signals.site_changed.connect(on_site_changed, dispatch_uid="portal_page_cache")
    counts.connect()
