"""How an article's own page is read: one query with its tags and links (see `core/serving.py`).

Routing reaches an article through `ArticlePage.child_for_serving`: a hand-written statement on
the slug index, the article's tags, chosen links and document links as JSON columns. Composed
through the ORM (the queryset, its joined featured image, three subqueries) the same read cost
Django more time to build than PostgreSQL took to answer it. The featured image is read with the
related cards' images (`core.listing.attach_card_images`), one query for all of them.
"""

from typing import Any

from wagtail.models import Page

from core.serving import json_rows, json_rows_sql
from core.story_sql import column, table


def own_rows(model: type[Page], this: str) -> dict[str, tuple[str, str]]:
    """The article's own rows, as (columns, FROM ... WHERE) pairs correlated with `this` (its id)."""
    from taggit.models import Tag

    from news.models import ArticleRelatedLink, ArticleTag

    # The documents' link model is the documents app's, named here by its relation only.
    document_link = model._meta.get_field("document_links").related_model
    return {
        "serving_tags": (
            "link.id, tag.name",
            f"FROM {table(ArticleTag)} link JOIN {table(Tag)} tag "
            f"ON tag.id = link.{column(ArticleTag, 'tag')} "
            f"WHERE link.{column(ArticleTag, 'content_object')} = {this}",
        ),
        "serving_related": (
            f"link.sort_order, link.{column(ArticleRelatedLink, 'page')}",
            f"FROM {table(ArticleRelatedLink)} link "
            f"WHERE link.{column(ArticleRelatedLink, 'article')} = {this}",
        ),
        # Only whether the article has live translations: most have none, and then the language
        # switch and the hreflang links need no query of their own (`translations_of`).
        "serving_translations": (
            "other.id",
            f"FROM {table(Page)} other JOIN {table(Page)} me ON me.id = {this} "
            f"WHERE other.{column(Page, 'translation_key')} = me.{column(Page, 'translation_key')} "
            f"AND other.{column(Page, 'live')} AND other.id <> me.id",
        ),
        "serving_documents": (
            f"link.sort_order, link.{column(document_link, 'document')}",
            f"FROM {table(document_link)} link "
            f"WHERE link.{column(document_link, 'article')} = {this}",
        ),
    }


def own_rows_annotations(model: type[Page]) -> dict[str, Any]:
    """`own_rows` as annotations of a queryset on the article table."""
    this = f"{table(model)}.{column(model, model._meta.pk.name)}"
    return {name: json_rows(*parts) for name, parts in own_rows(model, this).items()}


def child_article(model: type[Page], parent: Page, slug: str) -> Any:
    """The live or draft article with this slug under `parent` (Wagtail's `child_of`), or None."""
    pk = column(model, model._meta.pk.name)
    rows = ", ".join(
        f"{json_rows_sql(*parts)} AS {name}" for name, parts in own_rows(model, f"s.{pk}").items()
    )
    sql = (
        f"SELECT p.*, s.*, {rows} FROM {table(model)} s JOIN {table(Page)} p ON p.id = s.{pk} "
        "WHERE p.slug = %s AND p.path LIKE %s AND p.depth = %s"
    )
    found = model._default_manager.raw(sql, [slug, f"{parent.path}%", parent.depth + 1])
    return next(iter(found), None)
