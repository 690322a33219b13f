"""Demo multimedia: one product of every type in Vietnamese and in English, and a bulk corpus.

`ensure_media_products(..., count=N)` makes the Vietnamese index hold at least N products. The
bulk path writes rows directly (as the news demo does) and reuses the same few generated files,
so thousands of products take seconds, not an encoder run each.
"""

import uuid
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from media_products.models import (
    AudioPage,
    EMagazinePage,
    InfographicPage,
    MediaIndexPage,
    PhotoStoryPage,
    VideoPage,
)
from news.demo.articles import ensure_child, publish

from .files import ensure_caption_track, ensure_chart_image, ensure_media_file, ensure_series
from .texts import AUDIO_TRANSCRIPT, INFOGRAPHIC_DATA, TEXT, VIDEO_TRANSCRIPT

BATCH = 500
Log = Callable[[str], None]


def _block(block_type: str, value: Any) -> dict[str, Any]:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


class DemoKit:
    """The shared files and the field values of each product type, in one language."""

    def __init__(self, language: str, images: Sequence[Any]) -> None:
        self.language = language
        self.text = TEXT[language]
        self.images = list(images)
        self.video = ensure_media_file(
            f"demo-video-{language}", "video", "mp4" if language == "vi" else "webm"
        )
        self.audio = ensure_media_file(
            f"demo-podcast-{language}", "audio", "mp3" if language == "vi" else "ogg", hue=40
        )
        self.captions = ensure_caption_track(language, f"demo-captions-{language}")
        self.series = ensure_series(language, self.images[0] if self.images else None)
        self.chart = ensure_chart_image(f"demo-chart-{language}", self.text["graphic_alt"])

    def fields(self, kind: str, number: int = 0) -> dict[str, Any]:
        title, lead = self.text[kind]
        image = self.images[number % len(self.images)] if self.images else None
        common = {"title": title, "lead": lead, "featured_image": image}
        if kind == "video":
            return {
                **common,
                "video": self.video,
                "captions": self.captions,
                "transcript": VIDEO_TRANSCRIPT[self.language],
            }
        if kind == "audio":
            return {
                **common,
                "audio": self.audio,
                "series": self.series,
                "episode_number": number + 1,
                "transcript": AUDIO_TRANSCRIPT[self.language],
            }
        if kind == "photo":
            photos = [
                _block(
                    "photo",
                    {
                        "image": self.images[(number + i) % len(self.images)].pk,
                        "alt_text": "",
                        "caption": caption,
                        "credit": "",
                    },
                )
                for i, caption in enumerate(self.text["photo_captions"])
            ]
            return {**common, "photos": photos}
        if kind == "infographic":
            rows = [
                self.text["table_header"],
                *[[year, str(value)] for year, value in INFOGRAPHIC_DATA],
            ]
            table = {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": self.text["table_caption"],
            }
            items = "".join(f"<li>{year}: {value}%</li>" for year, value in INFOGRAPHIC_DATA)
            return {
                **common,
                "featured_image": self.chart,
                "graphic": self.chart,
                "graphic_alt": self.text["graphic_alt"],
                "text_description": [
                    _block("paragraph", f"<p>{self.text['description']}</p><ul>{items}</ul>"),
                    _block("table", table),
                ],
            }
        body: list[dict[str, Any]] = []
        for index, (level, heading, paragraph) in enumerate(self.text["emag_sections"]):
            body.append(_block("heading", {"text": heading, "level": level}))
            body.append(_block("paragraph", f"<p>{paragraph}</p>"))
            if index == 1 and self.images:
                wide = self.images[(number + 2) % len(self.images)]
                body.append(
                    _block(
                        "wide_image",
                        {
                            "image": {
                                "image": wide.pk,
                                "alt_text": wide.description,
                                "decorative": False,
                            },
                            "caption": "",
                        },
                    )
                )
            if index == 2:
                quote, who = self.text["pull_quote"]
                body.append(_block("pull_quote", {"quote": quote, "attribution": who}))
        return {**common, "body": body}


KINDS: dict[str, type[Page]] = {
    "video": VideoPage,
    "audio": AudioPage,
    "photo": PhotoStoryPage,
    "infographic": InfographicPage,
    "emagazine": EMagazinePage,
}
SLUGS = {
    "vi": {
        "video": "video-hoi-nghi-chuyen-doi-so",
        "audio": "podcast-dich-vu-cong-truc-tuyen",
        "photo": "anh-mot-ngay-o-trung-tam-du-lieu",
        "infographic": "do-hoa-dich-vu-cong-qua-cac-con-so",
        "emagazine": "emagazine-chuyen-doi-so-o-vung-cao",
    },
    "en": {
        "video": "video-digital-transformation-conference",
        "audio": "podcast-online-public-services",
        "photo": "photos-a-day-at-the-data-centre",
        "infographic": "infographic-online-services-in-numbers",
        "emagazine": "emagazine-digital-transformation-highlands",
    },
}


def ensure_indexes(home_vi: Page, home_en: Page) -> tuple[MediaIndexPage, MediaIndexPage]:
    index_vi = ensure_child(
        home_vi,
        MediaIndexPage,
        "da-phuong-tien",
        title="Đa phương tiện",
        show_in_menus=True,
        intro=TEXT["vi"]["index_intro"],
    )
    locale_en = Locale.objects.get(language_code="en")
    index_en = index_vi.get_translation_or_none(locale_en)
    if index_en is None:
        index_en = index_vi.copy_for_translation(locale_en)
        index_en.title, index_en.slug, index_en.intro = (
            "Multimedia",
            "multimedia",
            TEXT["en"]["index_intro"],
        )
        index_en.show_in_menus = True
        publish(index_en)
    return index_vi, index_en.specific


def ensure_media_products(
    home_vi: Page, home_en: Page, images: Sequence[Any], count: int, log: Log
) -> None:
    """Both indexes, one showcase product of each type per language, then bulk products up to `count`."""
    index_vi, index_en = ensure_indexes(home_vi, home_en)
    kits = {"vi": DemoKit("vi", images), "en": DemoKit("en", images)}
    for language, index in (("vi", index_vi), ("en", index_en)):
        for kind, model in KINDS.items():
            ensure_child(index, model, SLUGS[language][kind], **kits[language].fields(kind))
    existing = Page.objects.child_of(index_vi).count()
    missing = max(0, count - existing)
    if missing:
        log(f"Tạo {missing} sản phẩm đa phương tiện (đã có {existing}).")
        bulk_create_products(index_vi, kits["vi"], missing, start_number=existing)
    else:
        log(f"Đã có {existing} sản phẩm đa phương tiện: không tạo thêm.")


def bulk_create_products(
    index: MediaIndexPage, kit: DemoKit, count: int, start_number: int = 0
) -> int:
    """`count` live products of every type under the index, older than the showcase, sharing files."""
    kinds = list(KINDS)
    content_types = {
        kind: ContentType.objects.get_for_model(model) for kind, model in KINDS.items()
    }
    now = timezone.now()
    backend = get_search_backend()
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        with transaction.atomic():
            index.refresh_from_db()
            last = (
                Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
                .order_by("-path")
                .first()
            )
            step = Page._str2int(last.path[-Page.steplen :]) if last else 0
            rows: list[tuple[str, Page]] = []
            for i in range(size):
                number = start_number + made + i
                kind = kinds[number % len(kinds)]
                step += 1
                fields = kit.fields(kind, number)
                title = f"{fields['title']} ({number + 1})"
                slug = f"{SLUGS[kit.language][kind]}-{uuid.uuid4().hex[:8]}"
                published = now - timedelta(days=1, hours=9 * (number + 1))
                page = Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_types[kind],
                    path=Page._get_path(index.path, index.depth + 1, step),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                )
                rows.append((kind, page))
            Page.objects.bulk_create([page for _kind, page in rows])
            by_model: dict[type[Page], list[Page]] = {}
            for position, (kind, page) in enumerate(rows):
                model = KINDS[kind]
                fields = kit.fields(kind, start_number + made + position)
                fields.pop("title")
                specific = model(page_ptr_id=page.pk, **fields)
                specific.__dict__.update(
                    {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
                )
                by_model.setdefault(model, []).append(specific)
            for model, objects in by_model.items():
                model._base_manager._insert(objects, fields=list(model._meta.local_concrete_fields))
                backend.add_bulk(model, objects)
            MediaIndexPage.objects.filter(pk=index.pk).update(numchild=F("numchild") + size)
        made += size
    return made
