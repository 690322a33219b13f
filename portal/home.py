"""What the home page shows: featured stories and the latest articles of each section, in constant queries."""

from collections import defaultdict
from typing import Any

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from portal.listing import attach_card_images, latest_stories, story_page_models

FEATURED_LIMIT = 6
MEDIA_ON_HOME = 4


def featured_stories(home: Any) -> list[Any]:
    ids = [item.page_id for item in home.featured_items.all()][:FEATURED_LIMIT]
    if not ids:
        return []
    pages = {
        page.pk: page
        for page in Page.objects.live().public().filter(pk__in=ids).defer_streamfields().specific()
    }
    featured = [pages[pk] for pk in ids if pk in pages]
    attach_card_images(featured)
    return featured


def latest_by_section(
    home: Any, per_section: int, exclude_ids: list[int]
) -> list[tuple[Any, list[Any]]]:
    """Each home-page section with its newest articles (its subsections' included).

    One window query per distinct section depth (usually one), instead of one query per section.
    """
    from news.models import ArticlePage, SectionPage

    sections = list(
        SectionPage.objects.live()
        .public()
        .descendant_of(home)
        .filter(show_on_home=True)
        .order_by("path")
    )
    articles_by_section: dict[int, list[Any]] = defaultdict(list)
    by_depth: dict[int, list[Any]] = defaultdict(list)
    for section in sections:
        by_depth[section.depth].append(section)
    for depth, group in by_depth.items():
        prefix_length = depth * Page.steplen
        section_by_path = {section.path: section for section in group}
        in_any_section = Q()
        for path in section_by_path:
            in_any_section |= Q(path__startswith=path)
        ranked = (
            ArticlePage.objects.live()
            .public()
            .filter(in_any_section)
            .exclude(pk__in=exclude_ids)
            .annotate(
                section_path=Substr("path", 1, prefix_length),
                rank=Window(
                    RowNumber(),
                    partition_by=[Substr("path", 1, prefix_length)],
                    order_by=[F("first_published_at").desc(), F("pk").desc()],
                ),
            )
            .filter(rank__lte=per_section)
            .defer_streamfields()
            .order_by("section_path", "rank")
        )
        for article in ranked:
            articles_by_section[section_by_path[article.section_path].pk].append(article)
    everything = [a for articles in articles_by_section.values() for a in articles]
    attach_card_images(everything)
    return [
        (section, articles_by_section[section.pk])
        for section in sections
        if articles_by_section[section.pk]
    ]


def home_context(home: Any) -> dict[str, Any]:
    featured = featured_stories(home)
    media_models = [m for m in story_page_models() if m._meta.app_label == "media_products"]
    return {
        "featured": featured,
        "sections_with_articles": latest_by_section(
            home, home.latest_per_section, [p.pk for p in featured]
        ),
        "latest_media": latest_stories(home.locale_id, media_models, MEDIA_ON_HOME, root=home)
        if media_models
        else [],
    }
