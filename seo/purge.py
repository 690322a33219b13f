"""Cached sitemap responses, purged exactly when a page in them changes.

Entries live in Django's cache under version tokens: one per part, one for the index and a
generation for everything. Publishing or unpublishing a page (or deleting it, or saving a live
page in a script) renews the token of its part, of its translations' parts (their alternates
name it) and of the index (its lastmod). What changes the URLs of many pages at once renews
the generation: a page with children published or removed (a new slug moves every page below
it), any move, a view restriction, a site or a locale. Nothing else is purged.
"""

import hashlib
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from seo import sitemaps

GENERATION_KEY = "seo:sitemap:generation"
INDEX = "__index__"
TOKEN_KEY = "seo:sitemap:token:{name}"
ENTRY_KEY = "seo:sitemap:{generation}:{token}:{digest}"
# Bounds what no signal covers (bulk writes such as demo seeding); purges are exact otherwise.
TIMEOUT = getattr(settings, "PORTAL_SITEMAP_CACHE_SECONDS", 6 * 3600)


def _cache() -> Any:
    return caches[settings.PORTAL_PAGE_CACHE_ALIAS]


def _tokens(name: str) -> tuple[str, str]:
    cache = _cache()
    keys = [GENERATION_KEY, TOKEN_KEY.format(name=name)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            found[key] = cache.get(key) or uuid.uuid4().hex
    return found[keys[0]], found[keys[1]]


def cached(request: HttpRequest, name: str, build: Callable[[], HttpResponse]) -> HttpResponse:
    """The response for one sitemap file, from the cache when nothing in it changed."""
    if request.method not in ("GET", "HEAD"):
        return build()
    generation, token = _tokens(name)
    variant = "|".join([request.scheme, request.get_host(), name, request.GET.get("p", "")])
    digest = hashlib.blake2b(variant.encode(), digest_size=12).hexdigest()
    key = ENTRY_KEY.format(generation=generation, token=token, digest=digest)
    entry = _cache().get(key)
    if entry is not None:
        content, headers = entry
        response = HttpResponse(content)
        for header, value in headers:
            response[header] = value
        return response
    response = build()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:
        _cache().set(key, (response.content, list(response.headers.items())), TIMEOUT)
    return response


def purge_parts(names: Iterable[str]) -> None:
    """Renew the tokens of these parts and of the index, and purge them from a CDN if one is set."""
    names = {*names, INDEX}
    _cache().set_many({TOKEN_KEY.format(name=n): uuid.uuid4().hex for n in names}, timeout=None)
    _purge_cdn(names)


def purge_everything() -> None:
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _purge_cdn(names: set[str]) -> None:
    from portal.caching.invalidation import purge_cdn

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


def page_changed(page: Page) -> None:
    """Purge what shows this page: now, and again after commit (a reader may refill in between)."""
    if page.numchild:
        run: Callable[[], None] = purge_everything
    else:
        names = part_names(page)

        def run() -> None:
            purge_parts(names)

    run()
    transaction.on_commit(run)


def _on_page_signal(sender: Any, instance: Page, **kwargs: Any) -> None:
    page_changed(instance)


def _on_page_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # A draft saved by an editor updates revision columns only; it changes nothing listed.
    if raw or not isinstance(instance, Page):
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "live" not in update_fields:
        return
    if instance.live or update_fields is not None:
        page_changed(instance)


def _on_page_deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page) and instance.live:
        page_changed(instance)


def _on_everything_changed(sender: Any, **kwargs: Any) -> None:
    purge_everything()
    transaction.on_commit(purge_everything)


def connect() -> None:
    page_published.connect(_on_page_signal, dispatch_uid="seo_sitemap_published")
    page_unpublished.connect(_on_page_signal, dispatch_uid="seo_sitemap_unpublished")
    post_page_move.connect(_on_everything_changed, dispatch_uid="seo_sitemap_moved")
    post_save.connect(_on_page_saved, dispatch_uid="seo_sitemap_saved")
    pre_delete.connect(_on_page_deleting, dispatch_uid="seo_sitemap_deleting")
    for model in (Site, Locale, PageViewRestriction):
        uid = f"seo_sitemap_{model.__name__}"
        post_save.connect(_on_everything_changed, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(_on_everything_changed, sender=model, dispatch_uid=f"{uid}_deleted")
