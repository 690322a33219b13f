"""Bulk import of document metadata from CSV or XLSX: all rows or none, every error with its line.

The legal department keeps its register in a spreadsheet; importing it must never leave half a
register online. Every row is checked first (required fields, dates, lists, duplicates in the
file and in the library); one error anywhere and nothing is written. A dry run stops there.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from documents.keys import search_key, unaccent

COLUMNS = [
    "number",
    "title",
    "summary",
    "type",
    "issuer",
    "field",
    "signer",
    "signer_position",
    "issued_on",
    "effective_from",
    "expires_on",
]
REQUIRED = {"title", "summary", "type", "issuer", "issued_on", "effective_from"}
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")


class ImportFailed(Exception):
    """The file cannot be imported; `errors` lists every problem found."""

    def __init__(self, errors: list["RowError"]) -> None:
        super().__init__(f"{len(errors)} lỗi")
        self.errors = errors


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.line}" + (f", cột {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    rows: int = 0
    created: list[Any] = field(default_factory=list)
    dry_run: bool = False


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, {column: value}) for each non-empty data row; line 1 is the header."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).active
        except Exception as error:  # openpyxl raises many types for a damaged file
            raise ImportFailed([RowError(0, "", f"Không đọc được tệp XLSX: {error}")]) from error
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    elif suffix == ".csv":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFailed([RowError(0, "", "Tệp CSV phải mã hóa UTF-8.")]) from error
        rows = list(csv.reader(io.StringIO(text)))
    else:
        raise ImportFailed([RowError(0, "", "Chỉ nhận tệp .csv hoặc .xlsx.")])
    if not rows:
        raise ImportFailed([RowError(1, "", "Tệp trống: dòng 1 phải là tên các cột.")])
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    missing = REQUIRED - set(header)
    unknown = [name for name in header if name and name not in COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append("thiếu cột " + ", ".join(sorted(missing)))
        if unknown:
            problems.append("cột không dùng được " + ", ".join(unknown))
        raise ImportFailed([RowError(1, "", "; ".join(problems) + ".")])
    found = []
    for number, row in enumerate(rows[1:], start=2):
        values = {name: row[i] if i < len(row) else None for i, name in enumerate(header) if name}
        if any(str(v).strip() for v in values.values() if v is not None):
            found.append((number, values))
    return found


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError


class _Lists:
    """The snippet lists, matched by slug or by name (without diacritics, any case)."""

    def __init__(self) -> None:
        from documents.models import DocumentField, DocumentType, IssuingBody

        self.models = {"type": DocumentType, "issuer": IssuingBody, "field": DocumentField}
        self.items = {name: list(model.objects.all()) for name, model in self.models.items()}

    def find(self, name: str, value: str) -> Any:
        wanted = unaccent(value).strip()
        for item in self.items[name]:
            if wanted in (item.slug, unaccent(item.name), unaccent(item.name_en)):
                return item
        return None


def check_row(
    line: int, values: dict[str, Any], lists: _Lists
) -> tuple[dict[str, Any], list[RowError]]:
    errors: list[RowError] = []
    data: dict[str, Any] = {}
    for name in ("number", "title", "summary", "signer", "signer_position"):
        data[name] = _text(values.get(name))
    for name in REQUIRED & {"title", "summary"}:
        if not data[name]:
            errors.append(RowError(line, name, "bắt buộc, đang để trống."))
    for name in ("type", "issuer", "field"):
        raw = _text(values.get(name))
        if not raw:
            if name in REQUIRED:
                errors.append(RowError(line, name, "bắt buộc, đang để trống."))
            data[name] = None
            continue
        data[name] = lists.find(name, raw)
        if data[name] is None:
            known = ", ".join(item.slug for item in lists.items[name])
            errors.append(RowError(line, name, f"không có “{raw}” trong danh sách ({known})."))
    for name in ("issued_on", "effective_from", "expires_on"):
        try:
            data[name] = _date(values.get(name))
        except ValueError:
            errors.append(
                RowError(line, name, f"ngày “{_text(values.get(name))}” không hợp lệ (dd/mm/yyyy).")
            )
            data[name] = None
        if data[name] is None and name in REQUIRED and not any(e.column == name for e in errors):
            errors.append(RowError(line, name, "bắt buộc, đang để trống."))
    if data.get("expires_on") and data.get("issued_on") and data["expires_on"] < data["issued_on"]:
        errors.append(RowError(line, "expires_on", "ngày hết hiệu lực trước ngày ban hành."))
    return data, errors


def _page(data: dict[str, Any]) -> Any:
    from documents.models import LegalDocumentPage

    return LegalDocumentPage(
        title=data["title"],
        number=data["number"],
        lead=data["summary"],
        document_type=data["type"],
        issuer=data["issuer"],
        field=data["field"],
        signer=data["signer"],
        signer_position=data["signer_position"],
        issued_on=data["issued_on"],
        effective_from=data["effective_from"],
        expires_on=data["expires_on"],
    )


def import_documents(
    path: Path, index: Any, dry_run: bool = False, publish: bool = False
) -> ImportResult:
    """Check every row, then create every document in one transaction (or none)."""
    rows = read_rows(path)
    lists = _Lists()
    errors: list[RowError] = []
    checked: list[tuple[int, dict[str, Any]]] = []
    seen: dict[tuple[str, int], int] = {}
    for line, values in rows:
        data, row_errors = check_row(line, values, lists)
        errors += row_errors
        key = (search_key(data["number"]), getattr(data["issuer"], "pk", 0))
        if data["number"] and key in seen:
            errors.append(
                RowError(line, "number", f"trùng số, ký hiệu và cơ quan với dòng {seen[key]}.")
            )
        elif data["number"]:
            seen[key] = line
        checked.append((line, data))
    if errors:
        raise ImportFailed(errors)
    result = ImportResult(rows=len(checked), dry_run=dry_run)
    with transaction.atomic():
        for line, data in checked:
            page = _page(data)
            page.locale_id = index.locale_id
            page.live = False
            try:
                # Wagtail validates the page on save (dates, duplicates in the library: the model's clean).
                index.add_child(instance=page)
                revision = page.save_revision()
                if publish:
                    revision.publish()
            except ValidationError as error:
                for column, messages in error.message_dict.items():
                    errors += [RowError(line, column, m) for m in messages]
                continue
            result.created.append(page)
            index.refresh_from_db()
        if errors:
            transaction.set_rollback(True)
            raise ImportFailed(errors)
        if dry_run:
            transaction.set_rollback(True)
    return result
