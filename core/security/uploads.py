"""What editors may upload: images and documents checked by their content, not only their name.

Wagtail already refuses unknown extensions, oversize files and images with too many pixels; we
add what a public site needs on top: SVG is refused (it can carry script), an image must decode,
a document's bytes must match its extension. Every refusal is a form error in Vietnamese, raised
before anything is written, so nothing is half-saved.
"""

import os
import warnings
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

__all__ = ["PortalDocumentForm", "PortalImageField", "PortalImageForm", "check_document_content"]

SVG_REFUSED = _(
    "Không nhận ảnh SVG: loại tệp này có thể chứa mã chạy trên trình duyệt. "
    "Hãy xuất ảnh sang PNG hoặc JPEG rồi tải lên lại."
)


def _looks_like_svg(upload) -> bool:
    name = (getattr(upload, "name", "") or "").lower()
    if name.endswith((".svg", ".svgz")):
        return True
    head = _head(upload, 512).lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


def _head(upload, size: int) -> bytes:
    try:
        upload.seek(0)
        data = upload.read(size)
        upload.seek(0)
    except (AttributeError, OSError, ValueError):
        return b""
    return data if isinstance(data, bytes) else data.encode()


class PortalImageField(WagtailImageField):
    """Wagtail's image field, plus: no SVG, Vietnamese messages, and the image must decode."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        formats = self.supported_formats_text
        limit = self.max_upload_size_text
        self.error_messages.update(
            {
                "invalid_image": _("Tệp này không phải là ảnh hợp lệ hoặc đã bị hỏng."),
                "invalid_image_extension": _(
                    "Định dạng ảnh không được hỗ trợ. Chỉ nhận: %(formats)s."
                )
                % {"formats": formats},
                "invalid_image_known_format": _(
                    "Tệp có phần mở rộng .%(extension)s nhưng nội dung là ảnh %(image_format)s. "
                    "Hãy đổi tên tệp cho đúng định dạng."
                ),
                "file_too_large": _(
                    "Tệp quá lớn (%(file_size)s). Dung lượng tối đa là %(max_filesize)s."
                ),
                "file_too_many_pixels": _(
                    "Ảnh quá nhiều điểm ảnh (%(num_pixels)s). "
                    "Tối đa %(max_pixels_count)s điểm ảnh; hãy thu nhỏ ảnh trước khi tải lên."
                ),
                "file_too_large_unknown_size": _("Tệp quá lớn. Dung lượng tối đa là %(limit)s.")
                % {"limit": limit},
            }
        )

    def to_python(self, data):
        if data is not None and _looks_like_svg(data):
            raise ValidationError(SVG_REFUSED, code="svg_refused")
        try:
            upload = super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:
            # Wagtail decodes while counting pixels; a truncated or corrupt body fails there.
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        if upload is not None:
            self._check_decodes(upload)
        return upload

    def _check_decodes(self, upload) -> None:
        # Willow read the header; a truncated or doctored body only shows when Pillow parses it.
        try:
            upload.seek(0)
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(upload) as image:
                    image.verify()
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": _("quá nhiều"), "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from None
        except Exception as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        finally:
            upload.seek(0)


class PortalImageForm(BaseImageForm):
    """The base of every Wagtail image form (single and multiple upload, chooser upload)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, PortalImageField):
            self.fields["file"] = PortalImageField(
                label=field.label, required=field.required, widget=field.widget
            )


# What the first bytes (or the archive's entries) of each allowed document type must be.
_ZIP_MARKERS = {
    "docx": "word/",
    "xlsx": "xl/",
    "pptx": "ppt/",
}
_OPENDOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def check_document_content(upload) -> None:
    """Refuse a document whose content does not match its extension (a renamed executable, say)."""
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    head = _head(upload, 8192)
    problem = _content_problem(extension, head, upload)
    upload.seek(0)
    if problem:
        raise ValidationError(problem, code="document_content_mismatch")


def _content_problem(extension: str, head: bytes, upload) -> str | None:
    mismatch = _(
        "Nội dung tệp không khớp với phần mở rộng .%(extension)s. Hãy kiểm tra lại tệp "
        "(có thể tệp bị đổi tên hoặc bị hỏng)."
    ) % {"extension": extension}
    if extension == "pdf":
        return None if head.startswith(b"%PDF-") else mismatch
    if extension == "rtf":
        return None if head.startswith(b"{\\rtf") else mismatch
    if extension in {"csv", "txt"}:
        return (
            None if b"\x00" not in head or head.startswith((b"\xff\xfe", b"\xfe\xff")) else mismatch
        )
    if extension in {"zip", *_ZIP_MARKERS, *_OPENDOCUMENT}:
        return _archive_problem(extension, upload, mismatch)
    return None


def _archive_problem(extension: str, upload, mismatch: str) -> str | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if extension in _ZIP_MARKERS:
                ok = "[Content_Types].xml" in names and any(
                    n.startswith(_ZIP_MARKERS[extension]) for n in names
                )
            elif extension in _OPENDOCUMENT:
                ok = (
                    "mimetype" in names
                    and archive.read("mimetype").strip() == _OPENDOCUMENT[extension]
                )
            else:
                ok = True
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        ok = False
    return None if ok else mismatch


class PortalDocumentForm(BaseDocumentForm):
    """The base of every Wagtail document form: Wagtail's allow-list, then our content check."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and "file" in self.changed_data:
            check_document_content(upload)
        return upload
