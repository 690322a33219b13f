"""Uploads are checked by content, not name, and a refused upload leaves no row and no file behind."""

import os
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from media_products.models import CaptionTrack, PortalMedia

from .factories import VTT, clip

pytestmark = pytest.mark.django_db

TEXT = "Đây là một tệp văn bản, không phải video.\n".encode() * 20


def stored_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A PNG whose header claims 900 million pixels: Pillow refuses it before decoding anything."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def _media_post(client, kind, name, data, **extra):
    payload = {
        "title": "Tệp thử",
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        "file": SimpleUploadedFile(name, data),
        **extra,
    }
    return client.post(reverse("wagtailmedia:add", args=[kind]), payload)


def test_a_real_video_is_stored_with_its_measured_type_size_and_duration(admin_client):
    response = _media_post(admin_client, "video", "hoi-nghi.mp4", clip("video", "mp4"))
    assert response.status_code == 302
    media = PortalMedia.objects.get()
    assert media.mime_type == "video/mp4" and media.file_size == len(clip("video", "mp4"))
    assert media.duration > 0.5 and (media.width, media.height) == (320, 180)


def test_a_real_podcast_file_is_accepted(admin_client):
    assert _media_post(admin_client, "audio", "tap-1.mp3", clip("audio", "mp3")).status_code == 302
    assert PortalMedia.objects.get().mime_type == "audio/mpeg"


@pytest.mark.parametrize(
    ("kind", "name", "content"),
    [
        ("video", "van-ban.mp4", "text"),
        ("video", "am-thanh.mp4", "mp3"),
        ("audio", "van-ban.mp3", "text"),
        ("audio", "video.ogg", "mp4"),
    ],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(
    admin_client, kind, name, content
):
    data = {"text": TEXT, "mp3": clip("audio", "mp3"), "mp4": clip("video", "mp4")}[content]
    before = stored_files()
    response = _media_post(admin_client, kind, name, data)
    assert response.status_code == 200
    message = response.context["form"].errors["file"][0]
    assert "không phải" in message and "hợp lệ" in message
    assert not PortalMedia.objects.exists()
    assert stored_files() == before


def test_an_audio_file_uploaded_as_video_is_refused(admin_client):
    response = _media_post(admin_client, "video", "podcast.m4a", clip("audio", "m4a"))
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert not PortalMedia.objects.exists()


@override_settings(MEDIA_MAX_UPLOAD_BYTES=1000)
def test_a_file_over_the_size_limit_is_refused(admin_client):
    before = stored_files()
    response = _media_post(admin_client, "video", "dai.mp4", clip("video", "mp4"))
    assert response.status_code == 200
    assert "quá lớn" in response.context["form"].errors["file"][0]
    assert not PortalMedia.objects.exists() and stored_files() == before


def test_an_image_bomb_as_a_thumbnail_is_refused_and_nothing_is_saved(admin_client):
    before = stored_files()
    bomb = SimpleUploadedFile("anh.png", png_bomb(), content_type="image/png")
    response = _media_post(admin_client, "video", "video.mp4", clip("video", "mp4"), thumbnail=bomb)
    assert response.status_code == 200
    assert "thumbnail" in response.context["form"].errors
    assert not PortalMedia.objects.exists() and stored_files() == before


def test_an_image_bomb_is_refused_by_the_image_library(admin_client):
    before = stored_files()
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Bom",
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "file": SimpleUploadedFile("bom.png", png_bomb(), content_type="image/png"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists() and stored_files() == before


def _chooser_upload(client, name, data):
    return client.post(
        reverse("wagtailmedia:chooser_upload", args=["video"]),
        {
            "media-chooser-upload-title": "Tệp",
            "media-chooser-upload-tags": "",
            "media-chooser-upload-collection": Collection.get_first_root_node().pk,
            "media-chooser-upload-file": SimpleUploadedFile(name, data),
        },
    )


def test_the_chooser_upload_checks_content_too(admin_client):
    refused = _chooser_upload(admin_client, "van-ban.mp4", TEXT)
    assert refused.status_code == 200
    assert "không phải video MP4 hợp lệ" in refused.json()["html"]
    assert not PortalMedia.objects.exists()
    accepted = _chooser_upload(admin_client, "that.mp4", clip("video", "mp4"))
    assert accepted.json()["step"] == "media_chosen"
    assert PortalMedia.objects.get().mime_type == "video/mp4"


def test_replacing_a_file_with_a_broken_one_keeps_the_original(admin_client):
    _media_post(admin_client, "video", "goc.mp4", clip("video", "mp4"))
    media = PortalMedia.objects.get()
    original = media.file.name
    response = admin_client.post(
        reverse("wagtailmedia:edit", args=[media.pk]),
        {
            "title": media.title,
            "collection": media.collection_id,
            "tags": "",
            "file": SimpleUploadedFile("moi.mp4", TEXT),
        },
    )
    assert response.status_code == 200 and "file" in response.context["form"].errors
    media.refresh_from_db()
    assert media.file.name == original and os.path.exists(media.file.path)


# --- Captions --------------------------------------------------------------------------------


def _caption_post(client, data: bytes | None = None, name: str = "phu-de.vtt", content: str = ""):
    payload = {"title": "Phụ đề thử", "language": "vi", "content": content}
    if data is not None:
        payload["upload"] = SimpleUploadedFile(name, data, content_type="text/vtt")
    return client.post(reverse("wagtailsnippets_media_products_captiontrack:add"), payload)


def test_a_valid_caption_file_is_stored_as_checked_text(admin_client):
    response = _caption_post(admin_client, VTT.encode())
    assert response.status_code == 302
    track = CaptionTrack.objects.get()
    assert track.content == VTT and track.cue_count == 2


def test_a_text_file_renamed_vtt_is_refused_on_line_1(admin_client):
    response = _caption_post(admin_client, "Chỉ là văn bản.\n".encode())
    assert response.status_code == 200
    assert response.context["form"].errors["upload"][0].startswith("Dòng 1:")
    assert not CaptionTrack.objects.exists()


def test_a_video_renamed_vtt_is_refused(admin_client):
    response = _caption_post(admin_client, clip("video", "mp4"))
    assert response.status_code == 200 and "upload" in response.context["form"].errors
    assert not CaptionTrack.objects.exists()


def test_a_broken_caption_file_names_the_bad_line(admin_client):
    broken = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nMột\n\n00:00:01.000 -> 00:00:02.000\nHai\n"
    response = _caption_post(admin_client, broken.encode())
    assert response.status_code == 200
    assert response.context["form"].errors["upload"][0].startswith("Dòng 6:")
    assert not CaptionTrack.objects.exists()


def test_pasted_captions_are_checked_like_an_upload(admin_client):
    response = _caption_post(admin_client, content="WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nSai\n")
    assert response.status_code == 200
    assert response.context["form"].errors["content"][0].startswith("Dòng 3:")
