from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản")

    def ready(self) -> None:
        from wagtail.signals import page_published, page_unpublished

        from documents.groups import on_index_created
        from documents.models import DocumentIndexPage, LegalDocumentPage
        from documents.signals import purge_related_documents

        for signal in (page_published, page_unpublished):
            signal.connect(
                purge_related_documents,
                sender=LegalDocumentPage,
                dispatch_uid=f"documents-purge-related-{id(signal)}",
            )
        post_save.connect(
            on_index_created, sender=DocumentIndexPage, dispatch_uid="documents-index-grants"
        )
