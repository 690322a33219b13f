"""The report's period picker: a month, or any date range."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .report import Period

MAX_RANGE_DAYS = 366 * 2


class PeriodForm(forms.Form):
    month = forms.RegexField(
        label=_("Tháng"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"}),
        help_text=_("Dạng năm-tháng, ví dụ 2026-03. Bỏ trống nếu chọn khoảng ngày."),
        error_messages={"invalid": _("Nhập tháng theo dạng năm-tháng, ví dụ 2026-03.")},
    )
    start = forms.DateField(
        label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if bool(start) != bool(end):
            raise forms.ValidationError(_("Chọn cả ngày bắt đầu và ngày kết thúc của khoảng ngày."))
        if start and end:
            if end < start:
                raise forms.ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."))
            if (end - start).days >= MAX_RANGE_DAYS:
                raise forms.ValidationError(_("Khoảng ngày dài tối đa hai năm."))
        return data

    def period(self) -> Period:
        """The chosen period; the current month when nothing (valid) was chosen."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("start") and data.get("end"):
            return Period(data["start"], data["end"])
        if data.get("month"):
            year, month = data["month"].split("-")
            return Period.month(date(int(year), int(month), 1))
        return Period.month(timezone.localdate())
