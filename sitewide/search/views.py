"""Site search: every page type that declares `site_search`, ranked by relevance, with filters."""

from datetime import datetime, time
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from core.search.fields import site_search_models
from core.search.sources import sources
from core.security.ratelimit import rate_limited
from sitewide.search.forms import SearchForm
from sitewide.search.index import fold
from sitewide.search.ranking import RankedHit, SearchFilters, rank


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


def results_in_order(hits: list[RankedHit], request: HttpRequest) -> list[Any]:
    """What a page of results shows, in rank order: pages (one query per page type present) and
    other entries (one query per registered source present)."""
    by_type: dict[int, list[int]] = {}
    for hit in hits:
        by_type.setdefault(hit.content_type_id, []).append(hit.object_id)
    source_types = {
        ContentType.objects.get_for_model(source.model).pk: source for source in sources()
    }
    found: dict[tuple[int, int], Any] = {}
    page_ids = [pk for type_id, ids in by_type.items() if type_id not in source_types for pk in ids]
    if page_ids:
        pages = list(Page.objects.filter(pk__in=page_ids).defer_streamfields().specific())
        label_sections(pages)
        for page in pages:
            page.search_url = page.get_url(request)
            found[(page.content_type_id, page.pk)] = page
    for type_id, source in source_types.items():
        if type_id in by_type:
            for pk, result in source.results(by_type[type_id], request).items():
                found[(type_id, pk)] = result
    return [
        found[(hit.content_type_id, hit.object_id)]
        for hit in hits
        if (hit.content_type_id, hit.object_id) in found
    ]


def label_sections(pages: list[Any]) -> None:
    """Give each result its section (parent) title and type, from the snapshot or one query."""
    from core.caching.structure import get_structure

    structure = get_structure()
    missing: dict[str, list[Any]] = {}
    for page in pages:
        page.search_type = page._meta.verbose_name
        ancestors = structure.ancestors(page)
        page.search_section = ancestors[-1].title if ancestors else ""
        if not ancestors:
            missing.setdefault(page.path[: -Page.steplen], []).append(page)
    if missing:
        titles = dict(Page.objects.filter(path__in=list(missing)).values_list("path", "title"))
        for path, waiting in missing.items():
            for page in waiting:
                page.search_section = titles.get(path, "")


class ResultsPage:
    """A page of ranked results, shaped like Django's `Page` for the pagination include."""

    def __init__(self, items: list[Any], number: int, count: int, per_page: int, has_next: bool):
        self.object_list = items
        self.number = number
        self.paginator = Paginator(range(count), per_page)
        self._has_next = has_next

    def __iter__(self) -> Any:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + 1 if self.object_list else 0


def _page_number(value: Any) -> int:
    """A page number that never fails: junk gives the first page."""
    try:
        return max(1, min(int(value), 100_000))
    except (TypeError, ValueError):
        return 1


def _filters(form: SearchForm, locale: Locale, sections: list[Any]) -> SearchFilters:
    data = form.cleaned_data
    models = site_search_models()
    types = ContentType.objects.get_for_models(*models)
    chosen = [types[m] for m in models if not data["type"] or m._meta.model_name == data["type"]]
    chosen += [
        ContentType.objects.get_for_model(source.model)
        for source in sources()
        if not data["type"] or source.type_name == data["type"]
    ]
    locale_id: int | None = locale.pk
    if data["lang"] == "all":
        locale_id = None
    elif data["lang"]:
        locale_id = (
            Locale.objects.filter(language_code=data["lang"]).values_list("pk", flat=True).first()
        )
    section = next((s for s in sections if s.pk == data["section"]), None)
    return SearchFilters(
        content_type_ids=[ct.pk for ct in chosen],
        locale_id=locale_id,
        section_path=section.path if section is not None else None,
        date_from=_to_datetime(data["date_from"]) if data["date_from"] else None,
        date_to=_to_datetime(data["date_to"], end=True) if data["date_to"] else None,
    )


def _choices() -> dict[str, list[tuple[str, Any]]]:
    return {
        "types": [
            *((m._meta.model_name, m._meta.verbose_name) for m in site_search_models()),
            *((source.type_name, source.verbose_name) for source in sources()),
        ],
        "languages": [("", _("Ngôn ngữ đang xem")), *settings.LANGUAGES],
    }


def _base_query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@rate_limited("search")
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    locale = _active_locale()
    sections = search_sections(locale)
    form = SearchForm(request.GET or None, sections=sections, **_choices())
    context: dict[str, Any] = {"form": form, "results": None, "query": ""}
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        per_page = settings.PORTAL_LISTING_PAGE_SIZE
        number = _page_number(request.GET.get("page"))
        ranked = rank(
            query,
            _filters(form, locale, sections),
            offset=(number - 1) * per_page,
            size=per_page,
            newest=form.cleaned_data["sort"] == "newest",
            has_diacritics=fold(query) != query.lower(),
        )
        page = ResultsPage(
            results_in_order(ranked.hits, request),
            number,
            ranked.count,
            per_page,
            ranked.extra["has_next"],
        )
        first_some = ranked.some_words_from
        shown = f"{ranked.count:,}".replace(",", str(get_format("THOUSAND_SEPARATOR")))
        context.update(
            count_label=(
                _("Khoảng %(count)s kết quả") % {"count": shown}
                if ranked.count_is_estimate
                else ngettext("%(count)s kết quả", "%(count)s kết quả", ranked.count)
                % {"count": shown}
            ),
            base_query=_base_query(request),
            results=page,
            query=query,
            count=ranked.count,
            count_is_estimate=ranked.count_is_estimate,
            newest=form.cleaned_data["sort"] == "newest",
            # The position on this page where results holding only some of the words begin.
            some_words_at=(
                first_some - (number - 1) * per_page
                if first_some is not None and 0 <= first_some - (number - 1) * per_page < per_page
                else None
            ),
            filtered=any(
                form.cleaned_data[name]
                for name in ("section", "type", "lang", "date_from", "date_to")
            ),
        )
    return render(request, "sitewide/search.html", context, status=status)
