"""Slugs that lost the letter đ (made by Django's `slugify` before core/slugs.py) made right.

Only a title with đ/Đ can have lost letters: Django's `slugify` keeps every other Vietnamese
letter's base. A slug is repaired when it starts with the lossy slug of its title (whole, or cut
as the old demo cut it), keeping whatever followed (the demo's "-1a2b3c4d" suffix). The page is
saved with its new slug, so Wagtail updates its descendants' URLs and, through the redirects
app (WAGTAILREDIRECTS_AUTO_CREATE), makes the old URL a permanent redirect to the new one.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from wagtail.models import Page

from core.slugs import unique_child_slug, vietnamese_slugify

__all__ = ["SlugRepair", "repair_slugs", "slug_repairs"]


@dataclass(frozen=True)
class SlugRepair:
    page_id: int
    old: str
    new: str


def _repaired(title: str, slug: str) -> str | None:
    lossy = slugify(title)
    for cut in sorted({len(lossy), 60, 80}, reverse=True):
        prefix = lossy[:cut].strip("-")
        if prefix and (slug == prefix or slug.startswith(prefix + "-")):
            rest = slug[len(prefix) :]
            new = vietnamese_slugify(title, max_length=max(cut, 80)) + rest
            return new if new != slug else None
    return None


def slug_repairs() -> Iterator[tuple[Page, str]]:
    """Each page whose slug lost đ, with the slug it should have."""
    pages = Page.objects.filter(Q(title__contains="đ") | Q(title__contains="Đ")).only(
        "id", "title", "slug", "path", "depth"
    )
    for page in pages.iterator(chunk_size=2000):
        new = _repaired(page.title, page.slug)
        if new:
            yield page, new


def repair_slugs(dry_run: bool = False) -> list[SlugRepair]:
    """Give each such page its Vietnamese slug; the old URL redirects to the new one."""
    done: list[SlugRepair] = []
    for page, new in list(slug_repairs()):
        with transaction.atomic():
            specific = Page.objects.get(pk=page.pk).specific
            new = unique_child_slug(specific.get_parent(), new, specific.pk)
            done.append(SlugRepair(page.pk, specific.slug, new))
            if dry_run:
                continue
            specific.slug = new
            specific.save()
            # The latest revision carries the slug too: publishing it later must not undo this.
            revision = specific.latest_revision
            if revision is not None and revision.content.get("slug") != new:
                revision.content["slug"] = new
                revision.save(update_fields=["content"])
    return done
