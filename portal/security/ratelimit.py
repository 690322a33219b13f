"""Per-client rate limits on public endpoints that cost us something (search, analytics).

Counting uses django-ratelimit on the shared cache, so every app server counts together. The
key is the client's keyed hash (see `clients`), and a counter lives one window: nothing about a
reader outlasts the minute it is counted in.
"""

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from .clients import client_key

__all__ = ["rate_limited", "too_many_requests"]

logger = logging.getLogger("portal.security.ratelimit")


def _key(group: str, request: HttpRequest) -> str:
    return client_key(request)


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The 429 answer: a short page in the reader's language, and when to try again."""
    context = {"page_title": _("Quá nhiều yêu cầu"), "retry_after": retry_after}
    try:
        response = render(request, "portal_security/429.html", context, status=429)
    except Exception:
        response = HttpResponse(_("Quá nhiều yêu cầu. Vui lòng thử lại sau."), status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def rate_limited(
    group: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Limit a view per client to `settings.PORTAL_RATELIMITS[group]` (e.g. "60/m").

    The rate is read on every call, so a deployment (or a test) can change it in settings.
    If the cache is unreachable the request is let through: a rate limit must never take the
    site down with it.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            rate = settings.PORTAL_RATELIMITS.get(group)
            if settings.PORTAL_RATELIMIT_ENABLED and rate:
                try:
                    usage = get_usage(
                        request, group=f"portal:{group}", key=_key, rate=rate, increment=True
                    )
                except Exception:
                    logger.warning("rate limit cache unavailable", extra={"group": group})
                    usage = None
                if usage and usage["should_limit"]:
                    logger.info("rate limited", extra={"group": group})
                    return too_many_requests(request, max(1, int(usage["time_left"])))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
