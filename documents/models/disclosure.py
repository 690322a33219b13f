"""The list of information the ministry must publish (Law 104/2016, Art. 19), each item linked.

Each category says where a reader finds it: a page, or a filtered documents listing (a query
string such as "type=ke-hoach"), so the list stays right as documents are added.
"""

from typing import Any
from urllib.parse import parse_qsl

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.models.base import BasePage

FILTER_KEYS = {"q", "type", "issuer", "field", "year", "status"}


class PublicInformationPage(BasePage):
    intro = models.TextField(_("đoạn mở đầu"), blank=True, max_length=2000)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("items", label=_("Nhóm thông tin phải công khai"), min_num=1),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["documents.DocumentIndexPage", "sitewide.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("danh mục thông tin phải công khai")
        verbose_name_plural = _("danh mục thông tin phải công khai")

    @property
    def summary(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["items"] = list(self.items.select_related("page").order_by("sort_order"))
        return context


class PublicInformationItem(Orderable):
    owner = ParentalKey(PublicInformationPage, related_name="items", on_delete=models.CASCADE)
    title = models.CharField(_("nhóm thông tin"), max_length=255)
    legal_basis = models.CharField(
        _("căn cứ"), max_length=255, blank=True, help_text=_("Ví dụ: Điểm a khoản 1 Điều 17.")
    )
    description = models.TextField(_("mô tả"), blank=True, max_length=1000)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang chứa thông tin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    query = models.CharField(
        _("bộ lọc"),
        max_length=200,
        blank=True,
        help_text=_("Với trang văn bản: điều kiện lọc, ví dụ type=ke-hoach hoặc field=tai-chinh."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("legal_basis"),
        FieldPanel("description"),
        PageChooserPanel("page"),
        FieldPanel("query"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("nhóm thông tin")

    def clean(self) -> None:
        super().clean()
        unknown = {key for key, _value in parse_qsl(self.query.lstrip("?"))} - FILTER_KEYS
        if unknown:
            raise ValidationError(
                {
                    "query": _("Bộ lọc không có trường: %(keys)s.")
                    % {"keys": ", ".join(sorted(unknown))}
                }
            )

    def link(self) -> str:
        if self.page is None:
            return ""
        url = self.page.get_url() or ""
        query = self.query.lstrip("?")
        return f"{url}?{query}" if url and query else url
