"""Whole responses of public pages, kept in Django's cache for anonymous readers.

A cached page answers without touching the database or a template. Entries are keyed by host,
path, query string, the reader's display settings (text size, contrast, spacing change the HTML)
and language, under two version tokens: one for the whole site (the skeleton changed: navigation,
breadcrumbs, site settings) and one per URL path (that page, or a listing it is shown in,
changed). Purging replaces a token, so every entry under the old one is unreachable at once, in
every process sharing the cache.

Never cached: anything for a reader carrying a session cookie (editors, logged-in users), other
methods than GET/HEAD, previews, private pages (Wagtail marks them `no-cache`), responses that set
a cookie, and every view not in `CACHEABLE_VIEWS` (search, the analytics endpoint, forms...).
"""

import hashlib
import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, get_language_from_path

from portal.display import DisplaySettings

# URL names whose GET responses are the same for every anonymous reader (given display and language).
CACHEABLE_VIEWS = frozenset({"wagtail_serve", "site_feed", "sitemap", "robots_txt"})
SITE_TOKEN_KEY = "pc:site"
PATH_TOKEN_KEY = "pc:path:{digest}"
ENTRY_KEY = "pc:entry:{site}:{path}:{digest}"
MAX_QUERY_LENGTH = 200
# Vary values the key already accounts for; a response varying on anything else is not stored.
KNOWN_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
STATUS_HEADER = "X-Page-Cache"


def _cache():
    return caches[settings.PORTAL_PAGE_CACHE_ALIAS]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def path_token_key(path: str) -> str:
    return PATH_TOKEN_KEY.format(digest=_digest(path))


def _tokens(path: str) -> tuple[str, str]:
    """The site token and the path token, created when missing (an evicted token is a fresh one)."""
    cache = _cache()
    site_key, path_key = SITE_TOKEN_KEY, path_token_key(path)
    found = cache.get_many([site_key, path_key])
    for key in (site_key, path_key):
        if key not in found:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            found[key] = cache.get(key) or uuid.uuid4().hex
    return found[site_key], found[path_key]


def purge_paths(paths: Iterable[str]) -> None:
    """Make every cached variant of these URL paths unreachable, in every process."""
    cache = _cache()
    cache.set_many({path_token_key(path): uuid.uuid4().hex for path in set(paths)}, timeout=None)


def purge_everything() -> None:
    _cache().set(SITE_TOKEN_KEY, uuid.uuid4().hex, timeout=None)


def reader_language(request: HttpRequest) -> str:
    # As LocaleMiddleware decides with i18n_patterns(prefix_default_language=False): the URL prefix,
    # else the default language. (Checked again against the activated language before storing.)
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def is_anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD from a reader without a session: nothing personal can be in the answer."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def may_use_cache(request: HttpRequest) -> bool:
    return (
        settings.PORTAL_PAGE_CACHE
        and is_anonymous_read(request)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def entry_key(request: HttpRequest) -> str:
    site_token, path_token = _tokens(request.path)
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    variant = "|".join(
        [
            request.get_host(),
            request.path,
            query,
            DisplaySettings.from_request(request).cache_key,
            reader_language(request),
        ]
    )
    return ENTRY_KEY.format(site=site_token, path=path_token, digest=_digest(variant))


def is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in CACHEABLE_VIEWS:
        return False
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or getattr(request, "is_preview", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not vary <= KNOWN_VARY:
        return False
    return (get_language() or settings.LANGUAGE_CODE) == reader_language(request)


def _freeze(response: HttpResponse) -> tuple[int, list[tuple[str, str]], bytes]:
    return response.status_code, list(response.headers.items()), response.content


def _thaw(entry: tuple[int, list[tuple[str, str]], bytes]) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return response


def mark_public(response: HttpResponse) -> None:
    """Headers that let a CDN keep the page (purged on publication), and browsers revalidate."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PORTAL_BROWSER_MAX_AGE,
        s_maxage=settings.PORTAL_CDN_MAX_AGE,
    )
    # The display cookie changes the HTML; readers carry no other cookie of ours.
    patch_vary_headers(response, ("Cookie",))


class PageCacheMiddleware:
    """Serves anonymous readers from the page cache, and fills it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = entry_key(request) if may_use_cache(request) else None
        if key is not None:
            entry = _cache().get(key)
            if entry is not None:
                return _thaw(entry)
        response = self.get_response(request)
        if is_anonymous_read(request) and is_storable(request, response):
            mark_public(response)
            if key is not None:
                _cache().set(key, _freeze(response), settings.PORTAL_PAGE_CACHE_TIMEOUT)
                response[STATUS_HEADER] = "miss"
        return response
