from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaProductsConfig(AppConfig):
    name = "media_products"
    verbose_name = _("Đa phương tiện")

    def ready(self) -> None:
        from media_products import signals

        signals.connect()
