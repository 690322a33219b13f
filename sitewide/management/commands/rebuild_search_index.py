"""Fill the ranked site search index from every live searchable page (after migrating, or to repair)."""

from typing import Any

from django.core.management.base import BaseCommand

from sitewide.search.index import rebuild


class Command(BaseCommand):
    help = "Lập lại chỉ mục tìm kiếm của cổng từ mọi trang đang xuất bản."

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(model: Any, done: int, total: int) -> None:
            if options["verbosity"] > 1 or done == total:
                self.stdout.write(f"{model._meta.label}: {done}/{total}")

        written = rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {written} mục chỉ mục tìm kiếm."))
