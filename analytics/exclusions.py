"""The rules that keep a request out of the counts; each returns the reason, first match wins."""

from django.conf import settings
from django.http import HttpRequest

from .bots import is_bot, is_headless
from .models import Reason

PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_prefetch(request: HttpRequest) -> bool:
    return any(
        word in request.META.get(header, "").lower()
        for header in PREFETCH_HEADERS
        for word in ("prefetch", "prerender", "preview")
    )


def is_admin_user(request: HttpRequest) -> bool:
    # Anonymous readers carry no session cookie, so this costs them no query.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def is_preview(request: HttpRequest) -> bool:
    """Previews render the beacon with a flag; the admin's preview frame is also its referer."""
    if request.GET.get("preview") == "1":
        return True
    referer = request.META.get("HTTP_REFERER", "")
    return f"/{settings.PORTAL_ADMIN_PATH}" in referer


def exclusion_reason(request: HttpRequest) -> Reason | None:
    """Why this request must not be counted, or None when it is a reader's visit."""
    if request.method not in ("GET", "HEAD"):
        return Reason.METHOD
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if (
        is_headless(user_agent, request.META.get("HTTP_SEC_CH_UA", ""))
        or request.GET.get("w") == "1"
    ):
        return Reason.HEADLESS
    if is_bot(user_agent):
        return Reason.BOT
    if is_prefetch(request):
        return Reason.PREFETCH
    if request.META.get("HTTP_DNT", "").strip() == "1":
        return Reason.DO_NOT_TRACK
    if request.META.get("HTTP_SEC_GPC", "").strip() == "1":
        return Reason.GLOBAL_PRIVACY_CONTROL
    if is_preview(request):
        return Reason.PREVIEW
    if is_admin_user(request):
        return Reason.ADMIN_USER
    return None
