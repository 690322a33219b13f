"""What the home page shows: featured stories and the latest articles of each section, in constant queries."""

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from core.caching.structure import get_structure, public
from core.listing import attach_card_images, latest_stories, story_page_models
from core.models import StoryPage
from core.story_sql import card_columns, column, placeholders, public_condition, table
from news.models import ArticlePage, SectionPage

if TYPE_CHECKING:
    from sitewide.models import HomePage

FEATURED_LIMIT = 6
MEDIA_ON_HOME = 4


def featured_stories(home: "HomePage", attach_images: bool = True) -> list[StoryPage]:
    ids = [item.page_id for item in home.featured_items.all()][:FEATURED_LIMIT]
    if not ids:
        return []
    pages = {
        page.pk: page
        for page in public(Page.objects.live()).filter(pk__in=ids).defer_streamfields().specific()
    }
    featured = [pages[pk] for pk in ids if pk in pages]
    if attach_images:
        attach_card_images(featured)
    return featured


def home_sections(home: "HomePage") -> list[SectionPage]:
    """Live, public sections below this home marked "show on home", in tree order."""
    structure = get_structure()
    return [
        page
        for page in sorted(structure.pages.values(), key=lambda p: p.path)
        if isinstance(page, SectionPage)
        and page.live
        and page.show_on_home
        and page.depth > home.depth
        and page.path.startswith(home.path)
        and not structure.is_private(page)
    ]


def latest_by_section(
    home: "HomePage", per_section: int, exclude_ids: list[int], attach_images: bool = True
) -> list[tuple[SectionPage, list[ArticlePage]]]:
    """Each home-page section with its newest articles (its subsections' included), in one query.

    A UNION ALL of one `ORDER BY ... LIMIT` per section on narrow rows: each part walks the
    publication-date index and stops after a few rows, whatever the corpus (a window function
    over all articles reads every one of them: seconds at 120,000). Only the winners' columns
    are read. Written in SQL because Home is the most visited page (see `core.story_sql`).
    """
    sections = home_sections(home)
    if not sections:
        return []
    page, story = table(Page), table(ArticlePage)
    article_type = ContentType.objects.get_for_model(ArticlePage).pk
    excluded = [0, *exclude_ids]  # never empty: `NOT IN ()` is not SQL
    part = f"""
        SELECT * FROM (
          SELECT c.id, %s AS section_id FROM {page} c
          WHERE c.live AND c.content_type_id = %s AND c.path LIKE %s AND c.depth > %s
            AND c.id NOT IN ({placeholders(excluded)}) AND {public_condition("c")}
          ORDER BY c.first_published_at DESC, c.id DESC LIMIT %s
        ) part_{{n}}
    """
    parts = " UNION ALL ".join(part.format(n=n) for n in range(len(sections)))
    sql = f"""
        SELECT {card_columns(ArticlePage)}, newest.section_id FROM ({parts}) newest
        JOIN {page} p ON p.id = newest.id
        JOIN {story} s ON s.{column(ArticlePage, ArticlePage._meta.pk.name)} = p.id
        ORDER BY p.first_published_at DESC, p.id DESC
    """
    params: list[Any] = []
    for section in sections:
        params += [section.pk, article_type, f"{section.path}%", section.depth, *excluded]
        params.append(per_section)
    articles_by_section: dict[int, list[Any]] = defaultdict(list)
    for article in ArticlePage.objects.raw(sql, params):
        articles_by_section[article.section_id].append(article)
    if attach_images:
        attach_card_images([a for articles in articles_by_section.values() for a in articles])
    return [
        (section, articles_by_section[section.pk])
        for section in sections
        if articles_by_section[section.pk]
    ]


def home_context(home: "HomePage") -> dict[str, Any]:
    featured = featured_stories(home, attach_images=False)
    media_models = [m for m in story_page_models() if m._meta.app_label == "media_products"]
    by_section = latest_by_section(
        home, home.latest_per_section, [p.pk for p in featured], attach_images=False
    )
    media = (
        latest_stories(home.locale_id, media_models, MEDIA_ON_HOME, root=home, attach_images=False)
        if media_models
        else []
    )
    # Every card's image and rendition in two queries, not two per group.
    attach_card_images([*featured, *(a for _s, articles in by_section for a in articles), *media])
    return {"featured": featured, "sections_with_articles": by_section, "latest_media": media}
