"""Benchmarks of visit analytics: ingestion under gunicorn, the beacon's cost, rollups, report."""

import time
from datetime import date

from django.core.management.base import BaseCommand
from django.db import connection

from analytics import bench
from portal.benchmarks import write_section

# Synthetic data lives in a past range no real report asks about, and is deleted afterwards.
LAST_DAY = date(2001, 12, 31)
ROLLUP_DAY = date(2002, 1, 15)


class Command(BaseCommand):
    help = (
        "Measure analytics (ingest rate, beacon cost, rollups, monthly report); record the figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quick", action="store_true", help="Tiny sizes: seconds, for CI.")
        parser.add_argument("--hits", type=int, default=None, help="Synthetic hits for the report.")
        parser.add_argument(
            "--day-hits", type=int, default=None, help="Hits in the one-day rollup."
        )
        parser.add_argument("--duration", type=int, default=None, help="Seconds of load (wrk).")
        parser.add_argument("--keep", action="store_true", help="Keep the synthetic hits.")
        parser.add_argument("--no-record", action="store_true", help="Print only.")

    def handle(self, *args, **options):
        quick = options["quick"]
        hits = options["hits"] or (20_000 if quick else 20_000_000)
        day_hits = options["day_hits"] or (7_000 if quick else 700_000)
        duration = options["duration"] or (3 if quick else 20)
        log = self.stderr.write

        log("1/3 ingestion through gunicorn ...")
        ingests = [
            bench.ingest(duration=duration, log=log, entry=entry)
            for entry in ("portal.wsgi:application", "portal.wsgi:django_application")
        ]
        log("2/3 the beacon's cost on a page ...")
        beacon = bench.beacon_cost(requests=5 if quick else 40)
        log(f"3/3 {hits} synthetic hits, rollups and the monthly report ...")
        report = bench.report_and_rollups(
            hits, day_hits, LAST_DAY, ROLLUP_DAY, keep=options["keep"], log=log
        )

        markdown = self.markdown(quick, hits, day_hits, ingests, beacon, report)
        self.stdout.write(markdown)
        if not options["no_record"]:
            write_section("analytics", markdown)

    def markdown(self, quick, hits, day_hits, ingests, beacon, report) -> str:
        mode = " (--quick: tiny sizes, not the targets' sizes)" if quick else ""
        database = f"{connection.vendor} ({connection.settings_dict['NAME']})"
        lines = [
            "## Visit analytics",
            "",
            f"`python manage.py analytics_bench{' --quick' if quick else ''}` on {database}, "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}{mode}.",
            "",
            "| Measure | Result | Target |",
            "|---|---|---|",
            *self.ingest_rows(ingests),
            f"| Queries made by the beacon include | **{beacon['include_queries']}** | 0 |",
            f"| Render time of the beacon include (median) | {beacon['include_ms']:.3f} ms | — |",
            f"| A whole article page, for scale (in-process, page cache off, median of "
            f"{beacon['requests']}) | {beacon['page_ms']:.1f} ms | |",
            f"| Synthetic hits generated (set-based SQL) | {hits:,} in "
            f"{_seconds(report['generate_s'])} | |",
            f"| Backfill rollup of those hits ({report['days']} days) | "
            f"{_seconds(report['backfill_s'])} | |",
            f"| Monthly report from rollups (all sections, vs previous month and last year; "
            f"median of 5) | **{report['report_ms']:.0f} ms** | < 250 ms |",
            f"| Date-range report (20 days, from daily rollups; median of 5) | "
            f"{report['range_report_ms']:.0f} ms | |",
            f"| One day's rollup of {day_hits:,} hits | **{report['day_rollup_s']:.2f} s** "
            f"| < 10 s |",
            f"| Forgetting that day's visitor hashes (UPDATE to NULL) | "
            f"{report['forget_s']:.2f} s | |",
            "",
            f"Pages carrying hits: {report['pages']:,} live pages; sections in the report: "
            f"{report['sections']}. Monthly report rows read: {report['month_rows']:,} page-month "
            "rollups (+ the previous month and the same month last year).",
        ]
        return "\n".join(lines) + "\n"

    @staticmethod
    def ingest_rows(ingests) -> list[str]:
        rows = []
        for ingest in ingests:
            where = f"`{ingest['entry']}`, {ingest['workers']} gunicorn workers"
            rows += [
                f"| Hits ingested per second ({where}, wrk {ingest['connections']} connections, "
                f"{ingest['seconds']:.0f} s) | **{ingest['rate']:,.0f}/s** | ≥ 1,000/s |",
                f"| ↳ answered 2xx / rows stored / lost | {ingest['accepted']:,} / "
                f"{ingest['rows']:,} / **{ingest['lost']}** | 0 lost |",
                f"| ↳ latency p50 / p99 (wrk) | {ingest['p50_ms']:.1f} ms / "
                f"{ingest['p99_ms']:.1f} ms | |",
            ]
        return rows


def _seconds(value: float | None) -> str:
    return "reused from a kept earlier run" if value is None else f"{value:.1f} s"
