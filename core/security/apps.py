from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    # A separate app so that it can carry admin hooks, template overrides and static files.
    name = "core.security"
    label = "portal_security"
    verbose_name = _("Bảo mật")

    def ready(self) -> None:
        from . import lockout  # noqa: F401  (connects the lockout signal)
