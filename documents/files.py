"""Checks on the files attached to a document: real type, size, encryption and text layer.

A PDF that is only a scan (pictures of pages) is unreadable to a screen reader; an encrypted PDF
cannot be opened by assistive software or archived. Both are found with pypdf when the file is
uploaded, so the editor hears about it on the field, not a reader after publication.
"""

import io
import os
import zipfile
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
ALLOWED_EXTENSIONS = {"pdf": "PDF", "docx": "DOCX", "xlsx": "XLSX", "odt": "ODT"}
# Pages read to decide whether a PDF has text: a scanned document has none on any of them.
TEXT_PAGES = 5
MIN_TEXT_CHARACTERS = 20
# The member every Office Open XML (docx, xlsx) or OpenDocument (odt) archive has.
ZIP_MARKERS = {"docx": "[Content_Types].xml", "xlsx": "[Content_Types].xml", "odt": "mimetype"}


def max_bytes() -> int:
    return getattr(settings, "DOCUMENTS_MAX_FILE_BYTES", DEFAULT_MAX_BYTES)


def extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _head(file: IO[bytes], size: int) -> bytes:
    file.seek(0)
    data = file.read(size)
    file.seek(0)
    return data


def _pdf_reader(file: IO[bytes]) -> PdfReader:
    file.seek(0)
    return PdfReader(io.BytesIO(file.read()))


def validate_document_file(value: Any) -> None:
    """Refuse a file whose content is not what its name says, too big, or an encrypted PDF."""
    name = os.path.basename(getattr(value, "name", "") or "")
    ext = extension(name)
    if ext not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Chỉ nhận tệp %(kinds)s; tệp “%(name)s” không thuộc các loại này."),
            params={"kinds": ", ".join(ALLOWED_EXTENSIONS.values()), "name": name},
            code="extension",
        )
    size = getattr(value, "size", 0) or 0
    if size > max_bytes():
        raise ValidationError(
            _("Tệp “%(name)s” nặng %(size)s, vượt giới hạn %(limit)s. Hãy nén hoặc tách tệp."),
            params={
                "name": name,
                "size": filesizeformat(size),
                "limit": filesizeformat(max_bytes()),
            },
            code="size",
        )
    file = value.file if hasattr(value, "file") else value
    if ext == "pdf":
        _validate_pdf(file, name)
    else:
        _validate_archive(file, name, ext)


def _renamed(name: str, ext: str) -> ValidationError:
    return ValidationError(
        _(
            "Tệp “%(name)s” có đuôi .%(ext)s nhưng nội dung không phải %(kind)s "
            "(có thể tệp đã bị đổi tên). Hãy tải lên đúng tệp gốc."
        ),
        params={"name": name, "ext": ext, "kind": ALLOWED_EXTENSIONS[ext]},
        code="renamed",
    )


def _validate_pdf(file: IO[bytes], name: str) -> None:
    if not _head(file, 1024).lstrip().startswith(b"%PDF-"):
        raise _renamed(name, "pdf")
    try:
        reader = _pdf_reader(file)
        encrypted = reader.is_encrypted
        if not encrypted:
            len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(
            _("Không đọc được tệp PDF “%(name)s” (tệp hỏng?): %(error)s"),
            params={"name": name, "error": str(error)[:200]},
            code="unreadable",
        ) from error
    finally:
        file.seek(0)
    if encrypted:
        raise ValidationError(
            _(
                "Tệp PDF “%(name)s” được mã hóa hoặc đặt mật khẩu: phần mềm đọc màn hình và người "
                "đọc không mở được. Hãy tải lên bản không mã hóa."
            ),
            params={"name": name},
            code="encrypted",
        )


def _validate_archive(file: IO[bytes], name: str, ext: str) -> None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            members = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as error:
        raise _renamed(name, ext) from error
    finally:
        file.seek(0)
    if ZIP_MARKERS[ext] not in members:
        raise _renamed(name, ext)


def pdf_has_text(file: IO[bytes]) -> bool:
    """Whether the first pages of a PDF carry a text layer (a scan has only pictures)."""
    try:
        reader = _pdf_reader(file)
        if reader.is_encrypted:
            return False
        characters = 0
        for page in reader.pages[:TEXT_PAGES]:
            characters += len("".join((page.extract_text() or "").split()))
            if characters >= MIN_TEXT_CHARACTERS:
                return True
        return False
    except (PdfReadError, ValueError, KeyError, TypeError):
        return False
    finally:
        file.seek(0)
