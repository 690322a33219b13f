"""The search form: a query, filters (section, content type, language, dates) and the order.

Each field is validated with a message a reader understands; choices come from the view.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms.widgets import IsoDateInput


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa tìm kiếm"), required=False, strip=True)
    section = forms.TypedChoiceField(
        label=_("Chuyên mục"), required=False, coerce=int, empty_value=None
    )
    type = forms.ChoiceField(label=_("Loại nội dung"), required=False)
    lang = forms.ChoiceField(label=_("Ngôn ngữ"), required=False)
    date_from = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=IsoDateInput(),
        error_messages={
            "invalid": _(
                "Ngày bắt đầu không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 25/12/2026."
            )
        },
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=IsoDateInput(),
        error_messages={
            "invalid": _(
                "Ngày kết thúc không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026."
            )
        },
    )

    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("", _("Phù hợp nhất")), ("newest", _("Mới nhất trước"))],
    )

    def __init__(self, *args, sections=(), types=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            ("", _("Tất cả chuyên mục")),
            *[(s.pk, s.title) for s in sections],
        ]
        self.fields["type"].choices = [("", _("Tất cả loại nội dung")), *types]
        self.fields["lang"].choices = [*languages, ("all", _("Mọi ngôn ngữ"))]
        self.query_was_truncated = False
        if self.is_bound:
            data = self.data.copy()
            query = data.get("q", "")
            if len(query) > settings.SEARCH_MAX_QUERY_LENGTH:
                # A pasted essay is cut, not refused: the reader still gets results, and is told.
                data["q"] = query[: settings.SEARCH_MAX_QUERY_LENGTH]
                self.query_was_truncated = True
            self.data = data

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))
        return cleaned
