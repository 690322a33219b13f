"""The body stream every story uses, so that news, standard pages and e-magazines share one vocabulary."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.rich_text import BODY_RICH_TEXT_FEATURES

from .content import DocumentLinkBlock, EmbedWithTitleBlock, HeadingBlock, QuoteBlock
from .images import AccessibleImageBlock
from .tables import CaptionedTableBlock

__all__ = ["BODY_RICH_TEXT_FEATURES", "body_blocks", "paragraph_block"]


def paragraph_block() -> blocks.RichTextBlock:
    """A paragraph limited to the accessibly styled rich-text features."""
    return blocks.RichTextBlock(
        features=BODY_RICH_TEXT_FEATURES,
        label=_("Đoạn văn"),
        template="components/blocks/paragraph.html",
    )


def body_blocks() -> list[tuple[str, blocks.Block]]:
    """A fresh list of the shared body blocks (fresh instances, because blocks are bound to one field)."""
    return [
        ("paragraph", paragraph_block()),
        ("heading", HeadingBlock()),
        ("image", AccessibleImageBlock()),
        ("quote", QuoteBlock()),
        ("table", CaptionedTableBlock()),
        ("embed", EmbedWithTitleBlock()),
        ("document", DocumentLinkBlock()),
    ]
