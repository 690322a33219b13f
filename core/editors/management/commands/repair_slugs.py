"""manage.py repair_slugs [--dry-run]: pages whose slug lost đ get their Vietnamese slug."""

from django.core.management.base import BaseCommand

from core.editors.slug_repair import repair_slugs


class Command(BaseCommand):
    help = "Sửa đường dẫn (slug) bị mất chữ đ; đường dẫn cũ được chuyển hướng sang đường dẫn mới."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không sửa.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        repairs = repair_slugs(dry_run=dry_run)
        for repair in repairs:
            self.stdout.write(f"{repair.page_id}: {repair.old} -> {repair.new}")
        verb = "cần sửa" if dry_run else "đã sửa"
        self.stdout.write(f"{len(repairs)} trang {verb}.")
