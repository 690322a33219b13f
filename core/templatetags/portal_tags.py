"""Template helpers for the site chrome: titles, navigation, breadcrumbs, language switch, pagination."""

import re
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.caching.structure import get_structure, is_structural
from core.serving import served_without

register = template.Library()


def _home_for(request: Any) -> Page | None:
    """The home page of the reader's language, from the site structure (no query)."""
    if request is None:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    structure = get_structure()
    root = structure.pages.get(site.root_page_id) or site.root_page
    locale = structure.active_locale()
    if locale is None or root.locale_id == locale.pk:
        return root
    return next((t for t in structure.translations(root) if t.locale_id == locale.pk), root)


@register.simple_tag(takes_context=True)
def portal_name(context: dict) -> str:
    settings_obj: Any = context.get("settings")
    language = get_language() or "vi"
    try:
        site_settings = settings_obj["portal"]["SiteSettings"]
    except (KeyError, TypeError):
        return "Cổng thông tin điện tử Bộ" if not language.startswith("en") else "Ministry Portal"
    return site_settings.name_for(language)


@register.simple_tag(takes_context=True)
def home_page(context: dict) -> Page | None:
    return _home_for(context.get("request"))


@register.simple_tag(takes_context=True)
def main_navigation(context: dict) -> list[Page]:
    """Top-level pages of the reader's language marked "show in menus"."""
    home = _home_for(context.get("request"))
    if home is None:
        return []
    return get_structure().menu_items(home)


@register.simple_tag
def breadcrumb_trail(page: Page) -> list[Page]:
    """Ancestors below the tree root, home first; empty on the home page itself."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    ancestors = get_structure().ancestors(page)
    if ancestors is not None:
        return [a for a in ancestors if a.depth >= 2]
    return list(page.get_ancestors().filter(depth__gte=2).order_by("depth"))


@register.simple_tag
def page_title_parts(page: Page | None, section_title: str = "") -> list[str]:
    """Page – Section – (the portal name is appended by the template)."""
    if not isinstance(page, Page):
        return [section_title] if section_title else []
    parts = [page.seo_title or page.title]
    if page.depth > 3:
        parent = get_structure().parent_of(page) or page.get_parent()
        if parent is not None and parent.depth > 2:
            parts.append(parent.title)
    return parts


@register.simple_tag(takes_context=True)
def translations_of(context: Any, page: Page | None) -> list[Page]:
    """Live translations of the page, for the language switch and the hreflang alternates in <head>.

    Read once per request: both ask for them.
    """
    if not isinstance(page, Page):
        return []
    request = context.get("request")
    known = getattr(request, "portal_translations", {})
    if page.pk in known:
        return known[page.pk]
    if is_structural(page):
        found = get_structure().live_translations(page)
    elif served_without(page, "serving_translations"):
        found = []  # routing read the page with the news that it has none (news/serving.py)
    else:
        # The same rows as `page.get_translations().live()`, whose queryset costs twice as long to build.
        found = list(
            Page.objects.filter(translation_key=page.translation_key, live=True)
            .exclude(pk=page.pk)
            .select_related("locale")
        )
    if request is not None:
        request.portal_translations = {**known, page.pk: found}
    return found


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context: dict, page_obj: Any, label: str = "") -> dict[str, Any]:
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    window = sorted(
        {1, page_obj.paginator.num_pages}
        | {
            n
            for n in range(page_obj.number - 2, page_obj.number + 3)
            if 1 <= n <= page_obj.paginator.num_pages
        }
    )
    items: list[int | None] = []
    previous = 0
    for number in window:
        if number - previous > 1:
            items.append(None)  # an ellipsis
        items.append(number)
        previous = number
    return {"page_obj": page_obj, "items": items, "base_query": query.urlencode(), "label": label}


# An <iframe ...> start tag; attribute values may hold ">" inside quotes.
_IFRAME_TAG = re.compile(r"<iframe\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE)
_TITLE_ATTRIBUTE = re.compile(
    r"""\stitle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)|\stitle(?=[\s/>]|$)""", re.IGNORECASE
)


@register.filter
def with_frame_title(html: str, title: str) -> SafeString:
    """Give every iframe of an embed the editor's title (WCAG 4.1.2), replacing the provider's.

    Providers send no title, an empty one or a generic one ("YouTube video player"); the block's
    title says what this frame is. The embed HTML itself comes from Wagtail's embed finders.
    """
    label = escape(" ".join(str(title or "").split()))
    if not label:
        return mark_safe(html or "")  # the embed finder's own HTML, unchanged

    def retitle(match: re.Match) -> str:
        attributes = re.sub(r"\s+/$", "", _TITLE_ATTRIBUTE.sub("", match.group(1))).rstrip()
        return f'<iframe{attributes} title="{label}">'

    return mark_safe(_IFRAME_TAG.sub(retitle, html or ""))  # the title is escaped above
