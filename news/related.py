"""Related content under an article: the editor's choice first, then shared tags, then the same section."""

from typing import Any

from wagtail.models import Page

from portal.listing import attach_card_images, story_page_models
from portal.story_sql import card_columns, column, placeholders, public_condition, table

RELATED_LIMIT = 4
# Candidates read per tag and from the section: each is one backward walk of an index that
# stops after this many entries, so an article costs the same whether its tag is shared by three
# articles or thirty thousand.
POOL_PER_PART = 30
# Tags that bring candidates (an article's tags beyond these still count in the ranking).
MAX_CANDIDATE_TAGS = 5
# Wagtail's tree: a page's parent path is its own path without the last step.
STEPLEN = Page.steplen
PARENT_PATH = f"substr({{alias}}.path, 1, length({{alias}}.path) - {STEPLEN})"


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

    Bounded by construction, whatever the tags: candidates are the `POOL_PER_PART` most recently
    created articles of each of the article's tags (one backward walk of the (tag, article)
    index per tag, the tag found by a scalar subquery, so no tag list is read first) and the
    newest of its section (one backward walk of the (parent path, publication date) index, see
    migration 0003). Only those few hundred candidates are counted, checked and ranked; only the
    winners' columns are read. Written in SQL because it runs on every article view (see
    `portal.story_sql`); the same SQL on SQLite.
    """
    from news.models import ArticlePage, ArticleTag

    page, story, tag = table(Page), table(ArticlePage), table(ArticleTag)
    # Column names from the models' `Meta`: the tag links' two keys, the story's page pointer.
    tag_id, article_id = column(ArticleTag, "tag"), column(ArticleTag, "content_object")
    story_pk = column(ArticlePage, ArticlePage._meta.pk.name)
    excluded = [article.pk, *exclude]
    tag_part = f"""
        SELECT id FROM (
          SELECT {article_id} AS id FROM {tag}
          WHERE {tag_id} = (
            SELECT {tag_id} FROM {tag} WHERE {article_id} = %s ORDER BY {tag_id} LIMIT 1 OFFSET %s
          )
          ORDER BY {article_id} DESC LIMIT %s
        ) tag_{{n}}
    """
    section_part = f"""
        SELECT id FROM (
          SELECT id FROM {page} sibling
          WHERE {PARENT_PATH.format(alias="sibling")} = %s AND sibling.live
          ORDER BY first_published_at DESC, id DESC LIMIT %s
        ) in_section
    """
    candidates = " UNION ALL ".join(
        [*(tag_part.format(n=n) for n in range(MAX_CANDIDATE_TAGS)), section_part]
    )
    sql = f"""
        SELECT {card_columns(ArticlePage)} FROM (
          SELECT c.id, c.first_published_at, (
              SELECT COUNT(*) FROM {tag} shared
              WHERE shared.{article_id} = c.id
                AND shared.{tag_id} IN (SELECT {tag_id} FROM {tag} WHERE {article_id} = %s)
            ) AS shared_tags
          FROM {page} c
          JOIN {story} a ON a.{story_pk} = c.id
          WHERE c.id IN ({candidates})
            AND c.live AND c.id NOT IN ({placeholders(excluded)}) AND {public_condition("c")}
          ORDER BY shared_tags DESC, c.first_published_at DESC, c.id DESC
          LIMIT %s
        ) ranked
        JOIN {page} p ON p.id = ranked.id
        JOIN {story} s ON s.{story_pk} = p.id
        ORDER BY ranked.shared_tags DESC, ranked.first_published_at DESC, ranked.id DESC
    """
    pool = POOL_PER_PART + len(excluded)  # the article itself and the chosen ones take no slot
    params: list[Any] = [article.pk]
    for n in range(MAX_CANDIDATE_TAGS):
        params += [article.pk, n, pool]
    params += [article.path[:-STEPLEN], pool, *excluded, limit]
    return list(ArticlePage.objects.raw(sql, params))
