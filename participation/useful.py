"""The share of "useful" votes: per report section and period (visits report), per page (side panel).

Sections follow the current tree as the visit report does: votes are grouped by the tree-path
prefix of their page, one grouped query per section depth, so moving a page moves its votes.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils import timezone

from analytics.sections import STEPLEN, Section, paths_by_depth

from .models import UsefulVote


@dataclass
class UsefulShare:
    yes: int = 0
    total: int = 0

    @property
    def percent(self) -> float | None:
        return round(self.yes * 100 / self.total, 1) if self.total else None


def section_useful_shares(
    sections: list[Section], start: date, end: date
) -> dict[int, UsefulShare]:
    """{section page id: votes in [start, end]} for every section (zeros included)."""
    shares = {section.page_id: UsefulShare() for section in sections}
    for depth, ids_by_path in paths_by_depth(sections).items():
        grouped = (
            UsefulVote.objects.filter(day__gte=start, day__lte=end, page__depth__gte=depth)
            .annotate(prefix=Substr("page__path", 1, depth * STEPLEN))
            .filter(prefix__in=list(ids_by_path))
            .values("prefix")
            .annotate(yes=Count("pk", filter=Q(useful=True)), total=Count("pk"))
            .order_by()
        )
        for row in grouped:
            share = shares[ids_by_path[row["prefix"]]]
            share.yes, share.total = row["yes"], row["total"]
    return shares


def page_useful_figures(page_id: int, today: date | None = None) -> dict:
    """This month's and last month's votes on one page (one query)."""
    today = today or timezone.localdate()
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    counts = UsefulVote.objects.filter(page_id=page_id, day__gte=last_month).aggregate(
        this_yes=Count("pk", filter=Q(day__gte=this_month, useful=True)),
        this_total=Count("pk", filter=Q(day__gte=this_month)),
        last_yes=Count("pk", filter=Q(day__lt=this_month, useful=True)),
        last_total=Count("pk", filter=Q(day__lt=this_month)),
    )
    return {
        "this_month_start": this_month,
        "last_month_start": last_month,
        "this_month": UsefulShare(counts["this_yes"], counts["this_total"]),
        "last_month": UsefulShare(counts["last_yes"], counts["last_total"]),
    }
