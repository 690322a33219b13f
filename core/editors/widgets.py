"""The admin's slug field, writing Vietnamese titles as the server does (core/slugs.py)."""

import re

from wagtail.admin.widgets import SlugInput

from core.slugs import VIETNAMESE_LETTERS

__all__ = ["VietnameseSlugInput", "slug_formatters"]


def slug_formatters() -> list[tuple[str, str]]:
    """Regex/replacement pairs for the slug controller: each Vietnamese letter to its ASCII base."""
    pairs = []
    for base, letters in VIETNAMESE_LETTERS.items():
        pairs.append((f"[{letters}]", base))
        pairs.append((f"[{letters.upper()}]", base.upper()))
    pairs.append(("/", " "))  # as vietnamese_slugify: 13/2023/NĐ-CP -> 13-2023-nd-cp
    return pairs


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug widget, told (through its documented `formatters`) how to write Vietnamese.

    Wagtail's own transliteration maps have no Vietnamese table: without this "Hội đồng" typed
    in a title would become `hi-ng` in the slug field.
    """

    def __init__(self, attrs: dict | None = None, **kwargs) -> None:
        kwargs.setdefault("formatters", [(re.compile(p), r) for p, r in slug_formatters()])
        super().__init__(attrs, **kwargs)
