"""The document page's admin form: a scanned PDF needs the full text before it is published."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import PublishGuardForm
from documents.files import extension, pdf_has_text


class LegalDocumentForm(PublishGuardForm):
    """Drafts may hold a scan; submitting or publishing one without the full text is refused.

    The check reads the attached files' formset, which the page type's `publishing_problems`
    (given only the page's own fields) cannot see.
    """

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        if getattr(self, "is_deferred_validation", False):
            return cleaned_data
        if _has_full_text(cleaned_data.get("full_text")):
            return cleaned_data
        for name in scanned_pdf_names(self.formsets.get("files")):
            self.add_error(
                "full_text" if "full_text" in self.fields else None,
                ValidationError(
                    _(
                        "Tệp “%(name)s” là bản quét, không có lớp chữ: người dùng trình đọc màn "
                        "hình không đọc được. Hãy nhập toàn văn vào mục Toàn văn hoặc thay bằng "
                        "tệp PDF có chữ."
                    ),
                    params={"name": name},
                    code="scanned",
                ),
            )
        return cleaned_data


class _same:
    """An uploaded file is already open: use it as it is."""

    def __init__(self, file: Any) -> None:
        self.file = file

    def __enter__(self) -> Any:
        return self.file

    def __exit__(self, *exc: Any) -> None:
        self.file.seek(0)


def _has_full_text(value: Any) -> bool:
    return bool(value) and len(value) > 0


def scanned_pdf_names(formset: Any) -> list[str]:
    """Names of the PDFs kept in the formset that have no text layer."""
    if formset is None or not formset.is_valid():
        return []
    names = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        file = data.get("file")
        if not file or data.get("DELETE") or extension(file.name) != "pdf":
            continue
        instance = form.instance
        has_text = None
        if instance.pk and instance.file and instance.file.name == file.name:
            has_text = instance.has_text_layer
        if has_text is None:
            with file.open("rb") if not hasattr(file, "content_type") else _same(file) as handle:
                has_text = pdf_has_text(handle)
        if not has_text:
            names.append(file.name.rsplit("/", 1)[-1])
    return names
