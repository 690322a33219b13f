"""Site-wide page types: the home page of each language and the standard information pages.

The tables keep the names they had when these models belonged to the `portal` app (`db_table`):
the move to this app changed Django's state only, so existing databases needed no DDL (the
search index's generated columns and GIN indexes name `portal_searchentry` in their SQL).
"""

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import body_blocks
from core.listing import story_page_models
from core.models import BasePage
from sitewide.home import home_context
from sitewide.search.models import SearchEntry

__all__ = ["HomeFeaturedItem", "HomePage", "SearchEntry", "StandardPage", "StoryChooserPanel"]


class HomePage(BasePage):
    """The root of one language's tree: featured stories, then the latest of each section."""

    intro = models.TextField(
        _("lời giới thiệu"),
        blank=True,
        max_length=500,
        help_text=_("Một câu giới thiệu cổng thông tin, hiện dưới tiêu đề trang chủ."),
    )
    latest_per_section = models.PositiveSmallIntegerField(
        _("số tin mới mỗi chuyên mục"),
        default=4,
        help_text=_("Số tin mới nhất hiện cho mỗi chuyên mục trên trang chủ."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("latest_per_section"),
        InlinePanel("featured_items", label=_("Tin nổi bật"), max_num=6),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        db_table = "portal_homepage"
        verbose_name = _("trang chủ")

    @property
    def summary(self) -> str:
        return self.search_description or self.intro

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        # One query for the whole path instead of two per URL segment (core/caching/routing.py).
        from core.caching.routing import route_below

        return route_below(self, request, path_components)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self))
        return context


class StoryChooserPanel(PageChooserPanel):
    """A page chooser offering every story type (articles and multimedia products).

    The types are derived when the form is built (`story_page_models`), so a new story type
    can be featured on Home without editing a list here.
    """

    def get_form_options(self) -> dict[str, Any]:
        options = super().get_form_options()
        options.setdefault("widgets", {})[self.field_name] = AdminPageChooser(
            target_models=story_page_models(), can_choose_root=self.can_choose_root
        )
        return options


class HomeFeaturedItem(Orderable):
    home = ParentalKey(HomePage, related_name="featured_items", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [StoryChooserPanel("page")]

    class Meta(Orderable.Meta):
        db_table = "portal_homefeatureditem"
        verbose_name = _("tin nổi bật")


class StandardPage(BasePage):
    """About, organisation, contact and the accessibility statement: text that changes rarely."""

    intro = models.TextField(_("đoạn mở đầu"), blank=True, max_length=1000)
    body = StreamField(body_blocks(), verbose_name=_("nội dung"), blank=True)
    last_reviewed = models.DateField(
        _("ngày rà soát gần nhất"),
        null=True,
        blank=True,
        help_text=_("Với tuyên bố hỗ trợ tiếp cận: ngày kiểm tra mức độ tuân thủ gần nhất."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    subpage_types = ["sitewide.StandardPage"]

    class Meta:
        db_table = "portal_standardpage"
        verbose_name = _("trang thông tin")

    @property
    def summary(self) -> str:
        return self.search_description or self.intro
