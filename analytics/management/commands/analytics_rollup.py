from django.core.management.base import BaseCommand

from analytics.rollup import run_rollup


class Command(BaseCommand):
    help = "Fold new visit hits into daily rollups and forget expired visitor hashes (idempotent)."

    def handle(self, *args, **options):
        result = run_rollup()
        days = ", ".join(day.isoformat() for day in result.days)
        self.stdout.write(
            f"Rolled up: {days}. Hashes forgotten through {result.forgotten_through}."
        )
