"""Per-request scope of the site structure: one request reads it from the cache once."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from core.caching import structure


class SiteStructureMiddleware:
    """Opens the request's scope, so every use of the site structure in it shares one copy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = structure.begin_request()
        try:
            return self.get_response(request)
        finally:
            structure.end_request(token)
