"""Related content under an article: the editor's choice first, then shared tags, then the same section."""

from typing import Any

from wagtail.models import Page

from portal.listing import attach_card_images, story_page_models
from portal.story_sql import card_columns, placeholders, public_condition, table

RELATED_LIMIT = 4
CANDIDATE_POOL = 200


def related_stories(article: Any, limit: int = RELATED_LIMIT) -> list[Any]:
    """Up to `limit` live, public stories related to the article, with card images, in constant queries."""
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
        chosen.extend(suggested_articles(article, missing, exclude=chosen_ids))
    attach_card_images(chosen)
    return chosen


def suggested_articles(article: Any, limit: int, exclude: list[int] = ()) -> list[Any]:
    """The articles that share most tags with this one, then the newest of its section: one query.

    Candidates come from two bounded pools (the newest articles sharing a tag, the newest of the
    section): at 120,000 articles a popular tag is shared by thousands, and ranking them all took
    seconds. They are ranked on narrow rows; only the winners' columns are read. Written in SQL
    because it runs on every article view (see `portal.story_sql`).
    """
    from news.models import ArticlePage, ArticleTag

    page, story, tag = table(Page), table(ArticlePage), table(ArticleTag)
    excluded = [article.pk, *exclude]
    own_tags = f"SELECT tag_id FROM {tag} WHERE content_object_id = %s"
    sql = f"""
        SELECT {card_columns(ArticlePage)} FROM (
          SELECT c.id, COUNT(shared.id) AS shared_tags, c.first_published_at FROM {page} c
          JOIN {story} a ON a.page_ptr_id = c.id
          LEFT JOIN {tag} shared ON shared.content_object_id = c.id AND shared.tag_id IN ({own_tags})
          WHERE c.live AND c.id NOT IN ({placeholders(excluded)}) AND c.id IN (
              SELECT id FROM (
                SELECT content_object_id AS id FROM {tag} WHERE tag_id IN ({own_tags})
                ORDER BY content_object_id DESC LIMIT %s
              ) tagged
              UNION ALL
              SELECT id FROM (
                SELECT id FROM {page} WHERE live AND depth = %s AND path LIKE %s
                ORDER BY first_published_at DESC, id DESC LIMIT %s
              ) in_section
            )
            AND {public_condition("c")}
          GROUP BY c.id, c.first_published_at
          ORDER BY shared_tags DESC, c.first_published_at DESC, c.id DESC
          LIMIT %s
        ) ranked
        JOIN {page} p ON p.id = ranked.id
        JOIN {story} s ON s.page_ptr_id = p.id
        ORDER BY ranked.shared_tags DESC, ranked.first_published_at DESC, ranked.id DESC
    """
    section_path = article.path[: -article.steplen]
    params = [
        article.pk,
        *excluded,
        article.pk,
        CANDIDATE_POOL,
        article.depth,
        f"{section_path}%",
        CANDIDATE_POOL,
        limit,
    ]
    return list(ArticlePage.objects.raw(sql, params))
