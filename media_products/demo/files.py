"""The demo's files, made once and shared by every demo product: clips, captions, series, a chart."""

import io
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from core.images import PAGE_RENDITION_FILTERS
from media_products.clips import make_audio, make_video
from media_products.models import CaptionTrack, PodcastSeries, PortalMedia
from media_products.probe import probe_media
from media_products.webvtt import parse_webvtt

from .texts import CAPTIONS, INFOGRAPHIC_DATA, SERIES

CLIP_SECONDS = 3.0


def ensure_media_file(title: str, kind: str, fmt: str, hue: int = 0) -> PortalMedia:
    """One generated clip in the media library (encoded on the first run only)."""
    existing = PortalMedia.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = (
        make_video(fmt, CLIP_SECONDS, hue=hue)
        if kind == "video"
        else make_audio(fmt, CLIP_SECONDS, 300 + hue)
    )
    name = f"{title}.{fmt}"
    probe = probe_media(io.BytesIO(data), name)
    media = PortalMedia(
        title=title,
        type=kind,
        duration=round(probe.duration, 3),
        width=probe.width,
        height=probe.height,
        file_size=len(data),
        mime_type=probe.mime_type,
    )
    media.file.save(name, ContentFile(data), save=False)
    media.save()
    return media


def ensure_caption_track(language: str, title: str) -> CaptionTrack:
    track = CaptionTrack.objects.filter(title=title, language=language).first()
    if track is None:
        content = CAPTIONS[language]
        track = CaptionTrack.objects.create(
            title=title, language=language, content=content, cue_count=len(parse_webvtt(content))
        )
    return track


def ensure_series(language: str, image: Any) -> PodcastSeries:
    data = SERIES[language]
    series, _ = PodcastSeries.objects.get_or_create(
        slug=data["slug"],
        defaults={
            **{k: v for k, v in data.items() if k != "slug"},
            "image": image,
            "language": language,
            "category": "Government",
        },
    )
    return series


def draw_chart(title: str) -> bytes:
    """A plain bar chart (numbers and years only: the words live in the page's text description)."""
    width, height = 1200, 800
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 90], fill="#1f4e79")
    base, bar_width, gap = height - 120, 170, 110
    for index, (year, value) in enumerate(INFOGRAPHIC_DATA):
        left = 140 + index * (bar_width + gap)
        top = base - int(value * 5.5)
        draw.rectangle([left, top, left + bar_width, base], fill="#0b6e4f")
        draw.text((left + 60, top - 40), f"{value}%", fill="#111111", font_size=36)
        draw.text((left + 50, base + 20), year, fill="#111111", font_size=36)
    draw.line([100, base, width - 80, base], fill="#111111", width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_chart_image(title: str, description: str) -> Any:
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(
            title=title, description=description, credit="Đồ họa: Trung tâm Thông tin"
        )
        image.file = ImageFile(io.BytesIO(draw_chart(title)), name=f"{title}.png")
        image.save()
        for spec in PAGE_RENDITION_FILTERS:
            image.get_rendition(spec)
    return image
