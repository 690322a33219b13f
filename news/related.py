"""Related content under an article: the editor's choice first, then shared tags, then the same section."""

from typing import Any

from django.db.models import Count, Q
from wagtail.models import Page

from portal.listing import attach_card_images, story_page_models

RELATED_LIMIT = 4
CANDIDATE_POOL = 200


def _in_pools(tagged_pool: Any, section_pool: Any) -> Q:
    from django.db import connection

    if connection.features.supports_slicing_ordering_in_compound:
        # One IN over the union: PostgreSQL turns an OR of two INs into a scan of every article.
        return Q(
            pk__in=tagged_pool.values_list("content_object_id", flat=True).union(
                section_pool.values_list("pk", flat=True), all=True
            )
        )
    # SQLite cannot order inside a compound query; two IN subqueries do (its corpora are small).
    return Q(pk__in=tagged_pool) | Q(pk__in=section_pool)


def related_stories(article: Any, limit: int = RELATED_LIMIT) -> list[Any]:
    """Up to `limit` live stories related to the article, with card images, in a fixed number of queries."""
    from news.models import ArticlePage, ArticleTag

    chosen_ids = [link.page_id for link in article.related_links.all()][:limit]
    chosen: list[Any] = []
    if chosen_ids:
        by_id = {
            page.pk: page
            for page in Page.objects.live()
            .public()
            .type(*story_page_models())
            .filter(pk__in=chosen_ids)
            .defer_streamfields()
            .specific()
        }
        chosen = [by_id[pk] for pk in chosen_ids if pk in by_id]

    missing = limit - len(chosen)
    if missing > 0:
        # A subquery, not a list: the page template fetches the tags itself.
        tag_ids = ArticleTag.objects.filter(content_object_id=article.pk).values("tag_id")
        parent_path = article.path[: -article.steplen]
        # Shared tags rank first; articles of the same section fill the rest, newest first.
        # Candidates come from bounded pools (the newest articles sharing a tag, the newest of the
        # section): at 120,000 articles a popular tag is shared by thousands, and counting shared
        # tags for all of them took seconds. Still one query.
        tagged_pool = (
            ArticleTag.objects.filter(tag_id__in=tag_ids)
            .order_by("-content_object_id")
            .values("content_object_id")[:CANDIDATE_POOL]
        )
        section_pool = (
            ArticlePage.objects.live()
            .filter(path__startswith=parent_path, depth=article.depth)
            .order_by("-first_published_at", "-pk")
            .values("pk")[:CANDIDATE_POOL]
        )
        candidates = (
            ArticlePage.objects.live()
            .public()
            .exclude(pk__in=[article.pk, *chosen_ids])
            .filter(_in_pools(tagged_pool, section_pool))
            .annotate(shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
            .order_by("-shared_tags", "-first_published_at", "-pk")
            .defer_streamfields()[:missing]
        )
        chosen.extend(candidates)
    attach_card_images(chosen)
    return chosen
