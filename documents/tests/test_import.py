"""import_documents: a dry run writes nothing; one bad row anywhere and no row is imported."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from documents.models import LegalDocumentPage

pytestmark = pytest.mark.django_db

HEADER = "number,title,summary,type,issuer,field,signer,signer_position,issued_on,effective_from,expires_on"
GOOD = [
    "15/2020/NĐ-CP,Nghị định xử phạt,Quy định xử phạt vi phạm,nghi-dinh,chinh-phu,chuyen-doi-so,Nguyễn Văn An,Thủ tướng,03/02/2020,15/04/2020,",
    "02/2021/TT-BTTTT,Thông tư hướng dẫn,Hướng dẫn chi tiết,Thông tư,Bộ,,,,2021-01-05,2021-03-01,",
]


def _csv(tmp_path, *rows: str):
    path = tmp_path / "van-ban.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _run(path, *args):
    call_command(
        "import_documents",
        str(path),
        *args,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def test_dry_run_checks_everything_and_writes_nothing(tmp_path, index):
    _run(_csv(tmp_path, *GOOD), "--dry-run")
    assert not LegalDocumentPage.objects.exists()


def test_good_file_imports_drafts_for_the_workflow(tmp_path, index):
    _run(_csv(tmp_path, *GOOD))
    pages = LegalDocumentPage.objects.order_by("issued_on")
    assert [p.number for p in pages] == ["15/2020/NĐ-CP", "02/2021/TT-BTTTT"]
    assert not any(p.live for p in pages)
    assert pages[1].document_type.slug == "thong-tu"  # found by its Vietnamese name


def test_one_bad_row_and_nothing_is_imported_with_line_and_column(tmp_path, index, capsys):
    bad = [
        *GOOD,
        "16/2020/NĐ-CP,Sai ngày,Trích yếu,nghi-dinh,chinh-phu,,,,31/02/2020,01/03/2020,",
        "17/2020/NĐ-CP,Không có loại,Trích yếu,quyet-dinh-la,chinh-phu,,,,01/02/2020,01/03/2020,",
        "15/2020/ND-CP,Trùng số,Trích yếu,nghi-dinh,chinh-phu,,,,01/02/2020,01/03/2020,",
        "18/2020/NĐ-CP,Hết trước ban hành,Trích yếu,nghi-dinh,chinh-phu,,,,01/02/2020,01/03/2020,01/01/2019",
    ]
    with pytest.raises(CommandError, match="Không nhập văn bản nào"):
        call_command("import_documents", str(_csv(tmp_path, *bad)))
    errors = capsys.readouterr().err
    assert "Dòng 4, cột issued_on" in errors
    assert "Dòng 5, cột type" in errors
    assert "Dòng 6, cột number: trùng số, ký hiệu và cơ quan với dòng 2" in errors
    assert "Dòng 7, cột expires_on" in errors
    assert not LegalDocumentPage.objects.exists()


def test_duplicate_of_a_document_already_in_the_library_rolls_back_the_whole_file(tmp_path, index):
    _run(_csv(tmp_path, GOOD[0]), "--publish")
    with pytest.raises(CommandError):
        call_command(
            "import_documents", str(_csv(tmp_path, GOOD[1], GOOD[0])), stderr=io.StringIO()
        )
    assert LegalDocumentPage.objects.count() == 1


def test_xlsx_with_real_dates_imports(tmp_path, index):
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "5/2024/QĐ-BTTTT",
            "Quyết định",
            "Trích yếu",
            "nghi-dinh",
            "bo",
            None,
            None,
            None,
            datetime(2024, 5, 2),
            datetime(2024, 5, 2),
            None,
        ]
    )
    path = tmp_path / "van-ban.xlsx"
    book.save(path)
    _run(path, "--publish")
    page = LegalDocumentPage.objects.get()
    assert page.live and str(page.issued_on) == "2024-05-02"


def test_missing_columns_and_wrong_format_are_reported(tmp_path, index):
    path = tmp_path / "x.csv"
    path.write_text("number,title\n1,a\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_documents", str(path), stderr=io.StringIO())
    other = tmp_path / "x.txt"
    other.write_text("x")
    with pytest.raises(CommandError):
        call_command("import_documents", str(other), stderr=io.StringIO())
