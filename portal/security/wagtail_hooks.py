"""Admin wiring: the 2FA screens and their place on the account page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import twofactor_views


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
