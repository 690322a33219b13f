"""Vietnamese URL slugs: "Đà Nẵng đồng hành" becomes `da-nang-dong-hanh`, on the server and in the admin.

Django's `slugify` decomposes accents but has no decomposition for đ/Đ (a letter of its own, not
d with a mark), so it drops the letter: "Hội đồng" became `hoi-ong`. Vietnamese sites write
ASCII slugs with đ as d; `WAGTAIL_ALLOW_UNICODE_SLUGS = False` keeps Wagtail from making
percent-encoded Unicode slugs instead. The same letters feed the admin's slug field
(core/editors/widgets.py), so what an editor sees while typing the title is what the server
would make.
"""

import unicodedata

from django.utils.text import slugify

__all__ = ["VIETNAMESE_LETTERS", "unique_child_slug", "vietnamese_slugify"]

# Each ASCII letter and the Vietnamese letters written with it (every tone on every vowel).
VIETNAMESE_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}


def vietnamese_slugify(text: str, max_length: int = 80) -> str:
    """An ASCII slug for a Vietnamese (or English) title, cut at a hyphen within max_length."""
    # "/" separates the parts of a document number (13/2023/NĐ-CP): a word break, not nothing.
    text = text.replace("đ", "d").replace("Đ", "D").replace("/", " ")
    ascii_text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    slug = slugify(ascii_text)
    if len(slug) > max_length:
        slug = (
            slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
        )
    return slug.strip("-")


def unique_child_slug(parent, base: str, exclude_pk: int | None = None) -> str:
    """`base`, or `base-2`, `base-3`... : the first slug no other child of `parent` uses."""
    taken = set(
        parent.get_children()
        .filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
