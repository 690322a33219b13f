"""Demo news: the section tree, a showcase article with every block, and a bulk corpus of articles.

The bulk path writes page rows directly (tree paths computed here, as treebeard would) so that
120,000 articles take minutes rather than hours; the pages are ordinary live pages afterwards.
"""

import uuid
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from core.slugs import vietnamese_slugify
from news.demo.indexing import index_articles, refresh_title_norms
from news.demo.text import NewsWriter
from news.models import ArticlePage, ArticleTag, SectionPage

BATCH = 500

SECTIONS_VI = [
    (
        "hoat-dong-cua-bo",
        "Hoạt động của Bộ",
        "Tin về các hoạt động, hội nghị và chỉ đạo của Lãnh đạo Bộ.",
    ),
    (
        "chuyen-doi-so",
        "Chuyển đổi số",
        "Chương trình chuyển đổi số, dịch vụ công trực tuyến và dữ liệu số.",
    ),
    ("chinh-sach-moi", "Chính sách mới", "Văn bản, chính sách mới và hướng dẫn thực hiện."),
    ("hop-tac-quoc-te", "Hợp tác quốc tế", "Hoạt động hợp tác với các đối tác nước ngoài."),
]


def publish(page: Page, user: Any = None) -> Page:
    """Save a revision and publish it, as an editor's approved work would be."""
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def _tag_id(name: str) -> int:
    """The tag's id, made on first use with its Vietnamese slug (or taggit's unique one when two
    names share a slug, as "Đà Nẵng" and "Đà nẵng" do)."""
    tag = Tag.objects.filter(name=name).first()
    if tag is None:
        slug = vietnamese_slugify(name, 100)
        tag = Tag(name=name, slug="" if Tag.objects.filter(slug=slug).exists() else slug)
        tag.save()
    return tag.pk


def ensure_child(parent: Page, model: type[Page], slug: str, **fields: Any) -> Page:
    """The live child with this slug, created and published on first run (so seeding is idempotent)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def ensure_sections(news_root: Page) -> list[SectionPage]:
    return [
        ensure_child(news_root, SectionPage, slug, title=title, intro=intro, show_on_home=True)
        for slug, title, intro in SECTIONS_VI
    ]


def bulk_create_articles(
    sections: Sequence[SectionPage],
    count: int,
    images: Sequence[Any],
    writer: NewsWriter,
    progress: Callable[[int, int], None] | None = None,
    start: Any = None,
) -> int:
    """Create `count` live articles spread over the sections, newest last; returns how many were made."""
    if count <= 0:
        return 0
    content_type = ContentType.objects.get_for_model(ArticlePage)
    start = start or timezone.now()
    tag_ids: dict[str, int] = {}
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        with transaction.atomic():
            # Refresh the sections each batch: their child counts and last child paths move.
            fresh = {s.pk: s for s in SectionPage.objects.filter(pk__in=[s.pk for s in sections])}
            next_step = {pk: _last_step(section) for pk, section in fresh.items()}
            pages: list[Page] = []
            specifics: list[dict[str, Any]] = []
            for i in range(size):
                number = made + i
                section = fresh[sections[number % len(sections)].pk]
                next_step[section.pk] += 1
                title = writer.title()
                slug = f"{vietnamese_slugify(title, 60)}-{uuid.uuid4().hex[:8]}"
                published = start - timedelta(minutes=37 * (count - number))
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(section.path, section.depth + 1, next_step[section.pk]),
                        depth=section.depth + 1,
                        numchild=0,
                        url_path=f"{section.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        locale_id=section.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                )
                image = images[number % len(images)] if images else None
                specifics.append(
                    {
                        "lead": writer.lead(title),
                        "body": [{**block, "id": str(uuid.uuid4())} for block in writer.body()],
                        "featured_image": image,
                        "author": writer.author(),
                        "tags": writer.tags(),
                    }
                )
            Page.objects.bulk_create(pages)
            articles = []
            for page, data in zip(pages, specifics, strict=True):
                article = ArticlePage(
                    page_ptr_id=page.pk,
                    lead=data["lead"],
                    body=data["body"],
                    featured_image=data["featured_image"],
                    author=data["author"],
                )
                article.__dict__.update(
                    {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
                )
                article.reading_minutes = article.compute_reading_minutes()
                articles.append(article)
            ArticlePage._base_manager._insert(
                articles, fields=list(ArticlePage._meta.local_concrete_fields)
            )
            tagged = []
            for article, data in zip(articles, specifics, strict=True):
                for name in data["tags"]:
                    if name not in tag_ids:
                        tag_ids[name] = _tag_id(name)
                    tagged.append(ArticleTag(content_object_id=article.pk, tag_id=tag_ids[name]))
            ArticleTag.objects.bulk_create(tagged)
            added: dict[int, int] = {}
            for page in pages:
                parent_pk = next(pk for pk, s in fresh.items() if page.path.startswith(s.path))
                added[parent_pk] = added.get(parent_pk, 0) + 1
            for pk, number_added in added.items():
                SectionPage.objects.filter(pk=pk).update(numchild=F("numchild") + number_added)
            index_articles(
                articles,
                {a.pk: d["tags"] for a, d in zip(articles, specifics, strict=True)},
                refresh_norms=False,
            )
        made += size
        if progress:
            progress(made, count)
    refresh_title_norms()
    # Bulk rows bypass the signals that purge cached pages and listing counts.
    from core.caching.invalidation import after_bulk_change

    after_bulk_change()
    if connection.vendor == "postgresql":
        # Planner statistics for the new rows: autovacuum lags behind a bulk load, and without
        # them listings pick a plan that reads a whole section instead of twenty rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE wagtailcore_page, news_articlepage, wagtailsearch_indexentry")
    return made


def _last_step(section: Page) -> int:
    """The position of the section's last child in the tree (0 when it has none)."""
    last = (
        Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
        .order_by("-path")
        .first()
    )
    if last is None:
        return 0
    return Page._str2int(last.path[-Page.steplen :])
