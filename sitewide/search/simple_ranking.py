"""The simpler ranking used on SQLite (development and the embedded default).

Text is stored folded (no diacritics, lower case), so matching ignores diacritics as on
PostgreSQL. Every word must appear (anywhere); the order is: the whole query in the title, all
words in the title, all words in the lead, then the newest. No phrase, proximity or exact-diacritic
rules, and no "some words" group: those need PostgreSQL's text search.
"""

from functools import reduce
from operator import and_

from django.db.models import Case, IntegerField, Q, Value, When

from sitewide.search.index import fold
from sitewide.search.models import SearchEntry
from sitewide.search.ranking import RankedHit, RankedPage, SearchFilters


def rank_simple(
    query: str, filters: SearchFilters, offset: int, size: int, newest: bool
) -> RankedPage:
    words = fold(query).split()
    if not words:
        return RankedPage(hits=[], count=0, count_is_estimate=False)
    text = Q()
    for word in words:
        text &= Q(title__contains=word) | Q(lead__contains=word) | Q(body__contains=word)
    entries = SearchEntry.objects.filter(
        text,
        page__live=True,
        content_type_id__in=filters.content_type_ids,
    )
    if filters.locale_id is not None:
        entries = entries.filter(page__locale_id=filters.locale_id)
    if filters.section_path:
        entries = entries.filter(page__path__startswith=filters.section_path).exclude(
            page__path=filters.section_path
        )
    if filters.date_from is not None:
        entries = entries.filter(published_at__gte=filters.date_from)
    if filters.date_to is not None:
        entries = entries.filter(published_at__lte=filters.date_to)
    from wagtail.models import Page

    public = Page.objects.public().values("pk")
    entries = entries.filter(page_id__in=public)
    if newest:
        ordered = entries.order_by("-published_at", "-id")
    else:
        in_title = reduce(and_, [Q(title__contains=word) for word in words])
        in_lead = reduce(and_, [Q(lead__contains=word) for word in words])
        ordered = entries.annotate(
            relevance=Case(
                When(title__contains=" ".join(words), then=Value(3)),
                When(in_title, then=Value(2)),
                When(in_lead, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).order_by("-relevance", "-published_at", "-id")
    rows = ordered.values_list("id", "content_type_id", "object_id")[offset : offset + size + 1]
    hits = [RankedHit(*row) for row in rows]
    return RankedPage(
        hits=hits[:size],
        count=entries.count(),
        count_is_estimate=False,
        extra={"has_next": len(hits) > size},
    )
