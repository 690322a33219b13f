"""The caption admin form: a .vtt upload (or pasted text) is accepted only if it is valid WebVTT."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from media_products.webvtt import WebVTTError, decode_caption_bytes, parse_webvtt

# A two-hour film's captions are about 150 KB; anything far bigger is not a caption file.
CAPTION_MAX_BYTES = 2 * 1024 * 1024


class CaptionTrackForm(WagtailAdminModelForm):
    upload = forms.FileField(
        label=_("tệp phụ đề (.vtt)"),
        required=False,
        help_text=_(
            "Tệp WebVTT, bảng mã UTF-8. Tệp được kiểm tra nội dung; lỗi sẽ chỉ rõ dòng sai."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,text/vtt"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("upload")
        field = "upload" if upload else "content"
        if upload:
            if upload.size > CAPTION_MAX_BYTES:
                self.add_error(
                    "upload",
                    _("Tệp phụ đề quá lớn (%(size)s); tối đa %(max)s.")
                    % {
                        "size": filesizeformat(upload.size),
                        "max": filesizeformat(CAPTION_MAX_BYTES),
                    },
                )
                return cleaned_data
            try:
                text = decode_caption_bytes(upload.read())
            except WebVTTError as error:
                self.add_error("upload", ValidationError(error.messages()))
                return cleaned_data
        else:
            text = cleaned_data.get("content") or ""
        if not text.strip():
            self.add_error("upload", _("Hãy tải lên tệp phụ đề .vtt (hoặc dán nội dung WebVTT)."))
            return cleaned_data
        try:
            cues = parse_webvtt(text)
        except WebVTTError as error:
            self.add_error(field, ValidationError(error.messages()))
            return cleaned_data
        cleaned_data["content"] = text.lstrip("\ufeff").replace("\r\n", "\n")
        self.instance.cue_count = len(cues)
        return cleaned_data
