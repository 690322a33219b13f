"""The five multimedia products. Each is a StoryPage, so cards, feeds, search and Home treat it as a story."""

from typing import Any

from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from core.blocks import BODY_RICH_TEXT_FEATURES
from core.models.base import StoryPage
from media_products.blocks import PhotoBlock, description_blocks, emagazine_blocks

from .guards import (
    heading_outline_problem,
    missing_alt_photos,
    needs,
    stream_has_text,
    text_of,
)

MEDIA_MODEL = settings.WAGTAILMEDIA["MEDIA_MODEL"]


class MediaProductPage(StoryPage):
    """What every product shares: its place under a multimedia index and a label on cards."""

    media_kind = ""
    media_kind_label: Any = ""

    parent_page_types = ["media_products.MediaIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @classmethod
    def story_panels(cls) -> list[Any]:
        return [
            *Page.content_panels,
            FieldPanel("lead"),
            MultiFieldPanel(
                [FieldPanel("featured_image"), FieldPanel("featured_image_alt")],
                heading=_("Ảnh đại diện (ảnh bìa, ảnh chờ của video)"),
            ),
        ]

    promote_panels = [*Page.promote_panels, FieldPanel("publication_date")]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from core.caching.structure import get_structure
        from media_products.listing import more_products

        context = super().get_context(request, *args, **kwargs)
        context["index"] = index = get_structure().parent_of(self) or self.get_parent()
        context["more_products"] = more_products(self, index)
        return context


class VideoPage(RoutablePageMixin, MediaProductPage):
    """A video with captions (for deaf readers) and a transcript (for deaf-blind and busy readers)."""

    media_kind = "video"
    media_kind_label = _("Video")
    template = "media_products/video_page.html"

    video = models.ForeignKey(
        MEDIA_MODEL,
        verbose_name=_("tệp video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("MP4 hoặc WebM."),
    )
    captions = models.ForeignKey(
        "media_products.CaptionTrack",
        verbose_name=_("phụ đề chính"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Phụ đề WebVTT bằng ngôn ngữ của trang; bắt buộc khi xuất bản."),
    )
    transcript = RichTextField(
        _("bản ghi lời (transcript)"),
        features=BODY_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Toàn bộ lời nói và âm thanh quan trọng, dạng văn bản; bắt buộc khi xuất bản."),
    )
    description = RichTextField(_("mô tả"), features=BODY_RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *MediaProductPage.story_panels(),
        MediaChooserPanel("video", media_type="video"),
        FieldPanel("captions"),
        InlinePanel("extra_captions", label=_("Phụ đề ngôn ngữ khác"), max_num=6),
        FieldPanel("transcript"),
        FieldPanel("description"),
    ]
    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("transcript"),
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("video")

    @classmethod
    def publishing_problems(cls, data: dict[str, Any]) -> dict[str, str]:
        problems = super().publishing_problems(data)
        video = data.get("video")
        if video is None:
            problems["video"] = needs(_("Chọn tệp video trước khi gửi duyệt hoặc xuất bản."))
        elif video.type != "video":
            problems["video"] = needs(_("Tệp đã chọn là tệp âm thanh, không phải video."))
        if data.get("captions") is None:
            problems["captions"] = needs(
                _(
                    "Video cần phụ đề (tệp WebVTT) để người khiếm thính theo dõi được. "
                    "Hãy chọn phụ đề trước khi gửi duyệt hoặc xuất bản."
                )
            )
        if not text_of(data.get("transcript")):
            problems["transcript"] = needs(
                _(
                    "Video cần bản ghi lời (transcript) cho người không nghe và không "
                    "nhìn được. Hãy nhập bản ghi lời trước khi gửi duyệt hoặc xuất bản."
                )
            )
        return problems

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["caption_tracks"] = self.caption_tracks()
        return context

    def caption_tracks(self) -> list[Any]:
        """Main captions first, then other languages; each with the URL the <track> element loads."""
        tracks = [self.captions] if self.captions_id else []
        tracks += [
            item.track for item in self.extra_captions.select_related("track") if item.track_id
        ]
        return tracks

    @path("phu-de/<int:track_id>/", name="captions")
    def captions_file(self, request: HttpRequest, track_id: int) -> HttpResponse:
        track = next((t for t in self.caption_tracks() if t.pk == track_id), None)
        if track is None:
            raise Http404
        response = HttpResponse(track.content, content_type="text/vtt; charset=utf-8")
        response["Cache-Control"] = "public, max-age=3600"
        return response


class VideoCaption(Orderable):
    page = ParentalKey(VideoPage, related_name="extra_captions", on_delete=models.CASCADE)
    track = models.ForeignKey(
        "media_products.CaptionTrack",
        verbose_name=_("phụ đề"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("track")]

    class Meta(Orderable.Meta):
        verbose_name = _("phụ đề ngôn ngữ khác")


class AudioPage(MediaProductPage):
    """A podcast episode: audio, its transcript, and its place in a series (which has an RSS feed)."""

    media_kind = "podcast"
    media_kind_label = _("Podcast")
    template = "media_products/audio_page.html"

    audio = models.ForeignKey(
        MEDIA_MODEL,
        verbose_name=_("tệp âm thanh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("MP3, M4A hoặc OGG."),
    )
    series = models.ForeignKey(
        "media_products.PodcastSeries",
        verbose_name=_("chương trình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="episodes",
    )
    episode_number = models.PositiveIntegerField(_("số tập"), null=True, blank=True)
    transcript = RichTextField(
        _("bản ghi lời (transcript)"),
        features=BODY_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Toàn bộ lời nói của tập, dạng văn bản; bắt buộc khi xuất bản."),
    )
    description = RichTextField(_("ghi chú của tập"), features=BODY_RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *MediaProductPage.story_panels(),
        MediaChooserPanel("audio", media_type="audio"),
        MultiFieldPanel(
            [FieldPanel("series"), FieldPanel("episode_number")], heading=_("Chương trình")
        ),
        FieldPanel("transcript"),
        FieldPanel("description"),
    ]
    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("transcript"),
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("podcast (một tập)")
        verbose_name_plural = _("podcast")

    @classmethod
    def publishing_problems(cls, data: dict[str, Any]) -> dict[str, str]:
        problems = super().publishing_problems(data)
        audio = data.get("audio")
        if audio is None:
            problems["audio"] = needs(_("Chọn tệp âm thanh trước khi gửi duyệt hoặc xuất bản."))
        elif audio.type != "audio":
            problems["audio"] = needs(
                _("Tệp đã chọn là video; podcast cần tệp âm thanh (MP3, M4A, OGG).")
            )
        if not text_of(data.get("transcript")):
            problems["transcript"] = needs(
                _(
                    "Podcast cần bản ghi lời (transcript) cho người khiếm thính. "
                    "Hãy nhập bản ghi lời trước khi gửi duyệt hoặc xuất bản."
                )
            )
        if data.get("series") is None:
            problems["series"] = needs(_("Chọn chương trình podcast của tập này."))
        if not data.get("episode_number"):
            problems["episode_number"] = needs(_("Nhập số tập (1, 2, 3…)."))
        return problems


class PhotoStoryPage(MediaProductPage):
    """Photos in the order the story is told, each with alt text and a caption: a list, never a carousel."""

    media_kind = "photo"
    media_kind_label = _("Ảnh")
    template = "media_products/photo_story_page.html"

    photos = StreamField([("photo", PhotoBlock())], verbose_name=_("các ảnh"), blank=True)

    content_panels = [*MediaProductPage.story_panels(), FieldPanel("photos")]
    search_fields = [*StoryPage.search_fields, index.SearchField("photos")]

    class Meta:
        verbose_name = _("phóng sự ảnh")
        verbose_name_plural = _("phóng sự ảnh")

    @classmethod
    def publishing_problems(cls, data: dict[str, Any]) -> dict[str, str]:
        problems = super().publishing_problems(data)
        photos = data.get("photos") or []
        if not len(photos):
            problems["photos"] = needs(_("Phóng sự ảnh cần ít nhất một ảnh."))
        elif missing := missing_alt_photos(photos):
            problems["photos"] = needs(
                _(
                    "Ảnh số %(numbers)s chưa có văn bản thay thế. Hãy mô tả điều mỗi ảnh cho thấy để người "
                    "khiếm thị hiểu được."
                )
                % {"numbers": ", ".join(str(n) for n in missing)}
            )
        return problems

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = self.photo_items()
        return context

    def photo_items(self) -> list[dict[str, Any]]:
        """Each photo with the alt text it will be read with (its own, else the library's)."""
        items = []
        for block in self.photos:
            image = block.value["image"]
            if image is None:
                continue
            alt = (block.value.get("alt_text") or "").strip() or image.description
            items.append(
                {
                    "image": image,
                    "alt": alt,
                    "caption": block.value["caption"],
                    "credit": block.value.get("credit") or image.credit,
                }
            )
        return items


class InfographicPage(MediaProductPage):
    """An infographic whose full information is also given as text (lists and tables allowed)."""

    media_kind = "infographic"
    media_kind_label = _("Đồ họa thông tin")
    template = "media_products/infographic_page.html"

    graphic = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("đồ họa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    graphic_alt = models.CharField(
        _("văn bản thay thế ngắn"),
        max_length=255,
        blank=True,
        help_text=_("Một câu nói đồ họa về điều gì; toàn bộ thông tin nằm ở phần mô tả bằng chữ."),
    )
    text_description = StreamField(
        description_blocks(),
        verbose_name=_("mô tả bằng chữ"),
        blank=True,
        help_text=_("Toàn bộ thông tin của đồ họa, bằng chữ; bắt buộc khi xuất bản."),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("bản PDF để tải"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *MediaProductPage.story_panels(),
        MultiFieldPanel([FieldPanel("graphic"), FieldPanel("graphic_alt")], heading=_("Đồ họa")),
        FieldPanel("text_description"),
        FieldPanel("pdf"),
    ]
    search_fields = [*StoryPage.search_fields, index.SearchField("text_description")]

    class Meta:
        verbose_name = _("đồ họa thông tin")
        verbose_name_plural = _("đồ họa thông tin")

    @classmethod
    def publishing_problems(cls, data: dict[str, Any]) -> dict[str, str]:
        problems = super().publishing_problems(data)
        graphic = data.get("graphic")
        if graphic is None:
            problems["graphic"] = needs(_("Chọn ảnh đồ họa thông tin."))
        elif not (data.get("graphic_alt") or graphic.description or "").strip():
            problems["graphic_alt"] = needs(_("Nhập một câu văn bản thay thế cho đồ họa."))
        if not stream_has_text(data.get("text_description")):
            problems["text_description"] = needs(
                _(
                    "Đồ họa thông tin cần phần mô tả bằng chữ chứa đủ thông tin của đồ họa, để người khiếm thị "
                    "đọc được. Hãy nhập mô tả trước khi gửi duyệt hoặc xuất bản."
                )
            )
        pdf = data.get("pdf")
        if pdf is not None and pdf.file_extension.lower() != "pdf":
            problems["pdf"] = needs(_("Tài liệu tải về phải là tệp PDF."))
        return problems

    @property
    def graphic_alt_text(self) -> str:
        return self.graphic_alt or (self.graphic.description if self.graphic else "")


class EMagazinePage(MediaProductPage):
    """A long read built from the shared blocks, with full-width images and pull quotes."""

    media_kind = "emagazine"
    media_kind_label = _("E-magazine")
    template = "media_products/emagazine_page.html"

    body = StreamField(emagazine_blocks(), verbose_name=_("nội dung"), blank=True)

    content_panels = [*MediaProductPage.story_panels(), FieldPanel("body")]
    search_fields = [*StoryPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("e-magazine")
        verbose_name_plural = _("e-magazine")

    @classmethod
    def publishing_problems(cls, data: dict[str, Any]) -> dict[str, str]:
        problems = super().publishing_problems(data)
        body = data.get("body") or []
        if not len(body):
            problems["body"] = needs(_("E-magazine cần có nội dung."))
        elif problem := heading_outline_problem(body):
            problems["body"] = problem
        return problems

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        headings = self.outline()
        context["outline"] = nest_outline(headings)
        anchors = iter(h["id"] for h in headings)
        context["body_with_anchors"] = [
            (block, next(anchors) if block.block_type == "heading" else None) for block in self.body
        ]
        return context

    def outline(self) -> list[dict[str, Any]]:
        """The headings, in order, with the anchors the template gives them (the table of contents)."""
        return [
            {"id": f"muc-{number}", "text": block.value["text"], "level": block.value["level"]}
            for number, block in enumerate(
                (b for b in self.body if b.block_type == "heading"), start=1
            )
        ]


def product_models() -> list[type[MediaProductPage]]:
    return [VideoPage, AudioPage, PhotoStoryPage, InfographicPage, EMagazinePage]


def nest_outline(headings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat headings (h2, h3, h3, h2…) as a nested list, so the table of contents is an ordered tree."""
    root: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(1, root)]
    for heading in headings:
        level = int(heading["level"][1])
        while len(stack) > 1 and stack[-1][0] >= level:
            stack.pop()
        entry = {**heading, "children": []}
        stack[-1][1].append(entry)
        stack.append((level, entry["children"]))
    return root
