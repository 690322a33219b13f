"""The article page's "related documents": one query, whatever the number of links."""

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def article_documents(article: Any) -> list[Any]:
    from documents.models import LegalDocumentPage

    if not getattr(article, "pk", None):
        return []
    return list(
        LegalDocumentPage.objects.live()
        .public()
        .filter(article_links__article=article)
        .defer_streamfields()
        .defer("text_key", "title_key", "lead")
        .order_by("article_links__sort_order")
    )
