"""What citizens send: questions (Hỏi đáp) and comments on drafts, with their personal data kept apart.

Name, e-mail and phone live only in these rows, are shown only to the "Hỏi đáp" group, and are
erased by `participation_purge` after the retention period; the public sees the initials, which
are computed once at submission so that they survive the purge.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.search import index

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone


class Topic(models.TextChoices):
    DIGITAL = "chuyen-doi-so", _("Chuyển đổi số")
    TELECOM = "buu-chinh-vien-thong", _("Bưu chính, viễn thông")
    IT = "cong-nghe-thong-tin", _("Công nghệ thông tin")
    SCIENCE = "khoa-hoc-cong-nghe", _("Khoa học và công nghệ")
    PROCEDURES = "thu-tuc-hanh-chinh", _("Thủ tục hành chính")
    OTHER = "khac", _("Khác")


def new_reference(prefix: str) -> str:
    """A short random code the reader can quote (not a sequence: it would reveal our volume)."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def initials(name: str) -> str:
    """'Nguyễn Văn An' -> 'N.V.A.': what the public sees of an asker."""
    return "".join(f"{word[0].upper()}." for word in name.split() if word[:1].isalpha())[:12]


class Submission(models.Model):
    """What questions and comments share: the text, the sender's personal data, the trail."""

    reference = models.CharField(_("mã tra cứu"), max_length=16, unique=True, editable=False)
    text = models.TextField(_("nội dung"))
    name = models.CharField(_("họ và tên"), max_length=120, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    public_initials = models.CharField(_("tên viết tắt"), max_length=12, blank=True, editable=False)
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi", editable=False)
    consented_at = models.DateTimeField(_("đồng ý xử lý dữ liệu lúc"), editable=False)
    created_at = models.DateTimeField(_("gửi lúc"), default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("xử lý xong lúc"), null=True, blank=True, editable=False)
    purged_at = models.DateTimeField(
        _("đã xóa dữ liệu cá nhân lúc"), null=True, blank=True, editable=False
    )

    REFERENCE_PREFIX = "TG"

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_reference(self.REFERENCE_PREFIX)
        if self.name and not self.public_initials:
            self.public_initials = initials(self.name)
        return super().save(*args, **kwargs)

    def erase_personal_data(self) -> None:
        """Blank the sender's name, e-mail and phone (the initials and the text stay)."""
        self.name, self.email, self.phone = "", "", ""
        self.purged_at = timezone.now()


class Question(index.Indexed, Submission):
    class Status(models.TextChoices):
        NEW = "new", _("Mới nhận")
        ASSIGNED = "assigned", _("Đã giao đơn vị")
        ANSWERED = "answered", _("Đã trả lời")
        PUBLISHED = "published", _("Đã công khai")
        REJECTED = "rejected", _("Từ chối")
        WITHDRAWN = "withdrawn", _("Người hỏi đã rút")

    REFERENCE_PREFIX = "HD"
    # Statuses a reader may still withdraw from (nothing has been answered yet).
    WITHDRAWABLE = (Status.NEW, Status.ASSIGNED)

    index_page = models.ForeignKey(
        "participation.QuestionIndexPage",
        verbose_name=_("trang hỏi đáp"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    topic = models.CharField(_("lĩnh vực"), max_length=32, choices=Topic.choices)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    unit = models.CharField(
        _("đơn vị được giao"),
        max_length=200,
        blank=True,
        help_text=_("Đơn vị chuyên môn soạn câu trả lời, ví dụ: Cục Chuyển đổi số quốc gia."),
    )
    answer = RichTextField(
        _("câu trả lời"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("Hiện công khai cùng câu hỏi khi chuyển sang trạng thái “Đã công khai”."),
    )
    rejection_reason = models.TextField(
        _("lý do từ chối"),
        blank=True,
        help_text=_("Bắt buộc khi từ chối; chỉ cán bộ thấy."),
    )
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True, editable=False)

    search_fields = [
        index.SearchField("text"),
        index.SearchField("answer"),
        index.FilterField("status"),
        index.FilterField("topic"),
        index.FilterField("index_page"),
        index.FilterField("published_at"),
    ]

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["index_page", "status", "-published_at"])]

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class DraftComment(Submission):
    class Status(models.TextChoices):
        NEW = "new", _("Mới nhận")
        PUBLISHED = "published", _("Đã công khai")
        REJECTED = "rejected", _("Từ chối")
        WITHDRAWN = "withdrawn", _("Người góp ý đã rút")

    REFERENCE_PREFIX = "YK"
    WITHDRAWABLE = (Status.NEW,)

    consultation = models.ForeignKey(
        "participation.DraftConsultationPage",
        verbose_name=_("dự thảo"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    article_number = models.PositiveSmallIntegerField(
        _("điều"), null=True, blank=True, help_text=_("Để trống: góp ý chung cho cả dự thảo.")
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    rejection_reason = models.TextField(_("lý do từ chối"), blank=True)

    class Meta:
        verbose_name = _("ý kiến góp ý dự thảo")
        verbose_name_plural = _("ý kiến góp ý dự thảo")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["consultation", "status"])]
