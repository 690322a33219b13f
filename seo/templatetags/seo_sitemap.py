"""`{{ urlset|sitemap_urls }}`: a part's `<url>` elements, each written once by `seo.sitemaps.url_entry`."""

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString, mark_safe

from seo.sitemaps import UrlEntry

register = template.Library()


@register.filter
def sitemap_urls(urlset: Iterable[UrlEntry]) -> SafeString:
    # Entries escaped their text when written; `join` would check every entry again.
    return mark_safe("".join(entry.xml for entry in urlset))
