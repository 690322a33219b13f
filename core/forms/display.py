"""The display-settings form: a plain HTML form, so it works with JavaScript off."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.display import DisplaySettings


class DisplaySettingsForm(forms.Form):
    text_size = forms.ChoiceField(
        label=_("Cỡ chữ"),
        choices=[("small", _("Nhỏ (A−)")), ("normal", _("Vừa (A)")), ("large", _("Lớn (A+)"))],
        widget=forms.RadioSelect,
        initial="normal",
    )
    high_contrast = forms.BooleanField(label=_("Độ tương phản cao"), required=False)
    wide_spacing = forms.BooleanField(label=_("Giãn dòng rộng"), required=False)

    @classmethod
    def for_settings(cls, current: DisplaySettings) -> "DisplaySettingsForm":
        return cls(
            initial={
                "text_size": current.text_size,
                "high_contrast": current.high_contrast,
                "wide_spacing": current.wide_spacing,
            }
        )

    def to_settings(self) -> DisplaySettings:
        data = self.cleaned_data
        return DisplaySettings(
            text_size=data["text_size"],
            high_contrast=data["high_contrast"],
            wide_spacing=data["wide_spacing"],
        )
