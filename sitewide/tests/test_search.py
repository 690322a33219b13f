"""Site search: Vietnamese with or without diacritics (PostgreSQL), filters, pagination, bad input."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from testsupport import make_article, make_section

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="diacritic folding uses PostgreSQL's unaccent"
)


@pytest.fixture
def corpus(home, news_section):
    other = make_section(home, "Hợp tác quốc tế", slug="hop-tac")
    now = timezone.now()
    return {
        "digital": make_article(
            news_section, "Chuyển đổi số tại Đà Nẵng", published_at=now - timedelta(days=3)
        ),
        "services": make_article(
            news_section, "Dịch vụ công trực tuyến", published_at=now - timedelta(days=40)
        ),
        "foreign": make_article(
            other, "Hợp tác chuyển đổi số với đối tác", published_at=now - timedelta(days=1)
        ),
        "other": other,
    }


def _titles(response):
    return sorted(p.title for p in response.context["results"].object_list)


def test_search_finds_articles_by_words_with_diacritics(client, corpus):
    response = client.get("/search/", {"q": "Đà Nẵng"})
    assert response.status_code == 200
    assert _titles(response) == ["Chuyển đổi số tại Đà Nẵng"]


@needs_postgres
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("chuyen doi so", ["Chuyển đổi số tại Đà Nẵng", "Hợp tác chuyển đổi số với đối tác"]),
        ("da nang", ["Chuyển đổi số tại Đà Nẵng"]),
        ("DICH VU CONG", ["Dịch vụ công trực tuyến"]),
    ],
)
def test_search_ignores_diacritics_on_postgresql(client, corpus, query, expected):
    assert _titles(client.get("/search/", {"q": query})) == expected


def test_search_filters_by_section(client, corpus):
    response = client.get("/search/", {"q": "chuyển đổi số", "section": corpus["other"].pk})
    assert _titles(response) == ["Hợp tác chuyển đổi số với đối tác"]


def test_search_filters_by_date_range(client, corpus):
    today = timezone.localdate()
    response = client.get(
        "/search/",
        {
            "q": "dịch vụ",
            "date_from": (today - timedelta(days=60)).isoformat(),
            "date_to": (today - timedelta(days=30)).isoformat(),
        },
    )
    assert _titles(response) == ["Dịch vụ công trực tuyến"]
    response = client.get(
        "/search/", {"q": "dịch vụ", "date_from": (today - timedelta(days=10)).strftime("%d/%m/%Y")}
    )
    assert _titles(response) == []
    assert "Không tìm thấy nội dung nào" in response.content.decode()


def test_malformed_date_gets_a_form_error_not_a_crash(client, corpus):
    response = client.get("/search/", {"q": "số", "date_from": "31/02/abc"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ngày bắt đầu không hợp lệ" in html
    assert 'class="error-summary"' in html and 'href="#id_date_from"' in html


def test_reversed_date_range_is_explained(client, corpus):
    response = client.get(
        "/search/", {"q": "số", "date_from": "2026-05-01", "date_to": "2026-04-01"}
    )
    assert response.status_code == 400
    assert "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu." in response.content.decode()


def test_a_thousand_character_query_is_cut_with_a_message(client, corpus):
    response = client.get("/search/", {"q": "Đà Nẵng " + "x" * 1000})
    assert response.status_code == 200
    assert response.context["query"] == ("Đà Nẵng " + "x" * 1000)[:200]
    assert "Từ khóa quá dài nên đã được rút gọn" in response.content.decode()


def test_unknown_section_or_junk_page_number_never_fails(client, corpus):
    assert client.get("/search/", {"q": "số", "section": "abc"}).status_code == 400
    assert client.get("/search/", {"q": "số", "section": "999999"}).status_code == 400
    assert client.get("/search/", {"q": "số", "page": "zzz"}).status_code == 200


def test_search_results_are_paginated(client, news_section):
    from news.demo.articles import bulk_create_articles
    from news.demo.text import NewsWriter

    bulk_create_articles([news_section], 25, [], NewsWriter(seed=3))
    response = client.get("/search/", {"q": "Bộ"})
    results = response.context["results"]
    if results.paginator.count > 20:
        assert len(results.object_list) == 20
        assert client.get("/search/", {"q": "Bộ", "page": 2}).context["results"].number == 2


def test_empty_search_shows_the_form_only(client, corpus):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["results"] is None
    assert '<label for="id_q">' in response.content.decode()
