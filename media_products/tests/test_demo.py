"""The demo: every type in both languages, files generated at seed time, idempotent, and scalable."""

import io

import pytest
from wagtail.models import Page

from media_products.demo import KINDS, ensure_media_products
from media_products.models import CaptionTrack, MediaIndexPage, PortalMedia, product_models
from media_products.probe import probe_media
from media_products.webvtt import parse_webvtt
from testsupport import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(homes):
    images = [make_image(f"demo-{n}", description=f"Ảnh minh họa {n}") for n in range(4)]
    ensure_media_products(*homes, images, count=12, log=lambda message: None)
    return images


def _publishing_data(page):
    """The page's values as the editor form would hand them to the publishing guards."""
    return {field.name: getattr(page, field.name) for field in page._meta.concrete_fields}


def test_demo_builds_every_type_in_both_languages_once_and_scales(seeded, homes, client):
    # One seeding, several facts: seeding takes seconds, so the checks share it.
    index_vi = MediaIndexPage.objects.get(locale__language_code="vi")
    index_en = MediaIndexPage.objects.get(locale__language_code="en")
    assert (index_vi.slug, index_vi.title, index_vi.show_in_menus) == (
        "da-phuong-tien",
        "Đa phương tiện",
        True,
    )
    assert index_en.slug == "multimedia" and index_en.translation_key == index_vi.translation_key
    assert index_vi.live and index_en.live

    for index in (index_vi, index_en):
        for model in product_models():
            page = model.objects.live().child_of(index).first()
            assert page is not None, (index.locale, model)
            assert model.publishing_problems(_publishing_data(page)) == {}, page
            assert client.get(page.url).status_code == 200

    kinds = set()
    for media in PortalMedia.objects.all():
        with media.file.open("rb") as handle:
            probe = probe_media(io.BytesIO(handle.read()), media.file.name)
        assert 1.5 <= probe.duration <= 3.5 and media.file_size < 200_000
        kinds.add(media.type)
    assert kinds == {"video", "audio"}
    assert {t.language for t in CaptionTrack.objects.all()} == {"vi", "en"}
    assert all(parse_webvtt(track.content) for track in CaptionTrack.objects.all())

    before = (Page.objects.count(), PortalMedia.objects.count(), CaptionTrack.objects.count())
    ensure_media_products(*homes, seeded, count=12, log=lambda message: None)
    assert (
        Page.objects.count(),
        PortalMedia.objects.count(),
        CaptionTrack.objects.count(),
    ) == before

    # Scaling up reuses the files and spreads the products over every type.
    files = PortalMedia.objects.count()
    ensure_media_products(*homes, seeded, count=300, log=lambda message: None)
    assert Page.objects.child_of(index_vi).live().count() == 300
    assert PortalMedia.objects.count() == files
    for model in KINDS.values():
        assert model.objects.child_of(index_vi).count() >= 50
    response = client.get(index_vi.url, {"page": "15"})
    assert (
        response.status_code == 200 and response.content.decode().count('class="card__title"') == 20
    )
