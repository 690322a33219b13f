"""What the home page shows: featured stories and the latest articles of each section, in constant queries."""

from collections import defaultdict
from typing import Any

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from portal.listing import attach_card_images, latest_stories, story_page_models

FEATURED_LIMIT = 6
MEDIA_ON_HOME = 4


def featured_stories(home: Any, attach_images: bool = True) -> list[Any]:
    ids = [item.page_id for item in home.featured_items.all()][:FEATURED_LIMIT]
    if not ids:
        return []
    pages = {
        page.pk: page
        for page in Page.objects.live().public().filter(pk__in=ids).defer_streamfields().specific()
    }
    featured = [pages[pk] for pk in ids if pk in pages]
    if attach_images:
        attach_card_images(featured)
    return featured


def home_sections(home: Any) -> list[Any]:
    """Live, public sections below this home marked "show on home", in tree order."""
    from django.conf import settings

    from news.models import SectionPage

    if settings.PORTAL_STRUCTURE_CACHE:
        from portal.caching.structure import get_structure

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
    return list(
        SectionPage.objects.live()
        .public()
        .descendant_of(home)
        .filter(show_on_home=True)
        .order_by("path")
    )


def latest_by_section(
    home: Any, per_section: int, exclude_ids: list[int], attach_images: bool = True
) -> list[tuple[Any, list[Any]]]:
    """Each home-page section with its newest articles (its subsections' included), in one query.

    On PostgreSQL, a UNION ALL of one `ORDER BY ... LIMIT` per section: each part walks the
    publication-date index and stops after a few rows, whatever the corpus. (A window function
    over all articles reads every one of them: seconds at 120,000.) Databases that cannot order
    inside a compound query (SQLite) use the window function.
    """
    from django.db import connection
    from django.db.models import IntegerField, Value

    from news.models import ArticlePage

    sections = home_sections(home)
    if not sections:
        return []
    articles_by_section: dict[int, list[Any]] = defaultdict(list)
    if connection.features.supports_slicing_ordering_in_compound:
        parts = [
            ArticlePage.objects.live()
            .public()
            .filter(path__startswith=section.path)
            .exclude(pk__in=exclude_ids)
            .annotate(section_id=Value(section.pk, output_field=IntegerField()))
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")[:per_section]
            for section in sections
        ]
        for article in parts[0].union(*parts[1:], all=True):
            articles_by_section[article.section_id].append(article)
    else:
        _window_by_section(sections, per_section, exclude_ids, articles_by_section)
    if attach_images:
        attach_card_images([a for articles in articles_by_section.values() for a in articles])
    return [
        (section, articles_by_section[section.pk])
        for section in sections
        if articles_by_section[section.pk]
    ]


def _window_by_section(
    sections: list[Any], per_section: int, exclude_ids: list[int], found: dict[int, list[Any]]
) -> None:
    from news.models import ArticlePage

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
            found[section_by_path[article.section_path].pk].append(article)


def home_context(home: Any) -> dict[str, Any]:
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
