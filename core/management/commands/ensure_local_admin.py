"""Creates the local administrator for `make run` once, and prints how to log in."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị cục bộ (chỉ dùng khi phát triển) và in thông tin đăng nhập."

    def handle(self, *args, **options):
        if not settings.DEBUG and not os.environ.get("ALLOW_LOCAL_ADMIN"):
            raise CommandError("Chỉ dùng lệnh này khi phát triển (DEBUG bật).")
        username = os.environ.get("LOCAL_ADMIN_USER", "admin")
        password = os.environ.get("LOCAL_ADMIN_PASSWORD", "portal-admin-2026")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.invalid",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS("Quản trị / Admin:"))
        self.stdout.write(f"  URL:      {base}/{settings.PORTAL_ADMIN_PATH}")
        self.stdout.write(f"  User:     {username}")
        if created:
            self.stdout.write(f"  Password: {password}")
        else:
            self.stdout.write(
                "  Password: (unchanged; set LOCAL_ADMIN_PASSWORD and delete the user to reset)"
            )
