"""Form posts from pages served out of the page cache: same-origin checks instead of CSRF tokens.

Why not Django's CSRF token: a token is per reader (it pairs with a cookie), so a page holding
one cannot be cached for everyone, and rendering it sets a cookie, which the page cache refuses
to store. Every article would then be rendered afresh for every reader.

Why this is still safe: CSRF protects what a victim's browser may do with the victim's own
authority (a session, a login). These endpoints grant nothing to a cookie: they take anonymous
submissions, read no session and store no identifier. A forged cross-site post would achieve
nothing an attacker could not do by posting directly, except to borrow the victim's address to
dodge the per-client rate limit. Browsers send `Origin` with every cross-site POST (and
`Referer` under our `strict-origin-when-cross-origin` policy), so a post whose Origin, or failing
that Referer, is another site is refused; a post carrying neither (old browsers, privacy
extensions) is accepted and still meets the honeypot, the minimum fill time, the link limit, the
rate limit per hashed client, and the moderation queue. Nothing posted is public before staff
publish it.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt


def is_same_origin(request: HttpRequest) -> bool:
    """True unless the browser says the post comes from another site."""
    claimed = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER") or ""
    if not claimed:
        return True
    if claimed == "null":  # sandboxed frames, data: URLs: never our pages
        return False
    parts = urlsplit(claimed)
    return (parts.scheme, parts.netloc) == (request.scheme, request.get_host())


def same_origin_post(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Exempt from CSRF tokens, but refuse (403) a post that says it comes from elsewhere."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and not is_same_origin(request):
            from django.http import HttpResponseForbidden
            from django.utils.translation import gettext as _

            response = HttpResponseForbidden(
                _("Biểu mẫu phải được gửi từ chính trang của cổng thông tin."),
                content_type="text/plain; charset=utf-8",
            )
            response["Cache-Control"] = "no-store"
            return response
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
