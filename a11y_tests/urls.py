"""URLs for the accessibility suite only: the portal's own, plus a page that fails on purpose
(to show the real 500 page) and the deliberately broken fixtures. Never part of portal.urls."""

from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.static import serve

from portal.urls import handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fail_on_purpose(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("A deliberate error, so that the suite checks the real 500 page.")


# Spread rather than include(): Django only sees i18n_patterns at the top of the URL map, and the
# portal's language rules (unprefixed Vietnamese) must stay exactly as in production.
urlpatterns = [
    path("__a11y__/500/", fail_on_purpose),
    path("__a11y__/fixtures/<path:path>", serve, {"document_root": FIXTURES}),
    *portal_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
