import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from analytics.exports import BASIC_COLUMNS, COLUMNS, to_csv, to_xlsx
from analytics.report import Period, section_rows


def parse_month(value: str) -> date:
    try:
        year, month = value.split("-")
        return date(int(year), int(month), 1)
    except ValueError as error:
        raise CommandError(f"--month must be YYYY-MM, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Print the per-section visit table of a month (section path, title, page views, visitors)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument(
            "--full", action="store_true", help="Add comparisons and targets to the four columns."
        )

    def handle(self, *args, **options):
        month = parse_month(options["month"])
        rows = section_rows(Period.month(month))
        columns = COLUMNS if options["full"] else BASIC_COLUMNS
        if options["format"] == "xlsx":
            sys.stdout.buffer.write(to_xlsx(rows, month.strftime("%Y-%m"), columns))
        else:
            self.stdout.write(to_csv(rows, columns), ending="")
