"""Serving a URL: its page in one query whatever its depth, with Wagtail's semantics.

Wagtail's `Page.route` walks the tree one URL segment at a time (a query for each child and
another for its specific row). The home page overrides `route` (Wagtail's documented extension
point) and walks the intermediate pages (sections, information pages) in the site structure, then
reads the last segment (a story) with one query on the slug index, its featured image joined.
A page type with its own `route` (a routable page such as a section's `rss/`) still gets the rest
of the path, as in Wagtail, and the last page must be live, else 404. Only public API is used: the
pages returned are the structure's or a queryset's, and nothing is written on them or the request.

`serve` is Wagtail's serve view (`wagtail.views.serve`: route, then the `before_serve_page` and
`on_serve_page` hooks, then `page.serve`) with one difference: the home page it routes from is
the site structure's specific, localized copy, where Wagtail's `Page.route_for_request` asks the
database for the active locale and the home's specific row on every request. It is mounted
under Wagtail's own URL name, `wagtail_serve`, in front of Wagtail's URLs (`portal/urls.py`).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve_chain

from core.caching.structure import SiteStructure, get_structure
from core.listing import story_page_models


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


def _for_serving(model: type[Page], queryset: QuerySet) -> QuerySet:
    """The queryset that routes to a page of this type, with what its template reads joined in.

    Page types say what that is with a `for_serving(queryset)` class method (`BasePage`: nothing;
    a story: its featured image and renditions; a legal document: also its lists).
    """
    for_serving = getattr(model, "for_serving", None)
    return for_serving(queryset) if for_serving is not None else queryset


def _specific(page: Page) -> Page:
    """The specific page; a story's featured image comes in the same query (the template shows it)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    specific = _for_serving(model, model._default_manager.filter(pk=page.pk)).first()
    if specific is None:
        raise Http404
    return specific


def _story_child(parent: Page, slug: str) -> Page | None:
    """The child story with this slug: specific at once when only one story type may live here.

    Below a news section the only page type outside the structure is the article, so its row is
    read from the article table directly (`child_for_serving`, which a type may override): one
    query instead of two.
    A child of another type (left from before a change of the allowed types) is still found.
    """
    model = parent.specific_class or type(parent)
    story_models = [m for m in model.allowed_subpage_models() if m in story_page_models()]
    if len(story_models) != 1:
        return Page.objects.child_of(parent).filter(slug=slug).first()
    model = story_models[0]
    child_for_serving = getattr(model, "child_for_serving", None)
    found = (
        child_for_serving(parent, slug)
        if child_for_serving is not None
        else _for_serving(model, model._default_manager.child_of(parent).filter(slug=slug)).first()
    )
    return found or Page.objects.child_of(parent).filter(slug=slug).first()


def _child(structure: SiteStructure, parent: Page, slug: str) -> Page:
    child = structure.page_at_url_path(f"{parent.url_path}{slug}/")
    if child is not None and child.depth == parent.depth + 1 and child.path.startswith(parent.path):
        return child
    # Not in the site structure: a story (they have no children, so in practice the last
    # segment). A query on path and slug, not get_children(): that trusts the structure's
    # numchild, which is stale for a section whose first story was just published.
    found = _story_child(parent, slug)
    if found is None:
        raise Http404
    return found


def route_below(home: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    """Route `components` below `home` (a site root) as Wagtail's `Page.route` chain would."""
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
        current = _child(structure, current, slug)
    return _specific(current).route(request, [])


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's serve view, routing from the site structure's home page (see the module doc)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    structure = get_structure()
    root = structure.pages.get(site.root_page_id)
    home = structure.localized(root) if root is not None else None
    if home is None:  # a root outside the structure: Wagtail's own way
        home = site.root_page.localized.specific
    page, args, kwargs = home.route(request, [part for part in path.split("/") if part])

    on_serve = serve_chain
    for wrapper in reversed(hooks.get_hooks("on_serve_page")):
        on_serve = wrapper(on_serve)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve(page, request, args, kwargs)
