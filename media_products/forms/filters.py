"""The reader's filter on the multimedia index: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MediaFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Loại sản phẩm"), required=False)

    def __init__(self, *args, kinds: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Tất cả")), *kinds]
        self.fields["type"].error_messages["invalid_choice"] = _(
            "Không có loại sản phẩm “%(value)s”. Hãy chọn một loại trong danh sách."
        )
