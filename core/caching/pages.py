"""Whole responses of public pages, kept in Django's cache for anonymous readers.

A cached page answers without touching the database or a template. Entries are keyed by host,
path, the query parameters pages read (`known_parameters()`), the reader's display settings (text
size, contrast, spacing change the HTML) and language, and stamped with two tokens
(`core/caching/tokens.py`): ``site`` (the site structure changed: navigation, breadcrumbs, site
settings) and the URL path's own (that page, or a listing it is shown in, changed). Purging renews
a token, so every entry stamped with the old one is stale at once, in every process sharing the
cache. A hit is one round trip to the cache: the two tokens and the entry are read together.

Any other query parameter (a campaign tag, a cache-buster, junk) would otherwise make a new entry
for the same page, or be copied into its pagination links: an anonymous read of a cacheable page
with such parameters is redirected to the canonical URL (the same path with only the parameters
pages read), whose entry then answers. So unknown parameters neither fill the cache nor bypass it.

Never cached: anything for a reader carrying a session cookie (editors, logged-in users), other
methods than GET/HEAD, previews, private pages (Wagtail marks them `no-cache`), responses that set
a cookie, and every view not in `CACHEABLE_VIEWS` (search, the analytics endpoint, forms...).
"""

import functools
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.cache import get_max_age, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, get_language_from_path

from core.caching import tokens
from core.display import DisplaySettings

# URL names whose GET responses are the same for every anonymous reader (given display and language).
CACHEABLE_VIEWS = frozenset({"wagtail_serve", "site_feed", "sitemap", "robots_txt"})
# The sitemap's page (`p`); the page types declare the parameters they read themselves
# (`BasePage.query_parameters`). Every other one is redirected away.
VIEW_PARAMETERS = frozenset({"p"})
# Free text makes an entry per query: such requests are answered, never stored.
UNCACHED_PARAMETERS = frozenset({"q"})
AREA = "page"
MAX_QUERY_LENGTH = 200
# Vary values the key already accounts for; a response varying on anything else is not stored.
KNOWN_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
STATUS_HEADER = "X-Page-Cache"
# A kept response: status, headers, body.
Entry = tuple[int, list[tuple[str, str]], bytes]


def purge_paths(paths: Iterable[str]) -> None:
    """Make every cached variant of these URL paths stale, in every process."""
    tokens.renew(tokens.path_token(path) for path in paths)


def purge_everything() -> None:
    tokens.renew([tokens.SITE])


def reader_language(request: HttpRequest) -> str:
    # As LocaleMiddleware decides with i18n_patterns(prefix_default_language=False): the URL prefix,
    # else the default language. (Checked again against the activated language before storing.)
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def is_anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD from a reader without a session: nothing personal can be in the answer."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


@functools.cache
def known_parameters() -> frozenset[str]:
    """Every query parameter some cacheable view reads: the page types' own, and the sitemap's.

    A page type's parameters are read by that type alone; `BasePage.serve` sends a request with
    another type's parameters to its URL without them.
    """
    from wagtail.models import get_page_models  # the page models, once the app registry is ready

    names = set(VIEW_PARAMETERS)
    for model in get_page_models():
        names |= getattr(model, "query_parameters", frozenset())
    return frozenset(names)


def canonical_query(request: HttpRequest) -> tuple[str, bool]:
    """The query string of the parameters pages read, sorted; and whether any other was given."""
    given, known = request.GET, known_parameters()
    kept = sorted((name, value) for name in given if name in known for value in given.getlist(name))
    return urlencode(kept), any(name not in known for name in given)


def may_use_cache(request: HttpRequest, query: str) -> bool:
    return (
        settings.PORTAL_PAGE_CACHE
        and is_anonymous_read(request)
        and len(query) <= MAX_QUERY_LENGTH
        and not UNCACHED_PARAMETERS & set(request.GET)
    )


def lookup(request: HttpRequest, query: str) -> tuple[Entry | None, tokens.Slot]:
    """The cached response for this request if still current, and where to keep a new one."""
    variant = "|".join(
        [
            request.get_host(),
            request.path,
            query,
            DisplaySettings.from_request(request).cache_key,
            reader_language(request),
        ]
    )
    return tokens.lookup(AREA, [tokens.SITE, tokens.path_token(request.path)], variant, _size)


def _size(entry: Entry) -> int:
    _status, headers, content = entry
    return len(content) + sum(len(name) + len(value) for name, value in headers)


def canonical_redirect(request: HttpRequest, query: str) -> HttpResponse:
    """The same page without the parameters it does not read; shared caches may keep it."""
    response = HttpResponsePermanentRedirect(request.path + (f"?{query}" if query else ""))
    mark_public(response)
    return response


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


def freeze(response: HttpResponse) -> Entry:
    """A rendered response as plain data, to keep in a cache (the sitemap's too)."""
    return response.status_code, list(response.headers.items()), response.content


def thaw(entry: Entry) -> HttpResponse:
    """The response `freeze` kept."""
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def mark_public(response: HttpResponse, lifetime: int | None = None) -> None:
    """Headers that let a CDN keep the page (purged on publication), and browsers revalidate.

    `lifetime` is how long the view said its page stays true (its own `max-age`): a page that
    changes at a known moment without a publication, such as a consultation closing, is kept
    no longer than that anywhere.
    """
    browser, cdn = settings.PORTAL_BROWSER_MAX_AGE, settings.PORTAL_CDN_MAX_AGE
    if lifetime is not None:
        browser, cdn = min(browser, lifetime), min(cdn, lifetime)
    patch_cache_control(response, public=True, max_age=browser, s_maxage=cdn)
    # The display cookie changes the HTML; readers carry no other cookie of ours.
    patch_vary_headers(response, ("Cookie",))


class PageCacheMiddleware:
    """Serves anonymous readers from the page cache, fills it, and redirects unknown parameters."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query, extra = canonical_query(request)
        slot = None
        if may_use_cache(request, query):
            entry, slot = lookup(request, query)
            if entry is not None:
                # The canonical URL is a cached page: send readers with other parameters there.
                if extra:
                    return canonical_redirect(request, query)
                response = thaw(entry)
                response[STATUS_HEADER] = "hit"
                return response
        response = self.get_response(request)
        if is_anonymous_read(request) and is_storable(request, response):
            lifetime = get_max_age(response)
            mark_public(response, lifetime)
            timeout = settings.PORTAL_PAGE_CACHE_TIMEOUT
            if lifetime is not None:
                timeout = min(timeout, lifetime)
            if slot is not None and not extra and timeout > 0:
                tokens.keep(slot, freeze(response), timeout)
                response[STATUS_HEADER] = "miss"
        return response

    def process_view(self, request: HttpRequest, view: Any, *args: Any) -> HttpResponse | None:
        """A cacheable page asked for with parameters it does not read: its canonical URL instead."""
        match = request.resolver_match
        if (
            settings.PORTAL_PAGE_CACHE
            and match is not None
            and match.url_name in CACHEABLE_VIEWS
            and is_anonymous_read(request)
        ):
            query, extra = canonical_query(request)
            if extra:
                return canonical_redirect(request, query)
        return None
