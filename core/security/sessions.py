"""Admin sessions end after a configurable idle time; readers' sessions are not touched.

Editors leave the admin open on shared office machines; an idle session is closed after
`PORTAL_ADMIN_IDLE_TIMEOUT` seconds. The session's expiry is pushed forward at most once a
minute, so an active editor costs one session write a minute, not one a request.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .headers import is_admin_path

__all__ = ["AdminIdleTimeoutMiddleware"]

LAST_SEEN_KEY = "portal_admin_last_seen"
REFRESH_EVERY = 60


def _uses_admin(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


class AdminIdleTimeoutMiddleware:
    """Logs an admin user out after the idle time; keeps the session cookie's age in step."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Readers without a session never reach the database here.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and _uses_admin(request.user):
            self._track(request)
        return self.get_response(request)

    def _track(self, request: HttpRequest) -> None:
        timeout = settings.PORTAL_ADMIN_IDLE_TIMEOUT
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > timeout:
            logout(request)
            if is_admin_path(request.path_info):
                messages.warning(
                    request,
                    _(
                        "Phiên làm việc đã kết thúc vì không hoạt động quá %(minutes)d phút. "
                        "Vui lòng đăng nhập lại."
                    )
                    % {"minutes": max(1, timeout // 60)},
                )
            return
        if last_seen is None or now - last_seen >= REFRESH_EVERY:
            request.session[LAST_SEEN_KEY] = now
            request.session.set_expiry(timeout)
