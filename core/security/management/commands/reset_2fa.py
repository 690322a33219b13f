"""`python manage.py reset_2fa USERNAME [--yes]`: for a user who has lost their authenticator.

Every OTP device of the account is deleted, of every django-otp device type installed, so the
user enrols a new authenticator at their next sign-in (the admin sends moderators and
administrators without a device to enrolment). A session verified with a deleted device is no
longer verified either.

The reset is recorded in Wagtail's audit log as a model log entry on the user, because that is
where an auditor looks: Reports → "Site history" (filterable by this action) and the History tab
of the user in Settings → Users. Django's own admin `LogEntry` would be invisible: the portal
does not mount Django's admin. No administrator is signed in to a shell, so the entry has no
Wagtail user ("system"); the operating-system account that ran the command is kept in its data.
"""

import getpass
import logging
import sys
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from wagtail.log_actions import log

from core.security.twofactor import RESET_LOG_ACTION

logger = logging.getLogger("portal.security.twofactor")

# Answers that confirm, in either language of the portal ("có" is Vietnamese for yes).
CONFIRMING_ANSWERS = {"c", "co", "có", "y", "yes"}


def _operator() -> str:
    """The operating-system account running the command, for the audit trail."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (e.g. a container's anonymous uid)
        return "?"


class Command(BaseCommand):
    help = _(
        "Xóa mọi thiết bị xác thực hai bước của một tài khoản để người dùng đăng ký lại khi "
        "đăng nhập (khi mất điện thoại)."
    )
    # Tests pass their own input stream, as they do for Django's createsuperuser.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help=_("Tên đăng nhập của tài khoản cần đặt lại."))
        parser.add_argument(
            "--yes", action="store_true", help=_("Không hỏi xác nhận (dùng trong kịch bản).")
        )

    def handle(self, *args: Any, username: str, yes: bool, **options: Any) -> None:
        user_model = get_user_model()
        user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(_("Không có tài khoản “%(username)s”.") % {"username": username})
        devices = list(devices_for_user(user, confirmed=None))
        if not devices:
            self.stdout.write(
                _(
                    "Tài khoản “%(username)s” chưa có thiết bị xác thực hai bước: không có gì để xóa."
                )
                % {"username": username}
            )
            return
        if not yes and not self._confirmed(username, len(devices), options.get("stdin")):
            self.stdout.write(_("Đã hủy: không xóa thiết bị nào."))
            return

        with transaction.atomic():
            for device in devices:
                device.delete()
            log(
                instance=user,
                action=RESET_LOG_ACTION,
                data={
                    "devices": len(devices),
                    "device_types": sorted({type(d)._meta.label for d in devices}),
                    "operator": _operator(),
                },
            )
        # The user id and a count only: nothing about the devices (their keys) goes to the logs.
        logger.warning(
            "two-factor devices reset by command: %d removed",
            len(devices),
            extra={"event": "2fa_reset", "user_id": user.pk},
        )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Đã xóa %(count)d thiết bị xác thực hai bước của “%(username)s”. "
                    "Người dùng sẽ đăng ký lại ở lần đăng nhập tới."
                )
                % {"count": len(devices), "username": username}
            )
        )

    def _confirmed(self, username: str, count: int, stdin: Any = None) -> bool:
        self.stdout.write(
            _("Xóa %(count)d thiết bị xác thực hai bước của “%(username)s”? [c/K] ")
            % {"count": count, "username": username},
            ending="",
        )
        self.stdout.flush()
        answer = (stdin or sys.stdin).readline()
        return answer.strip().lower() in CONFIRMING_ANSWERS
