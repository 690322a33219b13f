"""The article page's "related documents": one query when it has any, none otherwise."""

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def article_documents(article: Any) -> list[Any]:
    """The live, public documents the article links to, in the editor's order.

    The links come with the article (`ArticlePage.document_ids`), so an article without any
    costs no query; the view restrictions come from the site structure.
    """
    from core.caching.structure import public
    from documents.models import LegalDocumentPage

    if not getattr(article, "pk", None):
        return []
    ids = article.document_ids()
    if not ids:
        return []
    documents = (
        public(LegalDocumentPage.objects.live())
        .filter(pk__in=ids)
        .defer_streamfields()
        .defer("text_key", "title_key", "lead")
    )
    by_id = {document.pk: document for document in documents}
    return [by_id[pk] for pk in ids if pk in by_id]
