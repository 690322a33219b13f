"""The hand-written story queries return exactly what their ORM equivalents return.

On a tree with view restrictions (on a section and on a subsection's parent), drafts, an
unpublished section and two languages: the `.public()` condition itself, and Home's newest
articles per section. (The related stories are compared in news/tests/test_related.py.)
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.story_sql import public_condition, table
from news.models import ArticlePage
from sitewide.home import home_sections, latest_by_section
from testsupport import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(homes):
    home, home_en = homes
    news = make_section(home, "Tin tức", slug="tin-tuc")
    sub = make_section(news, "Chuyển đổi số", slug="chuyen-doi-so")
    private = make_section(home, "Nội bộ", slug="noi-bo")
    private_sub = make_section(private, "Văn bản", slug="van-ban")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_sub = make_section(news, "Riêng", slug="rieng")
    PageViewRestriction.objects.create(page=hidden_sub, restriction_type="login")
    english = make_section(home_en, "News", slug="news")
    now = timezone.now()
    for n in range(6):
        when = now - timedelta(days=n)
        for section in (news, sub, private, private_sub, hidden_sub, english):
            make_article(section, f"{section.slug} {n}", published_at=when)
        make_article(news, f"Nháp {n}", publish=False)
    return home


def test_the_public_condition_is_wagtails_public(tree):
    sql = f"SELECT c.id FROM {table(Page)} c WHERE {public_condition('c')} ORDER BY c.id"
    raw = [page.pk for page in Page.objects.raw(sql)]

    assert raw == list(Page.objects.public().order_by("pk").values_list("pk", flat=True))
    assert len(raw) < Page.objects.count()


def test_home_newest_per_section_matches_the_orm(tree):
    excluded = list(ArticlePage.objects.live().order_by("-pk").values_list("pk", flat=True)[:2])
    raw = {
        section.pk: [a.pk for a in articles]
        for section, articles in latest_by_section(tree, 4, excluded)
    }

    expected = {}
    for section in home_sections(tree):
        ids = list(
            ArticlePage.objects.live()
            .public()
            .descendant_of(section)
            .exclude(pk__in=excluded)
            .order_by("-first_published_at", "-pk")
            .values_list("pk", flat=True)[:4]
        )
        if ids:
            expected[section.pk] = ids
    assert raw == expected
    assert expected  # the tree has public sections with articles
