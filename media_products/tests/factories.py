"""Builders for multimedia tests: products, files and captions made in milliseconds."""

from functools import cache
from typing import Any

from django.core.files.base import ContentFile
from wagtail.models import Page

from media_products.clips import make_audio, make_video
from media_products.models import (
    AudioPage,
    CaptionTrack,
    EMagazinePage,
    InfographicPage,
    MediaIndexPage,
    PhotoStoryPage,
    PodcastSeries,
    PortalMedia,
    VideoPage,
)

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nXin chào.\n\n00:00:01.500 --> 00:00:02.000\nTạm biệt.\n"
TRANSCRIPT = "<p><b>Người dẫn:</b> Xin chào. Tạm biệt.</p>"


@cache
def clip(kind: str, fmt: str) -> bytes:
    """Encoded once per test run: every test that needs a file shares these bytes."""
    return make_video(fmt, 1.0) if kind == "video" else make_audio(fmt, 1.0)


def make_media(kind: str = "video", fmt: str = "mp4", title: str = "clip") -> PortalMedia:
    data = clip(kind, fmt)
    media = PortalMedia(
        title=title,
        type=kind,
        duration=1.0,
        file_size=len(data),
        mime_type={
            "mp4": "video/mp4",
            "webm": "video/webm",
            "mp3": "audio/mpeg",
            "ogg": "audio/ogg",
            "m4a": "audio/mp4",
        }[fmt],
    )
    media.file.save(f"{title}.{fmt}", ContentFile(data), save=False)
    media.save()
    return media


def make_captions(language: str = "vi", content: str = VTT) -> CaptionTrack:
    return CaptionTrack.objects.create(
        title=f"Phụ đề {language}", language=language, content=content, cue_count=2
    )


def make_series(slug: str = "chinh-sach", **fields: Any) -> PodcastSeries:
    defaults = {
        "title": "Chính sách trong tuần",
        "description": "Giải thích chính sách mới.",
        "author": "Trung tâm Thông tin",
        "category": "Government",
    }
    return PodcastSeries.objects.create(slug=slug, **{**defaults, **fields})


def make_index(
    home: Page, slug: str = "da-phuong-tien", title: str = "Đa phương tiện"
) -> MediaIndexPage:
    index = MediaIndexPage(title=title, slug=slug, show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return index


def add_product(
    index: Page, model: type[Page], title: str, publish: bool = True, **fields: Any
) -> Page:
    from core.slugs import vietnamese_slugify

    page = model(
        title=title,
        slug=fields.pop("slug", None) or vietnamese_slugify(title),
        lead=fields.pop("lead", "Sa pô."),
        **fields,
    )
    page.live = False
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def complete_fields(model: type[Page], image: Any, **media: Any) -> dict[str, Any]:
    """Everything a product of this type needs to be published."""
    if model is VideoPage:
        return {"video": media["video"], "captions": media["captions"], "transcript": TRANSCRIPT}
    if model is AudioPage:
        return {
            "audio": media["audio"],
            "series": media["series"],
            "episode_number": 1,
            "transcript": TRANSCRIPT,
        }
    if model is PhotoStoryPage:
        return {
            "photos": [
                {
                    "type": "photo",
                    "value": {
                        "image": image.pk,
                        "alt_text": "Một cây cầu",
                        "caption": "Cầu lúc hoàng hôn.",
                        "credit": "",
                    },
                }
            ]
        }
    if model is InfographicPage:
        return {
            "graphic": image,
            "graphic_alt": "Biểu đồ cột",
            "text_description": [
                {"type": "paragraph", "value": "<p>Tỷ lệ tăng từ 38% lên 86%.</p>"}
            ],
        }
    return {
        "body": [
            {"type": "heading", "value": {"text": "Mở đầu", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Nội dung.</p>"},
        ]
    }


PRODUCT_MODELS = [VideoPage, AudioPage, PhotoStoryPage, InfographicPage, EMagazinePage]


class ProductsTestData:
    """Class-level data for read-only tests: the site, an index, files and one product of each type.

    Publishing a page costs about a hundred queries; sharing them across a test class keeps the
    multimedia suite fast.
    """

    @classmethod
    def setUpTestData(cls) -> None:
        from testsupport import make_image, make_site

        cls.home, cls.home_en = make_site()
        cls.media_index = make_index(cls.home)
        cls.image = make_image("anh-thu", description="Một cây cầu lúc hoàng hôn")
        cls.files = {
            "video": make_media("video", "mp4", "video-thu"),
            "audio": make_media("audio", "mp3", "audio-thu"),
            "captions": make_captions("vi"),
            "series": make_series(),
        }
        cls.products = {
            model: add_product(
                cls.media_index,
                model,
                f"Sản phẩm {model.__name__} ngân sách số",
                featured_image=cls.image,
                **complete_fields(model, cls.image, **cls.files),
            )
            for model in PRODUCT_MODELS
        }
