from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản")

    def ready(self) -> None:
        from documents.groups import on_index_created
        from documents.models import DocumentIndexPage

        post_save.connect(
            on_index_created, sender=DocumentIndexPage, dispatch_uid="documents-index-grants"
        )
