"""The wagtailmedia upload form, checked by content (WAGTAILMEDIA["MEDIA_FORM_BASE"]).

Used by the media library and by the chooser's upload tab alike, so no path stores an
unchecked file. A refused upload never reaches storage: Django writes the file on save().
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtailmedia.forms import BaseMediaForm
from wagtailmedia.settings import wagtailmedia_settings

from core.security.uploads import PortalImageField
from media_products.probe import NotPlayableError, probe_media


class CheckedMediaForm(BaseMediaForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "thumbnail" in self.fields:
            # The image library's own checks (format matches content, size, no SVG, and the pixel
            # limit that stops decompression bombs) instead of wagtailmedia's bare file field.
            field = PortalImageField(label=_("ảnh thu nhỏ"), required=False)
            field.widget.attrs["accept"] = "image/*"
            self.fields["thumbnail"] = field

    def allowed_extensions(self) -> list[str]:
        if self.instance.type == "audio":
            return list(wagtailmedia_settings.AUDIO_EXTENSIONS)
        return list(wagtailmedia_settings.VIDEO_EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or "file" not in self.changed_data:
            return upload
        limit = settings.MEDIA_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("Tệp quá lớn (%(size)s). Dung lượng tối đa là %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(limit)},
                code="file_too_large",
            )
        allowed = self.allowed_extensions()
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        kind = _("âm thanh") if self.instance.type == "audio" else _("video")
        formats = ", ".join(e.upper() for e in allowed)
        if extension not in allowed:
            raise ValidationError(
                _("Định dạng .%(ext)s không được nhận cho tệp %(kind)s; chỉ nhận %(formats)s.")
                % {"ext": extension, "kind": kind, "formats": formats},
                code="invalid_extension",
            )
        try:
            probe = probe_media(upload, upload.name)
        except NotPlayableError:
            raise ValidationError(
                _(
                    "Nội dung tệp không phải %(kind)s %(ext)s hợp lệ (có thể tệp bị hỏng hoặc chỉ được đổi "
                    "tên đuôi). Hãy xuất lại tệp ở một trong các định dạng: %(formats)s."
                )
                % {"kind": kind, "ext": extension.upper(), "formats": formats},
                code="not_media",
            ) from None
        if self.instance.type == "video" and not probe.has_video:
            raise ValidationError(
                _("Tệp không có hình ảnh video; hãy tải nó lên như tệp âm thanh."), code="no_video"
            )
        if self.instance.type == "audio" and not probe.has_audio:
            raise ValidationError(_("Tệp không có tiếng."), code="no_audio")
        self.instance.duration = round(probe.duration, 3)
        self.instance.width = probe.width if self.instance.type == "video" else None
        self.instance.height = probe.height if self.instance.type == "video" else None
        self.instance.file_size = upload.size
        self.instance.mime_type = probe.mime_type
        return upload
