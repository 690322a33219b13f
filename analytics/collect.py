"""Recording one hit: validation of the beacon's input, the live-page check and the INSERTs."""

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from portal.display import DisplaySettings
from portal.security.clients import client_address

from .exclusions import exclusion_reason
from .models import DisplayModeHit, Hit, Reason
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
    now = time.monotonic()
    cached = _live_pages.get(page_id)
    if cached is not None and now - cached[1] < LIVE_PAGE_TTL:
        return cached[0]
    live = Page.objects.filter(pk=page_id, live=True).exists()
    if len(_live_pages) > 100_000:
        _live_pages.clear()
    _live_pages[page_id] = (live, now)
    return live


@contextmanager
def _without_waiting_for_disk() -> Iterator[None]:
    """One transaction whose commit does not wait for the WAL flush (PostgreSQL).

    A hit is acknowledged once PostgreSQL holds it: a restarted or killed worker loses nothing,
    and only a crash of the database server itself could drop the last fraction of a second of
    hits. Waiting for the disk on every page view would cap ingestion at the disk's flush rate.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield


def record_hit(request: HttpRequest) -> Reason:
    """Store the hit, counted or excluded with its reason, and return the reason."""
    page_id = parse_page_id(request.GET.get("p"))
    today: date = timezone.localdate()
    reason = exclusion_reason(request)
    if reason is None and not is_live_page(page_id):
        reason = Reason.UNKNOWN_PAGE
    if reason is not None:
        # Excluded hits keep no page, no host and no visitor: only that they happened, and why.
        with _without_waiting_for_disk():
            Hit.objects.create(day=today, reason=reason)
        return reason
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    visitor = visitor_hash(today, client_address(request), user_agent, request.get_host())
    display = DisplaySettings.from_request(request)
    reduced_motion = request.GET.get("m") == "1"
    large_text = display.text_size == "large"
    with _without_waiting_for_disk():
        _insert_counted_hit(request, today, page_id, visitor, display, large_text, reduced_motion)
    return Reason.COUNTED


def _insert_counted_hit(
    request: HttpRequest,
    today: date,
    page_id: int,
    visitor: int,
    display: DisplaySettings,
    large_text: bool,
    reduced_motion: bool,
) -> None:
    Hit.objects.create(
        day=today,
        page_id=page_id,
        visitor=visitor,
        referrer_host=parse_referrer_host(request.GET.get("r")),
    )
    if large_text or display.high_contrast or reduced_motion:
        DisplayModeHit.objects.create(
            day=today,
            large_text=large_text,
            high_contrast=display.high_contrast,
            reduced_motion=reduced_motion,
        )
