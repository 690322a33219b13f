"""Hand-written demo articles: one with every body block, a draft, a scheduled one, and English news."""

from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from news.demo.articles import ensure_child
from news.models import ArticlePage, SectionPage

EMBED_URL = "https://video.example.gov.vn/hoi-nghi-chuyen-doi-so"


def _demo_document() -> Any:
    document_model = get_document_model()
    document = document_model.objects.filter(title="Kế hoạch chuyển đổi số năm 2026").first()
    if document is None:
        text = "Kế hoạch chuyển đổi số năm 2026 (tài liệu minh họa).\n1. Mục tiêu\n2. Nhiệm vụ\n3. Tổ chức thực hiện\n"
        document = document_model(title="Kế hoạch chuyển đổi số năm 2026")
        document.file.save(
            "ke-hoach-chuyen-doi-so-2026.txt", ContentFile(text.encode("utf-8")), save=False
        )
        document.save()
    return document


def _demo_embed() -> None:
    # No network here or in CI: the embed is stored as Wagtail's embed finder would have cached it.
    Embed.objects.get_or_create(
        hash=get_embed_hash(EMBED_URL, None, None),
        defaults={
            "url": EMBED_URL,
            "max_width": None,
            "type": "video",
            "provider_name": "Cổng video của Bộ",
            "html": '<iframe src="/static/embed/demo-video.html" title="Video hội nghị chuyển đổi số"></iframe>',
            "title": "Video hội nghị chuyển đổi số",
            "width": 640,
            "height": 360,
        },
    )


def showcase_body(image: Any) -> list[dict]:
    """An article body that uses every block type once, for the accessibility suite and editors' reference."""
    document = _demo_document()
    _demo_embed()
    return [
        {
            "type": "paragraph",
            "value": "<p>Bài viết này trình bày <b>mọi loại khối nội dung</b> của cổng thông tin, "
            "để biên tập viên tham khảo cách trình bày dễ tiếp cận.</p>",
        },
        {"type": "heading", "value": {"text": "Ảnh có chú thích", "level": "h2"}},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "decorative": False, "alt_text": image.description},
                "caption": "Hội nghị tổng kết chuyển đổi số tại Đà Nẵng.",
                "credit": "",
            },
        },
        {"type": "heading", "value": {"text": "Số liệu theo quý", "level": "h3"}},
        {
            "type": "table",
            "value": {
                "table_caption": "Số hồ sơ trực tuyến theo quý năm 2026",
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_header_choice": "both",
                "data": [
                    ["Quý", "Hồ sơ tiếp nhận", "Đúng hạn"],
                    ["Quý I", "12.400", "96%"],
                    ["Quý II", "15.100", "97%"],
                    ["Quý III", "17.850", "98%"],
                ],
                "cell": [],
                "mergeCells": [],
            },
        },
        {
            "type": "quote",
            "value": {
                "quote": "Không để ai bị bỏ lại phía sau trong hành trình chuyển đổi số.",
                "attribution": "Lãnh đạo Bộ",
            },
        },
        {"type": "heading", "value": {"text": "Tư liệu kèm theo", "level": "h2"}},
        {"type": "embed", "value": {"embed": EMBED_URL, "title": "Video hội nghị chuyển đổi số"}},
        {
            "type": "document",
            "value": {"document": document.pk, "label": "Toàn văn kế hoạch chuyển đổi số năm 2026"},
        },
    ]


def ensure_showcase(section: SectionPage, images: list[Any]) -> ArticlePage:
    return ensure_child(
        section,
        ArticlePage,
        "trinh-bay-moi-loai-noi-dung",
        title="Chuyển đổi số: trình bày mọi loại nội dung trên cổng thông tin",
        lead="Bài mẫu gồm đoạn văn, tiêu đề mục, ảnh có chú thích, bảng số liệu, trích dẫn, nội dung nhúng và tài liệu.",
        body=showcase_body(images[1]),
        featured_image=images[1],
        author="Ban biên tập",
        source="Trung tâm Thông tin",
    )


def ensure_draft_and_scheduled(section: SectionPage, images: list[Any]) -> None:
    if not section.get_children().filter(slug="ban-nhap-ke-hoach-tap-huan").exists():
        draft = ArticlePage(
            title="Bản nháp: kế hoạch tập huấn kỹ năng số quý I",
            slug="ban-nhap-ke-hoach-tap-huan",
            lead="Bản nháp đang chờ hoàn thiện.",
            body=[],
            live=False,
        )
        section.add_child(instance=draft)
        draft.save_revision()
    if not section.get_children().filter(slug="lich-dang-hoi-thao-tiep-can").exists():
        scheduled = ArticlePage(
            title="Hội thảo về tiếp cận thông tin cho người khuyết tật",
            slug="lich-dang-hoi-thao-tiep-can",
            lead="Bài đã được duyệt, sẽ tự động xuất bản vào thời điểm đã hẹn.",
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Nội dung hội thảo sẽ được công bố khi bài xuất bản.</p>",
                }
            ],
            featured_image=images[3],
            live=False,
            go_live_at=timezone.now() + timedelta(days=3),
        )
        section.add_child(instance=scheduled)
        scheduled.save_revision().publish()  # with go_live_at in the future this schedules it


ENGLISH_NEWS = [
    (
        "digital-public-services",
        "Ministry opens new online public services",
        "Citizens can now file four more procedures fully online, with screen-reader friendly forms.",
    ),
    (
        "accessibility-workshop",
        "Workshop on accessible information for people with disabilities",
        "Editors from 20 provinces learned to write alt text, captions and transcripts.",
    ),
    (
        "da-nang-data-centre",
        "Da Nang data centre enters service",
        "The new centre hosts shared databases for the whole sector.",
    ),
]


def ensure_english_news(home_en: Any, images: list[Any]) -> SectionPage:
    section = ensure_child(
        home_en,
        SectionPage,
        "news",
        title="News",
        show_in_menus=True,
        intro="News from the Ministry in English.",
        show_on_home=True,
    )
    for index, (slug, title, lead) in enumerate(ENGLISH_NEWS):
        ensure_child(
            section,
            ArticlePage,
            slug,
            title=title,
            lead=lead,
            featured_image=images[index],
            body=[
                {
                    "type": "paragraph",
                    "value": f"<p>{lead} The Ministry will report on progress every quarter.</p>",
                }
            ],
        )
    return section
