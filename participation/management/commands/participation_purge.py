"""`python manage.py participation_purge`: erase citizens' personal data once it is no longer needed.

Run daily from cron. Questions answered, published, rejected or withdrawn more than
PARTICIPATION["RETENTION_DAYS"] days ago, and comments on drafts closed that long ago, lose their
sender's name, e-mail and phone; the text and the initials (already public or never public) stay.
"""

from django.core.management.base import BaseCommand

from participation.conf import setting
from participation.privacy import purge_due


class Command(BaseCommand):
    help = "Xóa dữ liệu cá nhân của câu hỏi, góp ý đã quá thời hạn lưu trữ."

    def handle(self, *args, **options) -> None:
        counts = purge_due()
        self.stdout.write(
            f"Đã xóa dữ liệu cá nhân của {counts['questions']} câu hỏi và {counts['comments']} góp ý "
            f"(thời hạn lưu trữ {setting('RETENTION_DAYS')} ngày)."
        )
