"""Per-request set-up of the skeleton snapshot: Wagtail's site and settings without a query."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from portal.caching import structure
from portal.caching.routing import attach_site


class SiteStructureMiddleware:
    """Opens the request's snapshot scope and pre-fills `request._wagtail_site` and the site settings."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = structure.begin_request()
        try:
            if settings.PORTAL_STRUCTURE_CACHE:
                attach_site(request)
            return self.get_response(request)
        finally:
            structure.end_request(token)
