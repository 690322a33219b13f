"""Related content under an article: the editor's choice first, then shared tags, then the same section."""

from typing import Any

from wagtail.models import Page

from core.listing import attach_card_images, story_page_models
from core.story_sql import card_columns, column, placeholders, public_condition, table

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


def related_stories(article: Any, limit: int = RELATED_LIMIT, inline: list[Any] = ()) -> list[Any]:
    """Up to `limit` live, public stories related to the article, with card images, in constant queries.

    The editor's chosen articles come in the suggestions' own query, ranked first; a chosen story
    of another type (multimedia), or one no longer live, is read by one more query (two with its
    specific row) only when the editor chose one. `inline`: the body's images, whose renditions
    come with the cards' (`attach_card_images`).
    """
    chosen_ids = article.related_page_ids()[:limit]
    found = suggested_articles(article, limit, chosen=chosen_ids)
    missing = set(chosen_ids) - {page.pk for page in found}
    if missing:
        by_id = {page.pk: page for page in found}
        by_id.update(
            (page.pk, page)
            for page in Page.objects.live()
            .public()
            .type(*story_page_models())
            .filter(pk__in=missing)
            .defer_streamfields()
            .specific()
        )
        chosen = [by_id[pk] for pk in chosen_ids if pk in by_id]
        found = [*chosen, *(page for page in found if page.pk not in set(chosen_ids))][:limit]
    # The article's own featured image and its renditions come with the cards' (one query each).
    attach_card_images(found, hero_of=article, inline=inline)
    return found


def suggested_articles(
    article: Any, limit: int, exclude: list[int] = (), chosen: list[int] = ()
) -> list[Any]:
    """The `chosen` articles in that order, then those sharing most tags, then the newest of its section.

    One query, bounded by construction whatever the tags: candidates are the `POOL_PER_PART` most
    recently created articles of each of the article's tags (one backward walk of the (tag,
    article) index per tag, the tag found by a scalar subquery, so no tag list is read first),
    the newest of its section (one backward walk of the (parent path, publication date) index,
    see migration 0003) and the chosen ones. Only those few hundred candidates are counted,
    checked and ranked; only the winners' columns are read. Written in SQL because it runs on
    every article view (see `core.story_sql`); the same SQL on SQLite.
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
    chosen = list(chosen)
    chosen_part = f"SELECT id FROM {page} WHERE id IN ({placeholders(chosen)})" if chosen else ""
    candidates = " UNION ALL ".join(
        filter(
            None,
            [*(tag_part.format(n=n) for n in range(MAX_CANDIDATE_TAGS)), section_part, chosen_part],
        )
    )
    # The editor's order first (0, 1, ...), every other candidate after them.
    chosen_rank = (
        "CASE c.id " + " ".join("WHEN %s THEN %s" for _ in chosen) + " ELSE %s END"
        if chosen
        else "%s"
    )
    sql = f"""
        SELECT {card_columns(ArticlePage)} FROM (
          SELECT c.id, c.first_published_at, {chosen_rank} AS chosen_rank, (
              SELECT COUNT(*) FROM {tag} shared
              WHERE shared.{article_id} = c.id
                AND shared.{tag_id} IN (SELECT {tag_id} FROM {tag} WHERE {article_id} = %s)
            ) AS shared_tags
          FROM {page} c
          JOIN {story} a ON a.{story_pk} = c.id
          WHERE c.id IN ({candidates})
            AND c.live AND c.id NOT IN ({placeholders(excluded)}) AND {public_condition("c")}
          ORDER BY chosen_rank, shared_tags DESC, c.first_published_at DESC, c.id DESC
          LIMIT %s
        ) ranked
        JOIN {page} p ON p.id = ranked.id
        JOIN {story} s ON s.{story_pk} = p.id
        ORDER BY ranked.chosen_rank, ranked.shared_tags DESC, ranked.first_published_at DESC,
          ranked.id DESC
    """
    # The article itself and the chosen ones take no slot from the pools.
    pool = POOL_PER_PART + len(excluded) + len(chosen)
    params: list[Any] = []
    for rank, pk in enumerate(chosen):
        params += [pk, rank]
    params += [len(chosen), article.pk]
    for n in range(MAX_CANDIDATE_TAGS):
        params += [article.pk, n, pool]
    params += [article.path[:-STEPLEN], pool, *chosen, *excluded, limit]
    return list(ArticlePage.objects.raw(sql, params))
