"""Checks behind the publishing guards, kept apart from the models so they read as rules."""

from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext as _


def needs(message: Any) -> str:
    return str(message)


def text_of(html: Any) -> str:
    """Visible text of rich text (an empty paragraph `<p></p>` counts as nothing)."""
    return strip_tags(str(html or "")).replace("\xa0", " ").strip()


def stream_has_text(stream: Any) -> bool:
    """Whether a description stream holds words a screen reader can read (a paragraph or a table)."""
    for block in stream or []:
        if block.block_type == "paragraph" and text_of(block.value.source):
            return True
        if block.block_type == "table" and any(
            any(cell for cell in row) for row in block.value.get("data") or []
        ):
            return True
    return False


def missing_alt_photos(photos: Any) -> list[int]:
    """1-based numbers of the photos that have neither alt text nor a description in the library."""
    missing = []
    for number, block in enumerate(photos, start=1):
        image = block.value.get("image")
        alt = (block.value.get("alt_text") or "").strip() or (
            getattr(image, "description", "") or ""
        ).strip()
        if not alt:
            missing.append(number)
    return missing


def heading_outline_problem(body: Any) -> str:
    """Why the headings do not make an outline (a level skipped), or "" when they do."""
    previous = 1  # the page title is the one h1
    for number, block in enumerate((b for b in body if b.block_type == "heading"), start=1):
        level = int(block.value["level"][1])
        if level > previous + 1:
            return _(
                "Tiêu đề mục thứ %(number)s (“%(text)s”) nhảy từ cấp %(previous)s xuống cấp %(level)s. "
                "Hãy dùng cấp %(expected)s để trình đọc màn hình đọc đúng mục lục."
            ) % {
                "number": number,
                "text": block.value["text"],
                "previous": previous,
                "level": level,
                "expected": previous + 1,
            }
        previous = level
    return ""
