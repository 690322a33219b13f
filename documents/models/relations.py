"""What hangs off a document: its files, its relations to other documents, the articles citing it."""

import contextlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable

from documents.files import ALLOWED_EXTENSIONS, extension, pdf_has_text, validate_document_file
from documents.status import AMENDS, GUIDES, REPLACES

FILE_KINDS = [
    ("ban-ky-so", _("Bản gốc có chữ ký số")),
    ("ban-word", _("Bản chỉnh sửa được")),
    ("phu-luc", _("Phụ lục")),
    ("khac", _("Tệp khác")),
]

RELATION_KINDS = [
    (REPLACES, _("Thay thế")),
    (AMENDS, _("Sửa đổi, bổ sung")),
    (GUIDES, _("Hướng dẫn thi hành")),
]
# How the relation reads from the other side (the target's page).
INVERSE_LABELS = {
    REPLACES: _("Bị thay thế bởi"),
    AMENDS: _("Được sửa đổi, bổ sung bởi"),
    GUIDES: _("Được hướng dẫn bởi"),
}
FORWARD_LABELS = dict(RELATION_KINDS)


class DocumentFile(Orderable):
    """A file of the document, served as a download whose link states its type and size."""

    page = ParentalKey(
        "documents.LegalDocumentPage", related_name="files", on_delete=models.CASCADE
    )
    kind = models.CharField(_("loại tệp"), max_length=20, choices=FILE_KINDS, default="ban-ky-so")
    title = models.CharField(
        _("tên tệp hiển thị"),
        max_length=255,
        blank=True,
        help_text=_("Để trống để dùng loại tệp, ví dụ “Bản gốc có chữ ký số”."),
    )
    file = models.FileField(
        _("tệp"),
        upload_to="van-ban/%Y/%m/",
        max_length=255,
        validators=[validate_document_file],
        help_text=_("PDF, DOCX, XLSX hoặc ODT. PDF không được mã hóa; bản quét cần kèm toàn văn."),
    )
    file_size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0, editable=False)
    has_text_layer = models.BooleanField(_("PDF có lớp chữ"), null=True, editable=False)

    panels = [FieldPanel("kind"), FieldPanel("title"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.file:
            with contextlib.suppress(OSError):
                self.file_size = self.file.size
            if self.format == "PDF" and self.has_text_layer is None:
                # The upload itself before it is stored, or the stored file: never closed here,
                # because the storage still has to read an upload when the row is saved.
                try:
                    self.has_text_layer = pdf_has_text(self.file.file)
                except OSError:
                    self.has_text_layer = None
        super().save(*args, **kwargs)

    @property
    def format(self) -> str:
        return ALLOWED_EXTENSIONS.get(extension(self.file.name), "")

    @property
    def label(self) -> str:
        return self.title or str(dict(FILE_KINDS).get(self.kind, ""))

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class DocumentRelation(Orderable):
    """This document replaces, amends or guides another; the other's page shows it the other way."""

    source = ParentalKey(
        "documents.LegalDocumentPage", related_name="relations", on_delete=models.CASCADE
    )
    kind = models.CharField(_("quan hệ"), max_length=20, choices=RELATION_KINDS)
    target = models.ForeignKey(
        "documents.LegalDocumentPage",
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )

    panels = [FieldPanel("kind"), PageChooserPanel("target", "documents.LegalDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("quan hệ văn bản")
        verbose_name_plural = _("quan hệ văn bản")
        indexes = [models.Index(fields=["target", "kind"], name="documents_relation_target")]

    def clean(self) -> None:
        super().clean()
        source_id = self.source_id or getattr(self.source, "pk", None)
        if source_id is not None and self.target_id == source_id:
            raise ValidationError(
                {"target": _("Văn bản không thể thay thế, sửa đổi hay hướng dẫn chính nó.")}
            )

    @property
    def forward_label(self) -> str:
        return str(FORWARD_LABELS[self.kind])

    @property
    def inverse_label(self) -> str:
        return str(INVERSE_LABELS[self.kind])


class ArticleDocumentLink(Orderable):
    """An article's link to the documents it reports on, chosen by the editor."""

    article = ParentalKey(
        "news.ArticlePage", related_name="document_links", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "documents.LegalDocumentPage",
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [PageChooserPanel("document", "documents.LegalDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")
        verbose_name_plural = _("văn bản liên quan")
