"""Text-level blocks whose markup the templates render accessibly."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

__all__ = ["DocumentLinkBlock", "EmbedWithTitleBlock", "HeadingBlock", "QuoteBlock"]


class HeadingBlock(blocks.StructBlock):
    # The level is chosen, not inferred from looks, so the outline a screen reader lists is right;
    # h1 is the page title and never offered.
    text = blocks.CharBlock(label=_("tiêu đề"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("cấp tiêu đề"),
        choices=[("h2", _("Cấp 2 (mục)")), ("h3", _("Cấp 3 (mục con)")), ("h4", _("Cấp 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "components/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("trích dẫn"))
    attribution = blocks.CharBlock(label=_("người nói / nguồn"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "components/blocks/quote.html"


class EmbedWithTitleBlock(blocks.StructBlock):
    # An iframe without a title is an unnamed frame to a screen reader (WCAG 4.1.2).
    embed = EmbedBlock(label=_("địa chỉ nội dung nhúng"))
    title = blocks.CharBlock(
        label=_("tiêu đề khung nhúng"),
        max_length=255,
        help_text=_("Mô tả ngắn nội dung nhúng, được đọc cho người dùng trình đọc màn hình."),
    )

    class Meta:
        icon = "media"
        label = _("Nội dung nhúng")
        template = "components/blocks/embed.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tài liệu"))
    label = blocks.CharBlock(
        label=_("tên liên kết"),
        required=False,
        max_length=255,
        help_text=_("Để trống để dùng tên tài liệu."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "components/blocks/document.html"
