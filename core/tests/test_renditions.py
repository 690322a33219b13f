"""Renditions are made when an image is uploaded or a page published, never on a reader's first view."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from core.images import CARD_FILTER, HERO_FILTER
from core.tasks import READER_RENDITION_FILTERS, images_used_by
from testsupport import make_article, make_image, make_section, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_renditions_cache():
    # Ids are reused after each test's rollback; a cached rendition of another test's image would
    # stand in for the row this test expects.
    caches["renditions"].clear()


def rendition_specs(image) -> set[str]:
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_uploading_an_image_makes_every_reader_rendition(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image("anh-tai-len", size=(1600, 900))
    assert rendition_specs(image) == set(READER_RENDITION_FILTERS)


def test_publishing_a_page_makes_renditions_for_the_images_it_uses(
    django_capture_on_commit_callbacks,
):
    home, _home_en = make_site()
    section = make_section(home, "Tin tức")
    featured = make_image("anh-dai-dien")  # no commit callbacks: uploaded without renditions
    in_body = make_image("anh-trong-bai")
    assert rendition_specs(featured) == set()
    body = [
        {"type": "paragraph", "value": "<p>Nội dung.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": in_body.pk, "decorative": False, "alt_text": "Ảnh"},
                "caption": "",
                "credit": "",
            },
        },
    ]
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(section, "Bài có ảnh", featured_image=featured, body=body)
    assert set(images_used_by(article)) == {featured.pk, in_body.pk}
    assert rendition_specs(featured) >= {CARD_FILTER, HERO_FILTER}
    assert rendition_specs(in_body) == set(READER_RENDITION_FILTERS)


def test_a_rendition_asked_for_again_comes_from_the_renditions_cache():
    image = make_image("anh-bo-nho-dem")
    image.get_rendition(CARD_FILTER)
    fresh = get_image_model().objects.get(pk=image.pk)
    with CaptureQueriesContext(connection) as queries:
        fresh.get_rendition(CARD_FILTER)
    assert len(queries) == 0


def test_a_prefetched_rendition_is_not_written_back_to_the_renditions_cache(monkeypatch):
    # Wagtail's own get_rendition writes every rendition it returns to the cache: on a listing of
    # twenty prefetched cards that was twenty cache round trips for nothing.
    image = make_image("anh-the")
    image.get_rendition(CARD_FILTER)
    prefetched = get_image_model().objects.prefetch_renditions(CARD_FILTER).get(pk=image.pk)
    backend = get_image_model().get_rendition_model().cache_backend
    writes = []
    monkeypatch.setattr(backend, "set", lambda *args, **kwargs: writes.append(args))
    monkeypatch.setattr(backend, "set_many", lambda *args, **kwargs: writes.append(args))
    with CaptureQueriesContext(connection) as queries:
        rendition = prefetched.get_rendition(CARD_FILTER)
    assert rendition.filter_spec == CARD_FILTER
    assert len(queries) == 0
    assert writes == []


def test_a_rendition_read_from_the_database_is_still_cached_for_the_next_reader():
    image = make_image("anh-co-so-du-lieu")
    image.get_rendition(HERO_FILTER)
    caches["renditions"].clear()
    get_image_model().objects.get(pk=image.pk).get_rendition(HERO_FILTER)  # from the table
    with CaptureQueriesContext(connection) as queries:
        get_image_model().objects.get(pk=image.pk).get_rendition(HERO_FILTER)
    assert len(queries) == 1  # the image row; the rendition came from the cache


def test_a_shared_filter_still_follows_each_images_focal_point():
    """`shared_filter` reuses parsed specs; the rendition still depends on the image's focal point."""
    from core.models.images import shared_filter

    image = make_image("anh-tieu-diem", size=(1600, 900))
    first = image.get_rendition(CARD_FILTER)
    image.focal_point_x, image.focal_point_y = 200, 200
    image.focal_point_width = image.focal_point_height = 100
    image.save()
    image = get_image_model().objects.get(pk=image.pk)
    moved = image.get_rendition(CARD_FILTER)
    assert shared_filter(CARD_FILTER) is shared_filter(CARD_FILTER)
    assert moved.focal_point_key != first.focal_point_key
    assert moved.pk != first.pk
