"""Admin wiring: the 2FA screens, their place on the account page, and 2FA audit log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from . import twofactor_views
from .twofactor import RESET_LOG_ACTION


@hooks.register("register_admin_urls")
def two_factor_urls() -> list:
    return [
        path("2fa/setup/", twofactor_views.setup, name="portal_2fa_setup"),
        path("2fa/setup/qr.svg", twofactor_views.setup_qr_code, name="portal_2fa_qr"),
        path("2fa/verify/", twofactor_views.verify, name="portal_2fa_verify"),
        path("2fa/", twofactor_views.manage, name="portal_2fa_manage"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request) -> dict:
    return {
        "url": reverse("portal_2fa_manage"),
        "label": _("Xác thực hai bước"),
        "help_text": _("Bật, thay thiết bị hoặc tắt xác thực hai bước cho tài khoản của bạn."),
    }


@hooks.register("register_log_actions")
def two_factor_log_actions(actions) -> None:
    # Wagtail refuses to store an entry whose action is not registered (reset_2fa writes this one).
    @actions.register_action(RESET_LOG_ACTION)
    class TwoFactorReset(LogFormatter):
        label = _("Đặt lại xác thực hai bước")

        def format_message(self, log_entry) -> str:
            return _(
                "Đã xóa %(count)s thiết bị xác thực hai bước bằng lệnh reset_2fa (tài khoản máy chủ: %(operator)s)"
            ) % {
                "count": log_entry.data.get("devices", "?"),
                "operator": log_entry.data.get("operator", "?"),
            }
