"""Benchmarks of visit analytics: ingestion under gunicorn, the beacon's cost, rollups, report.

    python -m bench.analytics [--quick] [--ingest-only --runs N] [--no-record] ...

A management command's shape (arguments, output), run by `make bench` and by hand, but outside
the installed apps: production code does not ship its benchmarks.
"""

import os
import sys
import time
from datetime import date

from django.core.management.base import BaseCommand
from django.db import connection

from bench.record import write_section

# Synthetic data lives in a past range no real report asks about, and is deleted afterwards.
LAST_DAY = date(2001, 12, 31)
ROLLUP_DAY = date(2002, 1, 15)
# gunicorn's entry point (the beacon answered on the fast path), and the whole Django stack.
FAST_PATH = "portal.wsgi:application"
FULL_STACK = "portal.wsgi:django_application"


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
        parser.add_argument(
            "--ingest-only",
            action="store_true",
            help="Only the ingestion runs (a few minutes), recorded in their own section.",
        )
        parser.add_argument(
            "--runs", type=int, default=2, help="With --ingest-only: runs of the fast path."
        )

    def handle(self, *args, **options):
        from bench import analytics_measures as measures  # models: after django.setup()

        quick = options["quick"]
        hits = options["hits"] or (20_000 if quick else 20_000_000)
        day_hits = options["day_hits"] or (7_000 if quick else 700_000)
        duration = options["duration"] or (3 if quick else 20)
        log = self.stderr.write

        if options["ingest_only"]:
            self.ingest_only(duration, options["runs"], options["no_record"], log)
            return

        log("1/3 ingestion through gunicorn ...")
        ingests = [
            measures.ingest(duration=duration, log=log, entry=entry)
            for entry in (FAST_PATH, FULL_STACK)
        ]
        log("2/3 the beacon's cost on a page ...")
        beacon = measures.beacon_cost(requests=5 if quick else 40)
        log(f"3/3 {hits} synthetic hits, rollups and the monthly report ...")
        report = measures.report_and_rollups(
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
            f"`python -m bench.analytics{' --quick' if quick else ''}` on {database}, "
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

    def ingest_only(self, duration: int, runs: int, no_record: bool, log) -> None:
        """Runs of the fast path (all reported, best stated) and one of the full stack."""
        from bench import analytics_measures as measures

        idle = measures.idle_share()  # was the machine quiet?
        quiet = "unknown" if idle is None else f"{idle:.0%} idle over 2 s"
        ingests = []
        for run in range(1, runs + 1):
            log(f"fast path, run {run}/{runs} ...")
            ingests.append(measures.ingest(duration=duration, log=log, entry=FAST_PATH))
        log("full Django stack, for comparison ...")
        ingests.append(measures.ingest(duration=duration, log=log, entry=FULL_STACK))
        fast = [ingest for ingest in ingests if ingest["entry"] == FAST_PATH]
        best = max(fast, key=lambda ingest: ingest["rate"])
        database = f"{connection.vendor} ({connection.settings_dict['NAME']})"
        markdown = "\n".join(
            [
                "## Visit analytics: ingestion",
                "",
                f"`python -m bench.analytics --ingest-only --runs {runs}` on {database}, "
                f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} CPUs "
                f"shared by gunicorn, PostgreSQL, Redis and wrk (CPUs before the runs: {quiet}). "
                "gunicorn runs `scripts/gunicorn.conf.py` as production does; wrk opens a TCP "
                "connection per hit, as nginx does towards gunicorn.",
                "",
                "| Measure | Result | Target |",
                "|---|---|---|",
                *self.ingest_rows(ingests),
                "",
                f"Best of {len(fast)} runs of the fast path: **{best['rate']:,.0f} hits/s**, "
                f"{best['lost']} lost, {best['errors']} errors (all runs: "
                + "; ".join(
                    f"{i['rate']:,.0f}/s, {i['lost']} lost, {i['errors']} errors" for i in fast
                )
                + ").",
            ]
        )
        self.stdout.write(markdown)
        if not no_record:
            write_section("analytics-ingest", markdown)

    @staticmethod
    def ingest_rows(ingests) -> list[str]:
        rows = []
        for ingest in ingests:
            where = (
                f"`{ingest['entry']}`, gunicorn {ingest['workers']} {ingest['worker_class']} "
                f"workers × {ingest['threads']} threads"
            )
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


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("PORTAL_PROCESS", "command")
    import django

    django.setup()
    from django.core.management import call_command

    call_command(Command(), *(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    main()
