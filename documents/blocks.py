"""The full text of a document as accessible HTML: headings, articles with their clauses, tables.

A legal text is read by its structure (Chương, Điều, Khoản); an article block gives each Điều a
real heading, so a screen-reader user jumps from article to article as a sighted reader scans.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import CaptionedTableBlock, HeadingBlock, paragraph_block

__all__ = ["LegalArticleBlock", "full_text_blocks"]


class LegalArticleBlock(blocks.StructBlock):
    number = blocks.CharBlock(
        label=_("số điều"), max_length=40, help_text=_("Ví dụ: Điều 1, Điều 2a.")
    )
    title = blocks.CharBlock(label=_("tên điều"), max_length=255, required=False)
    clauses = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("khoản")),
        label=_("các khoản"),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = _("Điều (các khoản)")
        template = "documents/blocks/legal_article.html"


def full_text_blocks() -> list[tuple[str, blocks.Block]]:
    """Fresh block instances for the full-text field (blocks are bound to one field)."""
    return [
        ("heading", HeadingBlock()),
        ("article", LegalArticleBlock()),
        ("paragraph", paragraph_block()),
        ("table", CaptionedTableBlock()),
    ]
