"""Synthetic hits for the benchmarks: set-based SQL on PostgreSQL, small batches elsewhere."""

import random
from datetime import date, timedelta

from django.db import connection
from wagtail.models import Page

from .models import Hit, Reason

CHUNK = 2_000_000


def live_page_ids() -> list[int]:
    return list(Page.objects.live().filter(depth__gt=2).order_by("id").values_list("id", flat=True))


def generate_hits(hits: int, first_day: date, days: int, excluded_share: float = 0.03) -> None:
    """Insert `hits` counted hits spread evenly over `days` days from `first_day`, day by day.

    Rows are written in day order, as real traffic is, so a day's hits sit together on disk.

    Pages are drawn with a long tail (a few pages get most views, as on a news site), visitors
    from a pool of about half the day's views, plus `excluded_share` excluded hits.
    """
    page_ids = live_page_ids()
    if not page_ids:
        raise ValueError("No live pages to attach hits to: seed the demo content first.")
    per_day = max(hits // days, 1)
    if connection.vendor == "postgresql":
        _generate_postgresql(hits, first_day, days, page_ids, per_day, excluded_share)
    else:
        _generate_python(hits, first_day, days, page_ids, per_day, excluded_share)


def _generate_postgresql(hits, first_day, days, page_ids, per_day, excluded_share) -> None:
    with connection.cursor() as cursor:
        for start in range(0, hits, CHUNK):
            stop = min(start + CHUNK, hits)
            cursor.execute(
                """
                INSERT INTO analytics_hit (day, page_id, reason, visitor, referrer_host)
                SELECT %(first)s::date + (g::bigint * %(days)s / %(hits)s)::int,
                       (%(ids)s::int[])[1 + floor(power(random(), 3) * %(n)s)::int],
                       0, floor(random() * %(pool)s)::bigint, ''
                FROM generate_series(%(start)s, %(stop)s - 1) AS g
                """,
                {
                    "first": first_day,
                    "days": days,
                    "ids": page_ids,
                    "n": len(page_ids),
                    "pool": max(per_day // 2, 1),
                    "start": start,
                    "stop": stop,
                    "hits": hits,
                },
            )
        excluded = int(hits * excluded_share)
        if not excluded:
            return
        cursor.execute(
            """
            INSERT INTO analytics_hit (day, page_id, reason, visitor, referrer_host)
            SELECT %(first)s::date + (g::bigint * %(days)s / %(excluded)s)::int, NULL, 1 + (g %% 9), NULL, ''
            FROM generate_series(0, %(excluded)s - 1) AS g
            """,
            {"first": first_day, "days": days, "excluded": excluded},
        )


def _generate_python(hits, first_day, days, page_ids, per_day, excluded_share) -> None:
    rng = random.Random(hits)
    pool = max(per_day // 2, 1)
    batch = []
    for number in range(hits):
        batch.append(
            Hit(
                day=first_day + timedelta(days=number * days // hits),
                page_id=page_ids[int(rng.random() ** 3 * len(page_ids))],
                visitor=rng.randrange(pool),
            )
        )
        if len(batch) == 5000:
            Hit.objects.bulk_create(batch)
            batch = []
    excluded = int(hits * excluded_share)
    batch.extend(
        Hit(day=first_day + timedelta(days=n * days // excluded), reason=Reason(1 + n % 9))
        for n in range(excluded)
    )
    Hit.objects.bulk_create(batch)


def delete_hits_between(first_day: date, last_day: date) -> int:
    """One DELETE statement: the ORM's delete() may load every row when delete signals exist."""
    return Hit.objects.filter(day__gte=first_day, day__lte=last_day)._raw_delete(using="default")
