"""Search indexing for bulk-seeded articles.

Wagtail's search backend indexes one object at a time in Python (about 10 ms an article, each
StreamField walked five times); for 120,000 seeded articles that alone takes twenty minutes.
On PostgreSQL the same index rows are computed by the database in one statement per batch,
with the same text search configuration and weights the backend uses. Elsewhere (SQLite) the
backend's own bulk indexing is used.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.utils.html import strip_tags
from wagtail.search.backends import get_search_backend

from core.signals import pages_bulk_published
from news.models import ArticlePage


def article_body_text(article: Any, tag_names: Sequence[str]) -> str:
    """The text the backend would index as the article's body (all non-title search fields)."""
    parts = [
        article.lead,
        *(str(text) for text in article.body.stream_block.get_searchable_content(article.body)),
    ]
    parts.extend([article.author or "", *tag_names])
    return " ".join(strip_tags(part) for part in parts if part)


def refresh_title_norms() -> None:
    """Set the title length norm of new index rows; it averages over the whole index, so once per run."""
    backend = get_search_backend()
    if connection.vendor == "postgresql" and hasattr(backend, "config"):
        backend.get_index_for_model(ArticlePage)._refresh_title_norms()


def index_articles(
    articles: Sequence[Any], tags_by_article: dict[int, list[str]], refresh_norms: bool = True
) -> None:
    # The ranked site search indexes them (bulk rows bypass the publication signal that feeds it).
    pages_bulk_published.send(sender=ArticlePage, pages=articles)
    backend = get_search_backend()
    if connection.vendor != "postgresql" or not hasattr(backend, "config"):
        backend.add_bulk(
            ArticlePage,
            list(
                ArticlePage.objects.filter(pk__in=[a.pk for a in articles]).prefetch_related("tags")
            ),
        )
        return

    from modelsearch.backends.database.postgres.postgres import IndexEntry
    from modelsearch.backends.database.postgres.weights import get_weight
    from modelsearch.utils import get_content_type_pk

    config = backend.config or "simple"
    title_weight = get_weight(2)  # Page.search_fields boosts the title by 2
    body_weight = get_weight(None)
    ids = [str(a.pk) for a in articles]
    titles = [a.title for a in articles]
    bodies = [article_body_text(a, tags_by_article.get(a.pk, [])) for a in articles]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, t.id,
                   setweight(to_tsvector(%s::regconfig, t.title), %s),
                   setweight(to_tsvector(%s::regconfig, t.title), 'D'),
                   setweight(to_tsvector(%s::regconfig, t.body), %s),
                   1.0, t.title, t.body
            FROM unnest(%s::text[], %s::text[], %s::text[]) AS t(id, title, body)
            ON CONFLICT (content_type_id, object_id) DO UPDATE SET
                title = EXCLUDED.title, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                title_norm = 1.0, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,
            [
                get_content_type_pk(ArticlePage),
                config,
                title_weight,
                backend.autocomplete_config,
                config,
                body_weight,
                ids,
                titles,
                bodies,
            ],
        )
    if refresh_norms:
        # Averages over every row: per batch, this made seeding quadratic (see refresh_title_norms).
        backend.get_index_for_model(ArticlePage)._refresh_title_norms()
