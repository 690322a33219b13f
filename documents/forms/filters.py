"""The reader's filters on the documents index: a plain GET form that works without JavaScript."""

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from documents.status import STATUS_CHOICES

FIRST_YEAR = 1945


class FilterSelect(forms.Select):
    """A plain select whose options are written here, not through one template include each.

    Django renders every option through two template includes; the listing's four lists hold a
    few dozen options, which made the form most of the listing's rendering time. Same markup.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options
        )


class DocumentFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Từ khóa hoặc số, ký hiệu"),
        required=False,
        max_length=200,
        help_text=_("Ví dụ: 15/2020/NĐ-CP, 15 2020 hoặc chuyển đổi số."),
    )
    type = forms.ChoiceField(label=_("Loại văn bản"), required=False, widget=FilterSelect)
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False, widget=FilterSelect)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False, widget=FilterSelect)
    year = forms.IntegerField(label=_("Năm ban hành"), required=False, min_value=1945)
    status = forms.ChoiceField(label=_("Tình trạng hiệu lực"), required=False, widget=FilterSelect)

    def __init__(
        self, *args: Any, lists: dict[str, list[Any]], last_year: int, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("Tất cả"))]
        for name in ("type", "issuer", "field"):
            self.fields[name].choices = [*everything, *((i.slug, i.label) for i in lists[name])]
        self.fields["year"].max_value = last_year
        self.fields["year"].validators.append(MaxValueValidator(last_year))
        self.fields["year"].widget.attrs["max"] = str(last_year)
        self.fields["status"].choices = [*everything, *STATUS_CHOICES]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Không có lựa chọn “%(value)s”.")

    def ignored(self) -> list[str]:
        """Labels of the fields whose value was not understood (the listing ignores all filters)."""
        return [str(self.fields[name].label) for name in self.errors]
