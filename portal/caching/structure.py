"""The site's skeleton (sites, locales, sections, view restrictions, site settings) from the shared cache.

Every page a reader opens needs the same few dozen rows: the site, its home pages, the sections
that form the breadcrumbs and the navigation, the view restrictions and the site settings. Asking
the database for them on each request costs ten-odd queries; here they are read once into one
snapshot, kept in Django's cache (Redis in production, so every process shares it) under a version
number that any change to those rows bumps. Articles and multimedia products are not in it: they
never have children, so they are never an ancestor, a section or a navigation item.
"""

from __future__ import annotations

import contextvars
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from wagtail.models import Locale, Page, PageViewRestriction, Site

CACHE_ALIAS = "default"
VERSION_KEY = "portal:structure:version"
SNAPSHOT_KEY = "portal:structure:{version}"
SNAPSHOT_TIMEOUT = 60 * 60 * 24

# The snapshot of the request being served, so one request reads the cache once. Outside a request
# (commands, workers) nothing is memoised: a long-lived process must not keep an old skeleton.
_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "portal_structure", default=None
)


@dataclass
class Structure:
    version: str
    sites: list[Site] = field(default_factory=list)
    locales: dict[str, Locale] = field(default_factory=dict)
    # Every page that is not a story (home pages, sections, information pages), as specific instances.
    pages: dict[int, Page] = field(default_factory=dict)
    restrictions: list[PageViewRestriction] = field(default_factory=list)
    site_settings: dict[int, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_url_path = {page.url_path: page for page in self.pages.values()}
        self._by_path = {page.path: page for page in self.pages.values()}

    def page_at_url_path(self, url_path: str) -> Page | None:
        return self._by_url_path.get(url_path)

    def ancestors(self, page: Page) -> list[Page] | None:
        """Ancestors of a page (root first), or None when one is missing from the snapshot."""
        found = []
        for depth in range(1, page.depth):
            ancestor = self._by_path.get(page.path[: depth * Page.steplen])
            if ancestor is None:
                return None
            found.append(ancestor)
        return found

    def children(self, page: Page) -> Iterator[Page]:
        prefix, depth = page.path, page.depth + 1
        for candidate in self.pages.values():
            if candidate.depth == depth and candidate.path.startswith(prefix):
                yield candidate

    def translations(self, page: Page) -> list[Page]:
        return [
            other
            for other in self.pages.values()
            if other.translation_key == page.translation_key and other.pk != page.pk
        ]

    def locale_by_id(self, locale_id: int) -> Locale | None:
        return next((locale for locale in self.locales.values() if locale.pk == locale_id), None)

    def live_translations(self, page: Page) -> list[Page]:
        """Live translations with their locale attached, as the language switch needs them."""
        found = []
        for other in self.translations(page):
            if other.live:
                locale = self.locale_by_id(other.locale_id)
                if locale is not None:
                    other.locale = locale
                found.append(other)
        return found

    def menu_items(self, home: Page) -> list[Page]:
        """Live, public children of a home marked "show in menus", in tree order."""
        return sorted(
            (
                p
                for p in self.children(home)
                if p.live and p.show_in_menus and not self.is_private(p)
            ),
            key=lambda p: p.path,
        )

    def restrictions_for(self, page: Page) -> list[PageViewRestriction] | None:
        """View restrictions on the page or its ancestors; None when aliases make it Wagtail's job."""
        if getattr(page, "alias_of_id", None):
            return None
        ancestors = self.ancestors(page)
        if ancestors is None or any(a.alias_of_id for a in ancestors):
            return None
        return [r for r in self.restrictions if page.path.startswith(r.page.path)]

    def is_private(self, page: Page) -> bool:
        return any(page.path.startswith(r.page.path) for r in self.restrictions)


def _cache():
    return caches[CACHE_ALIAS]


def current_version() -> str:
    """A random token, replaced on every change; a lost token (evicted) becomes a new one, never an old one."""
    version = _cache().get(VERSION_KEY)
    if version is None:
        _cache().add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = _cache().get(VERSION_KEY) or uuid.uuid4().hex
    return version


def _story_models() -> list[type[Page]]:
    from portal.listing import story_page_models

    return story_page_models()


def build(version: str) -> Structure:
    """Read the skeleton from the database (a handful of queries, once per change)."""
    from portal.models import SiteSettings

    pages = {
        page.pk: page
        for page in Page.objects.not_type(*_story_models())
        .specific()
        .defer_streamfields()
        .order_by("path")
    }
    sites = list(Site.objects.all())
    for site in sites:
        # The specific home page, so routing and the chrome need no query of their own.
        site.root_page = pages.get(site.root_page_id) or site.root_page
    return Structure(
        version=version,
        sites=sites,
        locales={locale.language_code: locale for locale in Locale.objects.all()},
        pages=pages,
        restrictions=list(
            PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        ),
        site_settings={
            item.site_id: item
            for item in SiteSettings.objects.select_related("accessibility_statement").filter(
                site__in=[s.pk for s in sites]
            )
        },
    )


def _load() -> Structure:
    if not settings.PORTAL_STRUCTURE_CACHE:
        return build("uncached")
    version = current_version()
    key = SNAPSHOT_KEY.format(version=version)
    snapshot = _cache().get(key)
    if snapshot is None:
        snapshot = build(version)
        # Written under the version read *before* the database: a change committed meanwhile has
        # bumped the version already, so this copy is never served as current.
        _cache().set(key, snapshot, SNAPSHOT_TIMEOUT)
    return snapshot


def get_structure() -> Structure:
    """The snapshot for this request: read once per request, shared between processes via the cache."""
    scope = _scope.get()
    if scope is None:
        return _load()
    if scope.get("snapshot") is None:
        scope["snapshot"] = _load()
    return scope["snapshot"]


def in_request() -> bool:
    return _scope.get() is not None


def begin_request() -> contextvars.Token:
    return _scope.set({})


def end_request(token: contextvars.Token) -> None:
    _scope.reset(token)


def forget_request_snapshot() -> None:
    scope = _scope.get()
    if scope is not None:
        scope.pop("snapshot", None)


def _bump() -> None:
    _cache().set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    forget_request_snapshot()


def invalidate() -> None:
    """The skeleton changed: bump now (this process sees it) and again when the transaction commits.

    The second bump covers a reader in another process who rebuilt the snapshot between the two
    from rows not yet committed.
    """
    _bump()
    transaction.on_commit(_bump)


def is_structural(page: Any) -> bool:
    """Whether a page belongs in the skeleton (anything but a story: stories have no children)."""
    if not isinstance(page, Page):
        return False
    model = page.specific_class or type(page)
    return not issubclass(model, tuple(_story_models()))
