"""Article behaviour: reading time, dates, related content, rendering."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import ArticleRelatedLink
from news.related import related_stories
from testsupport import make_article, make_image, make_section

pytestmark = pytest.mark.django_db


def test_reading_time_counts_lead_and_text_blocks(news_section):
    words = " ".join(["chữ"] * 660)
    article = make_article(
        news_section,
        "Bài dài",
        lead="mở đầu",
        body=[
            {"type": "paragraph", "value": f"<p>{words}</p>"},
            {"type": "heading", "value": {"text": "Một mục", "level": "h2"}},
        ],
    )
    # 663 words at 220 a minute round up to 4 minutes.
    assert article.reading_minutes == 4


def test_publication_date_defaults_to_first_publication(news_section):
    article = make_article(news_section, "Tin mới")
    assert article.first_published_at is not None
    assert article.publication_date is None
    assert article.display_date == article.first_published_at


def test_explicit_publication_date_orders_listings(news_section):
    old = make_article(
        news_section, "Tin cũ đăng lại", published_at=timezone.now() - timedelta(days=400)
    )
    new = make_article(news_section, "Tin hôm nay")
    assert list(news_section.articles()) == [new, old]
    assert old.first_published_at.date() == old.publication_date.date()


def test_related_prefers_hand_chosen_then_shared_tags_then_same_section(home, news_section):
    other_section = make_section(home, "Hợp tác quốc tế")
    article = make_article(news_section, "Bài gốc", tags=["dữ liệu"])
    chosen = make_article(other_section, "Bài chọn tay")
    tagged = make_article(other_section, "Cùng từ khóa", tags=["dữ liệu"])
    sibling = make_article(news_section, "Cùng chuyên mục")
    make_article(other_section, "Không liên quan")
    ArticleRelatedLink.objects.create(article=article, page=chosen, sort_order=0)

    related = related_stories(article, limit=3)

    assert related == [chosen, tagged, sibling]


def test_related_never_includes_the_article_itself_or_drafts(news_section):
    article = make_article(news_section, "Bài gốc")
    make_article(news_section, "Bản nháp", publish=False)
    assert related_stories(article) == []


def test_related_leaves_out_restricted_pages_subsections_and_chosen_duplicates(home, news_section):
    private_section = make_section(news_section, "Nội bộ")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type="password", password="bi-mat"
    )
    article = make_article(news_section, "Bài gốc", tags=["dữ liệu"])
    make_article(private_section, "Tin nội bộ", tags=["dữ liệu"])
    chosen = make_article(news_section, "Bài chọn tay", tags=["dữ liệu"])
    sibling = make_article(news_section, "Cùng chuyên mục")
    ArticleRelatedLink.objects.create(article=article, page=chosen, sort_order=0)

    # The subsection is a sibling of the article in the tree, but not a story.
    assert related_stories(article) == [chosen, sibling]


def test_related_ranks_by_shared_tags_then_newest(news_section):
    article = make_article(news_section, "Bài gốc", tags=["dữ liệu", "đào tạo", "Đà Nẵng"])
    two_tags = make_article(
        news_section, "Hai từ khóa", tags=["dữ liệu", "đào tạo"], published_at=_days_ago(30)
    )
    one_tag_old = make_article(
        news_section, "Một từ khóa cũ", tags=["dữ liệu"], published_at=_days_ago(20)
    )
    one_tag_new = make_article(
        news_section, "Một từ khóa mới", tags=["Đà Nẵng"], published_at=_days_ago(10)
    )
    untagged = make_article(news_section, "Không từ khóa", published_at=_days_ago(1))

    assert related_stories(article) == [two_tags, one_tag_new, one_tag_old, untagged]


def _days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_article_page_renders_lead_body_image_and_breadcrumbs(client, news_section):
    image = make_image(description="Hội trường với các đại biểu")
    article = make_article(
        news_section, "Hội nghị chuyển đổi số", featured_image=image, author="Thu Hà"
    )
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Sa pô của bài viết thử nghiệm." in html
    assert 'alt="Hội trường với các đại biểu"' in html
    assert 'aria-label="Đường dẫn"' in html and 'aria-current="page"' in html
    assert "phút đọc" in html


def test_article_meta_tags_come_from_lead_and_featured_image(client, news_section):
    image = make_image(description="Ảnh đại diện")
    article = make_article(
        news_section, "Tin có ảnh", lead="Tóm tắt để chia sẻ.", featured_image=image
    )
    html = client.get(article.url).content.decode()
    assert '<meta name="description" content="Tóm tắt để chia sẻ.">' in html
    assert '<meta property="og:image" content="http://' in html
    assert '<meta property="og:image:alt" content="Ảnh đại diện">' in html
