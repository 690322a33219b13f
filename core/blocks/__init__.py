"""StreamField blocks shared by news articles, standard pages and multimedia stories."""

from .content import (
    DocumentLinkBlock,
    EmbedWithTitleBlock,
    HeadingBlock,
    QuoteBlock,
)
from .images import AccessibleImageBlock
from .streams import BODY_RICH_TEXT_FEATURES, body_blocks, paragraph_block
from .tables import CaptionedTableBlock

__all__ = [
    "BODY_RICH_TEXT_FEATURES",
    "AccessibleImageBlock",
    "CaptionedTableBlock",
    "DocumentLinkBlock",
    "EmbedWithTitleBlock",
    "HeadingBlock",
    "QuoteBlock",
    "body_blocks",
    "paragraph_block",
]
