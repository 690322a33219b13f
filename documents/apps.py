from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản")

    def ready(self) -> None:
        from wagtail.signals import page_unpublished, post_page_move

        from core.caching.signals import page_changed
        from documents.groups import on_index_created
        from documents.listed import on_document_saved, on_page_changed, on_relation_changed
        from documents.models import (
            DocumentField,
            DocumentIndexPage,
            DocumentRelation,
            DocumentType,
            IssuingBody,
            LegalDocumentPage,
        )
        from documents.signals import purge_related_documents
        from documents.views import forget_lists

        # The caches follow the portal's one page-change signal (core/caching/signals.py).
        page_changed.connect(
            purge_related_documents,
            sender=LegalDocumentPage,
            dispatch_uid="documents-purge-related",
        )
        # The listing's own column follows every change of a document's liveness or parent.
        post_save.connect(
            on_document_saved, sender=LegalDocumentPage, dispatch_uid="documents-relist-saved"
        )
        for signal in (page_unpublished, post_page_move):
            signal.connect(
                on_page_changed,
                sender=LegalDocumentPage,
                dispatch_uid=f"documents-relist-{id(signal)}",
            )
        for signal in (post_save, post_delete):
            signal.connect(
                on_relation_changed,
                sender=DocumentRelation,
                dispatch_uid=f"documents-restate-{id(signal)}",
            )
        # The filter form's lists are cached until an editor changes one of them.
        for model in (DocumentType, IssuingBody, DocumentField):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_lists,
                    sender=model,
                    dispatch_uid=f"documents-lists-{model.__name__}-{id(signal)}",
                )
        post_save.connect(
            on_index_created, sender=DocumentIndexPage, dispatch_uid="documents-index-grants"
        )
