"""Routing a URL to its page in two queries, whatever its depth, with Wagtail's semantics kept.

Wagtail walks the tree one URL segment at a time (a query for each child and another for its
specific row). Here the pages along the path come from the skeleton snapshot (sections, home
pages) and, for the last segment (a story), from Wagtail's own child lookup on the slug index. A
page type with its own `route`
(a routable page such as a section's `rss/`) still gets the rest of the path, as in Wagtail, and
the last page must be live, else 404.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.http.request import split_domain_port
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from portal.caching.structure import get_structure
from portal.listing import story_page_models, with_hero_image


def _has_own_route(page: Page) -> bool:
    model = page.specific_class or type(page)
    return model.route not in (Page.route, RoutablePageMixin.route)


def _sub_route(page: Page, components: list[str]) -> RouteResult | None:
    """A routable page's own view for the rest of the path (tried before its children, as in Wagtail)."""
    if not isinstance(page, RoutablePageMixin) or not page.live:
        return None
    try:
        view, args, kwargs = page.resolve_subpage("/" + "".join(f"{c}/" for c in components))
    except Http404:
        return None
    return RouteResult(page, args=(view, args, kwargs))


def _with_hero_image(model: type[Page], queryset: QuerySet) -> QuerySet:
    if any(f.name == "featured_image" for f in model._meta.get_fields()):
        return with_hero_image(queryset)
    return queryset


def _specific(page: Page) -> Page:
    """The specific page; a story's featured image comes in the same query (the template shows it)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    specific = _with_hero_image(model, model._default_manager.filter(pk=page.pk)).first()
    if specific is None:
        raise Http404
    parent = getattr(page, "_cached_parent_obj", None)
    if parent is not None:
        specific._cached_parent_obj = parent
    return specific


def _story_child(parent: Page, slug: str) -> Page | None:
    """The child story with this slug: specific at once when only one story type may live here.

    Below a news section the only page type outside the skeleton is the article, so its row is
    read from the article table directly, featured image included: one query instead of two.
    A child of another type (left from before a change of the allowed types) is still found.
    """
    model = parent.specific_class or type(parent)
    story_models = [m for m in model.allowed_subpage_models() if m in story_page_models()]
    if len(story_models) != 1:
        return Page.objects.child_of(parent).filter(slug=slug).first()
    model = story_models[0]
    queryset = _with_hero_image(model, model._default_manager.child_of(parent).filter(slug=slug))
    return queryset.first() or Page.objects.child_of(parent).filter(slug=slug).first()


def route_below(home: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    """Route `components` below `home` (a site root) as Wagtail's `Page.route` chain would."""
    result = _route(home, request, components)
    page = result[0]
    restrictions = get_structure().restrictions_for(page)
    if restrictions is not None:
        # Wagtail's serve hook asks the routed page for its view restrictions (two queries);
        # the snapshot already knows them. Only this request's instance is given the answer.
        page.get_view_restrictions = lambda: restrictions
    return result


def _route(home: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    if not components:
        return Page.route(home, request, components)
    structure = get_structure()
    current: Page = home
    for index, slug in enumerate(components):
        if index:
            if _has_own_route(current):
                return _specific(current).route(request, components[index:])
            if issubclass(current.specific_class or type(current), RoutablePageMixin):
                current = _specific(current)
                found = _sub_route(current, components[index:])
                if found is not None:
                    return found
        child = structure.page_at_url_path(f"{current.url_path}{slug}/")
        if (
            child is None
            or child.depth != current.depth + 1
            or not child.path.startswith(current.path)
        ):
            # Not in the skeleton: a story (they have no children, so in practice the last segment).
            # A query on path and slug, not get_children(): that trusts the snapshot's numchild,
            # which is stale for a section whose first story was just published.
            child = _story_child(current, slug)
            if child is None:
                raise Http404
        child._cached_parent_obj = current
        current = child
    return _specific(current).route(request, [])


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's site matching (hostname and port, then hostname, then the default) without a query."""
    sites = get_structure().sites
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except (TypeError, ValueError):
        port = None
    exact = [s for s in sites if s.hostname == hostname and s.port == port]
    if exact:
        return exact[0]
    by_host = [s for s in sites if s.hostname == hostname]
    host_default = [s for s in by_host if s.is_default_site]
    if host_default:
        return host_default[0]
    default = next((s for s in sites if s.is_default_site), None)
    candidates = by_host + ([default] if default is not None else [])
    if len(candidates) == 1:
        return candidates[0]
    if default is not None:
        # A default site and several hostname matches on other ports: Wagtail picks the default.
        return by_host[0] if len(by_host) == 1 else default
    return None


def attach_site(request: Any) -> None:
    """Pre-fill what Wagtail caches on the request: its site (with the specific home) and settings."""
    site = site_for_request(request)
    if site is None:
        return
    request._wagtail_site = site
    from portal.models import SiteSettings

    site_settings = get_structure().site_settings.get(site.pk)
    if site_settings is not None:
        site_settings._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
