"""EXPLAIN ANALYZE of the related-stories query for the worst cases of the corpus (PostgreSQL).

    DATABASE_URL=postgres://... python -m bench.related_plans [--record]

The cases: the newest article, an article without tags, an English article (rare tags, the
smallest section), and the oldest article with three tags each shared by ~24,000 articles. With --record the plans go to docs/performance.md's "Related stories: plans" section.
"""

from __future__ import annotations

import argparse
import os
import re
import time

SUMMARY = re.compile(r"Scan .* on |Index Cond|Rows Removed|Planning Time|Execution Time")


def cases() -> list[tuple[str, object]]:
    from django.db.models import Count

    from news.models import ArticlePage

    live = ArticlePage.objects.live()
    annotated = live.annotate(n_tags=Count("tagged_items"))
    picked = [
        ("newest article", live.order_by("-first_published_at", "-pk").first()),
        ("article without tags", annotated.filter(n_tags=0).order_by("pk").first()),
        (
            "English article (rare tags, 45-article section)",
            annotated.filter(locale__language_code="en", n_tags__gt=0).order_by("pk").first(),
        ),
        ("oldest article, three common tags", annotated.filter(n_tags=3).order_by("pk").first()),
    ]
    return [(name, article) for name, article in picked if article is not None]


def plan(article: object) -> tuple[str, str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from news.related import suggested_articles

    suggested_articles(article, 4)  # warm
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            suggested_articles(article, 4)
        timings.append((time.perf_counter() - started) * 1000)
    elapsed = sorted(timings)[2]
    sql = queries.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
        return sql, "\n".join(row[0] for row in cursor.fetchall()), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("PORTAL_PROCESS", "command")
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from news.models import ArticlePage

    total = ArticlePage.objects.count()
    parts = [
        "## Related stories: plans",
        "",
        f"`python -m bench.related_plans --record` at {total:,} articles, "
        f"{timezone.now():%Y-%m-%d %H:%M UTC}, load average {os.getloadavg()[0]:.2f} "
        "(a shared 2-core machine). Time in Django: median of five warm calls (planning, execution, "
        "building the four pages).",
    ]
    sql_shown = False
    for name, article in cases():
        sql, text, elapsed = plan(article)
        tags = article.tags.count()
        execution = [line for line in text.splitlines() if "Execution Time" in line]
        print(f"{name}: {article.pk} ({tags} tags) {elapsed:.1f} ms; {execution}")
        parts += [
            "",
            f"### {name} (page {article.pk}, {tags} tags): {elapsed:.1f} ms in Django",
            "",
        ]
        if not sql_shown:
            parts += ["```sql", sql, "```", ""]
            sql_shown = True
        if tags >= 3:  # the worst case in full; the others' scans and times
            parts += ["```", text, "```"]
        else:
            kept = [line.strip() for line in text.splitlines() if SUMMARY.search(line)]
            parts += ["```", *dict.fromkeys(kept), "```"]
    if args.record and connection.vendor == "postgresql":
        from bench.record import write_section

        write_section("related-plans", "\n".join(parts), document="performance.md")


if __name__ == "__main__":
    main()
