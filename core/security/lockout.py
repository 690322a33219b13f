"""Brute-force protection of the admin login (django-axes), with a Vietnamese lock message.

Axes counts failures per (account, client) in the shared cache; the client is our keyed hash
(`clients.client_pseudo_address`), so no address is stored or logged.
"""

import logging
import math
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from axes.signals import user_locked_out
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

__all__ = ["LockoutBackend", "lockout_response"]

logger = logging.getLogger("portal.security.lockout")


class LockoutBackend(AxesStandaloneBackend):
    """Axes' guard, applied to logins that come through a web request only.

    Programmatic authentication (management commands, the test client's `login`) has no client
    to lock out; Axes would refuse it outright.
    """

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The page shown instead of the login form while an account is locked for this client."""
    cool_off = get_cool_off(request)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else None
    response = render(request, "portal_security/locked_out.html", {"minutes": minutes}, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response


@receiver(user_locked_out)
def log_lockout(
    sender: Any, request: HttpRequest, username: str | None = None, **kwargs: Any
) -> None:
    # The account name is logged so that administrators can warn its owner; the client only by hash.
    logger.warning(
        "admin login locked after repeated failures for account %r",
        username,
        extra={"event": "login_locked"},
    )
