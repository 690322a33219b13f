"""An article's own rows come with it when served: tags, chosen links, linked documents.

Routing reads them in the article's own statement (`news/serving.py`); the page must still show
exactly what the relations hold, in the editor's order, and a chosen article must cost no query
of its own.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import ArticlePage, ArticleRelatedLink
from testsupport import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE = False


def _ago(days: int):
    return timezone.now() - timedelta(days=days)


def related_titles(html: str) -> list[str]:
    section = html.split('id="related-heading"', 1)[1]
    return re.findall(r'class="card__title"[^>]*><a href="[^"]*">([^<]+)</a>', section)


def test_tags_are_shown_in_the_order_they_were_given(client, news_section):
    article = make_article(news_section, "Bài có từ khóa", tags=["zeta", "alpha", "giữa"])

    html = client.get(article.url).content.decode()

    tags = html.split('class="article__tags"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r">([^<]+)</a>", tags) == ["zeta", "alpha", "giữa"]


def test_chosen_articles_come_first_in_the_editors_order_and_drafts_are_left_out(
    client, news_section
):
    newest = make_article(news_section, "Tin mới nhất", published_at=_ago(1))
    old = make_article(news_section, "Tin cũ được chọn", published_at=_ago(300))
    draft = make_article(news_section, "Bản nháp được chọn", publish=False)
    older = make_article(news_section, "Tin cũ hơn được chọn", published_at=_ago(400))
    article = make_article(news_section, "Bài gốc", published_at=_ago(2))
    for order, page in enumerate((old, draft, older)):
        ArticleRelatedLink.objects.create(article=article, page=page, sort_order=order)

    html = client.get(article.url).content.decode()

    assert related_titles(html)[:3] == [old.title, older.title, newest.title]
    assert draft.title not in related_titles(html)


def test_chosen_articles_cost_no_query_of_their_own(client, news_section):
    for n in range(6):
        make_article(news_section, f"Tin {n}", published_at=_ago(n + 1))
    article = make_article(news_section, "Bài gốc", tags=["dữ liệu"])
    client.get(article.url)
    with CaptureQueriesContext(connection) as without_links:
        client.get(article.url)
    for order, page in enumerate(ArticlePage.objects.exclude(pk=article.pk)[:3]):
        ArticleRelatedLink.objects.create(article=article, page=page, sort_order=order)
    client.get(article.url)
    with CaptureQueriesContext(connection) as with_links:
        client.get(article.url)

    assert len(with_links) == len(without_links) > 0
