"""A data table that cannot be published without a caption and a header row."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.table_block.blocks import TableBlock

__all__ = ["CaptionedTableBlock"]


class CaptionedTableBlock(TableBlock):
    # A screen reader announces a table by its caption and reads each cell with its header;
    # without both, a table is a grid of unexplained numbers (WCAG 1.3.1).

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation or not value:
            return value
        problems = []
        if not (value.get("table_caption") or "").strip():
            problems.append(_("Bảng cần có tiêu đề (caption) mô tả nội dung bảng."))
        if not value.get("first_row_is_table_header"):
            problems.append(_("Hàng đầu tiên của bảng phải là hàng tiêu đề cột."))
        if problems:
            raise ValidationError(" ".join(str(p) for p in problems))
        return value

    class Meta:
        icon = "table"
        label = _("Bảng số liệu")
        template = "components/blocks/table.html"
