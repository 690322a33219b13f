"""The sitemap index, its parts and robots.txt, all at the site's canonical host."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from seo import purge
from seo.sitemaps import SitemapSections, canonical_root_url


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """`/sitemap.xml`: a `sitemapindex` naming every non-empty part with its latest change."""
    return purge.cached(
        request,
        purge.INDEX,
        lambda: sitemap_views.index(request, SitemapSections(), sitemap_url_name="sitemap_part"),
    )


@require_safe
def sitemap_part(request: HttpRequest, section: str) -> HttpResponse:
    """One part: at most 10,000 URLs of one page type, with their language alternates."""
    return purge.cached(
        request,
        section,
        lambda: sitemap_views.sitemap(
            request, SitemapSections(), section=section, template_name="seo/sitemap.xml"
        ),
    )


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        "Disallow: /analytics/",
        "Disallow: /display-settings/",
        "Disallow: /en/display-settings/",
        f"Sitemap: {canonical_root_url(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
