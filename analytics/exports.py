"""The per-section table as CSV or XLSX: the same columns for the admin export and the command."""

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook

from .report import SectionRow

COLUMNS = [
    "section_path",
    "section_title",
    "page_views",
    "visitors",
    "previous_page_views",
    "change_previous_pct",
    "last_year_page_views",
    "change_last_year_pct",
    "target_page_views",
    "target_reached_pct",
    "useful_votes",
    "useful_pct",
]


# The command's default: what cron jobs and checks read.
BASIC_COLUMNS = COLUMNS[:4]


def table(rows: Iterable[SectionRow], width: int = len(COLUMNS)) -> list[list]:
    return [
        [
            row.section.url_path,
            row.section.title,
            row.current.views,
            row.current.visitors,
            row.previous.views,
            row.change_previous,
            row.last_year.views,
            row.change_last_year,
            row.target,
            row.target_reached,
            row.useful.total if row.useful else None,
            row.useful.percent if row.useful else None,
        ][:width]
        for row in rows
    ]


def to_csv(rows: Iterable[SectionRow], columns: list[str] = COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(
        ["" if cell is None else cell for cell in line] for line in table(rows, len(columns))
    )
    return buffer.getvalue()


def to_xlsx(rows: Iterable[SectionRow], title: str, columns: list[str] = COLUMNS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(columns)
    for line in table(rows, len(columns)):
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
