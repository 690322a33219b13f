"""Cached sitemap responses, purged exactly when a page in them changes.

Entries live in the shared cache under tokens (`core/caching/tokens.py`): one per part
(``sitemap:<part>``), one for the index (``sitemap:__index__``) and ``sitemap`` for everything.
The portal announces every page change once (`core/caching/signals.py`); the receivers here
keep what the sitemap lists:

- a page published, unpublished or deleted while live, or a live page (or its ``live`` column)
  saved directly: the token of its part, of its translations' parts (their alternates name it)
  and of the index (its lastmod). A page with children renews everything instead (a new slug
  moves every page below it);
- a move, a site, a locale, a view restriction or a bulk write: everything;
- a draft saved on a live page, another app's content on a page (``content``), the site
  settings: nothing (no URL, alternate or lastmod changes).
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from wagtail.models import Page

from core.caching import pages, signals, tokens
from seo import sitemaps

INDEX = "__index__"
EVERYTHING = "sitemap"
AREA = "sitemap"
# Bounds what no signal covers (raw SQL writes); purges are exact otherwise.
TIMEOUT = getattr(settings, "PORTAL_SITEMAP_CACHE_SECONDS", 6 * 3600)


def _token_name(name: str) -> str:
    return f"sitemap:{name}"


def _tokens_of(name: str) -> list[str]:
    """The tokens one sitemap file's cached entries are stamped with (everything's, then its own)."""
    return [EVERYTHING, _token_name(name)]


def current_tokens(name: str) -> list[str]:
    """The current values of `_tokens_of(name)`."""
    return tokens.current(*_tokens_of(name))


def cached(request: HttpRequest, name: str, build: Callable[[], HttpResponse]) -> HttpResponse:
    """The response for one sitemap file, from the cache when nothing in it changed."""
    if request.method not in ("GET", "HEAD"):
        return build()
    variant = "|".join([request.scheme, request.get_host(), name, request.GET.get("p", "")])
    entry, slot = tokens.lookup(AREA, _tokens_of(name), variant)
    if entry is not None:
        return pages.thaw(entry)
    response = build()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:
        tokens.keep(slot, pages.freeze(response), TIMEOUT)
    return response


def purge_parts(names: Iterable[str]) -> None:
    """Renew the tokens of these parts and of the index, and purge them from a CDN if one is set."""
    names = {*names, INDEX}
    tokens.renew(_token_name(name) for name in names)
    _purge_cdn(names)


def purge_everything() -> None:
    tokens.renew([EVERYTHING])


def _purge_cdn(names: set[str]) -> None:
    from core.caching.invalidation import purge_cdn

    paths = [
        reverse("sitemap") if n == INDEX else reverse("sitemap_part", args=(n,)) for n in names
    ]
    hosts = {root.root_url for root in sitemaps.root_paths()}
    purge_cdn(host + path for host in hosts for path in paths)


def part_names(page: Page) -> list[str]:
    """The parts listing this page or one of its translations (one query)."""
    versions = Page.objects.filter(translation_key=page.translation_key).values_list(
        "id", "content_type_id"
    )
    if page.pk is not None:
        versions = [*versions, (page.pk, page.content_type_id)]
    names = []
    for page_id, content_type_id in set(versions):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            names.append(sitemaps.section_name(model, (page_id - 1) // sitemaps.WINDOW))
    return names


def lists_differently(page: Page, kind: str, update_fields: Any = None) -> bool:
    """Whether this change adds, removes or alters the page's `<url>` (address, alternates, lastmod)."""
    if kind in (signals.PUBLISHED, signals.UNPUBLISHED):
        return True
    if kind == signals.DELETED:
        return page.live
    if kind == signals.SAVED:
        # A revision saved on a live page updates revision columns only (`update_fields`).
        return "live" in update_fields if update_fields is not None else page.live
    return False


def on_page_changed(
    sender: Any, page: Page, kind: str, update_fields: Any = None, **kwargs: Any
) -> None:
    """Purge what lists this page: its parts and the index, or everything for a move."""
    if kind == signals.MOVED:
        signals.now_and_after_commit(purge_everything)
        return
    if not lists_differently(page, kind, update_fields):
        return
    if page.numchild:
        signals.now_and_after_commit(purge_everything)
        return
    names = part_names(page)
    signals.now_and_after_commit(lambda: purge_parts(names))


def on_site_changed(sender: Any, kind: str, **kwargs: Any) -> None:
    if kind != signals.SETTINGS:
        signals.now_and_after_commit(purge_everything)


def connect() -> None:
    signals.page_changed.connect(on_page_changed, dispatch_uid="seo_sitemap")
    signals.site_changed.connect(on_site_changed, dispatch_uid="seo_sitemap")
