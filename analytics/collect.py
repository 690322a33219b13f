"""Recording one hit: validation of the beacon's input, the live-page check and the INSERTs.

The writes themselves (one autocommit INSERT on the beacon's own connection) are in `store`.
"""

import re
import time
from datetime import date

from django.http import HttpRequest
from django.utils import timezone

from core.display import DisplaySettings
from core.security.clients import client_address

from . import store
from .exclusions import exclusion_reason
from .models import Reason
from .visitors import visitor_hash

PAGE_ID = re.compile(r"[1-9][0-9]{0,9}")
HOST = re.compile(
    r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
)
MAX_PAGE_ID = 2**31 - 1
LIVE_PAGE_TTL = 60.0

# page id -> (is live, checked at): a worker asks the database about a page once a minute at most.
_live_pages: dict[int, tuple[bool, float]] = {}


class BadHit(ValueError):
    """The request is not a beacon call at all (answered with 400)."""


def parse_page_id(raw: str | None) -> int:
    if not raw or not PAGE_ID.fullmatch(raw) or int(raw) > MAX_PAGE_ID:
        raise BadHit("p must be a page id")
    return int(raw)


def parse_referrer_host(raw: str | None) -> str:
    """The referrer's host name only; anything else (a URL, junk, too long) is dropped."""
    host = (raw or "").strip().lower()
    if len(host) > 253 or not HOST.fullmatch(host):
        return ""
    return host


def is_live_page(page_id: int) -> bool:
    """Whether the page is published, asked of the database once a minute per page and worker."""
    now = time.monotonic()
    cached = _live_pages.get(page_id)
    if cached is not None and now - cached[1] < LIVE_PAGE_TTL:
        return cached[0]
    live = store.page_is_live(page_id)
    if len(_live_pages) > 100_000:
        _live_pages.clear()
    _live_pages[page_id] = (live, now)
    return live


def record_hit(request: HttpRequest) -> Reason:
    """Store the hit, counted or excluded with its reason, and return the reason."""
    page_id = parse_page_id(request.GET.get("p"))
    today: date = timezone.localdate()
    reason = exclusion_reason(request)
    if reason is None and not is_live_page(page_id):
        reason = Reason.UNKNOWN_PAGE
    if reason is not None:
        # Excluded hits keep no page, no host and no visitor: only that they happened, and why.
        store.insert_hit(today, reason)
        return reason
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    visitor = visitor_hash(today, client_address(request), user_agent, request.get_host())
    display = DisplaySettings.from_request(request)
    reduced_motion = request.GET.get("m") == "1"
    large_text = display.text_size == "large"
    store.insert_hit(
        today, Reason.COUNTED, page_id, visitor, parse_referrer_host(request.GET.get("r"))
    )
    if large_text or display.high_contrast or reduced_motion:
        store.insert_display_mode_hit(today, large_text, display.high_contrast, reduced_motion)
    return Reason.COUNTED
