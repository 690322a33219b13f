"""The body stream every story uses, so that news, standard pages and e-magazines share one vocabulary."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .content import DocumentLinkBlock, EmbedWithTitleBlock, HeadingBlock, QuoteBlock
from .images import AccessibleImageBlock
from .tables import CaptionedTableBlock

__all__ = ["BODY_RICH_TEXT_FEATURES", "body_blocks"]

# Headings come from HeadingBlock (with an explicit level); no h1 and no underline in body text,
# because an underline reads as a link to sighted readers.
BODY_RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "superscript",
    "subscript",
]


def body_blocks() -> list[tuple[str, blocks.Block]]:
    """A fresh list of the shared body blocks (fresh instances, because blocks are bound to one field)."""
    return [
        (
            "paragraph",
            blocks.RichTextBlock(
                features=BODY_RICH_TEXT_FEATURES,
                label=_("Đoạn văn"),
                template="components/blocks/paragraph.html",
            ),
        ),
        ("heading", HeadingBlock()),
        ("image", AccessibleImageBlock()),
        ("quote", QuoteBlock()),
        ("table", CaptionedTableBlock()),
        ("embed", EmbedWithTitleBlock()),
        ("document", DocumentLinkBlock()),
    ]
