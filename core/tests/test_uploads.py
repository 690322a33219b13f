"""Uploads are checked by content: no SVG, no bombs, no disguised files; refusals save nothing."""

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script></svg>"
)


def png_bytes(size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#004f9f").save(buffer, format="PNG")
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims the given dimensions: a decompression bomb's calling card."""
    data = bytearray(png_bytes((1, 1)))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def docx_bytes(marker: str = "word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(marker, "<w:document/>")
    return buffer.getvalue()


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.fixture
def editor_client(client, db):
    client.force_login(User.objects.create_superuser("quantri", "q@example.gov.vn", "x" * 16))
    return client


def upload_image(client, name: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh thử",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def refused_image(client, name: str, content: bytes) -> str:
    before = stored_files()
    response = upload_image(client, name, content)
    assert response.status_code == 200, "a refused upload re-displays the form"
    assert get_image_model().objects.count() == 0
    assert stored_files() == before, "nothing may be left on disk"
    return " ".join(str(e) for e in response.context["form"].errors["file"])


def test_a_real_png_is_accepted(editor_client):
    response = upload_image(editor_client, "anh.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


def test_svg_is_refused_with_a_clear_message(editor_client):
    assert "Không nhận ảnh SVG" in refused_image(editor_client, "bieu-do.svg", SVG)


def test_svg_disguised_as_png_is_refused(editor_client):
    message = refused_image(editor_client, "bieu-do.png", SVG)
    assert "SVG" in message


def test_content_must_match_the_extension(editor_client):
    message = refused_image(editor_client, "anh.jpg", png_bytes())
    assert "nội dung là ảnh png" in message


def test_a_decompression_bomb_is_refused(editor_client):
    message = refused_image(editor_client, "bom.png", png_claiming(40_000, 40_000))
    assert "quá nhiều điểm ảnh" in message


def test_images_over_the_pixel_limit_are_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    assert "quá nhiều điểm ảnh" in refused_image(editor_client, "lon.png", png_bytes((64, 64)))


def test_images_over_the_size_limit_are_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    assert "Tệp quá lớn" in refused_image(editor_client, "nang.png", png_bytes())


def test_a_truncated_image_is_refused(editor_client):
    data = png_bytes((200, 200))
    message = refused_image(editor_client, "hong.png", data[: len(data) // 2])
    assert "không phải là ảnh hợp lệ" in message


def test_the_multiple_upload_screen_refuses_svg_too(editor_client):
    before = stored_files()
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile("x.svg", SVG),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    payload = response.json()
    assert payload["success"] is False
    assert "Không nhận ảnh SVG" in payload["error_message"]
    assert get_image_model().objects.count() == 0 and stored_files() == before


# --- Documents ---------------------------------------------------------------------------


def upload_document(client, name: str, content: bytes):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Tài liệu",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def refused_document(client, name: str, content: bytes) -> str:
    before = stored_files()
    response = upload_document(client, name, content)
    assert response.status_code == 200
    assert get_document_model().objects.count() == 0
    assert stored_files() == before
    return " ".join(str(e) for e in response.context["form"].errors["file"])


def test_an_executable_renamed_to_pdf_is_refused(editor_client):
    message = refused_document(editor_client, "cong-van.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    assert "không khớp với phần mở rộng .pdf" in message


def test_extensions_outside_the_allow_list_are_refused(editor_client):
    refused_document(editor_client, "cai-dat.exe", b"MZ\x90\x00")
    refused_document(editor_client, "trang.html", b"<script>alert(1)</script>")


def test_an_office_file_must_really_be_one(editor_client):
    assert "không khớp" in refused_document(editor_client, "bao-cao.docx", docx_bytes("xl/a.xml"))
    assert upload_document(editor_client, "bao-cao.docx", docx_bytes()).status_code == 302


def test_a_binary_named_csv_is_refused(editor_client):
    assert "không khớp" in refused_document(editor_client, "so-lieu.csv", b"\x00\x01\x02binary")


def test_documents_download_as_attachments_and_are_never_sniffed(editor_client, client):
    assert upload_document(editor_client, "quyet-dinh.pdf", b"%PDF-1.7\n%%EOF\n").status_code == 302
    document = get_document_model().objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
