"""Builders for tests: a small site tree made in milliseconds, without the whole demo.

Shared by every app's tests (and usable in a shell), so each test states only what it needs.
A top-level package that is never installed (`pyproject.toml` lists the installed ones):
production code never imports it. Plain functions rather than wagtail-factories: a tree of a
few pages is clearer written out than declared as factories.
"""

import io
from datetime import datetime
from typing import Any

from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from news.models import ArticlePage, SectionPage
from sitewide.models import HomePage


def make_image(
    title: str = "test-image", description: str = "Ảnh thử nghiệm", size: tuple[int, int] = (64, 36)
) -> Any:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format="PNG")
    image = get_image_model()(title=title, description=description, file_size=buffer.tell())
    image.file = ImageFile(buffer, name=f"{title}.png")
    image.save()
    return image


def make_site() -> tuple[HomePage, HomePage]:
    """A Vietnamese home as the default site's root and its English translation."""
    root = Page.get_first_root_node()
    home = HomePage(title="Trang chủ thử nghiệm", slug="trang-chu")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        old_root = site.root_page
        site.root_page = home
        site.hostname = "localhost"
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    locale_en, _ = Locale.objects.get_or_create(language_code="en")
    home_en = home.copy_for_translation(locale_en)
    home_en.title, home_en.slug = "Test home", "home"
    home_en.save_revision().publish()
    # Fresh instances: publishing renamed the English slug and url_path in the database, and
    # page instances cache the site root paths they saw (before the site pointed at this home).
    return HomePage.objects.get(pk=home.pk), HomePage.objects.get(pk=home_en.pk)


def make_section(parent: Page, title: str, slug: str | None = None, **fields: Any) -> SectionPage:
    section = SectionPage(title=title, slug=slug or _slug(title), **fields)
    parent.add_child(instance=section)
    section.save_revision().publish()
    section.refresh_from_db()
    return section


def make_article(
    section: Page,
    title: str,
    lead: str = "Sa pô của bài viết thử nghiệm.",
    body: list | None = None,
    published_at: datetime | None = None,
    tags: list[str] | None = None,
    publish: bool = True,
    **fields: Any,
) -> ArticlePage:
    article = ArticlePage(
        title=title,
        slug=fields.pop("slug", None) or _slug(title),
        lead=lead,
        body=body
        if body is not None
        else [{"type": "paragraph", "value": f"<p>{title}. {lead}</p>"}],
        **fields,
    )
    if published_at is not None:
        article.publication_date = published_at
    # Page.live defaults to True; an unpublished article must start as a draft.
    article.live = publish and False
    section.add_child(instance=article)
    if tags:
        article.tags.add(*tags)
        article.save()
    if publish:
        article.save_revision().publish()
        article.refresh_from_db()
    return article


def _slug(title: str) -> str:
    from core.slugs import vietnamese_slugify

    return vietnamese_slugify(title) or "trang"
