"""`python manage.py import_documents FILE [--dry-run] [--publish]`: a register of documents, all or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.importer import COLUMNS, ImportFailed, import_documents


class Command(BaseCommand):
    help = (
        "Nhập thông tin văn bản từ tệp CSV hoặc XLSX (dòng 1 là tên cột: "
        + ", ".join(COLUMNS)
        + "). Có lỗi ở bất kỳ dòng nào thì không nhập dòng nào."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Tệp .csv (UTF-8) hoặc .xlsx.")
        parser.add_argument(
            "--index",
            help="Địa chỉ trang văn bản nhận văn bản, ví dụ /van-ban/ (mặc định: trang văn bản tiếng Việt đầu tiên).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Xuất bản ngay (mặc định: lưu nháp để gửi duyệt theo quy trình).",
        )

    def handle(self, *args, file: Path, index: str | None, dry_run: bool, publish: bool, **options):
        if not file.exists():
            raise CommandError(f"Không có tệp {file}.")
        target = self._index(index)
        try:
            result = import_documents(file, target, dry_run=dry_run, publish=publish)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"Không nhập văn bản nào: {len(failure.errors)} lỗi cần sửa trong tệp."
            ) from failure
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS(f"Kiểm tra xong: {result.rows} dòng hợp lệ, chưa ghi gì.")
            )
        else:
            state = "đã xuất bản" if publish else "lưu nháp"
            self.stdout.write(
                self.style.SUCCESS(f"Đã nhập {len(result.created)} văn bản ({state}).")
            )

    def _index(self, url_path: str | None):
        from documents.models import DocumentIndexPage

        indexes = DocumentIndexPage.objects.order_by("path")
        if url_path:
            wanted = "/" + url_path.strip("/") + "/"
            found = [page for page in indexes if page.url_path.endswith(wanted)]
            if len(found) != 1:
                raise CommandError(
                    f"Không tìm thấy (đúng một) trang văn bản có địa chỉ {url_path}."
                )
            return found[0]
        index = indexes.filter(locale__language_code="vi").first() or indexes.first()
        if index is None:
            raise CommandError("Chưa có trang văn bản nào: hãy tạo trang Văn bản trước.")
        return index
