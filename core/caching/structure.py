"""The site structure: read-only data every page view needs, read once per change, shared by all.

Every page a reader opens needs the same few dozen rows: the sites, the locales, the home pages
and sections that make the navigation and the breadcrumbs, the view restrictions and the site
settings. Asking the database for them on each request costs ten-odd queries; here they are read
once into one `SiteStructure`, kept in the shared cache under the ``site`` token
(`core/caching/tokens.py`), which any change to those rows renews. Stories (articles and
multimedia products) are not in it: they never have children, so they are never an ancestor, a
section or a navigation item.

The data is read-only: nothing here changes a page or a request. Pages use it through public
overrides (`BasePage.localized`, `BasePage.get_view_restrictions`, `SiteSettings.for_site`) and
the template tags; `HomePage.route` uses it to walk the URL (`core/caching/routing.py`).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from core.caching import tokens

if TYPE_CHECKING:
    from core.models import SiteSettings

AREA = "structure"
TIMEOUT = 60 * 60 * 24

# The structure of the request being served, so one request reads the cache once. Outside a
# request (commands, workers) nothing is memoised: a long-lived process must not keep old data.
_scope: contextvars.ContextVar[dict[str, SiteStructure] | None] = contextvars.ContextVar(
    "portal_site_structure", default=None
)


@dataclass
class SiteStructure:
    sites: list[Site] = field(default_factory=list)
    locales: dict[str, Locale] = field(default_factory=dict)
    # Every page that is not a story (home pages, sections, information pages), specific, by pk.
    pages: dict[int, Page] = field(default_factory=dict)
    restrictions: list[PageViewRestriction] = field(default_factory=list)
    site_settings: dict[int, SiteSettings] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_url_path = {page.url_path: page for page in self.pages.values()}
        self._by_path = {page.path: page for page in self.pages.values()}

    def page_at_url_path(self, url_path: str) -> Page | None:
        return self._by_url_path.get(url_path)

    def ancestors(self, page: Page) -> list[Page] | None:
        """Ancestors of a page (root first), or None when one is missing from the structure."""
        found = []
        for depth in range(1, page.depth):
            ancestor = self._by_path.get(page.path[: depth * Page.steplen])
            if ancestor is None:
                return None
            found.append(ancestor)
        return found

    def parent_of(self, page: Page) -> Page | None:
        """The parent page, or None when it is not in the structure (or the page is the root)."""
        if page.depth <= 1:
            return None
        return self._by_path.get(page.path[: (page.depth - 1) * Page.steplen])

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

    def live_translations(self, page: Page) -> list[Page]:
        """Live translations (their locale already attached), as the language switch needs them."""
        return [other for other in self.translations(page) if other.live]

    def active_locale(self) -> Locale | None:
        """The locale of the active language, as `Locale.get_active()` finds it, without a query."""
        try:
            code = get_supported_content_language_variant(get_language())
        except LookupError:
            return None
        return self.locales.get(code)

    def localized(self, page: Page) -> Page | None:
        """`page.localized` (the live translation in the active language, else the page itself)
        from the structure; None when the page is not in it."""
        if page.pk not in self.pages:
            return None
        locale = self.active_locale()
        if locale is None or locale.pk == page.locale_id:
            return page
        translation = next(
            (t for t in self.translations(page) if t.locale_id == locale.pk and t.live), None
        )
        return translation or page

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

    def private_q(self) -> Q:
        """Wagtail's `PageQuerySet.private_q()`, built from the structure instead of a query."""
        q = Q()
        for restriction in self.restrictions:
            q |= Page.objects.all().descendant_of_q(restriction.page, inclusive=True)
        return q if q else Q(pk__in=[])


_Pages = TypeVar("_Pages", bound=QuerySet)


def public(queryset: _Pages) -> _Pages:
    """`queryset.public()` (Wagtail's definition of a public page) without its query per call."""
    return queryset.exclude(get_structure().private_q())


def _story_models() -> list[type[Page]]:
    from core.listing import story_page_models

    return story_page_models()


def build() -> SiteStructure:
    """Read the site structure from the database (a handful of queries, once per change)."""
    from core.models import SiteSettings

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    by_id = {locale.pk: locale for locale in locales.values()}
    pages: dict[int, Page] = {}
    for page in (
        Page.objects.not_type(*_story_models()).specific().defer_streamfields().order_by("path")
    ):
        if page.locale_id in by_id:
            page.locale = by_id[page.locale_id]  # the language switch shows each page's language
        pages[page.pk] = page
    sites = list(Site.objects.all())
    for site in sites:
        site.root_page = pages.get(site.root_page_id) or site.root_page
    site_settings = {}
    for item in SiteSettings.objects.select_related("accessibility_statement").filter(
        site__in=[s.pk for s in sites]
    ):
        statement = pages.get(item.accessibility_statement_id or 0)
        if statement is not None:
            item.accessibility_statement = statement
        site_settings[item.site_id] = item
    return SiteStructure(
        sites=sites,
        locales=locales,
        pages=pages,
        restrictions=list(
            PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        ),
        site_settings=site_settings,
    )


def _load() -> SiteStructure:
    # Stamped with the token read *before* the database: a change committed meanwhile has
    # renewed the token already, so this copy is never served as current.
    return tokens.cached(AREA, [tokens.SITE], "", build, TIMEOUT)


def get_structure() -> SiteStructure:
    """The site structure for this request: read once per request, shared via the cache."""
    scope = _scope.get()
    if scope is None:
        return _load()
    if "structure" not in scope:
        scope["structure"] = _load()
    return scope["structure"]


def in_request() -> bool:
    """Whether a request is being served: the overrides on pages and settings use the structure
    only then; commands and workers run Wagtail's own code, as it was written."""
    return _scope.get() is not None


def begin_request() -> contextvars.Token:
    return _scope.set({})


def end_request(token: contextvars.Token) -> None:
    _scope.reset(token)


def _forget_for_request() -> None:
    scope = _scope.get()
    if scope is not None:
        scope.pop("structure", None)


def _renew() -> None:
    tokens.renew([tokens.SITE])
    _forget_for_request()


def invalidate() -> None:
    """The structure changed: renew the site token now and again when the transaction commits.

    The second renewal covers a reader in another process who rebuilt the structure between the
    two from rows not yet committed. Renewing the site token also makes every cached page stale.
    """
    _renew()
    transaction.on_commit(_renew)


def is_structural(page: Any) -> bool:
    """Whether a page belongs in the site structure (anything but a story: stories have no children)."""
    if not isinstance(page, Page):
        return False
    model = page.specific_class or type(page)
    return not issubclass(model, tuple(_story_models()))
