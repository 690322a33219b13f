from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Findability: the sitemap index, robots.txt, language alternates and structured data."""

    name = "seo"
    verbose_name = _("Tìm thấy trên công cụ tìm kiếm")

    def ready(self) -> None:
        from seo import purge

        purge.connect()
