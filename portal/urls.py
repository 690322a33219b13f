"""URL map: public URLs under one cache policy, private ones (admin, previews) never cached."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path
from django.views.static import serve as serve_static_file

# The project assembles the apps' URL modules by name: it imports none of them.

# Admin URLs are configurable, and can be switched off for a public-only deployment.
private_urlpatterns: list[URLPattern | URLResolver] = (
    [path(settings.PORTAL_ADMIN_PATH, include("wagtail.admin.urls"))]
    if settings.PORTAL_ADMIN_ENABLED
    else []
)

public_urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("core.urls")),  # healthz
    path("documents/", include("wagtail.documents.urls")),
    path("", include("seo.urls")),  # sitemap.xml, sitemap-<part>.xml, robots.txt
    # The beacon's one route (answered on a fast path in production: analytics/wsgi.py).
    path("analytics/", include("analytics.urls")),
]

urlpatterns = private_urlpatterns + public_urlpatterns

urlpatterns += i18n_patterns(
    path("", include("sitewide.urls")),  # search/, rss.xml
    # Per language, so the display-settings page speaks the reader's language (/en/display-settings/).
    path("", include("core.reader_urls")),
    # Form endpoints of public participation: never cached, CSRF by origin (participation/origin.py).
    path("participation/", include("participation.urls")),
    # Wagtail's front-end URLs, served from the site structure; last, as it matches every path.
    path("", include("core.caching.urls")),
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
