"""JSON-LD on every page type: the right schema.org type with its required properties, inside the strict CSP."""

from datetime import UTC, date, datetime

import pytest
from django.test import TestCase
from wagtail.models import Site

from core.models import SiteSettings
from media_products.models import AudioPage, PhotoStoryPage, VideoPage
from media_products.tests.factories import PRODUCT_MODELS, ProductsTestData
from seo import structured_data as sd
from sitewide.models import StandardPage
from testsupport import make_article, make_image

from .jsonld import assert_valid, graph, node

pytestmark = pytest.mark.django_db


def ministry() -> dict:
    return sd.publisher(
        "Bộ Thử nghiệm",
        "https://bo.gov.vn/",
        "https://bo.gov.vn/static/img/emblem.png",
        "1 Phố Thử, Hà Nội",
        "024 0000 0000",
        "lienhe@bo.gov.vn",
    )


def test_publisher_is_a_government_organization_with_logo_address_and_contact():
    publisher = ministry()
    assert_valid(publisher, "publisher")
    assert publisher["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Phố Thử, Hà Nội",
        "addressCountry": "VN",
    }
    assert publisher["contactPoint"]["telephone"] == "024 0000 0000"
    assert publisher["contactPoint"]["email"] == "lienhe@bo.gov.vn"


def test_legislation_carries_number_type_dates_force_and_jurisdiction():
    law = sd.legislation(
        "Thông tư về chuyển đổi số",
        "https://bo.gov.vn/van-ban/tt-01/",
        "vi",
        identifier="01/2026/TT-BTT",
        legislation_type="Thông tư",
        date_passed=date(2026, 1, 5),
        date_in_force=date(2026, 3, 1),
        legal_force="in_force",
        passed_by="Bộ Thử nghiệm",
    )
    assert_valid(law)
    assert law["legislationJurisdiction"] == "VN"
    assert law["legislationLegalForce"] == "https://schema.org/InForce"
    assert law["legislationDateOfApplicability"] == date(2026, 3, 1)


def test_an_unknown_legal_status_is_left_out_not_guessed():
    law = sd.legislation("Dự thảo", "https://x/", "vi", "", "", None, None, "draft", "")
    assert "legislationLegalForce" not in law


def test_durations_are_iso_8601():
    assert sd.iso_duration(3723.4) == "PT1H2M3S"
    assert sd.iso_duration(60) == "PT1M"
    assert sd.iso_duration(0) is None


def test_a_title_cannot_end_the_data_block():
    html = sd.as_script([{"@type": "WebPage", "name": "</script><script>alert(1)</script>"}])
    assert html.count("</script>") == 1 and "<script>alert" not in html
    assert graph(html)[0]["name"] == "</script><script>alert(1)</script>"


@pytest.fixture
def settings_row(home):
    row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    row.owner, row.address, row.phone = "Bộ Thử nghiệm", "1 Phố Thử, Hà Nội", "024 0000 0000"
    row.save()
    return row


def test_article_is_a_news_article_with_image_caption_author_and_publisher(
    client, news_section, settings_row
):
    image = make_image("anh-bai", description="Lãnh đạo Bộ phát biểu")
    article = make_article(
        news_section,
        "Ra mắt cổng dịch vụ công",
        author="Nguyễn Văn A",
        featured_image=image,
        published_at=datetime(2026, 11, 20, 8, 0, tzinfo=UTC),
    )
    response = client.get(article.url)
    html = response.content.decode()
    news = node(html, "NewsArticle")
    assert_valid(news)
    assert news["headline"] == "Ra mắt cổng dịch vụ công"
    assert news["author"] == {"@type": "Person", "name": "Nguyễn Văn A"}
    assert news["image"]["caption"] == "Lãnh đạo Bộ phát biểu"
    assert news["datePublished"].startswith("2026-11-20T08:00:00")
    assert news["publisher"]["name"] == "Bộ Thử nghiệm"
    assert news["publisher"]["address"]["streetAddress"] == "1 Phố Thử, Hà Nội"
    crumbs = node(html, "BreadcrumbList")
    assert_valid(crumbs)
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names == ["Trang chủ", "Tin tức", "Chuyển đổi số", "Ra mắt cổng dịch vụ công"]
    assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3, 4]
    # Data, not script: the public policy stays without inline script.
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1]


def test_home_is_a_website_with_a_search_action(client, home, settings_row):
    html = client.get("/").content.decode()
    site = node(html, "WebSite")
    assert_valid(site)
    target = site["potentialAction"]["target"]["urlTemplate"]
    assert target == "http://localhost/search/?q={search_term_string}"
    assert "BreadcrumbList" not in [n["@type"] for n in graph(html)]


def test_an_information_page_is_a_web_page_with_breadcrumbs(client, home):
    page = StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Chức năng, nhiệm vụ.")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert_valid(node(html, "WebPage"))
    assert_valid(node(html, "BreadcrumbList"))


def test_a_section_is_a_collection_page(client, news_section):
    html = client.get(news_section.url).content.decode()
    assert node(html, "CollectionPage")["name"] == "Chuyển đổi số"


class MultimediaTest(ProductsTestData, TestCase):
    def html(self, model) -> str:
        return self.client.get(self.products[model].url).content.decode()

    def test_every_product_type_has_valid_structured_data(self):
        kinds = {}
        for model in PRODUCT_MODELS:
            main = graph(self.html(model))[0]
            assert_valid(main)
            kinds[model.__name__] = main["@type"]
        assert kinds == {
            "VideoPage": "VideoObject",
            "AudioPage": "PodcastEpisode",
            "PhotoStoryPage": "ImageGallery",
            "InfographicPage": "Article",
            "EMagazinePage": "Article",
        }

    def test_video_names_its_caption_file_and_transcript(self):
        video = node(self.html(VideoPage), "VideoObject")
        page = self.products[VideoPage]
        track = self.files["captions"]
        assert video["caption"] == [
            {
                "@type": "MediaObject",
                "contentUrl": f"http://localhost{page.url}phu-de/{track.pk}/",
                "encodingFormat": "text/vtt",
                "inLanguage": "vi",
            }
        ]
        assert video["transcript"]
        assert video["duration"].startswith("PT")

    def test_podcast_episode_has_its_audio_duration_transcript_and_series(self):
        episode = node(self.html(AudioPage), "PodcastEpisode")
        audio = episode["associatedMedia"]
        assert audio["@type"] == "AudioObject" and audio["transcript"]
        assert audio["contentUrl"].startswith("http://localhost/")
        assert audio["duration"].startswith("PT")
        assert episode["partOfSeries"]["name"] == self.files["series"].title
        assert episode["episodeNumber"] == 1

    def test_photo_story_lists_its_photos_with_their_alt_text(self):
        gallery = node(self.html(PhotoStoryPage), "ImageGallery")
        assert [image["caption"] for image in gallery["associatedMedia"]] == ["Một cây cầu"]


def queries_for(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm what any first visit fills (snapshot, renditions)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


class DescribingCostsNoQueryTest(ProductsTestData, TestCase):
    def test_structured_data_adds_no_query_to_any_page(self):
        from unittest import mock

        from django.core.cache import caches
        from django.test import override_settings

        from seo.templatetags import seo_tags

        article = make_article(
            make_section_under(self.home), "Bài có ảnh", featured_image=self.image
        )
        urls = ["/", article.url, *(self.products[model].url for model in PRODUCT_MODELS)]
        with override_settings(PORTAL_PAGE_CACHE=False):
            for url in urls:
                caches["default"].clear()
                with_data = queries_for(self.client, url)
                caches["default"].clear()
                with mock.patch.object(seo_tags.page_data, "graph", return_value=[]):
                    without = queries_for(self.client, url)
                assert with_data == without, url


def make_section_under(home):
    from testsupport import make_section

    return make_section(home, "Tin tức", slug="tin-tuc")


def test_the_publisher_logo_is_the_one_uploaded_in_the_site_settings(client, home, settings_row):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), "#aa0000").save(buffer, format="PNG")
    settings_row.logo = SimpleUploadedFile("logo-bo.png", buffer.getvalue(), "image/png")
    settings_row.save()
    publisher = node(client.get("/").content.decode(), "WebSite")["publisher"]
    assert_valid(publisher, "publisher")
    assert publisher["logo"]["url"].startswith("http://localhost/")
    assert "logo-bo" in publisher["logo"]["url"]


def test_without_a_logo_the_publisher_shows_the_emblem(client, home):
    publisher = node(client.get("/").content.decode(), "WebSite")["publisher"]
    assert publisher["logo"]["url"].endswith("emblem.svg")


def test_a_legal_document_is_legislation_with_its_number_type_dates_and_force(client, home):
    from documents.tests.factories import days, make_document, make_index, make_lists

    lists = make_lists()
    index = make_index(home)
    old = make_document(index, lists, number="15/2020/NĐ-CP", expires_on=days(-10))
    html = client.get(old.url).content.decode()
    law = node(html, "Legislation")
    assert_valid(law)
    assert law["legislationIdentifier"] == "15/2020/NĐ-CP"
    assert law["legislationType"] == "Nghị định"
    assert law["legislationPassedBy"]["name"] == "Chính phủ"
    assert law["legislationJurisdiction"] == "VN"
    assert law["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert_valid(node(html, "BreadcrumbList"))
