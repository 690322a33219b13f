"""`{% language_alternates page %}` and `{% structured_data %}`: what `<head>` tells crawlers."""

from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from core.templatetags.portal_tags import breadcrumb_trail, home_page, translations_of
from seo import page_data
from seo.structured_data import as_script

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context: dict, page: Any) -> SafeString:
    """`<link rel="alternate" hreflang>` for each language of a translated page, and `x-default`.

    Reads the translations the language switch reads (once per request, see `translations_of`).
    """
    if not isinstance(page, Page):
        return mark_safe("")
    request = context.get("request")
    translations = translations_of(context, page)
    if not translations:
        return mark_safe("")
    versions = [(get_language() or settings.LANGUAGE_CODE, page.get_full_url(request))]
    versions += [(t.locale.language_code, t.get_full_url(request)) for t in translations]
    default = next((url for code, url in versions if code == settings.LANGUAGE_CODE), None)
    if default is not None:
        versions.append(("x-default", default))
    return format_html_join(
        "\n",
        '<link rel="alternate" hreflang="{}" href="{}">',
        ((code, url) for code, url in versions if url),
    )


@register.simple_tag(takes_context=True)
def structured_data(context: dict, page: Any = None) -> SafeString:
    """The page's JSON-LD: its main schema.org node, its breadcrumbs and the publisher."""
    page = page if page is not None else context.get("page")
    if not isinstance(page, Page):
        return mark_safe("")
    request = context.get("request")
    home = home_page(context)
    home_url = home.get_full_url(request) if home is not None else ""
    if not home_url and request is not None:
        home_url = request.build_absolute_uri("/")
    return as_script(page_data.graph(page, context, breadcrumb_trail(page), home_url))
