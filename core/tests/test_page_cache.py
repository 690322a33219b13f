"""The page cache: anonymous readers get stored copies, and never a stale one after a change."""

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction, Site

from core.caching.pages import STATUS_HEADER, is_storable
from core.models import SiteSettings
from testsupport import make_article, make_section, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE = True
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def site_tree():
    home, _home_en = make_site()
    # Made on first use otherwise, and a new settings row (rightly) purges every page.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    news = make_section(home, "Tin tức", slug="tin-tuc", show_in_menus=True, show_on_home=False)
    section = make_section(news, "Chuyển đổi số", slug="chuyen-doi-so")
    other = make_section(news, "Chính sách", slug="chinh-sach")
    article = make_article(section, "Bài đã có sẵn")
    return {"home": home, "news": news, "section": section, "other": other, "article": article}


def visit(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def warm(client, *urls):
    """Visit twice so each page is surely stored, and check the second answer came from the cache."""
    for url in urls:
        visit(client, url)
        assert visit(client, url)[STATUS_HEADER] == "hit", url


def test_second_anonymous_visit_is_served_from_the_cache_with_cdn_headers(client, site_tree):
    first = visit(client, site_tree["article"].url)
    second = visit(client, site_tree["article"].url)
    assert first[STATUS_HEADER] == "miss" and second[STATUS_HEADER] == "hit"
    assert second.content == first.content
    assert "s-maxage=" in second["Cache-Control"] and "public" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert not second.cookies


def test_public_pages_set_no_cookie_so_they_can_be_cached(client, site_tree):
    response = visit(client, "/")
    assert not response.cookies, "a cookie (e.g. a CSRF token) would make every page uncacheable"


def test_publishing_an_article_shows_it_at_once_on_home_listings_feeds_and_sitemap(
    client, site_tree
):
    urls = [
        "/",
        site_tree["news"].url,
        site_tree["section"].url,
        site_tree["section"].url + "rss/",
        "/rss.xml",
    ]
    warm(client, *urls)
    # The sitemap part listing the section's articles has its own cache (seo/purge.py).
    sitemap_part = "/sitemap-news.articlepage-0.xml"
    visit(client, sitemap_part)
    article = make_article(site_tree["section"], "Tin mới vừa xuất bản")
    for url in [*urls, sitemap_part]:
        response = visit(client, url)
        assert (
            "Tin mới vừa xuất bản".encode() in response.content
            or article.url.encode() in response.content
        ), url


def test_republishing_an_article_updates_its_own_page_at_once(client, site_tree):
    article = site_tree["article"]
    warm(client, article.url)
    article.title = "Tiêu đề đã sửa"
    article.save_revision().publish()
    assert "Tiêu đề đã sửa" in visit(client, article.url).content.decode()


def test_unpublishing_an_article_removes_it_at_once(client, site_tree):
    article = site_tree["article"]
    warm(client, article.url, site_tree["section"].url)
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert "Bài đã có sẵn" not in visit(client, site_tree["section"].url).content.decode()


def test_moving_an_article_updates_both_sections_and_its_old_address(client, site_tree):
    article, old_url = site_tree["article"], site_tree["article"].url
    warm(client, old_url, site_tree["section"].url, site_tree["other"].url)
    article.move(site_tree["other"], pos="last-child")
    article.refresh_from_db()
    # Wagtail's redirects app sends the old address on to the new one; never the cached old page.
    old = client.get(old_url)
    assert old.status_code in (301, 404) and STATUS_HEADER not in old
    assert "Bài đã có sẵn" not in visit(client, site_tree["section"].url).content.decode()
    assert "Bài đã có sẵn" in visit(client, site_tree["other"].url).content.decode()
    assert visit(client, article.url).status_code == 200


def test_deleting_an_article_removes_it_at_once(client, site_tree):
    article, url = site_tree["article"], site_tree["article"].url
    warm(client, url, site_tree["section"].url, "/")
    article.delete()
    assert client.get(url).status_code == 404
    assert "Bài đã có sẵn" not in visit(client, site_tree["section"].url).content.decode()
    assert "Bài đã có sẵn" not in visit(client, "/").content.decode()


def test_renaming_a_section_updates_navigation_and_breadcrumbs_everywhere(client, site_tree):
    warm(client, site_tree["article"].url, "/")
    news = site_tree["news"]
    news.title = "Tin tức – Sự kiện"
    news.save_revision().publish()
    assert "Tin tức – Sự kiện" in visit(client, site_tree["article"].url).content.decode()
    assert "Tin tức – Sự kiện" in visit(client, "/").content.decode()


def test_each_display_setting_has_its_own_copy(client, site_tree):
    url = site_tree["article"].url
    warm(client, url)
    client.cookies["display"] = "size-large.contrast-high.spacing-normal"
    large = visit(client, url)
    assert large[STATUS_HEADER] == "miss"
    assert b"text-large" in large.content and b"contrast-high" in large.content
    del client.cookies["display"]
    assert b"text-large" not in visit(client, url).content


def test_logged_in_editor_is_never_served_nor_stored(client, site_tree, django_user_model):
    url = site_tree["article"].url
    warm(client, url)
    editor = django_user_model.objects.create_superuser(
        "bientap", "bt@example.gov.vn", "mat-khau-dai-123"
    )
    client.force_login(editor)
    response = visit(client, url)
    assert STATUS_HEADER not in response
    client.logout()
    client.cookies.clear()
    assert b"wagtail-userbar" not in visit(client, url).content


def test_private_pages_are_never_stored(client, site_tree):
    section = site_tree["section"]
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="bi-mat")
    for _ in range(2):
        response = client.get(site_tree["article"].url)
        assert STATUS_HEADER not in response
        assert "Bài đã có sẵn" not in response.content.decode()


def test_search_results_are_not_stored(client, site_tree):
    for _ in range(2):
        assert STATUS_HEADER not in client.get("/search/?q=b%C3%A0i")


def test_a_response_that_sets_a_cookie_is_not_stored(site_tree):
    request = RequestFactory().get("/")
    request.resolver_match = type("Match", (), {"url_name": "wagtail_serve"})()
    response = HttpResponse("x")
    assert is_storable(request, response)
    response.set_cookie("anything", "1")
    assert not is_storable(request, response)


class RecordingBackend(BaseBackend):
    purged: list[str] = []

    def purge(self, url: str) -> None:
        RecordingBackend.purged.append(url)


def test_publishing_purges_the_configured_cdn_for_the_page_its_sections_home_and_feeds(site_tree):
    RecordingBackend.purged = []
    backend = {"recorder": {"BACKEND": f"{__name__}.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=backend, WAGTAILFRONTENDCACHE_LANGUAGES=[]):
        article = make_article(site_tree["section"], "Tin cho CDN")
    root = "http://localhost"
    for path in [
        article.url,
        site_tree["section"].url,
        site_tree["news"].url,
        "/",
        site_tree["section"].url + "rss/",
        "/rss.xml",
        "/sitemap.xml",
    ]:
        assert root + path in RecordingBackend.purged, path


def test_listing_counts_follow_publication_and_unpublication(client, site_tree):
    section = site_tree["section"]
    warm(client, section.url)
    newer = make_article(section, "Bài thứ hai")
    listing = visit(client, section.url).content.decode()
    assert (
        "Bài đã có sẵn" in listing and "Bài thứ hai" in listing
    )  # a stale count of 1 would hide one
    newer.unpublish()
    listing = visit(client, section.url).content.decode()
    assert "Bài đã có sẵn" in listing and "Bài thứ hai" not in listing


def stored_entries() -> int:
    """Page-cache entries in the test's local-memory cache."""
    keys = list(getattr(caches["default"], "_cache", {}))
    return len([key for key in keys if ":portal:page:" in key])


def test_unknown_query_parameters_redirect_to_the_cached_canonical_page(client, site_tree):
    url = site_tree["article"].url
    warm(client, url)
    entries = stored_entries()
    response = client.get(url + "?utm_source=newsletter&fbclid=abc")
    assert response.status_code == 301 and response["Location"] == url
    assert stored_entries() == entries


def test_unknown_query_parameters_neither_create_entries_nor_bypass_the_cache(client, site_tree):
    url = site_tree["section"].url
    entries = stored_entries()
    response = client.get(url + "?nocache=12345")
    assert response.status_code == 301 and response["Location"] == url
    assert stored_entries() == entries  # nothing rendered, nothing stored
    assert visit(client, url)[STATUS_HEADER] == "miss"
    assert visit(client, url)[STATUS_HEADER] == "hit"


def test_known_parameters_are_kept_and_their_order_does_not_matter(client, site_tree):
    url = site_tree["section"].url
    response = client.get(url + "?x=1&page=1")
    assert response.status_code == 301 and response["Location"] == url + "?page=1"
    assert visit(client, url + "?page=1&print=1")[STATUS_HEADER] == "miss"
    assert visit(client, url + "?print=1&page=1")[STATUS_HEADER] == "hit"


def test_views_that_are_not_cached_keep_every_parameter(client, site_tree):
    response = client.get("/search/?q=b%C3%A0i&utm_source=x")
    assert response.status_code == 200 and STATUS_HEADER not in response


def test_a_parameter_only_another_page_type_reads_is_dropped_by_the_page(client, site_tree):
    """`type` and `q` are read by filtered listings; on an article they would each make an entry."""
    url = site_tree["article"].url
    entries = stored_entries()
    for query in ("?type=video", "?q=abc", "?type=video&print=1"):
        response = client.get(url + query)
        assert response.status_code == 301, query
        assert response["Location"] in (url, url + "?print=1"), query
    assert stored_entries() == entries


def test_free_text_filters_are_answered_but_never_stored(client, site_tree):
    from documents.models import DocumentIndexPage

    index = site_tree["home"].add_child(instance=DocumentIndexPage(title="Văn bản", slug="van-ban"))
    entries = stored_entries()
    for _ in range(2):
        assert STATUS_HEADER not in visit(client, index.url + "?q=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh")
    assert stored_entries() == entries
    response = client.get(index.url + "?status=con-hieu-luc&utm_source=x")
    assert response.status_code == 301
    assert response["Location"] == index.url + "?status=con-hieu-luc"
