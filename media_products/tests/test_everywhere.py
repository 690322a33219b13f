"""Multimedia products appear wherever stories do: search, sitemap, site feed, Home and related content."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from news.models import ArticleRelatedLink
from seo.testing import sitemap_locations
from sitewide.models import HomeFeaturedItem
from testsupport import make_article, make_section

from .factories import PRODUCT_MODELS, ProductsTestData, add_product, complete_fields, make_index


class EverywhereTest(ProductsTestData, TestCase):
    @property
    def ordered(self) -> list:
        return [self.products[model] for model in PRODUCT_MODELS]

    def test_every_product_type_is_found_by_search(self):
        html = self.client.get("/search/", {"q": "ngân sách số"}).content.decode()
        for page in self.ordered:
            assert f'href="{page.url}"' in html
        # Each result names its content type.
        assert "Podcast (một tập)</span>" in html

    def test_search_finds_a_video_by_words_of_its_transcript(self):
        html = self.client.get("/search/", {"q": "Tạm biệt"}).content.decode()
        assert f'href="{self.ordered[0].url}"' in html

    def test_every_product_is_in_the_sitemap(self):
        listed = sitemap_locations(self.client)
        for page in self.ordered:
            assert page.get_full_url() in listed

    def test_every_product_is_in_the_site_feed(self):
        root = ET.fromstring(self.client.get("/rss.xml").content)
        titles = [item.findtext("title") for item in root.find("channel").findall("item")]
        assert sorted(titles) == sorted(page.title for page in self.ordered)

    def test_home_shows_the_four_latest_multimedia_products(self):
        html = self.client.get(self.home.url).content.decode()
        section = html.split('id="media-heading"', 1)[1].split("</section>", 1)[0]
        for page in self.ordered[1:]:
            assert f'href="{page.url}"' in section
        assert f'href="{self.ordered[0].url}"' not in section

    def test_a_media_product_featured_on_home_is_shown_with_its_kind(self):
        HomeFeaturedItem.objects.create(home=self.home, page=self.ordered[0], sort_order=0)
        html = self.client.get(self.home.url).content.decode()
        featured = html.split('id="featured-heading"', 1)[1].split("</section>", 1)[0]
        assert f'href="{self.ordered[0].url}"' in featured
        assert '<span class="card__kind">Video</span>' in featured

    def test_an_article_can_link_to_media_products_as_related_content(self):
        article = make_article(make_section(self.home, "Tin tức"), "Bài có liên quan")
        video, podcast = self.ordered[:2]
        ArticleRelatedLink.objects.create(article=article, page=video, sort_order=0)
        ArticleRelatedLink.objects.create(article=article, page=podcast, sort_order=1)
        html = self.client.get(article.url).content.decode()
        related = html.split('id="related-heading"', 1)[1]
        assert related.index(video.url) < related.index(podcast.url)
        assert '<span class="card__kind">Video</span>' in related
        assert '<span class="card__kind">Podcast</span>' in related

    def test_an_english_product_lives_under_the_english_index_and_feed(self):
        index_en = make_index(self.home_en, slug="multimedia", title="Multimedia")
        model = PRODUCT_MODELS[0]
        page = add_product(
            index_en, model, "English video", **complete_fields(model, self.image, **self.files)
        )
        assert page.url.startswith("/en/multimedia/")
        root = ET.fromstring(self.client.get("/en/rss.xml").content)
        assert [i.findtext("title") for i in root.find("channel").findall("item")] == [
            "English video"
        ]
