"""What readers get: each product usable without sight or hearing, and an index that lists and filters."""

import re

from django.template.defaultfilters import filesizeformat
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from media_products.models import (
    AudioPage,
    EMagazinePage,
    InfographicPage,
    PhotoStoryPage,
    VideoCaption,
    VideoPage,
)

from .factories import PRODUCT_MODELS, ProductsTestData, add_product, make_captions


def _html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


class ProductPagesTest(ProductsTestData, TestCase):
    def admin_client(self):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser(
            "quantri", "qt@example.gov.vn", "mat-khau-du-dai-9"
        )
        self.client.force_login(user)
        return self.client

    def test_every_product_page_has_one_h1_and_links_its_stylesheet(self):
        for page in self.products.values():
            html = _html(self.client, page)
            assert html.count("<h1") == 1, page
            assert "/static/css/media.css" in html
            assert "<style" not in html and 'style="' not in html
            # No inline script; JSON-LD is a data block (type application/ld+json), never run.
            data_block = r"type=\"application/ld\+json\""
            assert not re.search(rf"<script(?![^>]*\b(?:src=|{data_block}))", html), (
                "no inline script"
            )

    def test_a_video_plays_natively_with_captions_and_never_autoplays(self):
        page = self.products[VideoPage]
        html = _html(self.client, page)
        assert re.search(r'<video controls preload="metadata"', html)
        assert "autoplay" not in html
        track = re.search(
            r'<track kind="captions" src="([^"]+)" srclang="vi" label="Tiếng Việt" default>', html
        )
        assert track
        captions = self.client.get(track.group(1))
        assert captions["Content-Type"].startswith("text/vtt")
        assert captions.content.decode().startswith("WEBVTT")

    def test_a_video_shows_its_transcript_as_text_and_a_download_with_format_and_size(self):
        html = _html(self.client, self.products[VideoPage])
        assert re.search(
            r'<h2 id="transcript-heading">Bản ghi lời</h2>\s*<div class="rich-text"><p><b>Người dẫn:</b>',
            html,
        )
        with translation.override("vi"):
            size = filesizeformat(self.files["video"].file_size)
        assert f'href="{self.files["video"].url}" download' in html
        assert f'Tải video <span class="media-download__meta">(MP4, {size})</span>' in html

    def test_captions_in_other_languages_are_offered_after_the_main_track(self):
        page = self.products[VideoPage]
        VideoCaption.objects.create(page=page, track=make_captions("en"), sort_order=0)
        html = _html(self.client, page)
        tracks = re.findall(
            r'<track kind="captions" src="[^"]+" srclang="(\w+)" label="([^"]+)"( default)?>', html
        )
        assert tracks == [("vi", "Tiếng Việt", " default"), ("en", "Tiếng Anh", "")]

    def test_a_caption_file_of_another_page_is_not_served(self):
        other = make_captions("fr")
        url = self.products[VideoPage].url + f"phu-de/{other.pk}/"
        assert self.client.get(url).status_code == 404

    def test_a_podcast_episode_has_an_audio_player_transcript_and_its_feed(self):
        html = _html(self.client, self.products[AudioPage])
        assert re.search(
            r'<audio controls preload="metadata">\s*<source src="[^"]+\.mp3" type="audio/mpeg">',
            html,
        )
        assert "Tập 1 – chương trình “Chính sách trong tuần”" in html
        assert 'id="transcript-heading"' in html
        feed_url = self.media_index.url + "podcast/chinh-sach/rss/"
        assert f'href="{feed_url}"' in html and 'type="application/rss+xml"' in html

    def test_a_photo_story_is_an_ordered_list_of_captioned_figures(self):
        html = _html(self.client, self.products[PhotoStoryPage])
        story = re.search(r'<ol class="photo-story"[^>]*>(.*?)</ol>', html, re.S).group(1)
        assert story.count("<figure") == 1 and story.count("<figcaption>") == 1
        assert 'alt="Một cây cầu"' in story and "Ảnh 1/1" in story
        assert "carousel" not in html

    def test_an_infographic_has_its_text_description_on_the_page(self):
        html = _html(self.client, self.products[InfographicPage])
        assert 'alt="Biểu đồ cột"' in html
        assert re.search(
            r'<h2 id="infographic-text-heading">Nội dung đồ họa bằng chữ</h2>\s*<div class="rich-text"><p>Tỷ lệ',
            html,
        )

    def test_an_infographic_offers_its_pdf_with_format_and_size(self):
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        pdf = get_document_model()(title="Bản in")
        pdf.file.save("ban-in.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
        pdf.save()
        page = self.products[InfographicPage]
        page.pdf = pdf
        page.save_revision().publish()
        html = _html(self.client, page)
        assert re.search(
            rf'<a href="{re.escape(pdf.url)}" download>Tải bản PDF <span[^>]*>\(PDF, 15\sbyte\)',
            html,
        )

    def test_an_emagazines_wide_images_are_never_resized_on_a_readers_view(self):
        """Its cover and full-width images ask for the wide rendition: it must be prefetched too
        (Wagtail makes a spec missing from prefetched renditions again, file and all)."""
        from unittest import mock

        from core.models.images import PortalImage

        wide = {"image": {"image": self.image.pk, "decorative": False, "alt_text": "Cầu"}}
        body = [
            {"type": "heading", "value": {"text": "Mở đầu", "level": "h2"}},
            {"type": "wide_image", "value": {**wide, "caption": "Cầu lúc sáng."}},
        ]
        page = add_product(
            self.media_index, EMagazinePage, "Tạp chí ảnh", body=body, featured_image=self.image
        )
        _html(self.client, page)  # the first view may make what publication did not
        with mock.patch.object(
            PortalImage, "generate_rendition_file", side_effect=AssertionError("resized")
        ):
            html = _html(self.client, page)
        assert html.count("width-1920") >= 2

    def test_an_emagazine_has_an_outline_in_heading_order(self):
        body = [
            {"type": "heading", "value": {"text": "Mở đầu", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Một.</p>"},
            {"type": "heading", "value": {"text": "Chi tiết", "level": "h3"}},
            {
                "type": "pull_quote",
                "value": {"quote": "Câu nói nổi bật.", "attribution": "Một người dân"},
            },
            {"type": "heading", "value": {"text": "Kết", "level": "h2"}},
        ]
        page = add_product(self.media_index, EMagazinePage, "Tạp chí dài", body=body)
        html = _html(self.client, page)
        outline = re.search(r'<nav class="emagazine__outline"[^>]*>(.*?)</nav>', html, re.S).group(
            1
        )
        assert re.sub(r"\s+", "", outline).endswith(
            '<ol><li><ahref="#muc-1">Mởđầu</a><ol><li><ahref="#muc-2">Chitiết</a></li></ol></li>'
            '<li><ahref="#muc-3">Kết</a></li></ol>'
        )
        headings = re.findall(r"<(h[1-6])[^>]*>", html.split("<main", 1)[1].split("</article>")[0])
        assert headings == ["h1", "h2", "h2", "h3", "h2"]  # title, "Mục lục", then the body
        assert '<h3 id="muc-2"' in html
        assert '<figure class="pull-quote">' in html

    def test_the_index_lists_products_newest_first_with_their_kind(self):
        html = _html(self.client, self.media_index)
        titles = re.findall(r'<h3 class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)
        assert titles == [f"Sản phẩm {m.__name__} ngân sách số" for m in reversed(PRODUCT_MODELS)]
        for label in ("Video", "Podcast", "Ảnh", "Đồ họa thông tin", "E-magazine"):
            assert f'<span class="card__kind">{label}</span>' in html

    def test_the_index_filters_by_type_with_a_plain_form(self):
        html = _html(self.client, self.media_index)
        assert re.search(
            r'<form method="get" action="/da-phuong-tien/" class="media-filter">', html
        )
        assert '<label for="id_type">Loại sản phẩm</label>' in html
        response = self.client.get(self.media_index.url, {"type": "podcast"})
        titles = re.findall(
            r'class="card__title"[^>]*><a href="[^"]+">([^<]+)<', response.content.decode()
        )
        assert titles == ["Sản phẩm AudioPage ngân sách số"]

    def test_an_unknown_type_answers_400_with_a_message(self):
        response = self.client.get(self.media_index.url, {"type": "phim-truyen"})
        assert response.status_code == 400
        assert "Không có loại sản phẩm “phim-truyen”" in response.content.decode()

    def test_the_index_lists_twenty_a_page(self):
        from django.conf import settings

        assert settings.PORTAL_LISTING_PAGE_SIZE == 20

    @override_settings(PORTAL_LISTING_PAGE_SIZE=2)
    def test_the_index_paginates_keeping_the_filter(self):
        add_product(self.media_index, PhotoStoryPage, "Ảnh thứ hai", photos=[])
        add_product(self.media_index, PhotoStoryPage, "Ảnh thứ ba", photos=[])
        first = self.client.get(self.media_index.url, {"type": "photo"}).content.decode()
        assert first.count('class="card__title"') == 2
        assert (
            'href="?type=photo&amp;page=2"' in first
            and 'aria-label="Phân trang sản phẩm đa phương tiện"' in first
        )
        second = self.client.get(
            self.media_index.url, {"type": "photo", "page": "2"}
        ).content.decode()
        assert second.count('class="card__title"') == 1
        everything = self.client.get(self.media_index.url, {"page": "4"}).content.decode()
        assert everything.count('class="card__title"') == 1  # 7 products, 2 a page
        assert self.client.get(self.media_index.url, {"page": "abc"}).status_code == 200

    def test_the_index_links_each_podcast_feed(self):
        html = _html(self.client, self.media_index)
        assert f'href="{self.media_index.url}podcast/chinh-sach/rss/"' in html

    def test_media_pages_can_be_chosen_as_featured_on_home(self):
        from sitewide.models import HomeFeaturedItem

        panel = HomeFeaturedItem.panels[0].bind_to_model(HomeFeaturedItem)
        chooser = panel.get_form_options()["widgets"]["page"]
        assert set(PRODUCT_MODELS) <= set(chooser.target_models)

    def test_the_admin_offers_the_media_index_and_its_products(self):
        response = self.admin_client().get(
            reverse("wagtailadmin_pages:add_subpage", args=[self.media_index.pk])
        )
        html = response.content.decode()
        for model in PRODUCT_MODELS:
            assert model._meta.model_name in html
