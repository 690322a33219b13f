from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "core"
    label = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self) -> None:
        from wagtail.signals import page_published, page_unpublished

        from core.search import index

        # The ranked site search follows publication (sitewide/search/index.py).
        page_published.connect(index.on_page_published, dispatch_uid="portal-search-published")
        page_unpublished.connect(
            index.on_page_unpublished, dispatch_uid="portal-search-unpublished"
        )
