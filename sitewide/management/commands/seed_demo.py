"""`python manage.py seed_demo --articles N`: the demo portal, at any scale up to 120,000 articles."""

import time

from django.core.management.base import BaseCommand, CommandError

from sitewide.demo import seed


class Command(BaseCommand):
    help = "Tạo nội dung mẫu (chạy lại không tạo trùng). / Builds the demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=300, help="Số bài viết mẫu cần có (mặc định 300)."
        )
        parser.add_argument(
            "--media", type=int, default=10, help="Số sản phẩm đa phương tiện mẫu cần có."
        )
        parser.add_argument(
            "--documents",
            type=int,
            default=0,
            help="Số văn bản cần có trong thư viện văn bản (luôn có ít nhất 63 văn bản soạn sẵn).",
        )

    def handle(self, *args, articles: int, media: int, documents: int = 0, **options):
        if articles < 0 or media < 0 or documents < 0:
            raise CommandError("--articles, --media và --documents phải là số không âm.")
        started = time.perf_counter()
        last_report = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if done == total or now - last_report[0] > 2:
                last_report[0] = now
                rate = done / max(now - started, 1e-6)
                self.stdout.write(f"  {done}/{total} bài ({rate:.0f} bài/giây)")

        seed(
            articles=articles,
            media=media,
            log=self.stdout.write,
            progress=progress,
            documents=documents,
        )
        self.stdout.write(self.style.SUCCESS(f"Xong sau {time.perf_counter() - started:.1f} giây."))
