"""Section listings: own and subsection articles, newest first, 20 a page, forgiving page numbers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from news.demo.articles import bulk_create_articles
from news.demo.text import NewsWriter
from testsupport import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def section_with_45(news_section):
    bulk_create_articles([news_section], 45, [], NewsWriter(seed=1))
    return news_section


def test_listing_includes_subsection_articles_newest_first(home):
    parent = make_section(home, "Tin tức")
    child = make_section(parent, "Chuyển đổi số")
    now = timezone.now()
    older = make_article(parent, "Tin của mục cha", published_at=now - timedelta(days=2))
    newer = make_article(child, "Tin của mục con", published_at=now - timedelta(days=1))
    assert list(parent.articles()) == [newer, older]


def test_listing_has_twenty_a_page_with_accessible_pagination(client, section_with_45):
    response = client.get(section_with_45.url)
    page = response.context["articles"]
    assert len(page.object_list) == 20
    html = response.content.decode()
    assert 'aria-label="Phân trang"' in html
    assert 'aria-current="page"' in html
    assert "Trang sau" in html and "Trang 1 trên 3" in html


@pytest.mark.parametrize(
    ("raw", "expected"), [("abc", 1), ("99999", 3), ("-1", 3), ("2", 2), ("", 1)]
)
def test_junk_page_numbers_give_a_valid_page(client, section_with_45, raw, expected):
    response = client.get(section_with_45.url, {"page": raw})
    assert response.status_code == 200
    assert response.context["articles"].number == expected


def test_draft_articles_are_not_listed(client, news_section):
    make_article(news_section, "Bản nháp", publish=False)
    response = client.get(news_section.url)
    assert "Bản nháp" not in response.content.decode()
    assert "Chuyên mục chưa có tin." in response.content.decode()


def test_home_shows_featured_and_latest_per_section(client, home, news_section):
    from sitewide.models import HomeFeaturedItem

    featured = make_article(news_section, "Tin nổi bật nhất")
    make_article(news_section, "Tin thường")
    HomeFeaturedItem.objects.create(home=home, page=featured, sort_order=0)
    response = client.get(home.url)
    html = response.content.decode()
    assert [p.title for p in response.context["featured"]] == ["Tin nổi bật nhất"]
    sections = response.context["sections_with_articles"]
    assert [(s.title, [a.title for a in arts]) for s, arts in sections] == [
        ("Chuyển đổi số", ["Tin thường"])
    ]
    assert "Tất cả tin của chuyên mục Chuyển đổi số" in html


def test_first_article_of_an_empty_section_is_reachable_at_once(client, home):
    section = make_section(home, "Chuyên mục mới")
    assert (
        client.get(section.url).status_code == 200
    )  # the section is seen while it has no children
    article = make_article(section, "Tin đầu tiên")
    assert client.get(article.url).status_code == 200
