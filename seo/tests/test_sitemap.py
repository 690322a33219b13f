"""The sitemap index and its parts: every live public page exactly once, alternates, exact purges."""

import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from seo import purge, sitemaps
from sitewide.models import StandardPage
from testsupport import make_article

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def part_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    locations = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    lastmods = [lastmod.text for lastmod in root.findall("sm:sitemap/sm:lastmod", NS)]
    assert len(lastmods) == len(locations) and all(lastmods)
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in locations]


def listed(client) -> list[ElementTree.Element]:
    urls = []
    for path in part_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        urls.extend(ElementTree.fromstring(response.content).findall("sm:url", NS))
    return urls


def locations(client) -> list[str]:
    return [url.find("sm:loc", NS).text for url in listed(client)]


def expected_urls() -> list[str]:
    return sorted(
        page.full_url
        for page in Page.objects.live().public().filter(depth__gt=1).specific()
        if page.full_url
    )


@pytest.fixture
def corpus(news_section):
    articles = [make_article(news_section, f"Tin số {n}") for n in range(7)]
    make_article(news_section, "Bản nháp", publish=False)
    private = make_article(news_section, "Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return articles, private


def test_the_parts_list_every_live_public_page_exactly_once(client, corpus, monkeypatch):
    # Small windows so that articles spread over several parts, as at 120,000.
    monkeypatch.setattr(sitemaps, "WINDOW", 4)
    found = locations(client)
    assert len(found) == len(set(found))
    assert sorted(found) == expected_urls()
    assert not any("ban-nhap" in url or "tin-noi-bo" in url for url in found)
    assert any(url.endswith("/en/") for url in found)  # both languages
    assert len(part_paths(client)) > 3


def test_every_part_holds_at_most_one_window_of_one_page_type(client, corpus, monkeypatch):
    monkeypatch.setattr(sitemaps, "WINDOW", 4)
    for path in part_paths(client):
        match = re.fullmatch(r"/sitemap-(?P<label>[a-z_.]+)-(?P<window>\d+)\.xml", path)
        assert match, path
        count = len(ElementTree.fromstring(client.get(path).content).findall("sm:url", NS))
        assert 1 <= count <= 4


def test_translated_pages_name_each_other_and_a_default_in_the_sitemap(client, homes):
    home, home_en = homes
    about = StandardPage(title="Giới thiệu", slug="gioi-thieu")
    home.add_child(instance=about)
    about.save_revision().publish()
    about_en = about.copy_for_translation(home_en.locale)
    about_en.slug = "about"
    about_en.save_revision().publish()
    checked = 0
    for url in listed(client):
        loc = url.find("sm:loc", NS).text
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        if loc.endswith(("/gioi-thieu/", "/en/about/")):
            assert alternates == {
                "vi": "http://localhost/gioi-thieu/",
                "en": "http://localhost/en/about/",
                "x-default": "http://localhost/gioi-thieu/",
            }
            checked += 1
    assert checked == 2


def test_a_part_costs_the_same_queries_with_five_or_twenty_five_articles(client, news_section):
    def queries() -> int:
        purge.purge_everything()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap-news.articlepage-0.xml").status_code == 200
        return len(captured)

    for n in range(5):
        make_article(news_section, f"Ít {n}")
    few = queries()
    for n in range(20):
        make_article(news_section, f"Nhiều {n}")
    assert queries() == few <= 4


def test_unknown_parts_and_pages_are_not_found(client, corpus):
    for path in (
        "/sitemap-news.articlepage-99.xml",
        "/sitemap-news.nothing-0.xml",
        "/sitemap-wagtailcore.page-0.xml",
        "/sitemap-news.articlepage-0.xml?p=2",
        "/sitemap-news.articlepage-0.xml?p=x",
        "/sitemap-junk.xml",
    ):
        assert client.get(path).status_code == 404, path


def test_publishing_an_article_purges_its_part_and_the_index_only(client, corpus, news_section):
    articles, _private = corpus
    article_part = sitemaps.section_name(type(articles[0]), 0)
    section_part = sitemaps.section_name(type(news_section), 0)
    client.get("/sitemap.xml")
    client.get(f"/sitemap-{article_part}.xml")
    client.get(f"/sitemap-{section_part}.xml")
    with CaptureQueriesContext(connection) as captured:
        client.get(f"/sitemap-{section_part}.xml")
    assert len(captured) == 0  # served from the cache
    before = purge.current_tokens(section_part)

    new = make_article(news_section, "Tin mới đăng")
    assert new.full_url in client.get(f"/sitemap-{article_part}.xml").content.decode()
    assert purge.current_tokens(section_part) == before  # another part keeps its entry

    new.unpublish()
    assert new.full_url not in client.get(f"/sitemap-{article_part}.xml").content.decode()
    assert new.full_url not in " ".join(locations(client))


def test_moving_a_page_renews_every_part(client, corpus, news_section):
    articles, _private = corpus
    before = purge.current_tokens("x")[0]
    articles[0].move(news_section.get_parent(), pos="last-child")
    assert purge.current_tokens("x")[0] != before


def test_robots_txt_points_at_the_index_on_the_canonical_host(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode()


def test_crawlers_may_ask_with_head_but_not_post(client, home):
    for path in ("/sitemap.xml", "/sitemap-sitewide.homepage-0.xml", "/robots.txt"):
        assert client.head(path).status_code == 200, path
        assert client.post(path).status_code == 405, path


def test_every_page_type_is_listed_unless_it_opts_out(client, home, monkeypatch):
    from wagtail.models import get_page_models

    assert set(sitemaps.listed_page_types()) == set(get_page_models()) - {Page}
    about = StandardPage(title="Giới thiệu", slug="gioi-thieu")
    home.add_child(instance=about)
    about.save_revision().publish()
    part = f"/sitemap-{sitemaps.section_name(StandardPage, (about.pk - 1) // sitemaps.WINDOW)}.xml"
    assert client.get(part).status_code == 200
    monkeypatch.setattr(StandardPage, "exclude_from_sitemap", True, raising=False)
    purge.purge_everything()
    assert client.get(part).status_code == 404
    assert part not in part_paths(client)
