"""Two-factor authentication for the admin (django-otp TOTP): who needs it, and its enforcement.

Administrators and moderators (they publish) must use a second factor; editors may, or must when
`PORTAL_2FA_REQUIRED_FOR_EDITORS` is on. Whoever has enrolled a device must use it. Enforcement
is on in production and off by default elsewhere (`PORTAL_2FA_ENFORCED`), so that local set-ups
and other apps' tests reach the admin without a phone.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_otp import user_has_device

from core.groups import MODERATORS

from .headers import is_admin_path

__all__ = ["RESET_LOG_ACTION", "TwoFactorMiddleware", "two_factor_required"]

# The audit log action of `manage.py reset_2fa` (registered in wagtail_hooks).
RESET_LOG_ACTION = "portal_security.reset_2fa"

# Admin pages reachable before the second factor: signing in and out, and 2FA itself.
# "sprite/" is the icon sheet every admin page (the 2FA pages too) fetches and inlines.
_OPEN_ADMIN_PREFIXES = ("login/", "logout/", "password_reset/", "2fa/", "jsi18n/", "sprite/")


def two_factor_required(user) -> bool:
    """Whether this user may not use the admin without a second factor."""
    if not settings.PORTAL_2FA_ENFORCED or not user.is_authenticated:
        return False
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return True
    return settings.PORTAL_2FA_REQUIRED_FOR_EDITORS


class TwoFactorMiddleware:
    """Sends an admin user who has not passed the second factor to verify (or enrol) first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect_to = self._needed_step(request)
        if redirect_to:
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse(redirect_to)}?{query}")
        return self.get_response(request)

    def _needed_step(self, request: HttpRequest) -> str | None:
        path = request.path_info
        if not is_admin_path(path):
            return None
        relative = path[len("/" + settings.PORTAL_ADMIN_PATH) :]
        if relative.startswith(_OPEN_ADMIN_PREFIXES):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if user_has_device(user):
            return "portal_2fa_verify"
        if two_factor_required(user):
            return "portal_2fa_setup"
        return None
