"""Text-level blocks whose markup the templates render accessibly."""

from collections.abc import Iterable
from typing import Any

from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.format import embed_to_frontend_html
from wagtail.embeds.models import Embed

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


class StoredEmbedValue(EmbedValue):
    """An embed whose stored row was read together with the page's other embeds.

    Wagtail's `EmbedValue` reads its row when rendered: one query per embed block. An embed not
    stored yet (or expired) is fetched the way Wagtail does.
    """

    def __init__(
        self, url: str, stored: Embed | None, max_width: Any = None, max_height: Any = None
    ):
        super().__init__(url, max_width, max_height)
        self.stored = stored

    @cached_property
    def html(self) -> str:
        if self.stored is None:
            return embed_to_frontend_html(self.url, self.max_width, self.max_height)
        return render_to_string("wagtailembeds/embed_frontend.html", {"embed": self.stored})


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

    def bulk_to_python(self, values: Iterable[Any]) -> list[Any]:
        """Every embed block of the page with its stored row, in one query for them all."""
        converted = super().bulk_to_python(values)
        meta = self.child_blocks["embed"].meta
        width, height = getattr(meta, "max_width", None), getattr(meta, "max_height", None)
        hashes = {
            value["embed"].url: get_embed_hash(value["embed"].url, width, height)
            for value in converted
            if value.get("embed") is not None
        }
        if not hashes:
            return converted
        stored = {
            embed.hash: embed
            for embed in Embed.objects.exclude(cache_until__lte=now()).filter(
                hash__in=hashes.values()
            )
        }
        for value in converted:
            if value.get("embed") is not None:
                url = value["embed"].url
                value["embed"] = StoredEmbedValue(url, stored.get(hashes[url]), width, height)
        return converted


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
