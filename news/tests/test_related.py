"""Related stories at bounded cost: untagged articles, rare and common tags, English, restrictions.

The query (`news.related.suggested_articles`) reads bounded candidate pools; on a tree smaller
than the pools it must return exactly what the plain ORM ranking returns, which is checked here
on a tree with view restrictions, drafts, subsections and two languages.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news import related
from news.models import ArticlePage
from news.related import related_stories, suggested_articles
from testsupport import make_article, make_section

pytestmark = pytest.mark.django_db


def _days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def orm_related(article: ArticlePage, limit: int) -> list[ArticlePage]:
    """The unbounded ranking in plain ORM: every live public article sharing a tag or the section."""
    own = set(article.tags.values_list("pk", flat=True))
    parent = article.get_parent()
    pool = ArticlePage.objects.live().public().exclude(pk=article.pk).prefetch_related(
        "tags"
    ).filter(
        pk__in=ArticlePage.objects.filter(tags__in=own).values("pk")
    ) | ArticlePage.objects.live().public().child_of(parent).exclude(pk=article.pk)
    scored = [(len(own & {t.pk for t in a.tags.all()}), a) for a in pool.distinct()]
    scored.sort(key=lambda item: (-item[0], -item[1].first_published_at.timestamp(), -item[1].pk))
    return [a for _score, a in scored[:limit]]


def test_untagged_article_gets_the_newest_of_its_own_section(news_section):
    older = make_article(news_section, "Tin cũ", published_at=_days_ago(9))
    newer = make_article(news_section, "Tin mới", published_at=_days_ago(2))
    article = make_article(news_section, "Bài không từ khóa", published_at=_days_ago(5))
    make_section(news_section, "Chuyên mục con")  # a sibling in the tree, not a story
    make_article(news_section.get_parent().specific, "Chuyên mục khác")
    make_article(news_section, "Bản nháp", publish=False)

    assert related_stories(article) == [newer, older]


def test_a_rare_tag_brings_its_one_article_from_another_section_first(home, news_section):
    elsewhere = make_section(home, "Hợp tác quốc tế")
    rare = make_article(elsewhere, "Cùng từ khóa hiếm", tags=["hiếm"], published_at=_days_ago(300))
    sibling = make_article(news_section, "Cùng chuyên mục", published_at=_days_ago(1))
    article = make_article(news_section, "Bài gốc", tags=["hiếm"])

    assert related_stories(article) == [rare, sibling]


def test_a_tag_shared_by_more_than_the_pool_yields_its_newest_articles(
    news_section, home, monkeypatch
):
    monkeypatch.setattr(related, "POOL_PER_PART", 3)
    elsewhere = make_section(home, "Hợp tác quốc tế")
    shared = [
        make_article(elsewhere, f"Chung {n}", tags=["phổ biến"], published_at=_days_ago(50 - n))
        for n in range(8)
    ]
    article = make_article(news_section, "Bài gốc", tags=["phổ biến"])

    assert related_stories(article, limit=3) == shared[-1:-4:-1]


def test_articles_sharing_more_tags_rank_first_across_tags(news_section, home):
    elsewhere = make_section(home, "Hợp tác quốc tế")
    both = make_article(elsewhere, "Hai từ khóa", tags=["a", "b"], published_at=_days_ago(40))
    only_b = make_article(elsewhere, "Một từ khóa", tags=["b"], published_at=_days_ago(3))
    article = make_article(news_section, "Bài gốc", tags=["a", "b", "c"])

    assert related_stories(article, limit=2) == [both, only_b]


def test_english_articles_relate_to_english_articles_only(homes):
    home, home_en = homes
    vi_section = make_section(home, "Tin tức", slug="tin-tuc")
    en_section = make_section(home_en, "News", slug="news")
    make_article(vi_section, "Tin tiếng Việt", tags=["data"])
    english = make_article(en_section, "English story", published_at=_days_ago(2))
    article = make_article(en_section, "An English article", tags=["data-en"])

    assert related_stories(article) == [english]


def test_the_query_matches_the_orm_ranking_with_restrictions_drafts_and_subsections(
    home, news_section
):
    private = make_section(news_section, "Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    elsewhere = make_section(home, "Hợp tác quốc tế")
    article = make_article(news_section, "Bài gốc", tags=["dữ liệu", "đào tạo", "Đà Nẵng"])
    for n, tags in enumerate([["dữ liệu"], ["đào tạo", "dữ liệu"], [], ["Đà Nẵng"], ["khác"]]):
        make_article(news_section, f"Cùng mục {n}", tags=tags, published_at=_days_ago(n + 1))
        make_article(elsewhere, f"Mục khác {n}", tags=tags, published_at=_days_ago(n + 2))
        make_article(private, f"Nội bộ {n}", tags=tags, published_at=_days_ago(n))
        make_article(elsewhere, f"Nháp {n}", tags=tags, publish=False)

    expected = orm_related(article, limit=20)
    assert len(expected) == 8  # the five of its section, three elsewhere sharing a tag
    assert suggested_articles(article, 20) == expected[:20]


def test_cost_in_queries_does_not_depend_on_the_tags(news_section):
    plain = make_article(news_section, "Không từ khóa")
    tagged = make_article(news_section, "Nhiều từ khóa", tags=[f"t{n}" for n in range(12)])
    for n in range(5):
        make_article(news_section, f"Bài {n}", tags=["t1", "t7"])
    counts = []
    for article in (plain, tagged):
        article = ArticlePage.objects.get(pk=article.pk)
        with CaptureQueriesContext(connection) as queries:
            related_stories(article)
        counts.append(len(queries))
    assert counts[0] == counts[1]
