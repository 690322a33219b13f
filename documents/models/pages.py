"""The documents library's pages: the filterable index (/van-ban/) and one page per legal document."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.models.base import BasePage, StoryPage
from documents.blocks import full_text_blocks
from documents.forms.admin import LegalDocumentForm
from documents.keys import search_key
from documents.status import STATUS_LABELS, derive_status


class DocumentIndexPage(RoutablePageMixin, BasePage):
    """Văn bản: every document below it, filtered by a plain GET form, with a feed per filter."""

    query_parameters = frozenset({"page", "q", "type", "issuer", "field", "year", "status"})
    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["sitewide.HomePage"]
    subpage_types = ["documents.LegalDocumentPage", "documents.PublicInformationPage"]

    class Meta:
        verbose_name = _("trang văn bản")
        verbose_name_plural = _("trang văn bản")

    @property
    def summary(self) -> str:
        return self.search_description or self.intro

    def documents(self):
        """Its live, public documents (`live().public().child_of(self)`, read from their rows)."""
        from documents.listed import listed_in

        return listed_in(self)

    @re_path(r"^$")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> TemplateResponse:
        # Replaces the mixin's default route: the listing reads the filter form first.
        from documents.views import listing_context

        context = self.get_context(request)
        context.update(listing_context(self, request))
        return TemplateResponse(request, self.get_template(request), context)

    @path("rss/", name="feed")
    def feed(self, request: HttpRequest) -> HttpResponse:
        from documents.feeds import DocumentFeed

        return DocumentFeed(self)(request)


STATUS_COLUMNS = ["effective_from", "expires_on", "replaced_from", "amended_from"]


class LegalDocumentPage(StoryPage):
    """One legal document: number, type, issuer, signer, dates, derived status, relations, files.

    A story (dated, listed, in site search), with its trích yếu kept in the story's `lead`, so
    cards, feeds and search results show it as they show an article's lead.
    """

    lead = models.TextField(
        _("trích yếu"),
        max_length=2000,
        help_text=_("Trích yếu nội dung văn bản, như in dưới số, ký hiệu."),
    )
    number = models.CharField(
        _("số, ký hiệu"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: 15/2020/NĐ-CP. Để trống với dự thảo chưa có số."),
    )
    document_type = models.ForeignKey(
        "documents.DocumentType",
        verbose_name=_("loại văn bản"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    issuer = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    field = models.ForeignKey(
        "documents.DocumentField",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), db_index=True)
    effective_from = models.DateField(_("ngày có hiệu lực"))
    expires_on = models.DateField(
        _("ngày hết hiệu lực"),
        null=True,
        blank=True,
        help_text=_("Chỉ điền khi văn bản tự quy định ngày hết hiệu lực."),
    )
    full_text = StreamField(
        full_text_blocks(),
        verbose_name=_("toàn văn"),
        blank=True,
        help_text=_(
            "Toàn văn dạng HTML (tiêu đề, điều, khoản, bảng). Bắt buộc khi tệp PDF là bản quét."
        ),
    )
    # Derived on save (never edited): the unaccented words the listing's search compares.
    number_key = models.CharField(max_length=200, blank=True, editable=False)
    title_key = models.TextField(blank=True, editable=False)
    text_key = models.TextField(blank=True, editable=False)
    # The index listing this document while it is live, else NULL: kept by documents/listed.py,
    # so the listing filters and sorts this table alone (see docs/performance.md).
    listed_under = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    # The status's inputs from other documents: the first day a live document replacing (or
    # amending) this one is in force, NULL when none. Kept by documents/listed.py; the status
    # itself is computed from dates at query time, so it changes as days pass.
    replaced_from = models.DateField(null=True, editable=False)
    amended_from = models.DateField(null=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("field")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_position")]),
            ],
            heading=_("Phân loại và người ký"),
        ),
        FieldRowPanel(
            [FieldPanel("issued_on"), FieldPanel("effective_from"), FieldPanel("expires_on")],
            heading=_("Ngày tháng"),
        ),
        InlinePanel("files", label=_("Tệp đính kèm"), max_num=10),
        InlinePanel("relations", label=_("Quan hệ với văn bản khác")),
        FieldPanel("full_text"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("number", boost=3),
        index.AutocompleteField("number"),
        index.SearchField("full_text"),
        index.SearchField("signer"),
        index.FilterField("issued_on"),
    ]
    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types: list[str] = []

    base_form_class = LegalDocumentForm
    # Cards and search results label documents apart from news.
    media_kind_label = _("Văn bản")

    exclude_fields_in_copy = ["listed_under", "replaced_from", "amended_from"]

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        # One index per way the listing narrows before sorting newest first: each filter shape
        # is an index walk that stops after the page's rows. The status's dates ride along as
        # the last columns (INCLUDE is PostgreSQL's only), so status filters and counts read the
        # index alone.
        indexes = [
            models.Index(
                fields=["listed_under", "issued_on", "page_ptr", *STATUS_COLUMNS],
                name="documents_listed",
            ),
            *(
                models.Index(
                    fields=["listed_under", name, "issued_on", "page_ptr", *STATUS_COLUMNS],
                    name=f"documents_listed_{short}",
                )
                for name, short in (
                    ("document_type", "type"),
                    ("issuer", "issuer"),
                    ("field", "field"),
                )
            ),
        ]

    def save(self, *args: Any, **kwargs: Any) -> Any:
        self.number_key = search_key(self.number)
        self.title_key = search_key(self.title)
        self.text_key = search_key(self.number, self.title, self.lead)
        return super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.expires_on and self.issued_on and self.expires_on < self.issued_on:
            errors["expires_on"] = str(_("Ngày hết hiệu lực không thể trước ngày ban hành."))
        elif self.expires_on and self.effective_from and self.expires_on <= self.effective_from:
            errors["expires_on"] = str(_("Ngày hết hiệu lực phải sau ngày có hiệu lực."))
        duplicate = self.duplicate()
        if duplicate is not None:
            errors["number"] = str(
                _("Cơ quan này đã có văn bản số %(number)s: “%(title)s”.")
                % {"number": self.number, "title": duplicate.title}
            )
        if errors:
            raise ValidationError(errors)

    def duplicate(self) -> "LegalDocumentPage | None":
        """Another document of this language with the same number from the same issuer."""
        key = search_key(self.number)
        if not key or not self.issuer_id:
            return None
        others = LegalDocumentPage.objects.filter(number_key=key, issuer_id=self.issuer_id)
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.only("pk", "title").first()

    @classmethod
    def for_serving(cls, queryset: Any) -> Any:
        """Routing reads the lists the page shows in the same query (see core/caching/routing.py)."""
        return super().for_serving(queryset).select_related("document_type", "issuer", "field")

    @property
    def display_date(self):
        return self.issued_on

    def status(self) -> str:
        """The derived status, from the page's own relations (listings: `status.row_status`)."""
        from documents.status import AMENDS, REPLACES, today

        on = today()
        acting = {
            relation.kind
            for relation in self.incoming()
            if relation.source.live
            and relation.source.effective_from
            and relation.source.effective_from <= on
        }
        return derive_status(
            self.effective_from, self.expires_on, REPLACES in acting, AMENDS in acting
        )

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status()])

    def incoming(self) -> list[Any]:
        """Relations pointing at this document (replaced by, amended by, guided by), read once."""
        cached = getattr(self, "_incoming_relations", None)
        if cached is None and not self.pk:
            cached = self._incoming_relations = []
        if cached is None:
            from documents.models import DocumentRelation

            cached = list(
                DocumentRelation.objects.filter(target=self, source__live=True)
                .select_related("source")
                .order_by("-source__issued_on", "source_id")
            )
            self._incoming_relations = cached
        return cached

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from documents.views import document_context

        context = super().get_context(request, *args, **kwargs)
        context.update(document_context(self, preview=getattr(request, "is_preview", False)))
        return context
