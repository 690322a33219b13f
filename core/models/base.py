"""What every public page shares: its listing summary, social preview and cache policy."""

from typing import Any, ClassVar

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.caching.structure import get_structure, in_request
from core.forms import PublishGuardForm
from core.listing import with_hero_image
from core.search.fields import SiteSearch
from core.slugs import unique_child_slug, vietnamese_slugify


class BasePage(Page):
    """Abstract base of the portal's page types."""

    base_form_class = PublishGuardForm
    # Pages are listed and searched by title; a template never needs the whole tree to render one.
    show_in_menus_default = False
    # The query parameters this page reads. The page cache keys entries on these alone, and a
    # request carrying any other is sent to the URL without it (`core/caching/wagtail_hooks.py`):
    # a campaign tag or a cache-buster neither fills the cache nor bypasses it. Listing pages with
    # filters add theirs.
    query_parameters: ClassVar[frozenset[str]] = frozenset({"page", "print"})
    # The meta tags of every page ask for a lead (a story's says "og:type article"). A template
    # lookup that fails costs a dir() of the whole page class, about a millisecond on each
    # section and home page; pages with a lead field override this.
    lead: Any = ""

    class Meta:
        abstract = True

    @classmethod
    def for_serving(cls, queryset: QuerySet) -> QuerySet:
        """The queryset routing reads a page of this type through (core/caching/routing.py).

        Types whose template reads related rows join them here, so serving stays one query.
        """
        return queryset

    @classmethod
    def child_for_serving(cls, parent: Page, slug: str) -> Page | None:
        """The child of `parent` with this slug, read for serving (`for_serving`), or None.

        Routing reads the last page of a URL through this; a type may read it its own way.
        """
        return cls.for_serving(cls._default_manager.child_of(parent).filter(slug=slug)).first()

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        """Fill an empty slug from the title the Vietnamese way before Wagtail would (it drops đ)."""
        if not self.slug and self.title:  # type: ignore[has-type]  # Wagtail's field, untyped
            base = vietnamese_slugify(self.title)
            if base:
                # A page being added to the tree knows its parent by path; elsewhere the admin
                # form's own check reports a clash.
                parent = self.get_parent() if self.path else None
                self.slug = unique_child_slug(parent, base, self.pk) if parent else base
        super().full_clean(*args, **kwargs)

    @classmethod
    def publishing_problems(cls, data: dict[str, Any]) -> dict[str, str]:
        """Reasons a disabled reader could not use this page, keyed by form field.

        Page types override this; an empty dict lets the page be submitted and published.
        """
        return {}

    @property
    def summary(self) -> str:
        """The one-paragraph description used by cards, feeds and meta tags."""
        return self.search_description or ""

    @property
    def localized(self) -> Page:
        """Wagtail's `localized`, answered from the site structure for pages in it (no query)."""
        found = get_structure().localized(self) if in_request() else None
        return found if found is not None else super().localized

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        """Wagtail's, without its query when the site structure knows there is none.

        Wagtail's serve hook asks every page it serves; nearly every page is public. A page with
        restrictions (or below an alias, which the structure does not resolve) asks Wagtail.
        """
        if in_request() and get_structure().restrictions_for(self) == []:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def social_image(self) -> Any:
        """The image used for Open Graph previews, or None."""
        return None


class StoryPage(BasePage):
    """A dated piece for readers (article or multimedia product): lead, featured image, date.

    The fields every card, feed item and search result needs live here, so mixed listings of
    articles and multimedia render from one shape.
    """

    lead = models.TextField(
        _("sa pô (tóm tắt)"),
        max_length=1000,
        help_text=_(
            "Một đoạn văn ngắn giới thiệu nội dung; hiện ở danh sách tin, RSS và kết quả tìm kiếm."
        ),
    )
    featured_image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(
        _("văn bản thay thế của ảnh đại diện"),
        max_length=255,
        blank=True,
        help_text=_("Mô tả điều ảnh cho thấy. Để trống để dùng mô tả của ảnh trong thư viện."),
    )
    publication_date = models.DateTimeField(
        _("ngày xuất bản"),
        null=True,
        blank=True,
        help_text=_("Để trống để dùng thời điểm xuất bản lần đầu. Chỉ điền khi đăng lại tin cũ."),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.AutocompleteField("title"),
    ]
    # Site search: title A, lead B, the rest of search_fields C (core/search/fields.py).
    site_search = SiteSearch(lead=("lead",))

    # Cards show a kind label for multimedia; articles have none. Defined here because a template
    # lookup that fails costs a dir() of the whole page class (about 1 ms a card).
    media_kind_label: Any = ""

    class Meta:
        abstract = True

    @classmethod
    def for_serving(cls, queryset: QuerySet) -> QuerySet:
        """A story's own page shows its featured image: joined (its renditions come with the cards')."""
        return with_hero_image(queryset)

    def save(self, *args, **kwargs):
        # Listings of mixed page types sort and filter on the page table's indexed
        # first_published_at; an editor's explicit date (a back-dated import) is mirrored there.
        if self.publication_date is not None:
            self.first_published_at = self.publication_date
        return super().save(*args, **kwargs)

    @classmethod
    def publishing_problems(cls, data: dict[str, Any]) -> dict[str, str]:
        problems = super().publishing_problems(data)
        image = data.get("featured_image")
        if image is not None and not (data.get("featured_image_alt") or image.description).strip():
            problems["featured_image_alt"] = str(
                _(
                    "Ảnh đại diện cần văn bản thay thế (hoặc mô tả trong thư viện ảnh) để người khiếm thị hiểu ảnh."
                )
            )
        return problems

    @property
    def summary(self) -> str:
        return self.lead

    @property
    def display_date(self):
        return self.publication_date or self.first_published_at

    @property
    def social_image(self) -> Any:
        return self.featured_image

    @property
    def featured_alt_text(self) -> str:
        if self.featured_image is None:
            return ""
        return self.featured_image_alt or self.featured_image.description
