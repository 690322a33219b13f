"""Folding raw hits into daily rollups, forgetting visitor hashes, and purging old hits.

A run recomputes whole days (delete and insert), so it is idempotent; it holds a row lock on the
state row for its whole transaction, so two runs at once simply follow one another.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from .conf import setting
from .models import (
    DailySalt,
    DisplayModeDay,
    DisplayModeHit,
    ExclusionDay,
    Hit,
    PageDay,
    PageMonth,
    Reason,
    RollupState,
    SectionDay,
)
from .sections import STEPLEN, Section, paths_by_depth, report_sections
from .visitors import forget_cached_salts


@dataclass
class RollupResult:
    days: list[date] = field(default_factory=list)
    forgotten_through: date | None = None


def locked_state() -> RollupState:
    """The single state row, locked until the surrounding transaction ends."""
    try:
        with transaction.atomic():
            RollupState.objects.get_or_create(pk=1)
    except IntegrityError:  # created by a concurrent run
        pass
    return RollupState.objects.select_for_update().get(pk=1)


def run_rollup(today: date | None = None) -> RollupResult:
    """Roll up every day with new hits (and always today and yesterday), then forget old hashes."""
    today = today or timezone.localdate()
    yesterday = today - timedelta(days=1)
    result = RollupResult()
    with transaction.atomic():
        state = locked_state()
        newest = Hit.objects.aggregate(newest=Max("id"))["newest"] or 0
        new_days = set(
            Hit.objects.filter(id__gt=state.last_hit_id).values_list("day", flat=True).distinct()
        )
        days = sorted({yesterday, today} | new_days)
        if state.forgotten_through:
            # Hashes of those days are gone: recomputing would lose their visitor counts.
            days = [day for day in days if day > state.forgotten_through]
        sections = report_sections()
        for day in days:
            rollup_day(day, sections)
        for month in sorted({day.replace(day=1) for day in days}):
            rollup_month(month)
        result.days = days
        state.last_hit_id = max(state.last_hit_id, newest)
        result.forgotten_through = forget_hashes(state, keep_from=yesterday)
        state.finished_at = timezone.now()
        state.save()
    forget_cached_salts()
    return result


def rollup_day(day: date, sections: Iterable[Section] | None = None) -> None:
    """Recompute one day's page, section, exclusion and display-mode rollups from its raw hits."""
    sections = list(report_sections() if sections is None else sections)
    counted = Hit.objects.filter(day=day, reason=Reason.COUNTED)
    PageDay.objects.filter(day=day).delete()
    PageDay.objects.bulk_create(
        PageDay(day=day, page_id=row["page_id"], views=row["views"], visitors=row["visitors"])
        for row in counted.values("page_id")
        .annotate(views=Count("id"), visitors=Count("visitor", distinct=True))
        .order_by()
    )
    SectionDay.objects.filter(day=day).delete()
    SectionDay.objects.bulk_create(_section_days(day, sections))
    ExclusionDay.objects.filter(day=day).delete()
    ExclusionDay.objects.bulk_create(
        ExclusionDay(day=day, reason=row["reason"], hits=row["hits"])
        for row in Hit.objects.filter(day=day)
        .exclude(reason=Reason.COUNTED)
        .values("reason")
        .annotate(hits=Count("id"))
        .order_by()
    )
    DisplayModeDay.objects.filter(day=day).delete()
    modes = DisplayModeHit.objects.filter(day=day).aggregate(
        large_text=Count("id", filter=Q(large_text=True)),
        high_contrast=Count("id", filter=Q(high_contrast=True)),
        reduced_motion=Count("id", filter=Q(reduced_motion=True)),
    )
    visits = PageDay.objects.filter(day=day).aggregate(visits=Sum("views"))["visits"] or 0
    if visits:
        DisplayModeDay.objects.create(day=day, visits=visits, **modes)


# Hits are first folded into (page, visitor) pairs, then joined with the page tree: the planner
# never loops over the day's hits once per page, and the prefix filter is applied in Python (an
# IN on a computed prefix makes PostgreSQL misjudge row counts badly).
SECTION_DAY_SQL = """
    SELECT SUBSTR(page.path, 1, %(length)s) AS prefix, SUM(pairs.views), COUNT(DISTINCT pairs.visitor)
    FROM (
        SELECT page_id, visitor, COUNT(*) AS views
        FROM analytics_hit
        WHERE day = %(day)s AND reason = %(counted)s
        GROUP BY page_id, visitor
    ) AS pairs
    JOIN wagtailcore_page AS page ON page.id = pairs.page_id
    WHERE page.depth >= %(depth)s
    GROUP BY SUBSTR(page.path, 1, %(length)s)
"""


def _section_days(day: date, sections: list[Section]) -> list[SectionDay]:
    """Exact unique visitors per section: one grouped query per tree depth, by path prefix."""
    rows = []
    with connection.cursor() as cursor:
        for depth, ids_by_path in paths_by_depth(sections).items():
            cursor.execute(
                SECTION_DAY_SQL,
                {"length": depth * STEPLEN, "day": day, "counted": Reason.COUNTED, "depth": depth},
            )
            rows.extend(
                SectionDay(day=day, section_id=ids_by_path[prefix], views=views, visitors=visitors)
                for prefix, views, visitors in cursor.fetchall()
                if prefix in ids_by_path
            )
    return rows


def rollup_month(month: date) -> None:
    """Recompute a month's per-page totals from its days."""
    end = next_month(month)
    PageMonth.objects.filter(month=month).delete()
    PageMonth.objects.bulk_create(
        PageMonth(month=month, page_id=row["page_id"], views=row["views"], visitors=row["visitors"])
        for row in PageDay.objects.filter(day__gte=month, day__lt=end)
        .values("page_id")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
        .order_by()
    )


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def forget_hashes(state: RollupState, keep_from: date) -> date | None:
    """Delete salts older than `keep_from` and clear their (already rolled up) hashes."""
    DailySalt.objects.filter(day__lt=keep_from).delete()
    through = keep_from - timedelta(days=1)
    hashed = Hit.objects.filter(day__lte=through, visitor__isnull=False)
    if state.forgotten_through:
        hashed = hashed.filter(day__gt=state.forgotten_through)
    hashed.update(visitor=None)
    state.forgotten_through = max(filter(None, [state.forgotten_through, through]))
    return state.forgotten_through


def purge_hits(today: date | None = None, retention_days: int | None = None) -> int:
    """Delete raw hits (and display-mode hits) older than the retention; rollups are kept."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=retention_days or setting("RETENTION_DAYS"))
    deleted, _ = Hit.objects.filter(day__lt=cutoff).delete()
    DisplayModeHit.objects.filter(day__lt=cutoff).delete()
    return deleted


def rollup_backfill(days: Iterable[date], forget: bool = True) -> None:
    """Roll up given past days (imported or generated hits), then clear their hashes.

    Used by `analytics_generate`; the regular rollup skips days whose hashes are already gone.
    """
    days = sorted(set(days))
    with transaction.atomic():
        state = locked_state()
        sections = report_sections()
        for day in days:
            rollup_day(day, sections)
        for month in sorted({day.replace(day=1) for day in days}):
            rollup_month(month)
        state.last_hit_id = Hit.objects.aggregate(newest=Max("id"))["newest"] or 0
        state.save()
        yesterday = timezone.localdate() - timedelta(days=1)
        if forget:
            Hit.objects.filter(day__in=[d for d in days if d < yesterday]).exclude(
                visitor__isnull=True
            ).update(visitor=None)
