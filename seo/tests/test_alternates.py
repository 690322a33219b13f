"""hreflang alternates in <head>: each language and x-default on translated pages, none otherwise."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from testsupport import make_article

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def alternates(html: str) -> dict[str, str]:
    head = html.split("</head>")[0]
    return dict(LINK.findall(head))


@pytest.fixture
def translated(news_section, homes):
    article = make_article(news_section, "Hợp tác quốc tế")
    section_en = news_section.copy_for_translation(homes[1].locale, copy_parents=True)
    section_en.save_revision().publish()
    article_en = article.copy_for_translation(homes[1].locale)
    article_en.title, article_en.slug = "International cooperation", "international-cooperation"
    article_en.save_revision().publish()
    article_en.refresh_from_db()
    return article, article_en


def test_a_translated_article_names_both_languages_and_a_default(client, translated):
    article, article_en = translated
    expected = {
        "vi": article.get_full_url(),
        "en": article_en.get_full_url(),
        "x-default": article.get_full_url(),
    }
    assert alternates(client.get(article.url).content.decode()) == expected
    assert alternates(client.get(article_en.url).content.decode()) == expected


def test_home_pages_name_each_other(client, homes):
    assert alternates(client.get("/").content.decode()) == {
        "vi": "http://localhost/",
        "en": "http://localhost/en/",
        "x-default": "http://localhost/",
    }


def test_a_page_without_translation_has_no_alternates(client, news_section):
    article = make_article(news_section, "Chỉ có tiếng Việt")
    assert alternates(client.get(article.url).content.decode()) == {}


def test_alternates_reuse_the_language_switch_query(client, translated):
    article, _article_en = translated
    client.get(article.url)  # warm what the first visit fills (snapshot, renditions)
    with CaptureQueriesContext(connection) as captured:
        client.get(article.url, HTTP_CACHE_CONTROL="no-cache")
    # Its own statement, not the routing statement's "has translations?" column (news/serving.py).
    reads = [q["sql"] for q in captured if '"wagtailcore_page"."translation_key" = ' in q["sql"]]
    assert len(reads) == 1, reads


def test_an_untranslated_article_reads_no_translations(client, news_section, settings):
    settings.PORTAL_PAGE_CACHE = False
    article = make_article(news_section, "Chỉ có tiếng Việt")
    client.get(article.url)  # warm what the first visit fills (snapshot, renditions)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(article.url).content.decode()
    assert alternates(html) == {}
    assert not [q for q in captured if '"wagtailcore_page"."translation_key" = ' in q["sql"]]
