"""The public pages: the questions-and-answers page, drafts open for comment and their index.

Every page here is served from the page cache to anonymous readers, so none of them may show
anything that differs by reader: forms carry no CSRF token (see `participation.origin`) and
lists read only the public columns of submissions (never name, e-mail or phone).
"""

import math
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.models.base import BasePage, StoryPage

PUBLIC_QUESTION_FIELDS = ("reference", "topic", "text", "answer", "public_initials", "published_at")
PUBLIC_COMMENT_FIELDS = ("reference", "article_number", "text", "public_initials", "created_at")


def keep_until(response: HttpResponse, moment: datetime | None) -> HttpResponse:
    """Let the page cache and the CDN keep this page no later than `moment`.

    A consultation opens and closes by the clock, not by a publication, so no purge announces it:
    the page says when it stops being true (`max-age`), and the page cache obeys.
    """
    if moment is not None:
        seconds = math.ceil((moment - timezone.now()).total_seconds())
        patch_cache_control(response, max_age=max(0, seconds))
    return response


def _privacy_panel() -> FieldPanel:
    return FieldPanel("privacy_page")


def _privacy_page_field() -> models.ForeignKey:
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang thông báo bảo vệ dữ liệu cá nhân"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Câu đồng ý xử lý dữ liệu cá nhân dưới biểu mẫu dẫn tới trang này."),
    )


class QuestionIndexPage(RoutablePageMixin, BasePage):
    """Hỏi đáp: the published answers (searchable, by topic), the question form and each answer."""

    query_parameters = frozenset({"page", "q", "topic"})
    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)
    privacy_page = _privacy_page_field()

    content_panels = [*Page.content_panels, FieldPanel("intro"), _privacy_panel()]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["sitewide.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("trang hỏi đáp")
        verbose_name_plural = _("trang hỏi đáp")

    @property
    def summary(self) -> str:
        return self.search_description or self.intro

    def published_questions(self):
        from .submissions import Question

        return (
            Question.objects.filter(index_page=self, status=Question.Status.PUBLISHED)
            .only(*PUBLIC_QUESTION_FIELDS)
            .order_by("-published_at", "-pk")
        )

    @path("", name="index")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from participation.listing import question_listing

        context, status = question_listing(self, request)
        response = self.render(request, context_overrides=context)
        response.status_code = status
        return response

    @path("gui-cau-hoi/", name="ask")
    def ask(self, request: HttpRequest) -> HttpResponse:
        from participation.forms import QuestionForm

        return self.render(
            request,
            template="participation/question_form_page.html",
            context_overrides={"form": QuestionForm()},
        )

    @path("cau-hoi/<str:reference>/", name="question")
    def question(self, request: HttpRequest, reference: str) -> HttpResponse:
        from django.http import Http404

        question = self.published_questions().filter(reference=reference).first()
        if question is None:
            raise Http404
        return self.render(
            request,
            template="participation/question_detail_page.html",
            context_overrides={"question": question},
        )


class ConsultationIndexPage(BasePage):
    """Lấy ý kiến dự thảo: drafts open for comment first, then those closed, newest first."""

    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)
    privacy_page = _privacy_page_field()

    content_panels = [*Page.content_panels, FieldPanel("intro"), _privacy_panel()]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["sitewide.HomePage"]
    subpage_types = ["participation.DraftConsultationPage"]

    class Meta:
        verbose_name = _("trang lấy ý kiến dự thảo")
        verbose_name_plural = _("trang lấy ý kiến dự thảo")

    @property
    def summary(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from core.listing import paginate

        context = super().get_context(request, *args, **kwargs)
        drafts = (
            DraftConsultationPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-closes_at", "-pk")
        )
        now = timezone.now()
        current = list(drafts.filter(closes_at__gt=now))
        context["open_drafts"] = [draft for draft in current if draft.opens_at <= now]
        changes = [d.opens_at if d.opens_at > now else d.closes_at for d in current]
        context["next_change"] = min(changes, default=None)
        context["closed_drafts"] = paginate(
            drafts.filter(closes_at__lte=now),
            request.GET.get("page"),
            settings.PORTAL_LISTING_PAGE_SIZE,
        )
        return context

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Kept in caches only until a draft listed here opens or closes."""
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        return keep_until(response, context.get("next_change"))


class DraftArticleBlock(blocks.StructBlock):
    """One numbered article (Điều) of a draft: readers may comment on it by its number."""

    title = blocks.CharBlock(label=_("tên điều"), max_length=255)
    text = blocks.RichTextBlock(label=_("nội dung điều"), features=["bold", "italic", "ol", "ul"])

    class Meta:
        label = _("Điều")
        icon = "list-ol"


class DraftConsultationPage(StoryPage):
    """A draft legal document open for comment between two dates, then its summary of comments."""

    drafting_body = models.CharField(
        _("cơ quan chủ trì soạn thảo"), max_length=255, help_text=_("Ví dụ: Vụ Pháp chế.")
    )
    opens_at = models.DateTimeField(_("bắt đầu nhận góp ý"))
    closes_at = models.DateTimeField(_("hết hạn nhận góp ý"))
    articles = StreamField(
        [("article", DraftArticleBlock())],
        verbose_name=_("các điều của dự thảo"),
        blank=True,
        help_text=_("Mỗi điều được đánh số tự động; người dân có thể góp ý theo số điều."),
    )
    draft_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp dự thảo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = _privacy_page_field()
    summary_report = RichTextField(
        _("báo cáo tiếp thu, giải trình"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_(
            "Sau khi hết hạn: ý kiến nào được tiếp thu, ý kiến nào không và vì sao. Hiện công khai khi có nội dung."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("drafting_body"), FieldPanel("opens_at"), FieldPanel("closes_at")],
            heading=_("Thời gian lấy ý kiến"),
        ),
        FieldPanel("articles"),
        FieldPanel("draft_file"),
        _privacy_panel(),
        FieldPanel("summary_report"),
    ]
    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("articles"),
        index.SearchField("summary_report"),
    ]
    parent_page_types = ["participation.ConsultationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("Ngày hết hạn phải sau ngày bắt đầu nhận góp ý.")}
            )

    @property
    def state(self) -> str:
        """'upcoming', 'open' or 'closed', now (the comment endpoint checks again on every post)."""
        now = timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    def article_choices(self) -> list[tuple[str, str]]:
        from django.utils.translation import gettext

        choices = [("", gettext("Toàn bộ dự thảo"))]
        for number, block in enumerate(self.articles, start=1):
            label = gettext("Điều %(number)d. %(title)s") % {
                "number": number,
                "title": block.value["title"],
            }
            choices.append((str(number), label))
        return choices

    def published_comments(self):
        from .submissions import DraftComment

        return (
            DraftComment.objects.filter(consultation=self, status=DraftComment.Status.PUBLISHED)
            .only(*PUBLIC_COMMENT_FIELDS)
            .order_by("article_number", "created_at", "pk")
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from participation.forms import CommentForm

        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.state
        context["comments"] = list(self.published_comments())
        if self.is_open:
            context["form"] = CommentForm(article_choices=self.article_choices())
        return context

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Kept in caches only until the consultation opens or closes (the form appears or goes)."""
        response = super().serve(request, *args, **kwargs)
        state = self.state
        moment = {"upcoming": self.opens_at, "open": self.closes_at}.get(state)
        return keep_until(response, moment)
