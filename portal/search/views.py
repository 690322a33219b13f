"""Site search over articles and multimedia, with section and date filters."""

from datetime import datetime, time
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from portal.forms.search import SearchForm
from portal.listing import attach_card_images, paginate, story_page_models
from portal.security.ratelimit import rate_limited


def _active_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def search_sections(locale: Locale) -> list[Any]:
    """Sections a reader may filter by: the top two levels of news sections in this language."""
    from news.models import SectionPage

    return list(
        SectionPage.objects.live().public().filter(locale=locale, depth__lte=4).order_by("path")
    )


def _to_datetime(day: Any, end: bool = False) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max if end else time.min))


def specific_in_order(ids: list[int]) -> list[Any]:
    """The specific pages for a page of search results, in the same order, in one query per type."""
    by_id = {
        page.pk: page for page in Page.objects.filter(pk__in=ids).defer_streamfields().specific()
    }
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    attach_card_images(ordered)
    return ordered


@rate_limited("search")
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    locale = _active_locale()
    sections = search_sections(locale)
    form = SearchForm(request.GET or None, sections=sections)
    context: dict[str, Any] = {"form": form, "results": None, "query": ""}
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound and form.cleaned_data["q"]:
        data = form.cleaned_data
        queryset = Page.objects.live().public().type(*story_page_models()).filter(locale=locale)
        if data["section"]:
            section = next((s for s in sections if s.pk == data["section"]), None)
            if section is not None:
                queryset = queryset.descendant_of(section)
        if data["date_from"]:
            queryset = queryset.filter(first_published_at__gte=_to_datetime(data["date_from"]))
        if data["date_to"]:
            queryset = queryset.filter(
                first_published_at__lte=_to_datetime(data["date_to"], end=True)
            )
        # Newest first, and at most SEARCH_RESULT_LIMIT matches: ranking or counting every match
        # of a common word costs seconds at 120,000 articles, while the newest few hundred are
        # found through the date index in milliseconds. Readers are told when there are more.
        limit = settings.SEARCH_RESULT_LIMIT
        results = queryset.order_by("-first_published_at", "-id").only("pk")
        matches = results.search(data["q"], operator="and", order_by_relevance=False)
        ids = [match.pk for match in matches[: limit + 1]]
        page = paginate(ids[:limit], request.GET.get("page"), settings.PORTAL_LISTING_PAGE_SIZE)
        page.object_list = specific_in_order(list(page.object_list))
        context.update(results=page, query=data["q"], more_than_limit=len(ids) > limit, limit=limit)
    return render(request, "portal/search.html", context, status=status)
