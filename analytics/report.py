"""The figures of the visit report, computed from rollups only (never from raw hits).

Page views of a section are summed at report time from per-page rollups grouped by the section's
tree-path prefix, so they follow the current tree. Unique visitors of a section come from the
section rollup (exact, but frozen with the tree as it was once the day's hashes were forgotten).
A period's visitors are the sum of its daily visitors: hashes change every day, so a reader
who comes back on another day is counted again (as in every cookie-less analytics).
"""

import operator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import reduce

from django.db.models import Q, Sum
from django.db.models.functions import Substr

from participation.useful import UsefulShare, section_useful_shares

from .conf import setting
from .models import (
    DisplayModeDay,
    ExclusionDay,
    PageDay,
    PageMonth,
    Reason,
    SectionDay,
    SectionTarget,
)
from .rollup import next_month
from .sections import STEPLEN, Section, paths_by_depth, report_sections


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def month(cls, month: date) -> "Period":
        first = month.replace(day=1)
        return cls(first, next_month(first) - timedelta(days=1))

    @property
    def is_whole_months(self) -> bool:
        return self.start.day == 1 and (self.end + timedelta(days=1)).day == 1

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The month before a whole month, otherwise the same number of days just before."""
        if self.is_whole_months and self.start.month == self.end.month:
            return Period.month(self.start - timedelta(days=1))
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def last_year(self) -> "Period":
        return Period(_year_before(self.start), _year_before(self.end))


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass
class Totals:
    views: int = 0
    visitors: int = 0


@dataclass
class SectionRow:
    section: Section
    current: Totals
    previous: Totals
    last_year: Totals
    target: int | None = None
    useful: UsefulShare | None = None  # "was this page useful?" votes in the period

    @staticmethod
    def _change(now: int, before: int) -> float | None:
        return None if not before else round((now - before) * 100 / before, 1)

    @property
    def change_previous(self) -> float | None:
        return self._change(self.current.views, self.previous.views)

    @property
    def change_last_year(self) -> float | None:
        return self._change(self.current.views, self.last_year.views)

    @property
    def target_reached(self) -> float | None:
        return round(self.current.views * 100 / self.target, 1) if self.target else None


def section_totals(sections: list[Section], periods: list[Period]) -> list[dict[int, Totals]]:
    """Per period, views (current tree) and visitors (section rollups) per section id.

    One grouped query per tree depth plus one for visitors, whatever the number of periods:
    monthly rows when every period is whole months, daily rows otherwise.
    """
    monthly = all(period.is_whole_months for period in periods)
    model, field = (PageMonth, "month") if monthly else (PageDay, "day")

    def within(period: Period, name: str = field) -> Q:
        return Q(**{f"{name}__gte": period.start, f"{name}__lte": period.end})

    totals = [{section.page_id: Totals() for section in sections} for _ in periods]
    any_period = reduce(operator.or_, (within(period) for period in periods))
    views = {f"views_{n}": Sum("views", filter=within(p)) for n, p in enumerate(periods)}
    for depth, ids_by_path in paths_by_depth(sections).items():
        grouped = (
            model.objects.filter(any_period, page__depth__gte=depth)
            .annotate(prefix=Substr("page__path", 1, depth * STEPLEN))
            .filter(prefix__in=list(ids_by_path))
            .values("prefix")
            .annotate(**views)
            .order_by()
        )
        for row in grouped:
            for n in range(len(periods)):
                totals[n][ids_by_path[row["prefix"]]].views = row[f"views_{n}"] or 0
    visitors = {
        f"visitors_{n}": Sum("visitors", filter=within(p, "day")) for n, p in enumerate(periods)
    }
    grouped = (
        SectionDay.objects.filter(
            reduce(operator.or_, (within(period, "day") for period in periods)),
            section_id__in=totals[0],
        )
        .values("section_id")
        .annotate(**visitors)
        .order_by()
    )
    for row in grouped:
        for n in range(len(periods)):
            totals[n][row["section_id"]].visitors = row[f"visitors_{n}"] or 0
    return totals


def _page_rollups(period: Period):
    """Per-page rows of the period: monthly rows for whole months, daily rows otherwise."""
    if period.is_whole_months:
        return PageMonth.objects.filter(month__gte=period.start, month__lte=period.end)
    return PageDay.objects.filter(day__gte=period.start, day__lte=period.end)


def section_rows(period: Period) -> list[SectionRow]:
    """One row per section in tree order, with comparisons and the month's target if any."""
    sections = report_sections()
    current, previous, last_year = section_totals(
        sections, [period, period.previous(), period.last_year()]
    )
    targets: dict[int, int] = {}
    if period.is_whole_months and period.start.month == period.end.month:
        targets = dict(
            SectionTarget.objects.filter(month=period.start).values_list("section_id", "page_views")
        )
    useful = section_useful_shares(sections, period.start, period.end)
    return [
        SectionRow(
            section=section,
            current=current[section.page_id],
            previous=previous[section.page_id],
            last_year=last_year[section.page_id],
            target=targets.get(section.page_id),
            useful=useful[section.page_id],
        )
        for section in sections
    ]


def top_pages(section: Section, period: Period, limit: int = 20) -> list[dict]:
    """The section's most viewed pages in the period (the section page itself included)."""
    return list(
        _page_rollups(period)
        .filter(page__path__startswith=section.tree_path)
        .values("page_id", "page__title", "page__url_path")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
        .order_by("-views", "page_id")[:limit]
    )


def daily_views(period: Period, section: Section | None = None) -> list[tuple[date, int, int]]:
    """(day, page views, visitors) for every day of the period, zeros included.

    Without a section: the total of every home, i.e. the whole portal.
    """
    views = PageDay.objects.filter(day__gte=period.start, day__lte=period.end)
    visitors = SectionDay.objects.filter(day__gte=period.start, day__lte=period.end)
    if section is not None:
        views = views.filter(page__path__startswith=section.tree_path)
        visitors = visitors.filter(section_id=section.page_id)
    else:
        visitors = visitors.filter(section_id__in=_home_ids())
    by_day_views = dict(
        views.values("day").annotate(n=Sum("views")).values_list("day", "n").order_by()
    )
    by_day_visitors = dict(
        visitors.values("day").annotate(n=Sum("visitors")).values_list("day", "n").order_by()
    )
    return [
        (day, by_day_views.get(day, 0), by_day_visitors.get(day, 0))
        for day in (period.start + timedelta(days=offset) for offset in range(period.days))
    ]


def _home_ids() -> list[int]:
    from wagtail.models import Page

    from analytics.conf import home_page_model

    return list(Page.objects.type(home_page_model()).values_list("id", flat=True))


def exclusion_counts(period: Period) -> list[tuple[str, int]]:
    """Hits dropped per exclusion rule in the period (the data-quality view)."""
    counts = dict(
        ExclusionDay.objects.filter(day__gte=period.start, day__lte=period.end)
        .values("reason")
        .annotate(n=Sum("hits"))
        .values_list("reason", "n")
        .order_by()
    )
    return [(Reason(value).label, counts.get(value, 0)) for value in Reason.values if value]


@dataclass
class DisplayModeRow:
    day: date
    visits: int | None
    large_text: int | None
    high_contrast: int | None
    reduced_motion: int | None


def display_mode_days(period: Period) -> list[DisplayModeRow]:
    """Daily counts of visits per display setting; a count under the threshold is hidden (None)."""
    minimum = setting("MIN_DISPLAY_CELL")

    def shown(value: int) -> int | None:
        return value if value >= minimum else None

    return [
        DisplayModeRow(
            day=row.day,
            visits=shown(row.visits),
            large_text=shown(row.large_text),
            high_contrast=shown(row.high_contrast),
            reduced_motion=shown(row.reduced_motion),
        )
        for row in DisplayModeDay.objects.filter(
            day__gte=period.start, day__lte=period.end
        ).order_by("day")
    ]
