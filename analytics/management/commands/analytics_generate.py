import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError

from analytics.rollup import rollup_backfill
from analytics.synthetic import generate_hits


class Command(BaseCommand):
    help = (
        "Insert synthetic visit hits (for benchmarks and demos) over past days, then roll them "
        "up. Use a database of its own: the hits look like real ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hits", type=int, required=True)
        parser.add_argument("--days", type=int, default=400, help="Spread over this many days.")
        parser.add_argument(
            "--end", type=date.fromisoformat, default=None, help="Last day (default: yesterday)."
        )
        parser.add_argument("--no-rollup", action="store_true")

    def handle(self, *args, **options):
        if options["hits"] <= 0 or options["days"] <= 0:
            raise CommandError("--hits and --days must be positive.")
        end = options["end"] or date.today() - timedelta(days=1)
        first = end - timedelta(days=options["days"] - 1)
        started = time.perf_counter()
        try:
            generate_hits(options["hits"], first, options["days"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{options['hits']} hits, {first} to {end}: {time.perf_counter() - started:.1f} s."
        )
        if not options["no_rollup"]:
            started = time.perf_counter()
            rollup_backfill(first + timedelta(days=n) for n in range(options["days"]))
            self.stdout.write(f"Rolled up in {time.perf_counter() - started:.1f} s.")
