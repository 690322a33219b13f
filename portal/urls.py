"""URL map: public URLs under one cache policy, private ones (admin, previews) never cached."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_static_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from core import health
from core import views as portal_views
from core.caching import routing
from core.search import views as search_views
from news.feeds import SiteFeed
from seo import views as seo_views

# Admin URLs are configurable, and can be switched off for a public-only deployment.
private_urlpatterns = (
    [path(settings.PORTAL_ADMIN_PATH, include(wagtailadmin_urls))]
    if settings.PORTAL_ADMIN_ENABLED
    else []
)

public_urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", seo_views.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", seo_views.sitemap_part, name="sitemap_part"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    # The beacon's one route (answered on a fast path in production: analytics/wsgi.py).
    path("analytics/", include("analytics.urls")),
]

urlpatterns = private_urlpatterns + public_urlpatterns

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("rss.xml", SiteFeed(), name="site_feed"),
    # Per language, so the display-settings page speaks the reader's language (/en/display-settings/).
    path("display-settings/", portal_views.display_settings, name="display_settings"),
    # Form endpoints of public participation: never cached, CSRF by origin (participation/origin.py).
    path("participation/", include("participation.urls")),
    # Wagtail's front-end URLs, its serve view replaced by one that routes from the site structure
    # (core/caching/routing.py); the same pattern and name, after Wagtail's `_util/` URLs.
    *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)

# In production the reverse proxy (or S3) serves uploads; locally and in tests Django does.
if settings.PORTAL_SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve_static_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
