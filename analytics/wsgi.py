"""A WSGI fast path for the beacon endpoint: every page view calls it, so it skips the page stack.

`/analytics/hit` needs none of the middleware a page needs (page cache, sessions, two-factor,
lockouts, locale, messages, CSP for HTML); run through them it costs several cache round trips
per hit. Requests to it without a session cookie are answered here by the view itself (the one
route, `analytics:hit`, rate-limited per client by `core.security.ratelimit` in one Redis round
trip); a request carrying a session cookie (a logged-in user, to be excluded as such) goes
through the full stack to the same view.

`portal.wsgi:application` (gunicorn's entry point) is the portal wrapped in `BeaconFastPath`.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import signals
from django.core.handlers.exception import response_for_exception
from django.core.handlers.wsgi import WSGIRequest
from django.urls import reverse

from .views import hit


class BeaconFastPath:
    """Answer anonymous beacon calls directly; hand everything else to `app` (the portal)."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.path = reverse("analytics:hit")

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != self.path or (
            settings.SESSION_COOKIE_NAME in environ.get("HTTP_COOKIE", "")
        ):
            return self.app(environ, start_response)
        signals.request_started.send(sender=self.__class__, environ=environ)
        request = WSGIRequest(environ)
        try:
            response = hit(request)
        except Exception as error:  # answered (400 or 500) and logged as Django does
            response = response_for_exception(request, error)
        # A beacon call is a GET without a body: the request holds no upload to close.
        status = f"{response.status_code} {response.reason_phrase}"
        start_response(status, list(response.items()))
        return response  # its close() sends request_finished, which recycles DB connections
