"""Blocks only multimedia products use: story photos, full-width images, pull quotes, infographic text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from core.blocks import CaptionedTableBlock, HeadingBlock, body_blocks, paragraph_block

__all__ = [
    "PhotoBlock",
    "PullQuoteBlock",
    "WideImageBlock",
    "description_blocks",
    "emagazine_blocks",
]


class PhotoBlock(blocks.StructBlock):
    # A photo story is read photo by photo; each needs words for a reader who cannot see it.
    image = ImageChooserBlock(label=_("ảnh"))
    alt_text = blocks.CharBlock(
        label=_("văn bản thay thế"),
        required=False,
        max_length=500,
        help_text=_(
            "Mô tả điều ảnh cho thấy (bắt buộc khi xuất bản; để trống để dùng mô tả trong thư viện ảnh)."
        ),
    )
    caption = blocks.TextBlock(
        label=_("chú thích"), max_length=1000, help_text=_("Hiện dưới ảnh cho mọi người đọc.")
    )
    credit = blocks.CharBlock(label=_("nguồn ảnh"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Ảnh")


class WideImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("ảnh"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Ảnh tràn khổ")
        template = "media_products/blocks/wide_image.html"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("câu trích nổi bật"), max_length=400)
    attribution = blocks.CharBlock(label=_("người nói"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn nổi bật")
        template = "media_products/blocks/pull_quote.html"


def emagazine_blocks() -> list[tuple[str, blocks.Block]]:
    """The shared body vocabulary plus the two blocks that make a long read feel like a magazine."""
    return [*body_blocks(), ("wide_image", WideImageBlock()), ("pull_quote", PullQuoteBlock())]


def description_blocks() -> list[tuple[str, blocks.Block]]:
    """Text that carries an infographic's whole content: paragraphs with lists, headings, data tables."""
    return [
        ("paragraph", paragraph_block()),
        ("heading", HeadingBlock()),
        ("table", CaptionedTableBlock()),
    ]
