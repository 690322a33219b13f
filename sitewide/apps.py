from collections.abc import Iterable
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitewideConfig(AppConfig):
    """The layer above the content apps: home pages, information pages, the ranked site search
    and the demo composition. It may import core and every content app; nothing below imports it
    (they name its models by label, e.g. `parent_page_types = ["sitewide.HomePage"]`)."""

    name = "sitewide"
    label = "sitewide"
    verbose_name = _("Toàn cổng")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from core.signals import pages_bulk_published
        from sitewide.search import index

        # The ranked site search follows publication (sitewide/search/index.py).
        page_published.connect(index.on_page_published, dispatch_uid="portal-search-published")
        page_unpublished.connect(
            index.on_page_unpublished, dispatch_uid="portal-search-unpublished"
        )
        # Objects of registered sources (core/search/sources.py, e.g. published answers) follow
        # their saves and deletions; the apps that register them never import this layer.
        post_save.connect(index.on_object_saved, dispatch_uid="portal-search-object-saved")
        post_delete.connect(index.on_object_deleted, dispatch_uid="portal-search-object-deleted")
        # Bulk loaders that bypass `page_published` announce the pages they wrote.
        pages_bulk_published.connect(
            index_bulk_published, dispatch_uid="portal-search-bulk-published"
        )


def index_bulk_published(sender: Any, pages: Iterable[Any], **kwargs: Any) -> None:
    from sitewide.search.index import index_pages

    index_pages(pages)
