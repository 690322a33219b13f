"""Pages answer only the query parameters they read (Wagtail's `before_serve_page` hook).

The page cache keys entries on the parameters some page type reads (`pages.known_parameters`); a
parameter that only another type reads (a documents filter on an article, say) would still make a
new entry for every value. Here the served page itself decides: any parameter it does not declare
in `query_parameters` sends the reader to the same URL without it, so the canonical entry answers.
"""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from wagtail import hooks
from wagtail.models import Page


@hooks.register("before_serve_page")
def drop_parameters_the_page_does_not_read(
    page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any
) -> HttpResponse | None:
    read = getattr(page.specific_class, "query_parameters", None)
    if read is None or request.method not in ("GET", "HEAD") or set(request.GET) <= read:
        return None
    kept = [
        (name, value)
        for name in sorted(request.GET)
        if name in read
        for value in request.GET.getlist(name)
    ]
    return HttpResponsePermanentRedirect(request.path + (f"?{urlencode(kept)}" if kept else ""))
