"""The ranking rules of site search, on a small corpus (sitewide/search/ranking.py states them).

The rules that need PostgreSQL's text search (lead over body, phrase over scattered words,
exact diacritics, some words after all words) are skipped on SQLite; the rest run on both.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sitewide.search.models import SearchEntry
from testsupport import make_article

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the rule needs PostgreSQL's text search"
)


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def article(section, title, lead="Tin hoạt động trong tuần.", body="Nội dung khác.", days=1):
    return make_article(
        section,
        title,
        lead=lead,
        body=paragraph(body),
        published_at=timezone.now() - timedelta(days=days),
        slug=f"bai-{days}",
    )


def ranked_titles(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return [page.title for page in response.context["results"].object_list]


def test_a_title_match_ranks_above_a_newer_body_match(client, news_section):
    article(news_section, "Hội nghị tổng kết năm", body="Bàn về kinh tế biển Quảng Ninh.", days=1)
    article(news_section, "Phát triển kinh tế biển", days=300)
    assert ranked_titles(client, "kinh tế biển") == [
        "Phát triển kinh tế biển",
        "Hội nghị tổng kết năm",
    ]


@needs_postgres
def test_a_lead_match_ranks_above_a_body_match(client, news_section):
    article(news_section, "Tin thứ nhất", body="Chương trình nông thôn mới ở Hà Giang.", days=1)
    article(news_section, "Tin thứ hai", lead="Chương trình nông thôn mới ở Hà Giang.", days=200)
    assert ranked_titles(client, "nông thôn mới") == ["Tin thứ hai", "Tin thứ nhất"]


@needs_postgres
def test_adjacent_syllables_in_order_rank_above_scattered_words(client, news_section):
    article(news_section, "Số liệu mới: chuyển giao và đổi mới công nghệ", days=1)
    article(news_section, "Chuyển đổi số trong ngành y tế", days=100)
    assert ranked_titles(client, "chuyển đổi số") == [
        "Chuyển đổi số trong ngành y tế",
        "Số liệu mới: chuyển giao và đổi mới công nghệ",
    ]


@needs_postgres
def test_a_query_with_diacritics_ranks_exact_diacritics_first(client, news_section):
    article(news_section, "Hôm nay trời đã nắng trở lại", days=1)
    article(news_section, "Du lịch Đà Nẵng mùa hè", days=90)
    assert ranked_titles(client, "Đà Nẵng") == [
        "Du lịch Đà Nẵng mùa hè",
        "Hôm nay trời đã nắng trở lại",
    ]


@needs_postgres
def test_a_query_without_diacritics_finds_both_spellings(client, news_section):
    article(news_section, "Hôm nay trời đã nắng trở lại", days=1)
    article(news_section, "Du lịch Đà Nẵng mùa hè", days=90)
    assert sorted(ranked_titles(client, "da nang")) == [
        "Du lịch Đà Nẵng mùa hè",
        "Hôm nay trời đã nắng trở lại",
    ]


@needs_postgres
def test_pages_with_all_words_come_first_and_some_words_only_when_none_has_all(
    client, news_section
):
    article(news_section, "Hợp tác với Nhật Bản", days=1)
    article(news_section, "Đầu tư hạ tầng số", days=2)
    article(news_section, "Hợp tác đầu tư với Hàn Quốc", days=400)
    assert ranked_titles(client, "hợp tác đầu tư") == ["Hợp tác đầu tư với Hàn Quốc"]
    response = client.get("/search/", {"q": "hợp tác đầu tư Singapore"})
    titles = [page.title for page in response.context["results"].object_list]
    assert sorted(titles) == sorted(
        ["Hợp tác với Nhật Bản", "Đầu tư hạ tầng số", "Hợp tác đầu tư với Hàn Quốc"]
    )
    assert titles[0] == "Hợp tác đầu tư với Hàn Quốc"  # the most words of the query
    assert response.context["some_words_at"] == 0
    assert "Kết quả chỉ chứa một phần từ khóa" in response.content.decode()


@needs_postgres
def test_the_whole_title_typed_ranks_above_a_longer_title_containing_it(client, news_section):
    article(news_section, "Đoàn công tác của Bộ lấy ý kiến về quy chế", days=1)
    article(news_section, "Bộ lấy ý kiến về quy chế", days=300)
    assert ranked_titles(client, "bo lay y kien ve quy che")[0] == "Bộ lấy ý kiến về quy chế"


def test_recency_breaks_ties(client, news_section):
    article(news_section, "Thông cáo báo chí", days=30)
    article(news_section, "Thông cáo báo chí", days=2)
    response = client.get("/search/", {"q": "thông cáo báo chí"})
    dates = [page.first_published_at for page in response.context["results"].object_list]
    assert dates == sorted(dates, reverse=True) and len(dates) == 2


def test_newest_first_is_a_choice(client, news_section):
    article(news_section, "Phát triển kinh tế biển", days=300)
    article(news_section, "Hội nghị", body="Bàn về kinh tế biển.", days=1)
    assert ranked_titles(client, "kinh tế biển", sort="newest") == [
        "Hội nghị",
        "Phát triển kinh tế biển",
    ]


def test_an_unpublished_page_leaves_the_index_and_a_published_one_enters_it(client, news_section):
    page = article(news_section, "Lễ phát động phong trào thi đua")
    assert SearchEntry.objects.filter(page_id=page.pk).exists()
    page.unpublish()
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()
    assert ranked_titles(client, "phong trào thi đua") == []
    page.save_revision().publish()
    assert ranked_titles(client, "phong trào thi đua") == ["Lễ phát động phong trào thi đua"]


def test_every_match_is_reachable_page_by_page(client, news_section):
    from news.demo.articles import bulk_create_articles
    from news.demo.text import NewsWriter

    bulk_create_articles([news_section], 45, [], NewsWriter(seed=5))
    seen = []
    for number in (1, 2, 3):
        response = client.get("/search/", {"q": "Bộ", "page": number})
        seen += [page.pk for page in response.context["results"].object_list]
    count = response.context["count"]
    assert count > 40
    assert len(seen) == len(set(seen)) == count


def test_the_results_page_states_the_count_section_type_and_date(client, news_section):
    article(news_section, "Phát triển kinh tế biển", days=3)
    html = client.get("/search/", {"q": "kinh tế biển"}).content.decode()
    assert '<h2 id="results-heading">1 kết quả</h2>' in html
    assert "(1 kết quả)" in html.split("</title>")[0]
    assert 'role="status"' in html
    assert "Chuyển đổi số</span>" in html  # the section
    assert "Bài viết</span>" in html  # the type
    assert 'value="kinh tế biển"' in html  # the query kept in the field


def test_no_results_suggests_what_to_try(client, news_section):
    html = client.get("/search/", {"q": "khôngcógìcả"}).content.decode()
    for hint in ("Kiểm tra chính tả", "Dùng ít từ hơn", "Bỏ bớt bộ lọc"):
        assert hint in html


def test_results_pages_cost_the_same_number_of_queries_at_two_scales(client, news_section):
    from news.demo.articles import bulk_create_articles
    from news.demo.text import NewsWriter

    writer = NewsWriter(seed=9)

    def queries(page):
        client.get("/search/", {"q": "Bộ", "page": page})  # warm
        with CaptureQueriesContext(connection) as captured:
            client.get("/search/", {"q": "Bộ", "page": page})
        return len(captured)

    bulk_create_articles([news_section], 45, [], writer)
    small = [queries(1), queries(2)]
    bulk_create_articles([news_section], 200, [], writer)
    assert [queries(1), queries(2)] == small


@needs_postgres
def test_past_the_count_limit_the_count_is_estimated_and_every_match_stays_reachable(
    client, news_section, monkeypatch, settings
):
    """Small limits stand in for 1,000 at scale: the title tier overflows the first page's count,
    the body-only tier follows it, and paging reaches both, each match once."""
    from sitewide.search import ranking

    monkeypatch.setattr(ranking, "COUNT_LIMIT", 10)
    monkeypatch.setattr(ranking, "HEAD_BLOCK", 10)
    monkeypatch.setattr(ranking, "BLOCK", 5)
    settings.PORTAL_LISTING_PAGE_SIZE = 10
    for number in range(25):
        article(news_section, f"Chữ ký số, thông báo {number}", days=number + 1)
    for number in range(12):
        article(
            news_section,
            f"Tin địa phương {number}",
            body="Hộ dân dùng chữ ký số.",
            days=50 + number,
        )
    first = client.get("/search/", {"q": "chữ ký số"})
    assert first.context["count_is_estimate"]
    assert "Khoảng" in first.context["count_label"]
    seen, tiers = [], []
    for number in range(1, 6):
        response = client.get("/search/", {"q": "chữ ký số", "page": number})
        items = response.context["results"].object_list
        seen += [item.pk for item in items]
        tiers += ["Chữ ký số" in item.title for item in items]
    assert len(seen) == len(set(seen)) == 37
    assert tiers == [True] * 25 + [False] * 12  # titles first, then the body-only matches
    assert not response.context["count_is_estimate"] and response.context["count"] == 37
