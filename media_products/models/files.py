"""The files behind multimedia products: video/audio (wagtailmedia), captions and podcast series."""

import os

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtailmedia.models import AbstractMedia

from media_products.forms.captions import CaptionTrackForm
from media_products.probe import ALLOWED

CAPTION_LANGUAGES = [
    ("vi", _("Tiếng Việt")),
    ("en", _("Tiếng Anh")),
    ("fr", _("Tiếng Pháp")),
    ("zh", _("Tiếng Trung")),
    ("ja", _("Tiếng Nhật")),
    ("ko", _("Tiếng Hàn")),
]


class PortalMedia(AbstractMedia):
    """A video or audio file whose size and real type are recorded at upload.

    Podcast feeds need each enclosure's length and MIME type, and a download link states both;
    storing them spares a storage round trip (an HTTP request on S3) per item of every feed.
    """

    file_size = models.PositiveBigIntegerField(_("dung lượng (byte)"), null=True, editable=False)
    mime_type = models.CharField(_("kiểu MIME"), max_length=50, blank=True, editable=False)

    # Duration, width and height are read from the file itself; editors only name and file it.
    admin_form_fields = ("title", "file", "collection", "thumbnail", "tags")

    class Meta:
        verbose_name = _("tệp video/âm thanh")
        verbose_name_plural = _("tệp video/âm thanh")

    @property
    def format_label(self) -> str:
        return os.path.splitext(self.file.name)[1].lstrip(".").upper()

    @property
    def content_type(self) -> str:
        if self.mime_type:
            return self.mime_type
        extension = os.path.splitext(self.file.name)[1].lstrip(".").lower()
        return ALLOWED.get(extension, ((), "application/octet-stream"))[1]

    @property
    def size_in_bytes(self) -> int:
        return self.file_size if self.file_size is not None else self.file.size


class CaptionTrack(index.Indexed, models.Model):
    """One WebVTT caption file in one language, kept as checked text (served by the video page)."""

    title = models.CharField(
        _("tên"),
        max_length=255,
        help_text=_("Ví dụ: “Phụ đề tiếng Việt – Hội nghị chuyển đổi số”."),
    )
    language = models.CharField(
        _("ngôn ngữ"), max_length=8, choices=CAPTION_LANGUAGES, default="vi"
    )
    content = models.TextField(
        _("nội dung WebVTT"),
        blank=True,
        help_text=_("Tải tệp .vtt lên ở trên, hoặc dán nội dung WebVTT vào đây để sửa."),
    )
    cue_count = models.PositiveIntegerField(_("số câu phụ đề"), default=0, editable=False)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    base_form_class = CaptionTrackForm
    panels = [
        FieldPanel("title"),
        FieldPanel("language"),
        FieldPanel("upload"),
        FieldPanel("content"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("phụ đề (WebVTT)")
        verbose_name_plural = _("phụ đề (WebVTT)")

    def __str__(self) -> str:
        return f"{self.title} ({self.get_language_display()})"

    @property
    def label(self) -> str:
        return str(self.get_language_display())


class PodcastSeries(index.Indexed, models.Model):
    """A podcast: the channel of an RSS feed that podcast apps subscribe to."""

    ITUNES_CATEGORIES = [
        ("Government", "Government"),
        ("News", "News"),
        ("Education", "Education"),
        ("Society & Culture", "Society & Culture"),
        ("Technology", "Technology"),
        ("Business", "Business"),
        ("Health & Fitness", "Health & Fitness"),
    ]

    title = models.CharField(_("tên chương trình"), max_length=255)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Dùng trong địa chỉ RSS của chương trình."),
    )
    description = models.TextField(_("giới thiệu"), max_length=4000)
    author = models.CharField(_("tác giả / đơn vị sản xuất"), max_length=255)
    owner_email = models.EmailField(_("thư điện tử liên hệ"), blank=True)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("ảnh bìa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ảnh vuông tối thiểu 1400×1400 điểm ảnh được các ứng dụng podcast ưa dùng."),
    )
    category = models.CharField(
        _("thể loại (iTunes)"), max_length=50, choices=ITUNES_CATEGORIES, default="Government"
    )
    explicit = models.BooleanField(_("nội dung người lớn"), default=False)
    language = models.CharField(
        _("ngôn ngữ"), max_length=8, choices=settings.LANGUAGES, default="vi"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("author"),
        FieldPanel("owner_email"),
        FieldPanel("image"),
        FieldPanel("category"),
        FieldPanel("explicit"),
        FieldPanel("language"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("chương trình podcast")
        verbose_name_plural = _("chương trình podcast")

    def __str__(self) -> str:
        return self.title
