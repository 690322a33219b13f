from django.core.management.base import BaseCommand

from analytics.conf import setting
from analytics.rollup import purge_hits


class Command(BaseCommand):
    help = "Delete raw visit hits older than ANALYTICS['RETENTION_DAYS']; rollups stay."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override the retention in days."
        )

    def handle(self, *args, **options):
        days = options["days"] or setting("RETENTION_DAYS")
        deleted = purge_hits(retention_days=days)
        self.stdout.write(f"Deleted {deleted} hits older than {days} days.")
