"""`{{ urlset|sitemap_urls }}`: a part's `<url>` elements, each written once by `seo.sitemaps.url_xml`."""

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def sitemap_urls(urlset: Iterable[str]) -> SafeString:
    # Each element escaped its text when written; `join` would escape it a second time.
    return mark_safe("".join(urlset))
