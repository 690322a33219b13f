"""News sections and articles: the bulk of the portal (120,000 articles at ten times the real scale)."""

from math import ceil
from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import body_blocks
from core.models.base import BasePage, StoryPage

# Vietnamese prose reads at about 200 words a minute aloud and faster silently; 220 is a fair middle.
WORDS_PER_MINUTE = 220


class SectionPage(RoutablePageMixin, BasePage):
    """A news section (nestable): lists its own articles and those of its subsections, newest first."""

    intro = models.TextField(
        _("giới thiệu chuyên mục"),
        blank=True,
        max_length=1000,
        help_text=_("Một đoạn ngắn nói chuyên mục đăng gì; hiện ở đầu trang chuyên mục."),
    )
    show_on_home = models.BooleanField(
        _("hiện trên trang chủ"),
        default=True,
        help_text=_("Trang chủ liệt kê các tin mới nhất của chuyên mục này."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_on_home")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["news.SectionPage", "news.ArticlePage"]
    parent_page_types = ["sitewide.HomePage", "news.SectionPage"]

    class Meta:
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")

    @property
    def summary(self) -> str:
        return self.search_description or self.intro

    def articles(self):
        """Live articles in this section and its subsections, newest first."""
        from core.caching.structure import public

        return (
            public(ArticlePage.objects.live())
            .descendant_of(self)
            .order_by("-first_published_at", "-pk")
        )

    def article_positions(self):
        """The ids of `articles()` in the same order, read from Wagtail's page table alone.

        A covering index (migration 0004) answers it without reading a page row, so a page in the
        middle of a long listing skips index entries, not rows (`core.listing.TwoEndedPaginator`).
        """
        from core.caching.structure import public

        return (
            public(Page.objects.live())
            .descendant_of(self)
            .type(ArticlePage)
            .order_by("-first_published_at", "-pk")
            .values("pk")
        )

    @path("rss/", name="feed")
    def feed(self, request: HttpRequest) -> Any:
        from news.feeds import SectionFeed

        return SectionFeed(self)(request)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from django.conf import settings

        from core.caching.structure import get_structure
        from core.listing import for_cards, paginate

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(
            for_cards(self.articles()),
            request.GET.get("page"),
            settings.PORTAL_LISTING_PAGE_SIZE,
            positions=self.article_positions(),
        )
        structure = get_structure()  # sections are in the site structure: no query
        context["subsections"] = sorted(
            (
                page
                for page in structure.children(self)
                if isinstance(page, SectionPage) and page.live and not structure.is_private(page)
            ),
            key=lambda page: page.path,
        )
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        # The newest articles of one tag, read backwards by `news.related` and stopping early.
        indexes = [models.Index(fields=["tag", "content_object"], name="news_tag_article_idx")]


class ArticlePage(StoryPage):
    """A news article: lead, body of accessible blocks, featured image, tags and related content."""

    body = StreamField(body_blocks(), verbose_name=_("nội dung"))
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    source = models.CharField(
        _("nguồn tin"),
        max_length=255,
        blank=True,
        help_text=_("Cơ quan hoặc báo đăng tin gốc, nếu có."),
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("từ khóa"))
    reading_minutes = models.PositiveSmallIntegerField(
        _("thời gian đọc (phút)"), default=1, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_alt")],
            heading=_("Ảnh đại diện"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source")], heading=_("Tác giả và nguồn")
        ),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("tags"),
        FieldPanel("publication_date"),
        InlinePanel("related_links", label=_("Tin liên quan (chọn tay)"), max_num=6),
        # The relation is defined by the documents app (documents.ArticleDocumentLink).
        InlinePanel("document_links", label=_("Văn bản liên quan"), max_num=10),
    ]
    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("body"),
        index.SearchField("author"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")

    @classmethod
    def for_serving(cls, queryset):
        """Its own page also shows its tags, chosen links and documents: read in the same query."""
        from news.serving import own_rows_annotations

        return super().for_serving(queryset).annotate(**own_rows_annotations(cls))

    @classmethod
    def child_for_serving(cls, parent: Page, slug: str) -> "ArticlePage | None":
        """The article routing serves: one hand-written query, its own rows included (news/serving.py)."""
        from news.serving import child_article

        return child_article(cls, parent, slug)

    def body_images(self) -> list[Any]:
        """The images of the body's image blocks (all read in one query, Wagtail's `bulk_to_python`).

        The page asks for them before rendering so their renditions come with the cards'.
        """
        return [
            block.value["image"]
            for block in self.body
            if block.block_type == "image" and block.value.get("image") is not None
        ]

    def tag_names(self) -> list[str]:
        """The article's tags, in the order they were given."""
        from core.serving import annotation_or

        rows = annotation_or(
            self, "serving_tags", lambda: [[n, t.name] for n, t in enumerate(self.tags.all())]
        )
        return [name for _order, name in rows]

    def related_page_ids(self) -> list[int]:
        """The pages the editor chose as related, in the editor's order."""
        from core.serving import annotation_or

        rows = annotation_or(
            self,
            "serving_related",
            lambda: [[n, link.page_id] for n, link in enumerate(self.related_links.all())],
        )
        return [page_id for _order, page_id in rows]

    def document_ids(self) -> list[int]:
        """The legal documents the editor linked, in the editor's order."""
        from core.serving import annotation_or

        rows = annotation_or(
            self,
            "serving_documents",
            lambda: [[n, link.document_id] for n, link in enumerate(self.document_links.all())],
        )
        return [document_id for _order, document_id in rows]

    def save(self, *args, **kwargs):
        self.reading_minutes = self.compute_reading_minutes()
        return super().save(*args, **kwargs)

    def compute_reading_minutes(self) -> int:
        """Minutes to read the lead and the text blocks of the body (stored, so listings need no body)."""
        words = len(self.lead.split())
        for block in self.body:
            if block.block_type == "paragraph":
                words += len(strip_tags(block.value.source).split())
            elif block.block_type == "heading":
                words += len(block.value["text"].split())
            elif block.block_type == "quote":
                words += len(block.value["quote"].split())
        return max(1, ceil(words / WORDS_PER_MINUTE))

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from news.related import related_stories

        context = super().get_context(request, *args, **kwargs)
        # ?print=1 is the print-friendly view: the no-JavaScript target of the "print" link.
        context["print_view"] = request.GET.get("print") == "1"
        inline = self.body_images()
        if context["print_view"]:
            from core.listing import attach_card_images

            context["related"] = []
            attach_card_images([], hero_of=self, inline=inline)  # images and renditions
        else:
            context["related"] = related_stories(self, inline=inline)
        return context


class ArticleRelatedLink(Orderable):
    article = ParentalKey(ArticlePage, related_name="related_links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang liên quan"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("tin liên quan")
