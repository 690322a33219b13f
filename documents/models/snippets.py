"""The lists editors keep (document types, fields, issuing bodies): snippets, named in both languages.

Readers filter by these; the filter values are slugs, so an address stays valid when a name is
corrected, and the English page shows the English name.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class NamedListItem(index.Indexed, models.Model):
    name = models.CharField(_("tên (tiếng Việt)"), max_length=255, unique=True)
    name_en = models.CharField(_("tên (tiếng Anh)"), max_length=255)
    slug = models.SlugField(
        _("mã trong địa chỉ"),
        max_length=80,
        unique=True,
        help_text=_("Chữ thường không dấu, dùng trong địa chỉ bộ lọc, ví dụ: nghi-dinh."),
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name in the reader's language (Vietnamese wherever English is missing)."""
        language = (get_language() or "vi").split("-")[0]
        return self.name_en if language == "en" and self.name_en else self.name


class DocumentType(NamedListItem):
    """Luật, nghị định, thông tư...: an editable list, because ministries add kinds over time."""

    class Meta(NamedListItem.Meta):
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")


class DocumentField(NamedListItem):
    """Lĩnh vực: the policy area a document belongs to."""

    class Meta(NamedListItem.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")


class IssuingBody(NamedListItem):
    """Cơ quan ban hành: a list, so that one body is not spelled three ways and filters stay exact."""

    class Meta(NamedListItem.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
