"""The portal's URLs plus the ceiling: the least a Django view can do, through the same middleware."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from portal import urls as portal_urls


def minimal(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__bench__/minimal/", minimal, name="bench_minimal"), *portal_urls.urlpatterns]
handler404 = portal_urls.handler404
handler500 = portal_urls.handler500
