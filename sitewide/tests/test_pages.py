"""Site-wide pages: 404, robots.txt, sitemap, standard pages, the English tree."""

import pytest

from seo.testing import sitemap_locations
from sitewide.models import StandardPage
from testsupport import make_article

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_an_accessible_vietnamese_404(client, home):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert html.count("<h1") == 1 and "Không tìm thấy trang" in html
    assert 'href="#main-content"' in html


def test_robots_txt_points_at_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    # The site's canonical host (the Wagtail site's), not whichever host the request named.
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode()


def test_sitemap_lists_live_articles_only(client, news_section):
    live = make_article(news_section, "Tin đã đăng")
    make_article(news_section, "Bản nháp", publish=False)
    listed = sitemap_locations(client)
    assert f"http://localhost{live.url}" in listed
    assert not any("ban-nhap" in url for url in listed)


def test_standard_page_renders_intro_body_and_review_date(client, home):
    from datetime import date

    page = StandardPage(
        title="Tuyên bố hỗ trợ tiếp cận",
        slug="tuyen-bo",
        intro="Mức độ tuân thủ.",
        body=[{"type": "paragraph", "value": "<p>TCVN 9249:2012</p>"}],
        last_reviewed=date(2026, 11, 20),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "TCVN 9249:2012" in html and "20/11/2026" in html


def test_english_pages_are_served_under_en_with_english_lang(client, homes):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
